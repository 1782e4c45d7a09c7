// `chuyende chuyen-doi FILE -o OUT.xlsx` — the user's workbook, untouched, with the
// canonical register (and any canonical sheet it lacks) added beside its sheets.
import type { CliIO, Command, ParsedArgs } from "../command";
import { openWorkbookToSave, takeGrid, workbookToSaveThroughExceljs } from "../xlsx";
import {
  dateOption,
  overwriteOption,
  requireInput,
  requireOutput,
  saveWorkbook,
  checkOutputPath,
  yearOption,
  saveAddedSheets,
} from "../io";
import { renderSheet } from "../../xlsx/render";
import { buildCanonicalWorkbook, type CanonicalSheetKey } from "../../core/make/canonical";
import { proposeMapping, convertRegister } from "../../core/make/convert";
import { readWorkbook } from "../../core/read/register";
import { check } from "../../core/check/check";
import { SHEETS, TABLES } from "../../core/read/layout";
import { REGISTER_COLUMNS, UserError, type WorkbookGrid } from "../../core/shared/types";

/** A sheet name not yet used in the workbook (Excel compares names case-insensitively). */
export function freeSheetName(names: readonly string[], wanted: string): string {
  const taken = new Set(names.map((n) => n.normalize("NFC").toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `${wanted} (chuẩn)` : `${wanted} (chuẩn ${i})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** What chuyen-doi adds, planned from the grid (which this takes; nothing here keeps it). */
function planConversion(grid: WorkbookGrid, file: string, args: ParsedArgs, io: CliIO) {
  const existingTables = new Set((grid.tables ?? []).map((t) => t.name.toLowerCase()));
  const sheetsNow = grid.sheets.map((s) => s.name);
  const plan = proposeMapping(grid);
  if (!plan) {
    throw new UserError(
      "KHONG_CO_SO",
      `Không tìm thấy sổ chuyên đề trong ${file}: không trang nào có dòng tiêu đề (trong 20 dòng đầu) gồm cột Tên chuyên đề ` +
        `cùng ít nhất hai cột khác của sổ (STT, Quý, Người phụ trách, Ngày sinh hoạt…). Sửa dòng tiêu đề rồi chạy lại, ` +
        `hoặc tạo sổ mới bằng chuyende khoi-tao.`,
      { file },
    );
  }
  if (plan.fromTable) {
    throw new UserError(
      "DA_CHUAN",
      `Sổ ${file} đã có sổ chuyên đề theo mẫu chuẩn (trang "${plan.sheet}") — không cần chuyển đổi. ` +
        `Dùng chuyende kiem-tra để kiểm tra.`,
      { file, sheet: plan.sheet },
    );
  }
  const rows = convertRegister(grid, plan);
  const book = readWorkbook(grid);
  const year = yearOption(args) ?? check(book, { asOf: dateOption(args, io) }).year;

  // Add only what the workbook lacks: an empty canonical Đảng viên beside the user's own
  // list would be read first (tables win) and hide it.
  const missing: CanonicalSheetKey[] = ["register"];
  if (!book.info.found && !existingTables.has(TABLES.info.toLowerCase())) missing.unshift("info");
  if (!book.members && !existingTables.has(TABLES.members.toLowerCase())) missing.push("members");
  if (!book.attendance && !existingTables.has(TABLES.attendance.toLowerCase())) missing.push("attendance");
  if (!book.minutes && !existingTables.has(TABLES.minutes.toLowerCase())) missing.push("minutes");
  if (!book.opinions && !existingTables.has(TABLES.opinions.toLowerCase())) missing.push("opinions");
  const sheetNames: Partial<Record<CanonicalSheetKey, string>> = {};
  for (const k of missing) sheetNames[k] = freeSheetName(sheetsNow, SHEETS[k]);

  const models = buildCanonicalWorkbook({
    year,
    // The titles say the chi bộ of the workbook's own Thông tin (or read the one added).
    chiBo: book.info.chiBo || undefined,
    register: rows,
    emptyRows: 10,
    sheetNames,
    only: missing,
  });
  return { plan, rows, missing, sheetNames, models };
}

export const chuyenDoi: Command = {
  name: "chuyen-doi",
  summary: "Chuyển sổ đang có về mẫu chuẩn: thêm trang Sổ chuyên đề theo mẫu bên cạnh, giữ nguyên các trang cũ.",
  usage: "chuyende chuyen-doi FILE.xlsx -o SO-CHUAN.xlsx [--nam Y] [--ghi-de]",
  examples: [
    { command: "chuyende chuyen-doi so-dang-dung.xlsx -o so-theo-mau.xlsx", does: "thêm sổ theo mẫu bên cạnh các trang cũ" },
    { command: "chuyende chuyen-doi so-dang-dung.xlsx -o so-theo-mau.xlsx --nam 2025", does: "khi sổ chưa ghi năm" },
  ],
  valueOptions: ["o", "nam", "ngay"],
  async run(args, io) {
    const file = requireInput(args);
    const out = requireOutput(args, "SO-CHUAN.xlsx");
    const options = { overwrite: overwriteOption(args), inputs: [file] };
    await checkOutputPath(out, options);
    // A large workbook comes without an exceljs copy: its parts are carried over at the end
    // and only the new sheets rendered; else re-saved through exceljs as always.
    const opened = await openWorkbookToSave(file);
    const large = !opened.workbook;
    // The grid is taken out, so a large one is let go once planned (before the write).
    const { plan, rows, missing, sheetNames, models } = planConversion(takeGrid(opened), file, args, io);
    const carried = large && (await saveAddedSheets(file, models, out, options));
    if (!carried) {
      const workbook = await workbookToSaveThroughExceljs(opened, file);
      for (const m of models) renderSheet(workbook, m);
      await saveWorkbook(workbook, out, options);
    }

    const titled = rows.filter((r) => r[REGISTER_COLUMNS.indexOf("Tên chuyên đề")] !== null).length;
    const lines = [
      `Đã chuyển đổi sổ "${plan.sheet}" (dòng tiêu đề ${plan.headerRow}): ${titled} chuyên đề → trang "${sheetNames.register}".`,
      "Ghép cột:",
    ];
    for (const c of REGISTER_COLUMNS) {
      lines.push(`  ${c.padEnd(24)} ← ${plan.columns[c] !== null ? `"${plan.headers[c]}"` : "(không có)"}`);
    }
    if (plan.unmapped.length > 0) {
      lines.push(`Cột không ghép được (giá trị chép vào Ghi chú): ${plan.unmapped.map((u) => u.header || `cột ${u.col}`).join(", ")}.`);
    }
    const added = missing.filter((k) => k !== "register").map((k) => `"${sheetNames[k]}"`);
    if (added.length) lines.push(`Thêm các trang mẫu còn thiếu: ${added.join(", ")}.`);
    for (const note of carried ? [] : opened.notes) lines.push(`Lưu ý: ${note}`);
    lines.push(`Các trang cũ giữ nguyên. Tệp ra: ${out}`, `Kiểm tra: chuyende kiem-tra "${out}"`);
    io.stdout(lines.join("\n") + "\n");
    return 0;
  },
};
