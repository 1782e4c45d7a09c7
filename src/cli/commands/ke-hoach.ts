// `chuyende ke-hoach FILE …` — planning the year:
//   --them "…" --quy Q [--ngay D] -o OUT.xlsx  adds a suggested (or any) topic to quarter Q as
//     a planned row of the register, in a copy of the workbook (the input is never changed);
//   [--nam Y] [--ngay D] -o OUT.docx           writes the annual plan document.
import type { Command } from "../command";
import {
  checkOutputPath,
  dateOption,
  intOption,
  quarterOption,
  localToday,
  overwriteOption,
  requireInput,
  requireOutput,
  saveWorkbook,
  stringOption,
  writeFileAtomic,
  yearOption,
} from "../io";
import { loadWorkbookFile, readWorkbookFile, fixTables } from "../xlsx";
import { readTemplateFile } from "./de-dan";
import * as path from "path";
import { addedSummary, planTopicRow } from "../../core/plan/addTopic";
import { writePlannedRow } from "../../xlsx/plannedRow";
import { resolveSuggestion, suggestionsFor, type GroupNumber } from "../../core/plan/suggestions";
import { yearPlan } from "../../core/plan/yearPlan";
import { formatDate } from "../../core/read/dates";
import { inferYear } from "../../core/check/facts";
import { readWorkbook } from "../../core/read/register";
import { fillTemplate } from "../../documents/fill";
import { noRegisterError } from "../../core/check/check";
import { UserError } from "../../core/shared/types";

/** assets/templates/ke-hoach.docx (from build/cli/commands or src/cli/commands alike). */
function planTemplatePath(): string {
  return path.resolve(__dirname, "..", "..", "..", "assets", "templates", "ke-hoach.docx");
}

export const keHoach: Command = {
  name: "ke-hoach",
  summary: "Kế hoạch năm: thêm chuyên đề gợi ý vào một quý của sổ (.xlsx), hoặc lập Kế hoạch sinh hoạt chuyên đề năm (.docx).",
  usage:
    'chuyende ke-hoach FILE --them "TÊN|NHÓM.SỐ" --quy Q [--ngay dd/mm/yyyy] [--nhom 1|2|3] [--phu-trach TÊN] -o OUT.xlsx [--ghi-de]\n' +
    "  chuyende ke-hoach FILE [--nam Y] [--ngay dd/mm/yyyy] -o OUT.docx [--ghi-de]",
  examples: [
    {
      command: 'chuyende ke-hoach so-2021.xlsx --them 1.11 --quy III --ngay 20/08/2021 --phu-trach "Lê Văn Cường" -o so-2021-moi.xlsx',
      does: "thêm gợi ý số 11 của nhóm 1 vào Quý III, sinh hoạt ngày 20/08/2021, các ngày khác điền sẵn",
    },
    {
      command: 'chuyende ke-hoach so-2021.xlsx --them "Công tác thanh niên" --nhom 3 --quy 4 -o so-2021-moi.xlsx',
      does: "thêm một chuyên đề tự đặt tên (nhóm 3) vào Quý IV",
    },
    {
      command: "chuyende ke-hoach so-2021.xlsx --nam 2021 --ngay 28/12/2020 -o ke-hoach-2021.docx",
      does: "lập văn bản Kế hoạch sinh hoạt chuyên đề năm 2021 ngày 28/12/2020 (không có --ngay: hôm nay, nhưng không sau buổi sinh hoạt đầu tiên)",
    },
  ],
  valueOptions: ["them", "quy", "ngay", "nhom", "phu-trach", "thong-qua", "nam", "o", "output"],
  async run(args, io) {
    const input = requireInput(args);
    const output = requireOutput(args, "KE-HOACH.docx", [".xlsx", ".docx"]);
    const overwrite = overwriteOption(args);
    const ext = path.extname(output).toLowerCase();
    const them = stringOption(args, "them");
    if (ext !== ".xlsx" && ext !== ".docx") {
      throw new UserError("SAI_DUOI_TEP", `Tệp ra ${output} phải có đuôi .xlsx (thêm chuyên đề vào sổ) hoặc .docx (văn bản kế hoạch).`);
    }
    if (ext === ".docx" && them !== undefined) {
      throw new UserError("SAI_THAM_SO", `--them ghi chuyên đề vào sổ: tệp ra phải là .xlsx (ví dụ -o SO-MOI.xlsx).`);
    }
    if (ext === ".xlsx" && them === undefined) {
      throw new UserError(
        "THIEU_THAM_SO",
        `Thiếu --them "tên chuyên đề" (hoặc số gợi ý như 1.2, xem chuyende goi-y); muốn lập văn bản kế hoạch thì cho -o KE-HOACH.docx.`,
      );
    }
    const yearArg = yearOption(args);
    const today = localToday(io.now());
    await checkOutputPath(output, { overwrite, inputs: [input] });

    if (ext === ".docx") {
      // The plan's date: --ngay, else today — but never after the first meeting it plans.
      const chosen = args.options["ngay"] !== undefined ? dateOption(args, io) : null;
      const template = await readTemplateFile(planTemplatePath());
      const { grid } = await readWorkbookFile(input);
      const book = readWorkbook(grid);
      if (!book.register) throw noRegisterError();
      const year = yearArg ?? inferYear(book, { asOf: chosen ?? today });
      const plan = yearPlan(book, { year, today, date: chosen });
      const bytes = fillTemplate(template, plan.data, { name: "ke-hoach.docx" });
      await writeFileAtomic(output, bytes, { overwrite, inputs: [input] });
      const count = typeof plan.data.soChuyenDe === "string" ? plan.data.soChuyenDe : "…";
      io.stdout(
        `Đã lập Kế hoạch sinh hoạt chi bộ chuyên đề năm ${year} (${count} chuyên đề), ngày ${formatDate(plan.date)}, và ghi vào ${output}.\n`,
      );
      for (const w of plan.warnings) io.stderr(`Cảnh báo: ${w}\n`);
      return 0;
    }

    const meeting = args.options["ngay"] !== undefined ? dateOption(args, io) : null;
    const quarter = quarterOption(args);
    const group = intOption(args, "nhom", 1, 3) as GroupNumber | undefined;
    const { workbook, grid } = await loadWorkbookFile(input);
    fixTables(workbook);
    const list = suggestionsFor(grid);
    const chosen = resolveSuggestion(list, them ?? "", group);
    const result = planTopicRow(
      grid,
      {
        title: chosen.title,
        group: chosen.group,
        quarter,
        meeting,
        drafters: stringOption(args, "phu-trach"),
        approvedBy: stringOption(args, "thong-qua"),
      },
      { asOf: today, year: yearArg },
    );
    writePlannedRow(workbook, result.row);
    await saveWorkbook(workbook, output, { overwrite, inputs: [input] });
    io.stdout(`${addedSummary(result, chosen.title)}\nĐã ghi vào ${output} (tệp ${input} giữ nguyên).\n`);
    for (const w of result.warnings) io.stderr(`Cảnh báo: ${w.message}\n`);
    return 0;
  },
};
