// Tổng hợp (SPEC §7, §8 tong-hop): many cells' registers → one row per cell and a list
// of every topic, as two printable sheets, and the registers left out (unreadable, or older
// copies) in a third: the printed Tổng hợp names no file and counts no checker finding, it
// states the cells' results. The entries are made in consolidation.ts.
import { CONSOLIDATION_FOOTER, FONT } from "../shared/partyFormat";
import { formatDate } from "../read/dates";
import type { ConsolidatedCell, DuplicateFile, UnreadableFile } from "./consolidation";
import { cellDisplayName } from "./consolidation";
import type { CellStyle, ModelCell, ModelTable, ModelValue, PrintSetup, Range1, SheetModel } from "./sheetModel";
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
/** The registers Tổng hợp could not count, by unit, with what to do. */
export const LEFT_OUT_SHEET = "Sổ chưa tổng hợp";
const LEFT_OUT_TITLE = "DANH SÁCH SỔ CHƯA TỔNG HỢP ĐƯỢC";
/** Title of the Tổng hợp sheet; also how a consolidation workbook is recognised. */
export const CONSOLIDATION_TITLE_PREFIX = "TỔNG HỢP KẾT QUẢ SINH HOẠT CHI BỘ CHUYÊN ĐỀ";
const TOPIC_LIST_TITLE = "DANH SÁCH CHUYÊN ĐỀ CỦA CÁC CHI BỘ";

const MAX_SHEET_NAME = 31;
const SUMMARY_TABLE = "tblTongHop";
const TOPIC_LIST_TABLE = "tblDanhSachChuyenDe";
const LEFT_OUT_TABLE = "tblSoChuaTongHop";

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
const CENTER: CellStyle = { ...CELL, hAlign: "center" };
const TOTAL: CellStyle = { ...CENTER, bold: true };
const TITLE: CellStyle = { fontName: FONT, fontSize: 14, bold: true, hAlign: "center", vAlign: "middle", wrap: true };
const NOTE: CellStyle = { fontName: FONT, fontSize: 12, italic: true, hAlign: "center", vAlign: "top", wrap: true };

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
  "Quý không sinh hoạt chuyên đề",
] as const;
/** Millimetres, summing to 261 of the 262 printable. */
const SUMMARY_MM = [12, 50, 54, 14, 15, 15, 15, 15, 22, 24, 25];

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
] as const;
const TOPIC_MM = [10, 30, 32, 12, 10, 69, 24, 30, 22, 22];

const LEFT_OUT_HEADERS = ["STT", "Đơn vị", "Tệp", "Lý do, việc cần làm"] as const;
const LEFT_OUT_MM = [12, 60, 70, 119];

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

/** The unit a file came from, where known: its first folder under the folder given (a đảng
 *  bộ's folder, as the Khối receives them); "" for a file given directly or uploaded. */
export function unitOfLabel(label: string): string {
  const parts = label.split("/");
  return parts.length > 1 ? parts[0] : "";
}

