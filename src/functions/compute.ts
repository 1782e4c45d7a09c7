// What the custom functions compute, apart from Excel: plain values in, plain values out,
// all by the engine (SPEC §5: "the same code as the check"). functions.ts wraps these for
// Excel; tests call them directly.
import { check } from "../core/check/check";
import { formatVietnameseDate, quarterOf } from "../core/read/dates";
import { readWorkbook as parseWorkbook } from "../core/read/register";
import { withoutReportSheets } from "../core/make/reportSheets";
import { assignmentCounts, countHeld } from "../core/make/stats";
import { REGISTER_COLUMNS, UserError, type CellValue, type ParsedWorkbook, type SimpleDate, type WorkbookGrid } from "../core/shared/types";
import { cellText, isBlank, parseDate, parseQuarter } from "../core/read/values";
import { inputErrorCode } from "./inputErrors";

/** A bad argument: becomes #VALUE! (with this Vietnamese message) in the cell. */
export class FunctionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FunctionInputError";
  }
}

export const CHECK_HEADER = ["Mã", "Mức độ", "Dòng", "Cột", "Nội dung"] as const;
export const ASSIGNMENT_HEADER = ["Họ và tên", "Số chuyên đề"] as const;
export const RANGE_SHEET = "Sổ chuyên đề";

/** An argument's cell as the engine wants it. A data-type cell (entity, formatted number:
 *  "Use data types with custom functions in Excel", learn.microsoft.com/office/dev/add-ins/
 *  excel/custom-functions-data-types-concepts) arrives as an object: its plain value or its
 *  text is used, never "[object Object]". */
function cell(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  // An error cell (see inputErrors.ts) reads as its code, as the pane reads it.
  const error = inputErrorCode(v);
  if (error) return error;
  if (typeof v === "object") {
    const o = v as { basicValue?: unknown; text?: unknown };
    if (typeof o.basicValue === "string" || typeof o.basicValue === "number" || typeof o.basicValue === "boolean") return o.basicValue;
    if (typeof o.text === "string") return o.text;
  }
  return null;
}

/**
 * A range passed to a function (header row + rows) as a one-sheet workbook. `top`/`left`
 * (1-based) place it where it is in the sheet, so rows in findings are the sheet's rows.
 * A range without its header row (a table's data body) of exactly the canonical width
 * gets the canonical header.
 */
export function gridFromRange(
  values: unknown[][],
  at: { top: number; left: number } = { top: 1, left: 1 },
  date1904 = false,
): WorkbookGrid {
  const rows: CellValue[][] = [];
  for (let r = 1; r < at.top; r++) rows.push([]);
  for (const row of values) rows.push([...new Array<CellValue>(at.left - 1).fill(null), ...row.map(cell)]);
  return { sheets: [{ name: RANGE_SHEET, values: rows }], tables: [], date1904 };
}

function bookFromRange(values: unknown[][], at?: { top: number; left: number }, date1904 = false): ParsedWorkbook {
  const book = parseWorkbook(gridFromRange(values, at, date1904));
  if (book.register || values.length === 0 || values[0].length !== REGISTER_COLUMNS.length) return book;
  // A table's data body without its header: read it under the canonical header.
  const top = at ? at.top - 1 : 1;
  const withHeader = parseWorkbook(
    gridFromRange([[...REGISTER_COLUMNS], ...values], { top: Math.max(1, top), left: at?.left ?? 1 }, date1904),
  );
  return withHeader.register ? withHeader : book;
}

/** The grid without the cells a formula's own result covers (0-based box on `sheet`), so
 *  KIEMTRA() placed on the register's sheet never reads its own table as data. */
export function withoutOwnOutput(
  grid: WorkbookGrid,
  box: { sheet: string; top: number; left: number; bottom: number; right: number } | null,
): WorkbookGrid {
  if (!box) return grid;
  return {
    ...grid,
    sheets: grid.sheets.map((s) => {
      if (s.name.toLowerCase() !== box.sheet.toLowerCase()) return s;
      const values = s.values.map((row, r) => {
        if (r < box.top || r > box.bottom || !row) return row;
        const copy = [...row];
        for (let c = box.left; c <= box.right && c < copy.length; c++) copy[c] = null;
        return copy;
      });
      return { ...s, values };
    }),
  };
}

