// Tổng hợp (SPEC §7, §8 tong-hop): many cells' registers → one row per cell and a list
// of every topic, as two printable sheets. The entries are made in consolidation.ts.
import { FONT } from "../shared/partyFormat";
import { formatDate } from "../read/dates";
import type { ConsolidatedCell, DuplicateFile, UnreadableFile } from "./consolidation";
import { cellDisplayName } from "./consolidation";
import type { CellStyle, ModelCell, ModelTable, ModelValue, Range1, SheetModel } from "./sheetModel";
import type { SimpleDate, WorkbookGrid } from "../shared/types";
import { cellText } from "../read/values";
import { PT_PER_MM, rowHeightFor, widthCharsForMm, wrappedLineCount, CELL_PADDING_PT } from "./textFit";

export {
  cellDisplayName,
  consolidateEntry,
  consolidationJson,
  dedupeCells,
  type ConsolidatedCell,
  type ConsolidatedTopic,
  type ConsolidationJson,
  type DuplicateFile,
  type UnreadableFile,
} from "./consolidation";

// ---- sheets -----------------------------------------------------------------

export const CONSOLIDATION_SHEET = "Tổng hợp";
export const TOPIC_LIST_SHEET = "Danh sách chuyên đề";
/** Title of the Tổng hợp sheet; also how a consolidation workbook is recognised. */
export const CONSOLIDATION_TITLE_PREFIX = "TỔNG HỢP KẾT QUẢ SINH HOẠT CHI BỘ CHUYÊN ĐỀ";
const TOPIC_LIST_TITLE = "DANH SÁCH CHUYÊN ĐỀ CỦA CÁC CHI BỘ";

const MAX_SHEET_NAME = 31;
const SUMMARY_TABLE = "tblTongHop";
const TOPIC_LIST_TABLE = "tblDanhSachChuyenDe";

/** `base`, or `base2`, `base3`… — a table name no table of the workbook has yet (Excel
 *  compares them without case). Adds the name it returns to `taken`. */
