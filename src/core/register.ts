// Reads a workbook grid into a ParsedWorkbook (SPEC §3.6): finds the register and
// the other tables wherever they are, by header matching, and parses their rows.
// Everything here works on the neutral grid, so the add-in and the CLI read alike.
import {
  ATTENDANCE_SPECS,
  INFO_SPECS,
  MEMBER_SPECS,
  MINUTES_SPECS,
  OPINION_SPECS,
  REGISTER_SPECS,
  TABLE_KEYS,
  type ColumnSpec,
  type InfoField,
} from "./columns";
import { defaultInfo, SHEETS, TABLES } from "./layout";
import type {
  AttendanceRow,
  CellInfo,
  CellValue,
  DateCell,
  FoundTable,
  MergedArea,
  Member,
  MinutesRow,
  OpinionRow,
  ParsedWorkbook,
  Register,
  RegisterColumn,
  SheetGrid,
  TableGrid,
  Topic,
  WorkbookGrid,
} from "./types";
import { REGISTER_DATE_COLUMNS } from "./types";
import {
  cellMultilineText,
  cellText,
  detectLegacyEncoding,
  isBlank,
  isExcelError,
  normalizeKey,
  parseAttendanceStatus,
  parseDateCell,
  parseFormat,
  parseMemberKind,
  parseNames,
  parseNumber,
  parsePercent,
  parseQuarter,
  parseStatus,
  parseTime,
  parseYesNo,
} from "./values";

/** SPEC §3.6: the header row is looked for within the first 20 rows. */
export const HEADER_SEARCH_ROWS = 20;

/** isBlank, with a shortcut for the common case of text starting with a visible
 *  character (a sheet of 50,000 rows asks this for every cell). */
function blank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  if (v.length === 0) return true;
  const c = v.charCodeAt(0);
  if (c > 32 && c < 0x1680 && c !== 0x85 && c !== 0xa0 && c !== 0xad) return false;
  return isBlank(v);
}

/** The value parsers, each remembering its results for text it has seen: registers
 *  repeat the same few texts (statuses, names, dates) over thousands of rows. One set
 *  per read, so nothing is kept between reads. */
export interface Parsers {
  text(v: CellValue): string;
  /** Free text the documents print, line breaks kept (Biên bản, Ý kiến). */
  multiline(v: CellValue): string;
  number(v: CellValue): number | null;
  quarter(v: CellValue): ReturnType<typeof parseQuarter>;
  names(v: CellValue): string[];
  date(v: CellValue): DateCell;
  format(v: CellValue): ReturnType<typeof parseFormat>;
  status(v: CellValue): ReturnType<typeof parseStatus>;
  memberKind(v: CellValue): ReturnType<typeof parseMemberKind>;
  yesNo(v: CellValue): boolean;
  attendance(v: CellValue): ReturnType<typeof parseAttendanceStatus>;
  time(v: CellValue): ReturnType<typeof parseTime>;
}

const MEMO_LIMIT = 200_000;

function memo<T>(fn: (v: CellValue) => T, copy?: (t: T) => T): (v: CellValue) => T {
  const cache = new Map<string, T>();
  return (v) => {
    if (typeof v !== "string") return fn(v);
    let r = cache.get(v);
    if (r === undefined) {
      r = fn(v);
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(v, r);
    }
    return copy ? copy(r) : r;
  };
}

/** parseDateCell remembered for text and for date cells alike (the exceljs adapter gives
 *  a register's dates as Date objects: 25,000 of them in a 5,000-topic register, most
 *  repeated). Each call gets its own copy. */
function dateMemo(date1904: boolean): (v: CellValue) => DateCell {
  const text = memo((v) => parseDateCell(v, date1904), (d) => ({ ...d }));
  const byTime = new Map<number, DateCell>();
  return (v) => {
    if (!(v instanceof Date)) return text(v);
    // Whole UTC days (as exceljs gives dates) keyed by day number: small integers
    // hash faster than millisecond doubles.
    const ms = v.getTime();
    const t = ms % 86_400_000 === 0 ? ms / 86_400_000 : ms + 0.5;
    let r = byTime.get(t);
    if (r === undefined) {
      r = parseDateCell(v, date1904);
      if (byTime.size >= MEMO_LIMIT) byTime.clear();
      byTime.set(t, r);
    }
    return { text: r.text, value: r.value, invalid: r.invalid };
  };
}

export function makeParsers(date1904: boolean): Parsers {
  return {
    text: memo(cellText),
    multiline: memo(cellMultilineText),
    number: memo(parseNumber),
    quarter: memo(parseQuarter),
    names: memo(parseNames, (a) => a.slice()),
    date: dateMemo(date1904),
    format: memo(parseFormat),
    status: memo(parseStatus),
    memberKind: memo(parseMemberKind),
    yesNo: memo(parseYesNo),
    attendance: memo(parseAttendanceStatus),
    time: memo(parseTime),
  };
}

// ---------------------------------------------------------------------------
// Header matching

interface CompiledSpecs {
  specs: readonly ColumnSpec[];
  /** Every accepted wording, normalised, longest first (ties: spec order). */
  keys: { key: string; spec: number }[];
  /** Canonical name → spec index. */
  byName: Map<string, number>;
}

const compiledCache = new WeakMap<readonly ColumnSpec[], CompiledSpecs>();