/** A date argument (serial number, date text), or an error naming the argument. */
export function dateArgument(v: unknown, what: string, date1904 = false): SimpleDate {
  const d = parseDate(cell(v), date1904);
  if (!d) throw new FunctionInputError(`${what} không phải ngày hợp lệ: "${cellText(cell(v))}" (ví dụ 05/02/2021).`);
  return d;
}

function yearArgument(v: unknown): number | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(cellText(cell(v)));
  if (!Number.isInteger(n) || n < 1900 || n > 9999) throw new FunctionInputError(`Năm không hợp lệ: "${cellText(cell(v))}" (ví dụ 2021).`);
  return n;
}

/** KIEMTRA on a parsed workbook: the findings table, or "Đạt". */
export function checkTable(
  book: ParsedWorkbook,
  nam: unknown,
  ngayKiemTra: unknown,
  today: SimpleDate,
  date1904 = false,
): (string | number)[][] {
  const asOf =
    ngayKiemTra === null || ngayKiemTra === undefined || ngayKiemTra === "" ? today : dateArgument(ngayKiemTra, "Ngày kiểm tra", date1904);
  const year = yearArgument(nam);
  let result;
  try {
    result = check(book, { year, asOf });
  } catch (err) {
    if (err instanceof UserError || (err as Error).name === "UserError") return [[(err as Error).message]];
    throw err;
  }
  if (result.findings.length === 0) return [["Đạt"]];
  return [
    [...CHECK_HEADER],
    ...result.findings.map((f) => [f.code, f.severity === "error" ? "Lỗi" : "Cảnh báo", f.row ?? "", f.column ?? "", f.message]),
  ];
}

export function kiemTraRange(
  values: unknown[][],
  nam: unknown,
  ngayKiemTra: unknown,
  today: SimpleDate,
  at?: { top: number; left: number },
  date1904 = false,
): (string | number)[][] {
  return checkTable(bookFromRange(values, at, date1904), nam, ngayKiemTra, today, date1904);
}

export function kiemTraWorkbook(grid: WorkbookGrid, nam: unknown, ngayKiemTra: unknown, today: SimpleDate): (string | number)[][] {
  // Report sheets the add-in or bao-cao wrote are output, not part of the register.
  return checkTable(parseWorkbook(withoutReportSheets(grid)), nam, ngayKiemTra, today, grid.date1904 === true);
}

export function quy(ngay: unknown, date1904 = false): number {
  return quarterOf(dateArgument(ngay, "Ngày", date1904));
}

export function ngayVN(ngay: unknown, date1904 = false): string {
  return formatVietnameseDate(dateArgument(ngay, "Ngày", date1904));
}

function registerOf(values: unknown[][], date1904 = false): ParsedWorkbook {
  const book = bookFromRange(values, undefined, date1904);
  if (!book.register) {
    throw new FunctionInputError(
      "Vùng đã chọn không phải sổ chuyên đề: cần dòng tiêu đề có cột Tên chuyên đề (hãy chọn cả bảng trên trang Sổ chuyên đề, kể cả dòng tiêu đề).",
    );
  }
  return book;
}

export function demQuy(values: unknown[][], quyArg: unknown, nam: unknown, today: SimpleDate, date1904 = false): number {
  const q = parseQuarter(cell(quyArg));
  if (!q) throw new FunctionInputError(`Quý không hợp lệ: "${cellText(cell(quyArg))}" (1–4 hoặc I–IV).`);
  return countHeld(registerOf(values, date1904), q, yearArgument(nam), today);
}

export function phanCong(values: unknown[][], dangVien?: unknown[][]): (string | number)[][] {
  const book = registerOf(values);
  const names = dangVien
    ? dangVien
        .flat()
        .map((v) => cellText(cell(v)))
        .filter((s) => !isBlank(s))
    : undefined;
  // A list picked with its header row: drop the header itself.
  const members = names && names.length && /^họ (và )?tên$/i.test(names[0]) ? names.slice(1) : names;
  const counts = assignmentCounts(book, members);
  return [[...ASSIGNMENT_HEADER], ...counts.map((c) => [c.name, c.count])];
}
