// Tổng hợp (SPEC §7, §8 tong-hop): many cells' registers → one row per cell and a list
// of every topic. Pure: the CLI and the pane read the files, run the check, and hand
// each (file, book, result) here.
import { countBySeverity } from "../check/check";
import { formatDate } from "../read/dates";
import { computeFacts } from "../check/facts";
import { topicStatusLabel } from "./report";
import type { CellStyle, ModelCell, ModelTable, ModelValue, Range1, SheetModel } from "./sheetModel";
import type { CheckResult, ParsedWorkbook, Quarter, SimpleDate, WorkbookGrid } from "../shared/types";
import { cellText } from "../read/values";

export interface ConsolidatedTopic {
  /** Year of the meeting date, else the register year. */
  year: number;
  quarter: Quarter | null;
  title: string;
  group: string;
  /** Drafters joined with ", ". */
  assignees: string;
  /** The valid meeting date, else null (see meetingText). */
  meeting: SimpleDate | null;
  /** The meeting cell as written when it is not a date ("" when empty or a date). */
  meetingText: string;
  /** Đã sinh hoạt / Dự kiến / Hoãn / Hủy, as the check sees it on the as-of date. */
  status: string;
}

export interface ConsolidatedCell {
  file: string;
  /** `Đảng bộ cơ sở` of Thông tin ("" when absent). */
  partyCommittee: string;
  /** `Chi bộ` of Thông tin ("" when absent). */
  cell: string;
  year: number;
  /** Held topics of the year per quarter. */
  quarters: [number, number, number, number];
  /** Held topics of the year. */
  total: number;
  /** total ≥ the cell's `Số chuyên đề tối thiểu/năm` (default 4). */
  meetsMinimum: boolean;
  errors: number;
  warnings: number;
  /** Quarters with an error-level THIEU_CHUYEN_DE_QUY (ended without a held topic). */
  missingQuarters: Quarter[];
  /** The yearly minimum the cell is held to. Not part of the JSON output. */
  minTopicsPerYear: number;
  /** Every topic row of the register. Not part of the JSON output. */
  topics: ConsolidatedTopic[];
}

export interface UnreadableFile {
  file: string;
  /** Vietnamese: why it could not be used. */
  reason: string;
}

export function consolidateEntry(file: string, book: ParsedWorkbook, result: CheckResult): ConsolidatedCell {
  const facts = computeFacts(book, { year: result.year, asOf: result.asOf });
  const quarters: [number, number, number, number] = [0, 0, 0, 0];
  for (const q of result.quarters) quarters[q.quarter - 1] = q.held;
  const total = quarters.reduce((a, b) => a + b, 0);
  const { errors, warnings } = countBySeverity(result.findings);
  const missing = new Set<Quarter>();
  for (const f of result.findings) {
    if (f.code === "THIEU_CHUYEN_DE_QUY" && f.severity === "error" && f.quarter !== undefined) missing.add(f.quarter);
  }
  const minTopicsPerYear = facts.thresholds.minTopicsPerYear;
  return {
    file,
    partyCommittee: book.info.dangBoCoSo.trim(),
    cell: book.info.chiBo.trim(),
    year: result.year,
    quarters,
    total,
    meetsMinimum: total >= minTopicsPerYear,
    errors,
    warnings,
    missingQuarters: [...missing].sort((a, b) => a - b),
    minTopicsPerYear,
    topics: facts.topics.map((f) => ({
      year: f.year,
      quarter: f.quarter,
      title: f.topic.title,
      group: f.topic.group,
      assignees: f.topic.assignees.join(", "),
      meeting: f.meeting,
      meetingText: f.meeting ? "" : f.topic.meetingOn.text,
      status: topicStatusLabel(f),
    })),
  };
}

/** The `--json` output of tong-hop (SPEC §8): exactly these keys, in this order. */
export interface ConsolidationJson {
  cells: {
    file: string;
    partyCommittee: string;
    cell: string;
    year: number;
    quarters: number[];
    total: number;
    meetsMinimum: boolean;
    errors: number;
    warnings: number;
    missingQuarters: number[];
  }[];
  unreadable: { file: string; reason: string }[];
}