/** Normalises the specs' names and synonyms once per spec list (they are module
 *  constants, so this happens once per process). */
function compile(specs: readonly ColumnSpec[]): CompiledSpecs {
  const cached = compiledCache.get(specs);
  if (cached) return cached;
  const keys: { key: string; spec: number }[] = [];
  const byName = new Map<string, number>();
  specs.forEach((s, i) => {
    byName.set(s.name, i);
    const seen = new Set<string>();
    for (const w of [s.name, ...s.synonyms]) {
      const key = normalizeKey(w);
      if (key && !seen.has(key)) {
        seen.add(key);
        keys.push({ key, spec: i });
      }
    }
  });
  keys.sort((a, b) => b.key.length - a.key.length || a.spec - b.spec);
  const compiled = { specs, keys, byName };
  compiledCache.set(specs, compiled);
  return compiled;
}

export interface HeaderMatch {
  /** Index into the specs list. */
  spec: number;
  /** Canonical column name. */
  name: string;
  /** Length of the matched (normalised) wording: longer is a better match. */
  length: number;
}

function matchNormalized(text: string, c: CompiledSpecs): HeaderMatch | null {
  if (!text) return null;
  for (const { key, spec } of c.keys) {
    if (text.length === key.length ? text === key : text.length > key.length && text.startsWith(key) && text.charCodeAt(key.length) === 32) {
      return { spec, name: c.specs[spec].name, length: key.length };
    }
  }
  return null;
}

/** SPEC §3.6 header match: `text` (a header cell) matches a column when, normalised,
 *  it equals the column's name or a synonym, or starts with one followed by a space.
 *  The longest matching wording wins (ties: the earlier column). */
export function matchHeader(text: string, specs: readonly ColumnSpec[]): HeaderMatch | null {
  return matchNormalized(normalizeKey(text), compile(specs));
}

// ---------------------------------------------------------------------------
// Sheet access with merges resolved

/** Excel's column limit; used to key cells by one number. */
const MAX_COLS = 16384;

/** A sheet with merges resolved: the cells under a merged area's top-left cell read
 *  as its value (SPEC §3.6), and the other cells of the area are marked as copies.
 *  Adapters differ here (exceljs repeats the value, Office.js leaves ""), so the
 *  top-left value is always the one used. */
export class SheetView {
  readonly name: string;
  readonly values: CellValue[][];
  /** Number of rows up to the last row holding any non-blank value. */
  readonly rowCount: number;
  /** Non-top-left cells of merged areas → the area. */
  private readonly copies = new Map<number, MergedArea>();
  /** Top-left cells of merged areas → the area. */
  private readonly origins = new Map<number, MergedArea>();

  constructor(readonly sheet: SheetGrid) {
    this.name = sheet.name;
    this.values = sheet.values ?? [];
    let last = -1;
    for (let r = this.values.length - 1; r >= 0 && last < 0; r--) {
      const row = this.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        if (!blank(row[c])) {
          last = r;
          break;
        }
      }
    }
    this.rowCount = last + 1;
    const merges = sheet.merges ?? [];
    let width = 0;
    if (merges.length) for (let r = 0; r < this.rowCount; r++) width = Math.max(width, this.values[r]?.length ?? 0);
    for (const m of merges) {
      if (m.bottom < m.top || m.right < m.left) continue;
      this.origins.set(m.top * MAX_COLS + m.left, m);
      // Only the part that can hold values matters (a merge may span a whole row or column).
      const bottom = Math.min(m.bottom, this.rowCount - 1);
      const right = Math.min(m.right, width - 1);
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= right; c++) {
          if (r !== m.top || c !== m.left) this.copies.set(r * MAX_COLS + c, m);
        }
      }
    }
  }

  /** Length of row r (0-based), 0 when missing. */
  rowLength(r: number): number {
    return this.values[r]?.length ?? 0;
  }

  /** The value a cell shows: its own, or, below the top-left cell of a merged area,
   *  that cell's value (SPEC §3.6 applies a vertically merged value to every row of
   *  the merge). Cells to the right of a merge's first column read as empty, as in
   *  Excel: a banner or footer merged across the table does not fill every column. */
  value(r: number, c: number): CellValue {
    if (c < 0) return null;
    if (this.copies.size) {
      const m = this.copies.get(r * MAX_COLS + c);
      if (m) return c === m.left ? this.values[m.top]?.[m.left] : null;
    }
    return this.values[r]?.[c];
  }

  /** The value a cell holds itself (null for a copy from a merged area). */
  own(r: number, c: number): CellValue {
    if (c < 0) return null;
    if (this.copies.size && this.copies.has(r * MAX_COLS + c)) return null;
    return this.values[r]?.[c];
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(r: number, c: number): MergedArea | undefined {
    const key = r * MAX_COLS + c;
    return this.copies.get(key) ?? this.origins.get(key);
  }
}

/** Views shared during one read (see withViews); none are kept between reads, since
 *  a caller may change a grid's values and read it again. */
let activeViews: Map<SheetGrid, SheetView> | null = null;

/** The SheetView of a sheet: shared within a withViews call, else built afresh. */
export function sheetView(sheet: SheetGrid): SheetView {
  if (!activeViews) return new SheetView(sheet);
  let v = activeViews.get(sheet);
  if (!v) {
    v = new SheetView(sheet);
    activeViews.set(sheet, v);
  }
  return v;
}

