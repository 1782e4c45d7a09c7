// `chuyende khoi-tao -o OUT.xlsx [--nam Y] [--chi-bo TEN]` — a new, empty canonical register.
import type { Command } from "../command";
import { dateOption, overwriteOption, requireOutput, saveWorkbook, stringOption, yearOption } from "../io";
import { newWorkbook, renderSheets } from "../../xlsx/render";
import { buildCanonicalWorkbook } from "../../core/make/canonical";
import { SHEETS } from "../../core/read/layout";
import { UserError } from "../../core/shared/types";

export const khoiTao: Command = {
  name: "khoi-tao",
  summary: "Tạo sổ chuyên đề mới theo mẫu chuẩn (6 trang, có danh sách chọn và định dạng ngày).",
  usage: "chuyende khoi-tao -o SO-CHUYEN-DE.xlsx [--nam Y] [--chi-bo TEN] [--dang-bo TEN] [--ghi-de]",
  examples: [
    { command: "chuyende khoi-tao -o so-chuyen-de-2026.xlsx --nam 2026", does: "sổ mới cho năm 2026" },
    {
      command: 'chuyende khoi-tao -o so-chuyen-de-2026.xlsx --nam 2026 --chi-bo "Chi bộ Văn phòng" --dang-bo "Đảng bộ Sở Tư pháp"',
      does: "điền sẵn tên chi bộ, đảng bộ vào trang Thông tin",
    },
  ],
  valueOptions: ["o", "nam", "chi-bo", "dang-bo"],
  async run(args, io) {
    const out = requireOutput(args, "SO-CHUYEN-DE.xlsx");
    if (args.positional.length > 0) {
      throw new UserError("THUA_THAM_SO", `khoi-tao không nhận tệp vào (${args.positional.join(" ")}); tệp ra ghi sau -o.`);
    }
    const year = yearOption(args) ?? dateOption(args, io).year;
    const wb = newWorkbook();
    renderSheets(wb, buildCanonicalWorkbook({ year, chiBo: stringOption(args, "chi-bo"), dangBoCoSo: stringOption(args, "dang-bo") }));
    await saveWorkbook(wb, out, { overwrite: overwriteOption(args) });
    io.stdout(
      `Đã tạo sổ chuyên đề năm ${year}: ${out}\n` +
        `Các trang: ${Object.values(SHEETS).join(", ")}.\n` +
        `Điền Thông tin (Đảng bộ, Chi bộ, Bí thư, Địa danh), danh sách Đảng viên, rồi ghi các chuyên đề vào trang ${SHEETS.register}.\n`,
    );
    return 0;
  },
};