export function consolidationJson(entries: readonly ConsolidatedCell[], unreadable: readonly UnreadableFile[]): ConsolidationJson {
  return {
    cells: entries.map((e) => ({
      file: e.file,
      partyCommittee: e.partyCommittee,
      cell: e.cell,
      year: e.year,
      quarters: [...e.quarters],
      total: e.total,
      meetsMinimum: e.meetsMinimum,
      errors: e.errors,
      warnings: e.warnings,
      missingQuarters: [...e.missingQuarters],
    })),
    unreadable: unreadable.map((u) => ({ file: u.file, reason: u.reason })),
  };
}

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

const FONT = "Times New Roman";
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
const CELL: CellStyle = { fontName: FONT, fontSize: 11, border: true, vAlign: "top" };
const WRAP: CellStyle = { ...CELL, wrap: true };
const CENTER: CellStyle = { ...CELL, hAlign: "center" };
const TOTAL: CellStyle = { ...CENTER, bold: true };
const TITLE: CellStyle = { fontName: FONT, fontSize: 14, bold: true, hAlign: "center" };
const NOTE: CellStyle = { fontName: FONT, fontSize: 11, italic: true, hAlign: "center" };
const SECTION: CellStyle = { fontName: FONT, fontSize: 12, bold: true };

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
  "Đạt tối thiểu/năm",
  "Số lỗi",
  "Số cảnh báo",
  "Quý thiếu chuyên đề",
  "Tệp",
] as const;
const SUMMARY_WIDTHS = [undefined, 5, 24, 24, 7, 7, 7, 7, 7, 11, 11, 7, 9, 12, 30];

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
const TOPIC_WIDTHS = [undefined, 6, 22, 22, 7, 6, 45, 18, 22, 13, 13, 28];

const ROMAN = ["I", "II", "III", "IV"] as const;