/** Runs `fn` with each sheet's view built once for all the lookups it makes. */
export function withViews<T>(fn: () => T): T {
  if (activeViews) return fn();
  activeViews = new Map();
  try {
    return fn();
  } finally {
    activeViews = null;
  }
}

// ---------------------------------------------------------------------------
// Header rows

export interface HeaderRow {
  sheet: string;
  /** Excel row (1-based) of the header row (the top one of a two-row header). */
  row: number;
  /** Excel row of the first data row. */
  firstDataRow: number;
  /** Canonical name → Excel column (1-based). */
  columns: Record<string, number>;
  /** Canonical name → header text as found. */
  headers: Record<string, string>;
  /** Every non-empty header cell, left to right: Excel column and its text. */
  cells: { col: number; text: string }[];
  /** Excel columns (1-based, inclusive) spanned by the header. */
  left: number;
  right: number;
}

export interface HeaderRowOptions {
  /** Fewest columns the row must match (the key included). */
  minMatches: number;
  /** Canonical name of the column the row must have. */
  key?: string;
  /** Rows to search (default 20). */
  maxRows?: number;
}

/** Header texts of each column of rows top..bottom (0-based): its own texts, a value
 *  merged down into the block from above, and "group sub" for a sub-header under a
 *  group header merged across columns. A cell covered by a merge from its left adds
 *  nothing itself (a header merged across columns counts once). */
function blockTexts(view: SheetView, top: number, bottom: number, left: number, right: number): string[][] {
  const out: string[][] = [];
  for (let c = left; c <= right; c++) {
    const texts: string[] = [];
    let group = "";
    for (let r = top; r <= bottom; r++) {
      const m = view.mergeAt(r, c);
      let t = "";
      if (!m) t = cellText(view.values[r]?.[c]);
      else if (m.top === r && m.left === c) t = cellText(view.values[r]?.[c]);
      else if (m.left === c && m.top < top && r === top) t = cellText(view.values[m.top]?.[m.left]);
      else {
        if (m.left < c && m.top >= top && m.bottom < bottom) group = cellText(view.values[m.top]?.[m.left]);
        continue;
      }
      if (!t) continue;
      if (group && r > top) texts.push(`${group} ${t}`);
      texts.push(t);
      if (m && m.left === c && m.right > c && m.bottom < bottom) group = t;
    }
    out.push(texts);
  }
  return out;
}

interface BlockMatch {
  columns: Record<string, number>;
  headers: Record<string, string>;
  cells: { col: number; text: string }[];
  count: number;
}

/** Matches every column of a header block; each canonical column is taken once:
 *  the longest match, then the leftmost (SPEC §3.6). */
function matchBlock(view: SheetView, top: number, bottom: number, left: number, right: number, c: CompiledSpecs): BlockMatch {
  const texts = blockTexts(view, top, bottom, left, right);
  const best: { col: number; length: number; text: string }[] = [];
  const cells: { col: number; text: string }[] = [];
  for (let i = 0; i < texts.length; i++) {
    const col = left + i;
    let found: HeaderMatch | null = null;
    let foundText = "";
    for (const t of texts[i]) {
      const m = matchNormalized(normalizeKey(t), c);
      if (m && (!found || m.length > found.length)) {
        found = m;
        foundText = t;
      }
    }
    if (texts[i].length) {
      // An unmatched sub-header keeps its group for context ("Ngày: Dự kiến").
      cells.push({ col: col + 1, text: foundText || texts[i][0] });
    }
    if (!found) continue;
    const cur = best[found.spec];
    if (!cur || found.length > cur.length) best[found.spec] = { col, length: found.length, text: foundText };
  }
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  let count = 0;
  best.forEach((b, spec) => {
    if (!b) return;
    columns[c.specs[spec].name] = b.col + 1;
    headers[c.specs[spec].name] = b.text;
    count++;
  });
  return { columns, headers, cells, count };
}

/** Whether row r (0-based) continues the header block ending at r-1: its own
 *  values all sit under horizontally merged cells of the block (sub-headers of
 *  a group header), and there is at least one. */
function isSubHeaderRow(view: SheetView, r: number, top: number): boolean {
  const len = view.rowLength(r);
  let any = false;
  for (let c = 0; c < len; c++) {
    if (isBlank(view.own(r, c))) continue;
    let grouped = false;
    for (let rr = r - 1; rr >= top && !grouped; rr--) {
      const m = view.mergeAt(rr, c);
      if (m && m.right > m.left && m.bottom < r) grouped = true;
    }
    if (!grouped) return false;
    any = true;
  }
  return any;
}

function rowExtent(view: SheetView, r: number): number {
  return view.rowLength(r) - 1;
}

/** SPEC §3.6: the first row within the first 20 rows of a sheet that matches at
 *  least `minMatches` columns including `key`. A header cell merged across columns
 *  counts once; a group header merged above its sub-headers makes a two-row header. */