/**
 * Sheet "Tổng hợp" (one row per cell and a total row), sheet "Danh sách chuyên đề" (every topic
 * with its cell) and, when some registers were left out, sheet "Sổ chưa tổng hợp" (the files
 * that could not be read and the older copies of a cell, by unit, with the reason). They print
 * on A4 landscape: a title, Times New Roman, borders, the header row on every page, widths that
 * fit the page, rows as tall as their text, "Trang N" at the foot. Only the last sheet names
 * files; none prints the checker's own error or warning counts.
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
  const leftOut = duplicates.length + unreadable.length;
  const print = (headerRow: number): PrintSetup => ({
    paper: "A4",
    orientation: "landscape",
    fitToWidth: true,
    printTitleRows: [headerRow, headerRow],
    margins: MARGINS,
    footer: CONSOLIDATION_FOOTER,
  });

  // ---- Tổng hợp
  const s = new Builder(SUMMARY_MM);
  s.span(1, 1, last, `${CONSOLIDATION_TITLE_PREFIX}${yearsLabel(entries)}`, TITLE);
  const asOf = options.asOf ? `Số liệu tính đến ngày ${formatDate(options.asOf)}; ` : "";
  const leftOutNote = leftOut > 0 ? `; ${leftOut} sổ chưa tổng hợp được, xem trang “${LEFT_OUT_SHEET}”` : "";
  s.span(2, 1, last, `(${asOf}${entries.length} chi bộ đã tổng hợp${leftOutNote})`, NOTE);
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
      text(e.missingQuarters.map((q) => ROMAN[q - 1]).join(", ")),
    ]);
    // A table rather than plain cells: filter/sort for the upper level.
    tables.push({ name: summaryTable, top: headerRow, left: 1, headers: [...SUMMARY_HEADERS], rows, style: "TableStyleLight1" });
    const styles = [CENTER, CELL, CELL, CENTER, CENTER, CENTER, CENTER, CENTER, CENTER, CENTER, CENTER];
    for (const values of rows) s.row(r++, values, styles);
  }
  if (entries.length === 0) {
    s.span(r++, 1, last, "Không có sổ nào đọc được.", { ...CELL, italic: true, hAlign: "center" });
  } else {
    const sum = (k: number) => entries.reduce((n, e) => n + e.quarters[k], 0);
    const met = entries.filter((e) => e.yearVerdict.kind === "met").length;
    s.span(r, 1, 4, "Cộng", TOTAL);
    for (let k = 0; k < 4; k++) s.set(r, 5 + k, sum(k), TOTAL);
    s.set(
      r,
      9,
      entries.reduce((n, e) => n + e.total, 0),
      TOTAL,
    );
    s.set(r, 10, `${met}/${entries.length} đạt`, TOTAL);
    s.set(r, 11, `${entries.filter((e) => e.missingQuarters.length > 0).length} chi bộ`, TOTAL);
    r++;
  }
  const summary: SheetModel = {
    name: summaryName,
    cells: s.cells,
    merges: s.merges,
    tables,
    columnWidths: [undefined, ...SUMMARY_MM.map(widthCharsForMm)],
    rowHeights: s.rowHeights(r),
    freezeRows: headerRow + 1,
    print: print(headerRow),
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
    const styles = [CENTER, CELL, CELL, CENTER, CENTER, CELL, CELL, CELL, CENTER, CENTER];
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
    print: print(listHeader),
  };
  if (leftOut === 0) return [summary, list];

  // ---- Sổ chưa tổng hợp: by unit (the đảng bộ's folder, or the chi bộ an older copy is of).
  const byFile = new Map(entries.map((e) => [e.file, e]));
  const rowsOut: [string, string, string][] = [
    ...unreadable.map((u): [string, string, string] => [unitOfLabel(label(u.file)), label(u.file), u.reason]),
    ...duplicates.map((d): [string, string, string] => {
      const kept = byFile.get(d.keptFile);
      const unit = kept ? [cellDisplayName(kept.cell), kept.partyCommittee].filter((x) => x !== "").join(" – ") : "";
      return [
        unit || unitOfLabel(label(d.file)),
        label(d.file),
        `Bản trùng của chi bộ đã tính theo tệp ${label(d.keptFile)} (mới hơn) — không tính.`,
      ];
    }),
  ];
  rowsOut.sort((a, b) => a[0].localeCompare(b[0], "vi") || a[1].localeCompare(b[1], "vi"));
  const o = new Builder(LEFT_OUT_MM);
  const lastO = LEFT_OUT_HEADERS.length;
  o.span(1, 1, lastO, `${LEFT_OUT_TITLE}${yearsLabel(entries)}`, TITLE);
  const outHeader = 3;
  o.row(
    outHeader,
    LEFT_OUT_HEADERS,
    LEFT_OUT_HEADERS.map(() => HEAD),
  );
  const outRows: ModelValue[][] = rowsOut.map(([unit, file, reason], i) => [i + 1, unit || "Chưa rõ đơn vị", file, reason]);
  r = outHeader + 1;
  for (const values of outRows) o.row(r++, values, [CENTER, CELL, CELL, CELL]);
  const outName = uniqueSheetName(LEFT_OUT_SHEET, taken);
  const outTable = uniqueTableName(LEFT_OUT_TABLE, takenTables);
  const leftOutSheet: SheetModel = {
    name: outName,
    cells: o.cells,
    merges: o.merges,
    tables: [{ name: outTable, top: outHeader, left: 1, headers: [...LEFT_OUT_HEADERS], rows: outRows, style: "TableStyleLight1" }],
    columnWidths: [undefined, ...LEFT_OUT_MM.map(widthCharsForMm)],
    rowHeights: o.rowHeights(r),
    freezeRows: outHeader + 1,
    print: print(outHeader),
  };
  return [summary, list, leftOutSheet];
}