class Builder {
  readonly cells: ModelCell[] = [];
  readonly merges: Range1[] = [];
  set(row: number, col: number, value: ModelValue, style: CellStyle): void {
    this.cells.push({ row, col, value, style });
  }
  span(row: number, left: number, right: number, value: ModelValue, style: CellStyle): void {
    this.set(row, left, value, style);
    if (style.border) for (let c = left + 1; c <= right; c++) this.set(row, c, null, style);
    if (right > left) this.merges.push({ top: row, left, bottom: row, right });
  }
  row(row: number, values: readonly ModelValue[], styles: readonly CellStyle[]): void {
    values.forEach((v, i) => this.set(row, i + 1, v, styles[i] ?? CELL));
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
}

/**
 * Sheet "Tổng hợp" (one row per cell, a total row, then the files that could not be
 * read with the reason) and sheet "Danh sách chuyên đề" (every topic with its cell).
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

  // ---- Tổng hợp
  const s = new Builder();
  s.span(1, 1, last, `${CONSOLIDATION_TITLE_PREFIX}${yearsLabel(entries)}`, TITLE);
  const asOf = options.asOf ? `Số liệu tính đến ngày ${formatDate(options.asOf)}; ` : "";
  s.span(
    2,
    1,
    last,
    `(${asOf}${entries.length} sổ chi bộ đã tổng hợp, ${unreadable.length} tệp không đọc được)`,
    NOTE,
  );
  const headerRow = 4;
  let r = headerRow + 1;
  const tables: ModelTable[] = [];
  if (entries.length > 0) {
    // A table rather than styled cells: filter/sort for the upper level, and cheap to
    // write for a thousand cells.
    tables.push({
      name: summaryTable,
      top: headerRow,
      left: 1,
      headers: [...SUMMARY_HEADERS],
      rows: entries.map((e, i) => [
        i + 1,
        text(e.partyCommittee),
        text(e.cell),
        e.year,
        e.quarters[0],
        e.quarters[1],
        e.quarters[2],
        e.quarters[3],
        e.total,
        e.meetsMinimum ? "Đạt" : "Chưa đạt",
        e.errors,
        e.warnings,
        text(e.missingQuarters.map((q) => ROMAN[q - 1]).join(", ")),
        e.file,
      ]),
    });
    r += entries.length;
  } else {
    s.row(headerRow, SUMMARY_HEADERS, SUMMARY_HEADERS.map(() => HEAD));
  }
  if (entries.length === 0) {
    s.span(r++, 1, last, "Không có sổ nào đọc được.", { ...CELL, italic: true, hAlign: "center" });
  } else {
    const sum = (k: number) => entries.reduce((n, e) => n + e.quarters[k], 0);
    const met = entries.filter((e) => e.meetsMinimum).length;
    s.span(r, 1, 4, "Cộng", TOTAL);
    s.set(r, 5, sum(0), TOTAL);
    s.set(r, 6, sum(1), TOTAL);
    s.set(r, 7, sum(2), TOTAL);
    s.set(r, 8, sum(3), TOTAL);
    s.set(r, 9, entries.reduce((n, e) => n + e.total, 0), TOTAL);
    s.set(r, 10, `${met}/${entries.length} đạt`, { ...TOTAL, numberFormat: "@" });
    s.set(r, 11, entries.reduce((n, e) => n + e.errors, 0), TOTAL);
    s.set(r, 12, entries.reduce((n, e) => n + e.warnings, 0), TOTAL);
    s.set(r, 13, entries.filter((e) => e.missingQuarters.length > 0).length + " chi bộ", TOTAL);
    s.set(r, 14, null, TOTAL);
    r++;
  }
  r++;
  s.set(r++, 1, "TỆP KHÔNG ĐỌC ĐƯỢC", SECTION);
  if (unreadable.length === 0) {
    s.set(r++, 1, "Không có.", { fontName: FONT, fontSize: 11, italic: true });
  } else {
    s.row(r, ["STT", "Tệp"], [HEAD, HEAD]);
    s.span(r++, 3, last, "Lý do", HEAD);
    unreadable.forEach((u, i) => {
      s.row(r, [i + 1, u.file], [CENTER, WRAP]);
      s.span(r++, 3, last, u.reason, WRAP);
    });
  }
  const summary: SheetModel = {
    name: summaryName,
    cells: s.cells,
    merges: s.merges,
    tables,
    columnWidths: SUMMARY_WIDTHS,
    freezeRows: headerRow + 1,
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, printTitleRows: [headerRow, headerRow] },
  };

  // ---- Danh sách chuyên đề
  const l = new Builder();
  const lastT = TOPIC_HEADERS.length;
  l.span(1, 1, lastT, `${TOPIC_LIST_TITLE}${yearsLabel(entries)}`, TITLE);
  const listHeader = 3;
  const listRows: ModelValue[][] = [];
  for (const e of entries) {
    for (const t of e.topics) {
      listRows.push([
        listRows.length + 1,
        text(e.partyCommittee),
        text(e.cell),
        t.year,
        t.quarter === null ? null : ROMAN[t.quarter - 1],
        t.title,
        text(t.group),
        text(t.assignees),
        t.meeting ? { date: t.meeting } : text(t.meetingText),
        t.status,
        e.file,
      ]);
    }
  }
  const n = listRows.length;
  r = listHeader + 1;
  const listTables: ModelTable[] = [];
  if (n > 0) {
    listTables.push({ name: listTable, top: listHeader, left: 1, headers: [...TOPIC_HEADERS], rows: listRows });
  } else {
    l.row(listHeader, TOPIC_HEADERS, TOPIC_HEADERS.map(() => HEAD));
  }
  if (n === 0) l.span(r++, 1, lastT, "Không có chuyên đề nào.", { ...CELL, italic: true, hAlign: "center" });
  const list: SheetModel = {
    name: listName,
    cells: l.cells,
    merges: l.merges,
    tables: listTables,
    columnWidths: TOPIC_WIDTHS,
    freezeRows: listHeader + 1,
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, printTitleRows: [listHeader, listHeader] },
  };
  return [summary, list];
}
