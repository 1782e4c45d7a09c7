// `chuyende goi-y [--nhom 1|2|3] [--nam Y] [FILE]` — the suggested topics (Guidance 09 §1, or
// the workbook's own `Gợi ý chuyên đề` sheet), numbered by group, and the year's great
// anniversaries by quarter, for people who plan on paper.
import type { Command } from "../command";
import { intOption, localToday, yearOption } from "../io";
import { readWorkbookFile } from "../xlsx";
import { anniversariesOf, anniversaryTopic } from "../../core/plan/anniversaries";
import { GUIDANCE_09_SUGGESTIONS, suggestionsFor, type GroupNumber } from "../../core/plan/suggestions";
import { readWorkbook } from "../../core/read/register";
import { romanQuarter } from "../../core/read/dates";
import { inferYear } from "../../core/check/facts";
import { UserError } from "../../core/shared/types";

export const goiY: Command = {
  name: "goi-y",
  summary: "In danh sách chuyên đề gợi ý theo nhóm (HD 09-HD/ĐUK, hoặc trang Gợi ý chuyên đề của sổ) và các ngày kỷ niệm lớn trong năm.",
  usage: "chuyende goi-y [--nhom 1|2|3] [--nam Y] [FILE.xlsx]",
  examples: [
    { command: "chuyende goi-y", does: "in mọi chuyên đề gợi ý của HD 09-HD/ĐUK, theo nhóm" },
    { command: "chuyende goi-y --nhom 2", does: "chỉ in nhóm 2 (thực hiện nhiệm vụ chuyên môn)" },
    {
      command: "chuyende goi-y so-chuyen-de-2021.xlsx --nam 2021",
      does: "in danh sách gợi ý của sổ (trang Gợi ý chuyên đề) và ngày kỷ niệm năm 2021",
    },
  ],
  valueOptions: ["nhom", "nam"],
  async run(args, io) {
    if (args.positional.length > 1) {
      throw new UserError("THUA_THAM_SO", `Thừa tham số: ${args.positional.slice(1).join(" ")} (chỉ nhận một tệp sổ).`);
    }
    const only = intOption(args, "nhom", 1, 3) as GroupNumber | undefined;
    const file = args.positional[0];
    let list = GUIDANCE_09_SUGGESTIONS;
    let year = yearOption(args);
    if (file) {
      const { grid } = await readWorkbookFile(file);
      list = suggestionsFor(grid);
      year ??= inferYear(readWorkbook(grid), { asOf: localToday(io.now()) });
    }
    year ??= localToday(io.now()).year;
    const lines = [`Chuyên đề gợi ý — ${list.source}${list === GUIDANCE_09_SUGGESTIONS ? ` (bản ${list.version})` : ""}`, ""];
    for (const g of list.groups) {
      if (only && g.number !== only) continue;
      lines.push(`Nhóm ${g.number}. ${g.heading} (cột Nhóm: ${g.name})`);
      if (g.items.length === 0) lines.push("   (không có)");
      g.items.forEach((item, i) => lines.push(`  ${g.number}.${i + 1}. ${item}`));
      lines.push("");
    }
    if (!only || only === 1) {
      lines.push(`Ngày kỷ niệm lớn năm ${year} (Nghị định 145/2013/NĐ-CP, Điều 4) — gợi ý chuyên đề ôn truyền thống:`);
      for (const a of anniversariesOf(year)) {
        lines.push(`  Quý ${romanQuarter(a.quarter)}: ${anniversaryTopic(a)}${a.roundName ? ` — ${a.roundName}` : ""}`);
      }
      lines.push("");
    }
    lines.push(`Thêm một gợi ý vào sổ: chuyende ke-hoach SO.xlsx --them 1.2 --quy II --ngay ${year}-05-20 -o SO-MOI.xlsx`);
    io.stdout(lines.join("\n") + "\n");
    return 0;
  },
};