export function findHeaderRow(sheet: SheetGrid, specs: readonly ColumnSpec[], opts: HeaderRowOptions): HeaderRow | null {
  const view = sheetView(sheet);
  const c = compile(specs);
  const rows = Math.min(opts.maxRows ?? HEADER_SEARCH_ROWS, view.rowCount);
  for (let r = 0; r < rows; r++) {
    const right = rowExtent(view, r);
    if (right < 0) continue;
    let m = matchBlock(view, r, r, 0, right, c);
    if (m.count < opts.minMatches || (opts.key !== undefined && !(opts.key in m.columns))) continue;
    let bottom = r;
    // A group header row: take the sub-header rows below it into the block.
    while (bottom + 1 < view.rowCount && bottom - r < 3 && isSubHeaderRow(view, bottom + 1, r)) bottom++;
    let extent = right;
    if (bottom > r) {
      for (let rr = r + 1; rr <= bottom; rr++) extent = Math.max(extent, rowExtent(view, rr));
      const mm = matchBlock(view, r, bottom, 0, extent, c);
      if (mm.count >= m.count && (opts.key === undefined || opts.key in mm.columns)) m = mm;
      else bottom = r;
    }
    // A header cell merged down over the rows below belongs to the header too.
    for (const cell of m.cells) {
      const area = view.mergeAt(r, cell.col - 1);
      if (area && area.top === r && area.bottom > bottom && area.bottom - r < 4) bottom = area.bottom;
    }
    const h = toHeaderRow(sheet.name, r, bottom, m);
    // Official forms number their columns on the row under the header: (1) (2) (3) …
    if (isColumnNumberRow(view, bottom + 1, h.left - 1, h.right - 1)) h.firstDataRow++;
    return h;
  }
  return null;
}

const COLUMN_NUMBER_RE = /^\(?(\d{1,2})\)?$/;

/** A row holding only consecutive column numbers, 1 2 3 … or (1) (2) (3) …. */
function isColumnNumberRow(view: SheetView, r: number, left: number, right: number): boolean {
  let prev = -1;
  let count = 0;
  for (let c = left; c <= right; c++) {
    const v = view.own(r, c);
    if (blank(v)) continue;
    let n: number;
    if (typeof v === "number") n = v;
    else if (typeof v === "string") {
      const m = COLUMN_NUMBER_RE.exec(v.trim());
      if (!m) return false;
      n = +m[1];
    } else return false;
    if (prev >= 0 && n !== prev + 1) return false;
    prev = n;
    count++;
  }
  return count >= 3;
}

function toHeaderRow(sheet: string, top: number, bottom: number, m: BlockMatch): HeaderRow {
  const cols = m.cells.map((x) => x.col);
  return {
    sheet,
    row: top + 1,
    firstDataRow: bottom + 2,
    columns: m.columns,
    headers: m.headers,
    cells: m.cells,
    left: cols.length ? Math.min(...cols) : 1,
    right: cols.length ? Math.max(...cols) : 1,
  };
}

/** The header of an Excel table: its first row, matched without a minimum. */
export function tableHeader(sheet: SheetGrid, table: TableGrid, specs: readonly ColumnSpec[]): HeaderRow {
  const view = sheetView(sheet);
  const m = matchBlock(view, table.top, table.top, table.left, table.right, compile(specs));
  const h = toHeaderRow(sheet.name, table.top, table.top, m);
  h.left = table.left + 1;
  h.right = table.right + 1;
  return h;
}

// ---------------------------------------------------------------------------
// Locating blocks

/** A located table: its sheet, header, and the last Excel row that may hold data. */
export interface Located {
  sheet: SheetGrid;
  header: HeaderRow;
  /** Last Excel row of the block (the table's last row, or the sheet's last row with a value). */
  lastRow: number;
  table: TableGrid | null;
}

function sameName(a: string, b: string): boolean {
  return normalizeKey(a) === normalizeKey(b);
}

function findTable(grid: WorkbookGrid, name: string): { table: TableGrid; sheet: SheetGrid } | null {
  const lower = name.toLowerCase();
  for (const t of grid.tables ?? []) {
    if (t.name.toLowerCase() !== lower) continue;
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    if (sheet) return { table: t, sheet };
  }
  return null;
}

function locateTable(grid: WorkbookGrid, tableName: string, specs: readonly ColumnSpec[]): Located | null {
  const found = findTable(grid, tableName);
  if (!found) return null;
  const header = tableHeader(found.sheet, found.table, specs);
  return { sheet: found.sheet, header, lastRow: found.table.bottom + 1, table: found.table };
}

function locateOnSheet(sheet: SheetGrid, specs: readonly ColumnSpec[], opts: HeaderRowOptions): Located | null {
  const header = findHeaderRow(sheet, specs, opts);
  if (!header) return null;
  return { sheet, header, lastRow: sheetView(sheet).rowCount, table: null };
}

/** Sheet names of the canonical blocks: a sheet named for one block is not taken
 *  for another by the any-sheet search. */
const CANONICAL_SHEETS = Object.values(SHEETS).map((s) => normalizeKey(s));

function isCanonicalSheetOtherThan(sheet: SheetGrid, own: string): boolean {
  const n = normalizeKey(sheet.name);
  return n !== normalizeKey(own) && CANONICAL_SHEETS.includes(n);
}

const TITLE: RegisterColumn = "Tên chuyên đề";

/** Where the register is: the table tblChuyenDe, else the first sheet (workbook
 *  order) with a header row matching ≥3 columns including `Tên chuyên đề`. A sheet
 *  named for another block (Điểm danh, …) is only taken when no other sheet has one. */
