// `chuyende bao-cao FILE --quy Q [--nam Y] [--ngay D] -o OUT.xlsx [--ghi-de]` — the
// user's workbook with the sheet "Báo cáo Quý Q-Y" added (or replaced, when an earlier
// run made it). Everything else is carried over as read: the tables are repaired after
// reading (fixTables) so that exceljs does not write them without their header row.
import type ExcelJS from "exceljs";
import type { Command } from "../command";
import { loadWorkbookFile, fixTables } from "../xlsx";
import { renderSheet } from "../render";
import {
  checkOutputPath,
  dateOption,
  intOption,
  overwriteOption,
  requireInput,
  requireOutput,
  saveWorkbook,
  yearOption,
} from "../io";
import { readWorkbook } from "../../core/register";
import { check, countBySeverity } from "../../core/check";
import { formatDate, formatQuarter } from "../../core/dates";
import {
  buildQuarterReport,
  defaultReportQuarter,
  isQuarterReportSheet,
  reportFindings,
  withoutReportSheets,
} from "../../core/report";
import { computeFacts } from "../../core/facts";
import type { Quarter } from "../../core/types";
import { UserError } from "../../core/types";

type ValidationModel = Record<string, unknown>;

function decodeCell(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * exceljs 4.4 keeps a loaded sheet's data validations cell by cell and, when saving,
 * joins them after sorting addresses as text ("B10" before "B2"), which writes
 * overlapping ranges (B10:B13 and B2:B13; exceljs issue #2820) that Excel may repair or
 * half-ignore. Joining the cells into column runs here, by number, gives exceljs ranges
 * it writes as they are.
 * TODO(lead): belongs beside fixTables in src/cli/xlsx.ts so every load-and-save command
 * (chuyen-doi too) gets it.
 */
export function compactDataValidations(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => {
    const holder = (ws as unknown as { dataValidations?: { model: ValidationModel } }).dataValidations;
    if (!holder || !holder.model) return;
    const model = holder.model;
    const next: ValidationModel = {};
    // validation (as JSON) → column → rows
    const groups = new Map<string, { value: unknown; cols: Map<number, number[]> }>();
    for (const [address, value] of Object.entries(model)) {
      if (value === undefined || value === null) continue;
      const cell = decodeCell(address);
      if (!cell) {
        next[address] = value; // already a range, or something we do not touch
        continue;
      }
      const key = JSON.stringify(value);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { value, cols: new Map() }));
      const rows = g.cols.get(cell.col) ?? [];
      rows.push(cell.row);
      g.cols.set(cell.col, rows);
    }
    for (const g of groups.values()) {
      for (const [col, rows] of g.cols) {
        rows.sort((a, b) => a - b);
        let start = rows[0];
        let prev = rows[0];
        const flush = () => {
          const a = `${letters(col)}${start}`;
          next[start === prev ? a : `${a}:${letters(col)}${prev}`] = g.value;
        };
        for (let i = 1; i < rows.length; i++) {
          if (rows[i] === prev + 1) {
            prev = rows[i];
            continue;
          }
          flush();
          start = prev = rows[i];
        }
        flush();
      }
    }
    holder.model = next;
  });
}

export const baoCao: Command = {
  name: "bao-cao",
  summary: "Thêm (hoặc làm lại) trang Báo cáo quý vào một bản sao của sổ.",
  usage: "chuyende bao-cao FILE --quy Q [--nam Y] [--ngay YYYY-MM-DD] -o OUT.xlsx [--ghi-de]",
  valueOptions: ["quy", "nam", "ngay", "o", "output"],
  async run(args, io) {
    const input = requireInput(args);
    const output = requireOutput(args, "BAO-CAO.xlsx");
    const overwrite = overwriteOption(args);
    const asOf = dateOption(args, io);
    const quarterArg = intOption(args, "quy", 1, 4) as Quarter | undefined;
    const yearArg = yearOption(args);
    // Without --quy: the last quarter that has ended (and its year, unless --nam says).
    const fallback = defaultReportQuarter(asOf);
    const quarter = quarterArg ?? fallback.quarter;
    const requestedYear = yearArg ?? (quarterArg === undefined ? fallback.year : undefined);
    // Refuse a bad output before the slow part.
    await checkOutputPath(output, { overwrite, inputs: [input] });

    const { workbook, grid } = await loadWorkbookFile(input);
    fixTables(workbook);
    compactDataValidations(workbook);
    const book = readWorkbook(withoutReportSheets(grid));
    const result = check(book, { year: requestedYear, asOf });
    const year = result.year;
    const model = buildQuarterReport(book, result, quarter, year, { today: asOf });

    const existing = grid.sheets.find((s) => s.name.toLocaleLowerCase("vi") === model.name.toLocaleLowerCase("vi"));
    if (existing && !isQuarterReportSheet(existing)) {
      throw new UserError(
        "TRUNG_TEN_TRANG",
        `Sổ đã có trang "${existing.name}" không phải báo cáo do chương trình lập — ` +
          `đổi tên trang đó rồi chạy lại (chương trình không ghi đè trang của người dùng).`,
        { file: input, sheet: existing.name },
      );
    }
    if (existing && existing.name !== model.name) model.name = existing.name;
    renderSheet(workbook, model, { replace: true });
    await saveWorkbook(workbook, output, { overwrite, inputs: [input] });

    const facts = computeFacts(book, { year, asOf });
    const topics = facts.topics.filter((f) => f.year === year && f.quarter === quarter);
    const held = topics.filter((f) => f.held).length;
    const open = reportFindings(book, result, topics, quarter);
    const { errors, warnings } = countBySeverity(open);
    io.stdout(
      `${existing ? "Đã làm lại" : "Đã thêm"} trang "${model.name}" (${formatQuarter(quarter, year)}, ` +
        `số liệu đến ngày ${formatDate(asOf)}) và ghi vào ${output}.\n` +
        `${formatQuarter(quarter, year)}: ${held} chuyên đề đã sinh hoạt; báo cáo nêu ${errors} lỗi, ${warnings} cảnh báo.\n`,
    );
    return errors > 0 ? 1 : 0;
  },
};