export function uniqueTableName(base: string, taken: Set<string>): string {
  const keys = new Set([...taken].map((t) => t.toLowerCase()));
  let name = base;
  for (let n = 2; keys.has(name.toLowerCase()); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/** `base`, or `base (2)`, `base (3)`… — the first that no existing sheet has (Excel
 *  compares sheet names without regard to case). Adds the name it returns to `taken`. */
export function uniqueSheetName(base: string, taken: Set<string>): string {
  const key = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi");
  const keys = new Set([...taken].map(key));
  let name = base;
  for (let n = 2; keys.has(key(name)); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  taken.add(name);
  return name;
}

/** True for a workbook that is a Tổng hợp output rather than a cell's register (a
 *  folder may hold last run's output; its topic list must not count as a register). */
export function isConsolidationWorkbook(grid: WorkbookGrid): boolean {
  return grid.sheets.some((s) =>
    s.values.slice(0, 5).some((row) => (row ?? []).some((v) => cellText(v).startsWith(CONSOLIDATION_TITLE_PREFIX))),
  );
}

const HEAD: CellStyle = {
  fontName: FONT,
  fontSize: 11,
  bold: true,
  border: true,
  wrap: true,
  hAlign: "center",
  vAlign: "middle",
  fill: "DDEBF7",
};
const CELL: CellStyle = { fontName: FONT, fontSize: 11, border: true, wrap: true, vAlign: "top" };
const WRAP: CellStyle = CELL;
const CENTER: CellStyle = { ...CELL, hAlign: "center" };
const TOTAL: CellStyle = { ...CENTER, bold: true };
const TITLE: CellStyle = { fontName: FONT, fontSize: 14, bold: true, hAlign: "center", vAlign: "middle", wrap: true };
const NOTE: CellStyle = { fontName: FONT, fontSize: 12, italic: true, hAlign: "center", vAlign: "top", wrap: true };
const SECTION: CellStyle = { fontName: FONT, fontSize: 12, bold: true, vAlign: "top" };

/** A4 landscape less margins left 20, right 15 mm: 262 mm to print on. */
const MARGINS = { top: 15, bottom: 15, left: 20, right: 15 };

const SUMMARY_HEADERS = [
  "STT",
  "Đảng bộ cơ sở",
  "Chi bộ",
  "Năm",
  "Quý I",
  "Quý II",
  "Quý III",
  "Quý IV",
  "Tổng số đã sinh hoạt",
  "Kết quả cả năm",
  "Số lỗi",
  "Số cảnh báo",
  "Quý thiếu chuyên đề",
  "Tệp",
] as const;
/** Millimetres, summing to 261 of the 262 printable. */
const SUMMARY_MM = [10, 38, 38, 12, 12, 12, 12, 12, 18, 18, 13, 15, 20, 31];

const TOPIC_HEADERS = [
  "STT",
  "Đảng bộ cơ sở",
  "Chi bộ",
  "Năm",
  "Quý",
  "Tên chuyên đề",
  "Nhóm",
  "Người phụ trách",
  "Ngày sinh hoạt",
  "Tình hình",
  "Tệp",
] as const;
const TOPIC_MM = [10, 28, 28, 12, 10, 55, 22, 26, 22, 22, 26];

const ROMAN = ["I", "II", "III", "IV"] as const;

class Builder {
  readonly cells: ModelCell[] = [];
  readonly merges: Range1[] = [];
  readonly heights: number[] = [];
  constructor(private readonly mm: readonly number[]) {}
  private fit(row: number, left: number, right: number, value: ModelValue, style: CellStyle): void {
    const size = style.fontSize ?? 11;
    const t = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
    let mm = 0;
    for (let c = left; c <= right; c++) mm += this.mm[c - 1] ?? 0;
    const lines = t === "" ? 1 : style.wrap ? wrappedLineCount(t, mm * PT_PER_MM - CELL_PADDING_PT, size, style.bold) : 1;
    this.heights[row] = Math.max(this.heights[row] ?? 0, rowHeightFor(lines, size));
  }
  set(row: number, col: number, value: ModelValue, style: CellStyle): void {
    this.cells.push({ row, col, value, style });
    this.fit(row, col, col, value, style);
  }
  span(row: number, left: number, right: number, value: ModelValue, style: CellStyle): void {
    this.cells.push({ row, col: left, value, style });
    this.fit(row, left, right, value, style);
    if (style.border) for (let c = left + 1; c <= right; c++) this.cells.push({ row, col: c, value: null, style });
    if (right > left) this.merges.push({ top: row, left, bottom: row, right });
  }
  row(row: number, values: readonly ModelValue[], styles: readonly CellStyle[]): void {
    values.forEach((v, i) => {
      this.set(row, i + 1, v, styles[i] ?? CELL);
    });
  }
  rowHeights(last: number): (number | undefined)[] {
    const out: (number | undefined)[] = [];
    for (let r = 1; r <= last; r++) out[r] = this.heights[r] ?? 15;
    return out;
  }
}

function yearsLabel(entries: readonly ConsolidatedCell[]): string {
  const years = [...new Set(entries.map((e) => e.year))].sort((a, b) => a - b);
  if (years.length === 0) return "";
  return years.length === 1 ? ` NĂM ${years[0]}` : ` CÁC NĂM ${years.join(", ")}`;
}

function text(s: string): ModelValue {
  return s === "" ? null : s;
}

export interface ConsolidationOptions {
  /** Sheet names already in the workbook (the pane writes into the open one). */
  existingNames?: Iterable<string>;
  /** Table names already in the workbook (table names are unique workbook-wide). */
  existingTables?: Iterable<string>;
  /** The as-of date, printed under the title. */
  asOf?: SimpleDate;
  /** Workbooks left out as older copies of a cell counted from another file. */
  duplicates?: readonly DuplicateFile[];
  /** How a file is named on paper (the CLI: relative to the folder given). */
  fileLabel?: (file: string) => string;
}

/**
 * Sheet "Tổng hợp" (one row per cell, a total row, then the files left out as copies and
 * the files that could not be read, with the reason) and sheet "Danh sách chuyên đề"
 * (every topic with its cell). Both print on A4 landscape: Times New Roman, borders,
 * wrapped headers, widths that fit the page, rows as tall as their text.
 */
export function buildConsolidationSheets(
  entries: readonly ConsolidatedCell[],
  unreadable: readonly UnreadableFile[],
  options: ConsolidationOptions = {},
): SheetModel[] {
  const taken = new Set<string>(options.existingNames ?? []);
  const summaryName = uniqueSheetName(CONSOLIDATION_SHEET, taken);
  const listName = uniqueSheetName(TOPIC_LIST_SHEET, taken);
  const takenTables = new Set<string>(options.existingTables ?? []);
  const summaryTable = uniqueTableName(SUMMARY_TABLE, takenTables);
  const listTable = uniqueTableName(TOPIC_LIST_TABLE, takenTables);
  const last = SUMMARY_HEADERS.length;
  const label = options.fileLabel ?? ((f: string) => f);
  const duplicates = options.duplicates ?? [];

  // ---- Tổng hợp
  const s = new Builder(SUMMARY_MM);
  s.span(1, 1, last, `${CONSOLIDATION_TITLE_PREFIX}${yearsLabel(entries)}`, TITLE);
  const asOf = options.asOf ? `Số liệu tính đến ngày ${formatDate(options.asOf)}; ` : "";
  const copies = duplicates.length > 0 ? `, ${duplicates.length} tệp là bản trùng của chi bộ đã tính` : "";
  s.span(2, 1, last, `(${asOf}${entries.length} chi bộ đã tổng hợp${copies}, ${unreadable.length} tệp không đọc được)`, NOTE);
  const headerRow = 4;
  let r = headerRow + 1;
  const tables: ModelTable[] = [];
  // The header row is styled as cells too: a table's own style neither wraps nor borders
  // when printed.
  s.row(
    headerRow,
    SUMMARY_HEADERS,
    SUMMARY_HEADERS.map(() => HEAD),
  );
  if (entries.length > 0) {
    const rows: ModelValue[][] = entries.map((e, i) => [
      i + 1,
      text(e.partyCommittee),
      text(cellDisplayName(e.cell)),
      e.year,
      e.quarters[0],
      e.quarters[1],
      e.quarters[2],
      e.quarters[3],
      e.total,
      // The year's verdict, not the count alone: four topics with a quarter missed is "Chưa đạt".
      e.yearVerdict.label,
      e.errors,
      e.warnings,
      text(e.missingQuarters.map((q) => ROMAN[q - 1]).join(", ")),
      label(e.file),
    ]);
    // A table rather than plain cells: filter/sort for the upper level.
    tables.push({ name: summaryTable, top: headerRow, left: 1, headers: [...SUMMARY_HEADERS], rows, style: "TableStyleLight1" });
    const styles = [CENTER, CELL, CELL, CENTER, CENTER, CENTER, CENTER, CENTER, CENTER, CENTER, CENTER, CENTER, CENTER, CELL];
    for (const values of rows) s.row(r++, values, styles);
  }
  if (entries.length === 0) {
    s.span(r++, 1, last, "Không có sổ nào đọc được.", { ...CELL, italic: true, hAlign: "center" });
  } else {
    const sum = (k: number) => entries.reduce((n, e) => n + e.quarters[k], 0);
    const met = entries.filter((e) => e.yearVerdict.kind === "met").length;
    s.span(r, 1, 4, "Cộng", TOTAL);
    s.set(r, 5, sum(0), TOTAL);
    s.set(r, 6, sum(1), TOTAL);
    s.set(r, 7, sum(2), TOTAL);
    s.set(r, 8, sum(3), TOTAL);
    s.set(
      r,
      9,
      entries.reduce((n, e) => n + e.total, 0),
      TOTAL,
    );
    s.set(r, 10, `${met}/${entries.length} đạt`, TOTAL);
    s.set(
      r,
      11,
      entries.reduce((n, e) => n + e.errors, 0),
      TOTAL,
    );
    s.set(
      r,
      12,
      entries.reduce((n, e) => n + e.warnings, 0),
      TOTAL,
    );
    s.set(r, 13, `${entries.filter((e) => e.missingQuarters.length > 0).length} chi bộ`, TOTAL);
    s.set(r, 14, null, TOTAL);
    r++;
  }
  // A numbered two-column list below the main table (columns B–G and H–last); returns
  // the row after it.
  const fileTable = (top: number, headers: [string, string], rows: [string, string][]): number => {
    let at = top;
    s.set(at, 1, "STT", HEAD);
    s.span(at, 2, 7, headers[0], HEAD);
    s.span(at++, 8, last, headers[1], HEAD);
    rows.forEach(([a, b], i) => {
      s.set(at, 1, i + 1, CENTER);
      s.span(at, 2, 7, a, WRAP);
      s.span(at++, 8, last, b, WRAP);
    });
    return at;
  };
  if (duplicates.length > 0) {
    r++;
    s.set(r++, 1, "TỆP TRÙNG CHI BỘ (KHÔNG TÍNH, ĐÃ TÍNH THEO TỆP MỚI HƠN)", SECTION);
    r = fileTable(
      r,
      ["Tệp không tính", "Tệp được tính thay"],
      duplicates.map((d) => [label(d.file), label(d.keptFile)]),
    );
  }
  r++;
  s.set(r++, 1, "TỆP KHÔNG ĐỌC ĐƯỢC", SECTION);
  if (unreadable.length === 0) {
    s.set(r++, 1, "Không có.", { fontName: FONT, fontSize: 11, italic: true });
  } else {
    r = fileTable(
      r,
      ["Tệp", "Lý do"],
      unreadable.map((u) => [label(u.file), u.reason]),
    );
  }
  const summary: SheetModel = {
    name: summaryName,
    cells: s.cells,
    merges: s.merges,
    tables,
    columnWidths: [undefined, ...SUMMARY_MM.map(widthCharsForMm)],
    rowHeights: s.rowHeights(r),
    freezeRows: headerRow + 1,
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, printTitleRows: [headerRow, headerRow], margins: MARGINS },
  };

  // ---- Danh sách chuyên đề
  const l = new Builder(TOPIC_MM);
  const lastT = TOPIC_HEADERS.length;
  l.span(1, 1, lastT, `${TOPIC_LIST_TITLE}${yearsLabel(entries)}`, TITLE);
  const listHeader = 3;
  const listRows: ModelValue[][] = [];
  for (const e of entries) {
    for (const t of e.topics) {
      listRows.push([
        listRows.length + 1,
        text(e.partyCommittee),
        text(cellDisplayName(e.cell)),
        t.year,
        t.quarter === null ? null : ROMAN[t.quarter - 1],
        t.title,
        text(t.group),
        text(t.assignees),
        t.meeting ? { date: t.meeting } : text(t.meetingText),
        t.status,
        label(e.file),
      ]);
    }
  }
  const n = listRows.length;
  r = listHeader + 1;
  const listTables: ModelTable[] = [];
  l.row(
    listHeader,
    TOPIC_HEADERS,
    TOPIC_HEADERS.map(() => HEAD),
  );
  if (n > 0) {
    listTables.push({ name: listTable, top: listHeader, left: 1, headers: [...TOPIC_HEADERS], rows: listRows, style: "TableStyleLight1" });
    const styles = [CENTER, CELL, CELL, CENTER, CENTER, CELL, CELL, CELL, CENTER, CENTER, CELL];
    for (const values of listRows) l.row(r++, values, styles);
  }
  if (n === 0) l.span(r++, 1, lastT, "Không có chuyên đề nào.", { ...CELL, italic: true, hAlign: "center" });
  const list: SheetModel = {
    name: listName,
    cells: l.cells,
    merges: l.merges,
    tables: listTables,
    columnWidths: [undefined, ...TOPIC_MM.map(widthCharsForMm)],
    rowHeights: l.rowHeights(r),
    freezeRows: listHeader + 1,
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, printTitleRows: [listHeader, listHeader], margins: MARGINS },
  };
  return [summary, list];
}