export function locateRegister(grid: WorkbookGrid): Located | null {
  const t = locateTable(grid, TABLES.register, REGISTER_SPECS);
  if (t) return t;
  const opts = { minMatches: 3, key: TITLE };
  const later: SheetGrid[] = [];
  for (const sheet of grid.sheets) {
    if (isCanonicalSheetOtherThan(sheet, SHEETS.register)) {
      later.push(sheet);
      continue;
    }
    const l = locateOnSheet(sheet, REGISTER_SPECS, opts);
    if (l) return l;
  }
  for (const sheet of later) {
    const l = locateOnSheet(sheet, REGISTER_SPECS, opts);
    if (l) return l;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Data rows

/** The rows of a block that hold data (SPEC §3.6): rows with no own value, or whose
 *  only own values are in `ignoreCols` (a pre-numbered STT), count as empty; cells
 *  copied from merged areas are not own values. Only the header's columns count. */
export function dataRows(loc: Located, ignoreCols: readonly number[] = []): number[] {
  const view = sheetView(loc.sheet);
  const { left, right, firstDataRow } = loc.header;
  const last = Math.min(loc.lastRow, view.rowCount);
  const ignore: boolean[] = [];
  for (const c of ignoreCols) ignore[c] = true;
  const out: number[] = [];
  for (let row = firstDataRow; row <= last; row++) {
    const r = row - 1;
    const vals = view.values[r];
    if (!vals) continue;
    const end = Math.min(right, vals.length);
    for (let col = left; col <= end; col++) {
      if (ignore[col]) continue;
      if (!blank(view.own(r, col - 1))) {
        out.push(row);
        break;
      }
    }
  }
  return out;
}

/** Reader of a located block's cells by canonical column name. */
function cellReader(loc: Located): (row: number, column: string) => CellValue {
  const view = sheetView(loc.sheet);
  const cols = loc.header.columns;
  return (row, column) => {
    const col = cols[column];
    return col === undefined ? null : view.value(row - 1, col - 1);
  };
}

/** The register's data rows split into titled rows (topics), untitled rows before the
 *  last titled one (THIEU_TEN) and the footer after it (ignored). With no title
 *  column at all every data row is untitled. */
export function registerRows(loc: Located, titleColumn?: number | null): { titled: number[]; untitled: number[] } {
  const view = sheetView(loc.sheet);
  const stt = loc.header.columns["STT"];
  const rows = dataRows(loc, stt === undefined ? [] : [stt]);
  const title = titleColumn === undefined ? loc.header.columns[TITLE] : titleColumn;
  if (title === undefined || title === null) return { titled: [], untitled: rows };
  const titled: number[] = [];
  const untitled: number[] = [];
  for (const row of rows) {
    // An error (#N/A from a lookup filled down the column) is not a title: the row is
    // untitled (THIEU_TEN) or footer, never a topic called "#N/A".
    const v = view.value(row - 1, title - 1);
    if (blank(v) || isExcelError(v)) untitled.push(row);
    else titled.push(row);
  }
  if (!loc.table) dropSignatureBlock(view, loc.header.columns, titled, title);
  const lastTitled = titled.length ? titled[titled.length - 1] : 0;
  return { titled, untitled: untitled.filter((r) => r < lastTitled) };
}

const REGISTER_DATE_NAMES: readonly string[] = REGISTER_DATE_COLUMNS;

/** A signature block written in the title column below the last topic ("Người lập
 *  biểu", "T/M CHI BỘ", "…, ngày … tháng … năm …", then a name) is a footer too.
 *  Only the trailing rows with no STT and no date are looked at, and the block
 *  starts at the first of them that reads as a signature line. */
function dropSignatureBlock(view: SheetView, columns: Record<string, number>, titled: number[], title: number): void {
  const stt = columns["STT"];
  const dateCols = Object.entries(columns)
    .filter(([name]) => REGISTER_DATE_NAMES.includes(name))
    .map(([, col]) => col);
  let start = titled.length;
  while (start > 0) {
    const r = titled[start - 1] - 1;
    if (stt !== undefined && !blank(view.value(r, stt - 1))) break;
    if (dateCols.some((c) => parseDateCell(view.value(r, c - 1)).value !== null)) break;
    start--;
  }
  for (let i = start; i < titled.length; i++) {
    if (isSignature(view.value(titled[i] - 1, title - 1))) {
      titled.length = i;
      return;
    }
  }
}

const SIGNATURE_RE = new RegExp(
  [
    String.raw`^(?:bi thu|pho bi thu|bi thu chi bo|pho bi thu chi bo|nguoi lap|nguoi lap bieu|nguoi lap bang|nguoi ghi|nguoi tong hop|ky ten|chu ky|ky ghi ro ho ten|ky va ghi ro ho ten|ky ho ten)$`,
    String.raw`^(?:t m|tm|thay mat|nguoi lap|xac nhan) `,
    String.raw`^xac nhan$`,
    String.raw`(?:^| )ngay(?: \d+)? thang(?: \d+)? nam(?: \d+)?$`,
  ].join("|"),
);

/** Text of a signature block line under a table. */
function isSignature(v: CellValue): boolean {
  return typeof v === "string" && SIGNATURE_RE.test(normalizeKey(v));
}

function parseTopic(get: (row: number, column: RegisterColumn) => CellValue, row: number, p: Parsers): Topic {
  const stt = get(row, "STT");
  return {
    row,
    stt: p.number(stt),
    sttText: p.text(stt),
    quarterValue: p.quarter(get(row, "Quý")),
    title: p.text(get(row, "Tên chuyên đề")),
    group: p.text(get(row, "Nhóm")),
    assignees: p.names(get(row, "Người phụ trách")),
    approvedOn: p.date(get(row, "Ngày thông qua")),
    approvedBy: p.text(get(row, "Người thông qua")),
    draftSentOn: p.date(get(row, "Ngày gửi dự thảo")),
    meetingOn: p.date(get(row, "Ngày sinh hoạt")),
    format: p.format(get(row, "Hình thức")),
    status: p.status(get(row, "Trạng thái")),
    finalSentOn: p.date(get(row, "Ngày gửi bản hoàn thiện")),
    reportedOn: p.date(get(row, "Ngày báo cáo cấp trên")),
    note: p.text(get(row, "Ghi chú")),
  };
}

/** The register (SPEC §3.3, §3.6), or null when the workbook has none. */
export function findRegister(grid: WorkbookGrid): Register | null {
  return withViews(() => {
    const loc = locateRegister(grid);
    return loc ? readRegister(grid, loc) : null;
  });
}

export function readRegister(grid: WorkbookGrid, loc: Located, parsers?: Parsers): Register {
  const p = parsers ?? makeParsers(!!grid.date1904);
  const get = cellReader(loc);
  const { titled, untitled } = registerRows(loc);
  return {
    sheet: loc.sheet.name,
    headerRow: loc.header.row,
    columns: loc.header.columns as Register["columns"],
    headers: loc.header.headers as Register["headers"],
    topics: titled.map((row) => parseTopic(get, row, p)),
    untitledRows: untitled,
    untitledInvalidDates: untitled.flatMap((row) =>
      REGISTER_DATE_COLUMNS.flatMap((column) => {
        const cell = p.date(get(row, column));
        return cell.invalid ? [{ row, column, text: cell.text }] : [];
      }),
    ),
    fromTable: loc.table !== null,
  };
}

// ---------------------------------------------------------------------------
// The other tables

interface TableKind<T> {
  table: string;
  sheet: string;
  specs: readonly ColumnSpec[];
  key: string;
  /** Columns whose values alone do not make a row (pre-filled numbering). */
  ignore: readonly string[];
  /** Rows after the last row with a value in one of these columns are a footer. */
  anchors: readonly string[];
  /** Reads a row; `get(i)` is the cell of specs[i] (null when the column is absent). */
  parse(get: (i: number) => CellValue, row: number, p: Parsers): T | null;
}

const MEMBERS: TableKind<Member> = {
  table: TABLES.members,
  sheet: SHEETS.members,
  specs: MEMBER_SPECS,
  key: TABLE_KEYS.members,
  ignore: [],
  anchors: ["Họ và tên"],
  parse(get, row, p) {
    const name = p.text(get(0 /* Họ và tên */));
    if (!name) return null; // a member row without a name names nobody
    return {
      row,
      name,
      role: p.text(get(1 /* Chức vụ */)),
      kind: p.memberKind(get(2 /* Loại */)),
      exempt: p.yesNo(get(3 /* Miễn sinh hoạt */)),
      note: p.text(get(4 /* Ghi chú */)),
    };
  },
};

const ATTENDANCE: TableKind<AttendanceRow> = {
  table: TABLES.attendance,
  sheet: SHEETS.attendance,
  specs: ATTENDANCE_SPECS,
  key: TABLE_KEYS.attendance,
  ignore: ["STT chuyên đề"],
  anchors: ["Họ và tên", "Tình trạng"],
  parse(get, row, p) {
    return {
      row,
      topicStt: p.number(get(0 /* STT chuyên đề */)),
      name: p.text(get(1 /* Họ và tên */)),
      status: p.attendance(get(2 /* Tình trạng */)),
      reason: p.text(get(3 /* Lý do */)),
    };
  },
};

const MINUTES: TableKind<MinutesRow> = {
  table: TABLES.minutes,
  sheet: SHEETS.minutes,
  specs: MINUTES_SPECS,
  key: TABLE_KEYS.minutes,
  ignore: [],
  anchors: ["STT chuyên đề", "Bắt đầu", "Kết thúc"],
  parse(get, row, p) {
    return {
      row,
      topicStt: p.number(get(0 /* STT chuyên đề */)),
      start: p.time(get(1 /* Bắt đầu */)),
      end: p.time(get(2 /* Kết thúc */)),
      place: p.text(get(3 /* Địa điểm */)),
      chair: p.text(get(4 /* Chủ trì */)),
      secretary: p.text(get(5 /* Thư ký */)),
      delegates: p.multiline(get(6 /* Đại biểu */)),
      purpose: p.multiline(get(7 /* Mục đích, yêu cầu */)),
      conclusion: p.multiline(get(8 /* Kết luận */)),
      tasks: p.multiline(get(9 /* Nhiệm vụ giao */)),
      vote: p.multiline(get(10 /* Biểu quyết */)),
    };
  },
};

const OPINIONS: TableKind<OpinionRow> = {
  table: TABLES.opinions,
  sheet: SHEETS.opinions,
  specs: OPINION_SPECS,
  key: TABLE_KEYS.opinions,
  ignore: [],
  anchors: ["Người phát biểu", "Nội dung"],
  parse(get, row, p) {
    return {
      row,
      topicStt: p.number(get(0 /* STT chuyên đề */)),
      speaker: p.text(get(1 /* Người phát biểu */)),
      content: p.multiline(get(2 /* Nội dung */)),
    };
  },
};

function readFound<T>(loc: Located, kind: TableKind<T>, p: Parsers): FoundTable<T> {
  const view = sheetView(loc.sheet);
  const cols = loc.header.columns;
  const ignore = kind.ignore.map((n) => cols[n]).filter((c): c is number => c !== undefined);
  let rows = dataRows(loc, ignore);
  if (!loc.table) {
    // Signatures and notes under a hand-made list are not rows of it.
    const anchors = kind.anchors.map((n) => cols[n]).filter((c): c is number => c !== undefined);
    let last = 0;
    for (const row of rows) {
      for (const c of anchors) {
        if (!blank(view.value(row - 1, c - 1))) {
          last = row;
          break;
        }
      }
    }
    rows = rows.filter((r) => r <= last);
  }
  // 0-based column of each spec, -1 when absent; looked up once, not per cell.
  const index = kind.specs.map((sp) => (cols[sp.name] === undefined ? -1 : cols[sp.name] - 1));
  const out: T[] = [];
  let r = 0;
  const get = (i: number): CellValue => (index[i] < 0 ? null : view.value(r, index[i]));
  for (const row of rows) {
    r = row - 1;
    const parsed = kind.parse(get, row, p);
    if (parsed) out.push(parsed);
  }
  return { sheet: loc.sheet.name, headerRow: loc.header.row, columns: { ...cols }, rows: out };
}

/** Finds the four secondary tables (SPEC §3.6): first each by table name, then a
 *  sheet of its name whose header row has the key column, then any sheet whose
 *  header row matches ≥2 of its columns including the key. A sheet already used
 *  (by the register or another table) is only shared between Excel tables. */
function locateSecondary(grid: WorkbookGrid, used: Set<string>): Map<TableKind<unknown>, Located> {
  const kinds = [MEMBERS, ATTENDANCE, MINUTES, OPINIONS] as TableKind<unknown>[];
  const found = new Map<TableKind<unknown>, Located>();
  for (const k of kinds) {
    const l = locateTable(grid, k.table, k.specs);
    if (l) found.set(k, l);
  }
  for (const l of found.values()) used.add(l.sheet.name);
  for (const k of kinds) {
    if (found.has(k)) continue;
    for (const sheet of grid.sheets) {
      if (used.has(sheet.name) || !sameName(sheet.name, k.sheet)) continue;
      // A title above the list ("ĐIỂM DANH SINH HOẠT …") can match the key alone; a row
      // with the key and another column is the real header, the key alone only a fallback.
      const l =
        locateOnSheet(sheet, k.specs, { minMatches: 2, key: k.key }) ??
        locateOnSheet(sheet, k.specs, { minMatches: 1, key: k.key });
      if (l) {
        found.set(k, l);
        used.add(sheet.name);
        break;
      }
    }
  }
  // Any sheet: when a sheet could hold more than one list (an attendance sheet has
  // "Họ tên" and "Ghi chú" like a member list), the list it matches best takes it.
  const candidates: { kind: TableKind<unknown>; loc: Located; score: number; order: number }[] = [];
  kinds.forEach((k, ki) => {
    if (found.has(k)) return;
    grid.sheets.forEach((sheet, si) => {
      if (used.has(sheet.name) || isCanonicalSheetOtherThan(sheet, k.sheet) || sameName(sheet.name, SHEETS.info)) return;
      const l = locateOnSheet(sheet, k.specs, { minMatches: 2, key: k.key });
      if (l) candidates.push({ kind: k, loc: l, score: Object.keys(l.header.columns).length, order: si * 8 + ki });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  for (const c of candidates) {
    if (found.has(c.kind) || used.has(c.loc.sheet.name)) continue;
    found.set(c.kind, c.loc);
    used.add(c.loc.sheet.name);
  }
  return found;
}

// ---------------------------------------------------------------------------
// Thông tin

/** Thông tin (SPEC §3.1): key/value rows of tblThongTin or of a sheet named
 *  "Thông tin", keys matched like headers; thresholds default per INFO_DEFAULTS. */
export function readInfo(grid: WorkbookGrid): CellInfo {
  const info: CellInfo = defaultInfo();
  let sheet: SheetGrid | undefined;
  let top = 0;
  let bottom = Infinity;
  let left = 0;
  let right = Infinity;
  const t = findTable(grid, TABLES.info);
  if (t) {
    ({ sheet } = t);
    ({ top, bottom, left, right } = t.table);
  } else {
    sheet = grid.sheets.find((s) => sameName(s.name, SHEETS.info));
  }
  if (!sheet) return info;
  info.found = true;
  const view = sheetView(sheet);
  const c = compile(INFO_SPECS);
  const seen = new Set<InfoField>();
  const last = Math.min(bottom, view.rowCount - 1);
  for (let r = top; r <= last; r++) {
    const end = Math.min(right, view.rowLength(r) - 1);
    let keyCol = -1;
    for (let col = left; col <= end; col++) {
      if (!isBlank(view.own(r, col))) {
        keyCol = col;
        break;
      }
    }
    if (keyCol < 0) continue;
    const m = matchNormalized(normalizeKey(cellText(view.own(r, keyCol))), c);
    if (!m) continue;
    const field = INFO_SPECS[m.spec].field;
    if (seen.has(field)) continue; // the first row for a key counts
    seen.add(field);
    let value: CellValue = null;
    for (let col = keyCol + 1; col <= end; col++) {
      const v = view.own(r, col);
      if (!isBlank(v)) {
        value = v;
        break;
      }
    }
    setInfo(info, field, value);
  }
  return info;
}

function positive(n: number | null): n is number {
  return n !== null && Number.isFinite(n) && n > 0;
}

function setInfo(info: CellInfo, field: InfoField, v: CellValue): void {
  switch (field) {
    case "year": {
      const n = parseNumber(v);
      info.year = n !== null && Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : null;
      return;
    }
    case "minTopicsPerYear":
    case "minDurationMinutes":
    case "minDurationCombinedMinutes": {
      const n = parseNumber(v);
      if (positive(n)) info[field] = n;
      return;
    }
    case "minAttendanceRate": {
      const p = parsePercent(v);
      if (p !== null && p > 0 && p <= 1) info.minAttendanceRate = p;
      return;
    }
    default:
      info[field] = cellText(v);
  }
}

// ---------------------------------------------------------------------------
// The whole workbook

/** Reads everything the engine needs from a workbook grid (SPEC §3.6). */
export function readWorkbook(grid: WorkbookGrid): ParsedWorkbook {
  return withViews(() => readWorkbookNow(grid));
}

function readWorkbookNow(grid: WorkbookGrid): ParsedWorkbook {
  const date1904 = !!grid.date1904;
  const p = makeParsers(date1904);
  const regLoc = locateRegister(grid);
  const register = regLoc ? readRegister(grid, regLoc, p) : null;
  const used = new Set<string>();
  if (regLoc) used.add(regLoc.sheet.name);
  const infoSheet = grid.sheets.find((s) => sameName(s.name, SHEETS.info));
  if (infoSheet) used.add(infoSheet.name);
  const found = locateSecondary(grid, used);
  const read = <T>(k: TableKind<T>): FoundTable<T> | null => {
    const l = found.get(k as TableKind<unknown>);
    return l ? readFound(l, k, p) : null;
  };
  return {
    sheetOrder: grid.sheets.map((s) => s.name),
    date1904,
    register,
    info: readInfo(grid),
    members: read(MEMBERS),
    attendance: read(ATTENDANCE),
    minutes: read(MINUTES),
    opinions: read(OPINIONS),
  };
}

// ---------------------------------------------------------------------------
// Text typed in a legacy font encoding

export interface LegacyTextNotice {
  sheet: string;
  /** A1 address of the first such cell on the sheet. */
  address: string;
  /** Its text (as read), cut to a readable length. */
  sample: string;
  encoding: "TCVN3" | "VNI";
  /** How many cells of the sheet look like it. */
  cells: number;
}

function columnName(col0: number): string {
  let s = "";
  for (let n = col0 + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheets holding text typed with a TCVN3 (ABC) or VNI font, which reads as garbage
 *  ("Sinh ho¹t chuyªn ®Ò") and matches no header, status or name: one notice per sheet
 *  naming its first such cell. Only text cells are looked at, and most are ruled out by
 *  one regex test (no Latin-1 letter), so a 100,000-row sheet costs milliseconds. */
export function findLegacyText(grid: WorkbookGrid): LegacyTextNotice[] {
  const out: LegacyTextNotice[] = [];
  for (const sheet of grid.sheets) {
    let notice: LegacyTextNotice | null = null;
    const rows = sheet.values ?? [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string" || v.length < 2) continue;
        const encoding = detectLegacyEncoding(v);
        if (!encoding) continue;
        if (notice) {
          notice.cells++;
          continue;
        }
        const text = cellText(v);
        notice = {
          sheet: sheet.name,
          address: `${columnName(c)}${r + 1}`,
          sample: text.length > 40 ? `${text.slice(0, 40)}…` : text,
          encoding,
          cells: 1,
        };
      }
    }
    if (notice) out.push(notice);
  }
  return out;
}

/** The Vietnamese warning for one notice: where, which font, and how to convert. */
export function legacyTextMessage(n: LegacyTextNotice): string {
  const font = n.encoding === "TCVN3" ? "TCVN3 (ABC, phông .VnTime)" : "VNI (phông VNI-Times)";
  const source = n.encoding === "TCVN3" ? "TCVN3 (ABC)" : "VNI Windows";
  const more = n.cells > 1 ? ` và ${n.cells - 1} ô khác` : "";
  return (
    `Trang "${n.sheet.normalize("NFC")}", ô ${n.address} ("${n.sample}")${more} có vẻ được gõ bằng phông ${font}, ` +
    `không phải Unicode: tiêu đề, tên và trạng thái viết như vậy không đọc đúng được. ` +
    `Hãy chuyển mã sang Unicode (Unikey › Công cụ chuyển mã, nguồn ${source}, đích Unicode) rồi kiểm tra lại.`
  );
}
