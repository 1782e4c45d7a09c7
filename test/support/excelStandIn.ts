// A stand-in for the part of the Excel JavaScript API (Office.js) the add-in uses: an
// in-memory workbook behind proxy objects with Office.js's batch semantics. Used by jest
// and by the browser e2e, so plain TypeScript only (no jest, no Node APIs).
//
// What it holds the add-in to:
// - Proxies queue their operations; nothing happens until context.sync(), which runs the
//   queue in order. A failing operation rejects the sync with an error carrying `code`
//   (InvalidArgument, ItemNotFound, ItemAlreadyExists, InvalidOperation) and drops the rest.
// - Reading a property that was not load()-ed and then synced throws PropertyNotLoaded;
//   `isNullObject` of a …OrNullObject result is readable only after a sync.
// - Writing a 2D array whose shape differs from the range throws InvalidArgument.
// - Text written to values/formulas is taken the way Excel takes typing: "=…" becomes a
//   formula, "+x"/"-x"/"@x" become formulas (#NAME?), "123" a number, "85%" a percentage,
//   "1/2/2021" a date (en-US month/day) — unless the cell's number format is "@" or the
//   text starts with an apostrophe (which is not part of the value).
// - Formats, merges, tables, data validation, conditional formats, custom properties,
//   print setup and the selection are recorded for tests to inspect; syncs are counted.
//
// Documented limits it enforces (never kinder than Excel; each rule names its page):
// - Payload: every sync's request and response are estimated (JSON of the queued actions,
//   of the loaded values); over 5 MB the sync fails with RequestPayloadSizeLimitExceeded /
//   ResponsePayloadSizeLimitExceeded. "Excel on the web has a payload size limit for
//   requests and responses of 5MB" — learn.microsoft.com/office/dev/add-ins/concepts/
//   resource-limits-and-performance-optimization ("Excel add-ins" section); the codes are
//   listed in learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling.
//   Applied on every platform: the add-in must run in Excel on the web too.
// - Loading values/formulas/numberFormat/text of a range over 5,000,000 cells fails with
//   RangeExceedsLimit (same two pages; learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large).
// - Range.getMergedAreasOrNullObject fails when the range holds more than 512 merged areas
//   ("If the merged areas count in this range is more than 512, the API will fail to return
//   the result" — learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
// - While a test says the user is editing a cell (`book.editingCell = true`) a sync fails
//   with InvalidOperationInCellEditMode, unless the batch was started with
//   Excel.run({ delayForCellEdit: true }, …), which waits until editing ends
//   (learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member).
// - Requirement sets: `book.supportedSets` says which ExcelApi version the host has; a call
//   of a newer set fails the sync with ApiNotFound and Office.context.requirements.isSetSupported
//   answers accordingly (learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements,
//   per-member sets from the Excel.* reference pages).
// - freezePanes.freezeRows(n) freezes n rows (learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes#excel-excel-worksheetfreezepanes-freezerows-member(1)).

/* eslint-disable @typescript-eslint/no-explicit-any */
import { ActionType as WireAction, ObjectPathType, WireLog, utf8Json, wireName, type ActionSpec, type PathSpec } from "./officeWire";

export class StandInError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

// ---------------------------------------------------------------- addresses

export interface Box {
  /** 0-based inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function colToNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function numberToCol(n: number): string {
  let s = "";
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** "B3", "A1:C4", "A:A", "2:5" (no sheet part) → 0-based box. */
export function parseAddress(address: string): Box {
  const ref = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const clean = ref.replace(/\$/g, "").trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(clean);
  if (m) {
    const top = Number(m[2]) - 1;
    const left = colToNumber(m[1]) - 1;
    const box = { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? colToNumber(m[3]) - 1 : left };
    return normalise(box);
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(clean);
  if (m) return normalise({ top: 0, bottom: MAX_ROW, left: colToNumber(m[1]) - 1, right: colToNumber(m[2]) - 1 });
  m = /^(\d+):(\d+)$/.exec(clean);
  if (m) return normalise({ top: Number(m[1]) - 1, bottom: Number(m[2]) - 1, left: 0, right: MAX_COL });
  throw new StandInError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}".`);
}

function normalise(b: Box): Box {
  const box = {
    top: Math.min(b.top, b.bottom),
    bottom: Math.max(b.top, b.bottom),
    left: Math.min(b.left, b.right),
    right: Math.max(b.left, b.right),
  };
  if (box.top < 0 || box.left < 0 || box.bottom > MAX_ROW || box.right > MAX_COL) {
    throw new StandInError("InvalidArgument", "The range is outside the sheet.");
  }
  return box;
}

export function boxToA1(b: Box): string {
  const first = `${numberToCol(b.left + 1)}${b.top + 1}`;
  if (b.top === b.bottom && b.left === b.right) return first;
  return `${first}:${numberToCol(b.right + 1)}${b.bottom + 1}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

// ---------------------------------------------------------------- workbook state

export type Scalar = string | number | boolean;

export interface CellState {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  /** Written with a leading apostrophe (shown as text). */
  textPrefix?: boolean;
}

export interface FormatRecord {
  address: string;
  /** Property path, e.g. "font.bold", "fill.color", "borders.EdgeTop.style", "columnWidth". */
  path: string;
  value: unknown;
}

export interface ValidationRecord {
  address: string;
  rule: unknown;
}

export interface ConditionalFormatRecord {
  address: string;
  type: string;
  /** Recorded property paths, e.g. {"custom.rule.formula": "=…", "custom.format.fill.color": "#…"}. */
  props: Record<string, unknown>;
}

export class SheetState {
  readonly id: string;
  cells: (CellState | undefined)[][] = [];
  merges: Box[] = [];
  formats: FormatRecord[] = [];
  validations: ValidationRecord[] = [];
  conditionalFormats: ConditionalFormatRecord[] = [];
  customProperties = new Map<string, string>();
  frozenRows = 0;
  pageLayout: Record<string, unknown> = {};
  /** Rows with a manual page break above them. */
  pageBreaks: number[] = [];
  visibility: "Visible" | "Hidden" = "Visible";
  /** Protected with Xem lại › Bảo vệ trang tính: every change to it is refused (see assertSheetWritable). */
  protected = false;
  /** A test's way to model a sheet Excel will not read (any cell load fails with GeneralException). */
  failReads = false;

  constructor(
    public name: string,
    id: number,
  ) {
    this.id = `{sheet-${id}}`;
  }

  cell(row: number, col: number): CellState | undefined {
    return this.cells[row]?.[col];
  }

  ensure(row: number, col: number): CellState {
    const line = (this.cells[row] ??= []);
    return (line[col] ??= { value: "" });
  }

  /** The value at an A1 address ("" when empty), as Range.values would give it. */
  valueAt(address: string): Scalar {
    const b = parseAddress(address);
    return this.cell(b.top, b.left)?.value ?? "";
  }

  formulaAt(address: string): string | undefined {
    const b = parseAddress(address);
    return this.cell(b.top, b.left)?.formula;
  }

  numberFormatAt(address: string): string {
    const b = parseAddress(address);
    return this.cell(b.top, b.left)?.numberFormat ?? "General";
  }

  /** Values of a block, like Range.values. */
  valuesOf(address: string): Scalar[][] {
    const b = parseAddress(address);
    const out: Scalar[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const line: Scalar[] = [];
      for (let c = b.left; c <= b.right; c++) line.push(this.cell(r, c)?.value ?? "");
      out.push(line);
    }
    return out;
  }

  /** Box of the cells holding a value or formula (or, unless valuesOnly, a format), within `within`. */
  usedBox(valuesOnly: boolean, within?: Box): Box | null {
    let box: Box | null = null;
    this.cells.forEach((line, r) => {
      if (!line) return;
      if (within && (r < within.top || r > within.bottom)) return;
      line.forEach((cell, c) => {
        if (!cell) return;
        if (within && (c < within.left || c > within.right)) return;
        const used = cell.value !== "" || cell.formula !== undefined || (!valuesOnly && cell.numberFormat !== undefined);
        if (!used) return;
        box = box
          ? {
              top: Math.min(box.top, r),
              left: Math.min(box.left, c),
              bottom: Math.max(box.bottom, r),
              right: Math.max(box.right, c),
            }
          : { top: r, left: c, bottom: r, right: c };
      });
    });
    return box;
  }
}

export class TableState {
  style = "TableStyleMedium2";
  constructor(
    public name: string,
    public sheet: SheetState,
    public box: Box,
  ) {}
}

export interface StandInSheetInit {
  name: string;
  /** Values from A1 (or from `at`); strings are taken as typed. */
  values?: unknown[][];
  at?: string;
  numberFormats?: (string | undefined)[][];
  merges?: string[];
  customProperties?: Record<string, string>;
  /** The sheet is protected (Review › Protect Sheet). */
  protected?: boolean;
}

export interface StandInInit {
  sheets?: StandInSheetInit[];
  locale?: "en-US" | "vi-VN";
  /** Workbook-scoped names: name → "'Sheet'!$A$1". */
  names?: Record<string, string>;
  /** Requirement sets of an older host, e.g. { ExcelApi: "1.12" } (the rest stay the latest). */
  supportedSets?: Record<string, string>;
  tables?: { name: string; sheet: string; address: string; style?: string }[];
  date1904?: boolean;
  /** The workbook's structure is protected (Review › Protect Workbook). */
  structureProtected?: boolean;
}

/** 5 MB as Excel on the web counts it (resource-limits page), taken as 5,000,000 bytes. */
export const PAYLOAD_LIMIT = 5_000_000;
/** Cells one load may read (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large). */
export const CELL_READ_LIMIT = 5_000_000;
/** More merged areas than this and getMergedAreasOrNullObject fails (Excel.Range reference). */
export const MERGED_AREAS_LIMIT = 512;

/** The sets a current Microsoft 365 Excel has. */
export const LATEST_SETS: Record<string, string> = {
  ExcelApi: "1.17",
  CustomFunctionsRuntime: "1.4",
  SharedRuntime: "1.1",
  RibbonApi: "1.1",
  // Windows and Mac; not Excel on the web (open-browser-window-api-requirement-sets).
  OpenBrowserWindowApi: "1.1",
};

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class NameState {
  constructor(
    public name: string,
    public sheet: SheetState | null,
    public box: Box,
  ) {}
  get formula(): string {
    return this.sheet ? `=${quoteSheet(this.sheet.name)}!${absolute(this.box)}` : "=#REF!";
  }
}

function absolute(b: Box): string {
  const cell = (r: number, c: number): string => `$${numberToCol(c + 1)}$${r + 1}`;
  return b.top === b.bottom && b.left === b.right ? cell(b.top, b.left) : `${cell(b.top, b.left)}:${cell(b.bottom, b.right)}`;
}

interface ChangeListener {
  handler: (args: { worksheetId: string; address: string; changeType: string; source: string }) => unknown;
}

export class StandInWorkbook {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  date1904 = false;
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** context.sync() calls, across every context of this workbook. */
  syncCount = 0;
  /** Largest estimated request / response of any sync so far, in bytes. */
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** Excel on the web's limit for one request or response (resource-limits page). */
  payloadLimit = PAYLOAD_LIMIT;
  /** Requests refused as over payloadLimit, and the largest one Excel accepted. */
  refusedRequests = 0;
  maxSentBytes = 0;
  /** The last request message sent (officeWire.ts), for tests to look at. */
  lastRequest: unknown = null;
  /** Excel.run / new RequestContext() attempted before Office.onReady (refused). */
  callsBeforeReady = 0;
  /** A test's way to model a busy Excel: the next `count` syncs fail with `code`. */
  failNextSyncs: { code: string; count: number } | null = null;
  /** Protect Workbook (structure): sheets cannot be added, deleted, moved or renamed. */
  structureProtected = false;
  /** Refuses a structure change of a protected workbook, as Excel does. */
  assertStructureWritable(): void {
    if (this.structureProtected) {
      throw new StandInError("AccessDenied", "You cannot perform the requested operation. The workbook's structure is protected.");
    }
  }
  /** How the host's locale reads typed dates: "en-US" m/d, "vi-VN" d/m. */
  locale: "en-US" | "vi-VN" = "en-US";
  /** Highest version of each requirement set the host has (a test lowers one to model an old Excel). */
  supportedSets: Record<string, string> = { ...LATEST_SETS };
  /** Workbook-scoped defined names. */
  names: NameState[] = [];
  private editing = false;
  private editWaiters: (() => void)[] = [];
  /** True while the user is typing in a cell (a test says so). */
  get editingCell(): boolean {
    return this.editing;
  }
  set editingCell(v: boolean) {
    this.editing = v;
    if (!v) for (const w of this.editWaiters.splice(0)) w();
  }
  /** Resolves when the user leaves cell-edit mode. */
  cellEditEnded(): Promise<void> {
    return this.editing ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }
  /** True when the host has `set` at `version` or later. */
  isSetSupported(set: string, version = "1.1"): boolean {
    const have = this.supportedSets[set];
    return have !== undefined && compareVersions(have, version) >= 0;
  }
  private nextSheetId = 1;
  private nextTableId = 1;
  changeListeners: ChangeListener[] = [];
  sheetEventListeners: { kind: string; handler: (args: unknown) => unknown }[] = [];

  /** Fires sheet add/delete/rename listeners, as Excel does after the user acts. */
  fireSheetEvent(kind: "onAdded" | "onDeleted" | "onNameChanged", worksheetId: string): void {
    for (const l of this.sheetEventListeners) if (l.kind === kind) void l.handler({ worksheetId, source: "Local" });
  }

  constructor(init: StandInInit = {}) {
    this.date1904 = !!init.date1904;
    this.structureProtected = !!init.structureProtected;
    if (init.locale) this.locale = init.locale;
    if (init.supportedSets) this.supportedSets = { ...this.supportedSets, ...init.supportedSets };
    for (const s of init.sheets ?? []) {
      const sheet = this.addSheet(s.name);
      const origin = s.at ? parseAddress(s.at) : { top: 0, left: 0, bottom: 0, right: 0 };
      (s.values ?? []).forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined || v === "") return;
          writeInput(sheet.ensure(origin.top + r, origin.left + c), v as Scalar, this);
        }),
      );
      (s.numberFormats ?? []).forEach((row, r) =>
        row.forEach((f, c) => {
          if (f) sheet.ensure(origin.top + r, origin.left + c).numberFormat = f;
        }),
      );
      sheet.merges = (s.merges ?? []).map(parseAddress);
      for (const [k, v] of Object.entries(s.customProperties ?? {})) sheet.customProperties.set(k, v);
      sheet.protected = !!s.protected;
    }
    for (const t of init.tables ?? []) {
      const sheet = this.sheet(t.sheet);
      if (!sheet) throw new Error(`no sheet ${t.sheet}`);
      const table = new TableState(t.name, sheet, parseAddress(t.address));
      if (t.style) table.style = t.style;
      this.tables.push(table);
    }
    for (const [name, ref] of Object.entries(init.names ?? {})) {
      const sheetName = ref.slice(0, ref.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
      this.names.push(new NameState(name, this.sheet(sheetName) ?? null, parseAddress(ref)));
    }
    this.activeSheet = this.sheets[0]?.name ?? null;
  }

  /** The names that refer to `sheet` (the add-in's markers among them). */
  namesOf(sheet: string): string[] {
    return this.names.filter((n) => n.sheet && n.sheet.name.toLowerCase() === sheet.toLowerCase()).map((n) => n.name);
  }

  name(name: string): NameState | undefined {
    return this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): TableState | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name?: string): SheetState {
    const sheetName = name ?? `Sheet${this.sheets.length + 1}`;
    if (sheetName.length === 0 || sheetName.length > 31 || /[[\]:*?/\\]/.test(sheetName) || /^'|'$/.test(sheetName)) {
      throw new StandInError("InvalidArgument", `The sheet name "${sheetName}" is not valid.`);
    }
    if (this.sheet(sheetName)) {
      throw new StandInError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${sheetName}.`);
    }
    const sheet = new SheetState(sheetName, this.nextSheetId++);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetState): void {
    if (!this.sheets.includes(sheet)) throw new StandInError("ItemNotFound", "The requested resource doesn't exist.");
    this.assertStructureWritable();
    if (this.sheets.filter((s) => s.visibility === "Visible").length <= 1) {
      throw new StandInError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    // A name that pointed at the sheet now refers to #REF!, as in Excel.
    for (const n of this.names) if (n.sheet === sheet) n.sheet = null;
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    if (this.selection?.sheet === sheet.name) this.selection = null;
    if (this.activeSheet === sheet.name) this.activeSheet = this.sheets[0]?.name ?? null;
  }

  newTableName(): string {
    let name: string;
    do name = `Table${this.nextTableId++}`;
    while (this.table(name));
    return name;
  }

  /** Excel.run for this workbook: run(batch) or run({ delayForCellEdit }, batch). */
  run = async <T>(a: ((context: any) => Promise<T>) | { delayForCellEdit?: boolean }, b?: (context: any) => Promise<T>): Promise<T> => {
    const batch = typeof a === "function" ? a : b;
    if (!batch) throw new StandInError("InvalidArgument", "Excel.run needs a batch function.");
    const context = new StandInContext(this, typeof a === "function" ? false : !!a.delayForCellEdit);
    return batch(context);
  };

  /** The serial of a date in this workbook's date system. */
  serial(year: number, month: number, day: number): number {
    const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
    return this.date1904 ? days - 1462 : days;
  }
}

/** Refuses a change to a protected sheet. Excel refuses changes to its locked cells
 *  (every cell is locked unless the user unlocked it) and most formatting; the stand-in
 *  refuses every change, never kinder. The code is AccessDenied ("You cannot perform the
 *  requested operation", learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 *  protection itself: learn.microsoft.com/javascript/api/excel/excel.worksheetprotection. */
export function assertSheetWritable(sheet: SheetState): void {
  if (sheet.protected) {
    throw new StandInError("AccessDenied", `You cannot perform the requested operation. The sheet "${sheet.name}" is protected.`);
  }
}

// ---------------------------------------------------------------- typing into a cell

function serialOf(year: number, month: number, day: number, date1904: boolean): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
  return date1904 ? days - 1462 : days;
}

function evaluate(formula: string): Scalar {
  const body = formula.slice(1).trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return Number(body);
  const m = /^([+-]?\d+(?:\.\d+)?)\s*([+\-*/])\s*(\d+(?:\.\d+)?)$/.exec(body);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    switch (m[2]) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      default:
        return b === 0 ? "#DIV/0!" : a / b;
    }
  }
  if (/^"[^"]*"$/.test(body)) return body.slice(1, -1);
  return "#NAME?";
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function validDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function monthOf(word: string): number {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i >= 0 && (word.length === 3 || MONTHS[i] === word.slice(0, 3).toLowerCase()) ? i + 1 : 0;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

/**
 * What Excel makes of text entered into a General cell (Range.values takes strings "as if
 * typed": learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
 * and the Range.values reference). Numbers with thousands separators, exponents, currency,
 * parentheses and percentages; TRUE/FALSE; times; dates in the host locale's order with
 * / - or . and with month names ("Jan 5", "5-Jan"); a two-part date takes the current year.
 * Null when Excel keeps the text.
 */
export function coerceTyped(input: string, locale: "en-US" | "vi-VN", date1904: boolean): { value: Scalar; numberFormat?: string } | null {
  const t = input.trim();
  if (t === "") return null;
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  if (/^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/i.test(t)) return { value: t.toUpperCase() };
  let m = /^(\(?)([-+]?)(\$?)([-+]?)((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:[eE][-+]?\d+)?)(%?)(\)?)$/.exec(t);
  if (m && /\d/.test(m[5]) && (m[1] === "") === (m[7] === "") && !(m[2] && m[4])) {
    let n = Number(m[5].replace(/,/g, ""));
    if (Number.isFinite(n)) {
      if (m[1] || m[2] === "-" || m[4] === "-") n = -n;
      if (m[6]) return { value: n / 100, numberFormat: "0%" };
      if (m[3]) return { value: n, numberFormat: "$#,##0" };
      if (/[eE]/.test(m[5])) return { value: n, numberFormat: "0.00E+00" };
      return { value: n };
    }
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(t);
  if (m && Number(m[2]) < 60) {
    let h = Number(m[1]);
    if (m[4]) h = (h % 12) + (m[4].toLowerCase() === "pm" ? 12 : 0);
    if (h < 24) return { value: (h * 60 + Number(m[2])) / 1440 + Number(m[3] ?? 0) / 86400, numberFormat: "h:mm" };
  }
  const thisYear = new Date().getFullYear();
  const date = (y: number, mo: number, d: number): { value: Scalar; numberFormat: string } | null =>
    validDate(y, mo, d) ? { value: serialOf(y, mo, d, date1904), numberFormat: "m/d/yyyy" } : null;
  // Numeric dates: a/b/c or a/b with / - or . between, in the locale's order.
  m = /^(\d{1,4})([/.-])(\d{1,2})(?:\2(\d{1,4}))?$/.exec(t);
  if (m && !(m[2] === "." && !m[4])) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (m[1].length === 4 && m[4]) return date(a, b, Number(m[4]));
    const year = m[4] ? fullYear(m[4]) : thisYear;
    const [month, day] = locale === "en-US" ? [a, b] : [b, a];
    const d = date(year, month, day);
    if (d) return d;
    // "1-2021": month and year.
    if (!m[4] && m[3].length <= 2 && b >= 1 && m[2] !== ".") return null;
  }
  // Month names: "Jan 5", "Jan 5, 2021", "5 Jan", "5-Jan-21", "Jan-21" (month, year).
  m = /^([A-Za-z]{3,9})[\s.-]+(\d{1,4})(?:,?\s*(\d{2,4}))?$/.exec(t);
  if (m && monthOf(m[1])) {
    const mo = monthOf(m[1]);
    if (m[3]) return date(fullYear(m[3]), mo, Number(m[2]));
    const n = Number(m[2]);
    return n <= 31 && validDate(thisYear, mo, n) ? date(thisYear, mo, n) : date(fullYear(m[2]), mo, 1);
  }
  m = /^(\d{1,2})[\s.-]+([A-Za-z]{3,9})(?:[\s.,-]+(\d{2,4}))?$/.exec(t);
  if (m && monthOf(m[2])) return date(m[3] ? fullYear(m[3]) : thisYear, monthOf(m[2]), Number(m[1]));
  return null;
}

/** Puts what a user (or Range.values/formulas) typed into a cell, the way Excel takes it. */
function writeInput(cell: CellState, input: Scalar | null, book: { date1904: boolean; locale: "en-US" | "vi-VN" }): void {
  if (input === null) return; // null leaves the cell as it is
  delete cell.formula;
  delete cell.textPrefix;
  if (typeof input !== "string") {
    cell.value = input;
    return;
  }
  if (input === "") {
    cell.value = "";
    return;
  }
  // A cell formatted as Text keeps what is typed (Range.numberFormat "@").
  if (cell.numberFormat === "@") {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.textPrefix = true;
    return;
  }
  if (input.startsWith("=") && input.length > 1) {
    cell.formula = input;
    cell.value = evaluate(input);
    return;
  }
  const typed = coerceTyped(input, book.locale, book.date1904);
  if (typed) {
    cell.value = typed.value;
    if (typed.numberFormat) cell.numberFormat ??= typed.numberFormat;
    return;
  }
  if (/^[+\-@]/.test(input)) {
    cell.formula = `=${input}`;
    cell.value = "#NAME?";
    return;
  }
  cell.value = input;
}

// ---------------------------------------------------------------- context and proxies

type Op = () => void;

export class StandInContext {
  private queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  private changed = new Set<SheetState>();
  /** The request and response messages of this context's batches (officeWire.ts). */
  readonly wire = new WireLog();

  constructor(
    readonly book: StandInWorkbook,
    /** Excel.run({ delayForCellEdit: true }): syncs wait for the user to leave the cell. */
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Queues an operation and the action Office.js would send for it (null: a check of the
   *  stand-in's own that sends nothing). Returns the action's id (0 for none). */
  enqueue(op: Op, action: ActionSpec | null): number {
    this.queue.push(op);
    return action ? this.wire.action(action) : 0;
  }

  /** Fails the sync with ApiNotFound when the host lacks `set` `version` (the member's set on its reference page). */
  requires(set: string, version: string, member: string): void {
    this.enqueue(() => {
      if (!this.book.isSetSupported(set, version)) {
        throw new StandInError(
          "ApiNotFound",
          `The method or property ${member} is part of the ${set} ${version} requirement set, which is not available in your version of Office.`,
        );
      }
    }, null);
  }

  markChanged(sheet: SheetState): void {
    this.changed.add(sheet);
  }

  async sync(): Promise<void> {
    this.book.syncCount++;
    const ops = this.queue;
    this.queue = [];
    // The request as sent: the JSON of the batch's actions and object paths.
    const body = this.wire.takeRequest();
    const request = utf8Json(body);
    this.book.lastRequest = body;
    this.book.maxRequestBytes = Math.max(this.book.maxRequestBytes, request);
    await Promise.resolve();
    if (this.book.editingCell) {
      if (!this.delayForCellEdit) {
        throw new StandInError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
        );
      }
      await this.book.cellEditEnded();
    }
    if (request > this.book.payloadLimit) {
      this.book.refusedRequests++;
      throw new StandInError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    this.book.maxSentBytes = Math.max(this.book.maxSentBytes, request);
    const failing = this.book.failNextSyncs;
    if (failing && failing.count > 0) {
      failing.count--;
      throw new StandInError(failing.code, "The stand-in was told to fail this request.");
    }
    try {
      for (const op of ops) op();
    } finally {
      const changed = [...this.changed];
      this.changed.clear();
      if (changed.length && this.book.changeListeners.length) {
        const listeners = [...this.book.changeListeners];
        setTimeout(() => {
          for (const sheet of changed)
            for (const l of listeners) void l.handler({ worksheetId: sheet.id, address: "", changeType: "RangeEdited", source: "Local" });
        }, 0);
      }
    }
    const response = utf8Json(this.wire.response());
    this.book.maxResponseBytes = Math.max(this.book.maxResponseBytes, response);
    if (response > this.book.payloadLimit) {
      throw new StandInError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
  }

  /** Office.js lets a batch track objects across syncs; nothing to do in memory. */
  trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

function parseProps(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return [];
  const text = Array.isArray(props) ? props.join(",") : typeof props === "string" ? props : (props.select ?? "");
  return text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

function notLoaded(prop: string): StandInError {
  return new StandInError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** A client object: resolves its target lazily (in queue order) and serves loaded values.
 *  It is an object path on the wire (officeWire.ts); `spec` says how it is reached. */
abstract class ClientObject<T> {
  protected loaded = new Map<string, unknown>();
  private target: T | null | undefined;
  private resolvedNull: boolean | undefined;
  /** This object's path id in the request messages. */
  readonly pathId: number;

  constructor(
    protected readonly ctx: StandInContext,
    private readonly finder: () => T | null,
    private readonly orNull = false,
    spec: PathSpec = { type: ObjectPathType.Method, name: "GetItem" },
    /** False for an item of a loaded collection: it exists already, nothing is sent. */
    queued = true,
  ) {
    this.pathId = ctx.wire.path(spec);
    if (!queued) return;
    // Resolve where Office.js would: at this point of the batch.
    ctx.enqueue(
      () => {
        this.resolveTarget();
      },
      { ActionType: WireAction.Instantiate, Name: "", ObjectPathId: this.pathId },
    );
  }

  get context(): StandInContext {
    return this.ctx;
  }

  /** The path of a child reached by property `name` (a navigation property). */
  protected child(name: string): PathSpec {
    return { type: ObjectPathType.Property, name: wireName(name), parent: this.pathId };
  }

  /** The path of a child returned by method `name`. */
  protected call(name: string, ...args: unknown[]): PathSpec {
    return { type: ObjectPathType.Method, name: wireName(name), parent: this.pathId, args };
  }

  /** A SetProperty action on this object. */
  protected setAction(name: string, value: unknown): ActionSpec {
    return { ActionType: WireAction.SetProperty, Name: wireName(name), ObjectPathId: this.pathId, ArgumentInfo: { Arguments: [value] } };
  }

  /** A Method action on this object. */
  protected methodAction(name: string, ...args: unknown[]): ActionSpec {
    const a: ActionSpec = { ActionType: WireAction.Method, Name: wireName(name), ObjectPathId: this.pathId };
    if (args.length) a.ArgumentInfo = { Arguments: args };
    return a;
  }

  protected resolveTarget(): T | null {
    if (this.target === undefined) {
      const t = this.finder();
      this.target = t;
      this.resolvedNull = t === null;
      if (t === null && !this.orNull) throw new StandInError("ItemNotFound", "The requested resource doesn't exist.");
    }
    return this.target;
  }

  /** The target; throws when it is a null object (operations on null objects fail). */
  protected t(): T {
    const t = this.resolveTarget();
    if (t === null) throw new StandInError("InvalidOperation", "The object is a null object.");
    return t;
  }

  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw notLoaded("isNullObject");
    return this.resolvedNull;
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = parseProps(props);
    const id = this.ctx.enqueue(
      () => {
        const t = this.resolveTarget();
        if (t === null) return;
        const value: Record<string, unknown> = {};
        for (const p of list) {
          const prop = p.replace(/^items\//, "");
          value[wireName(prop)] = this.loadProp(prop, t);
        }
        this.ctx.wire.result(id, value);
      },
      { ActionType: WireAction.Query, Name: "", ObjectPathId: this.pathId, QueryInfo: { Select: list.map(wireName) } },
    );
    return this;
  }

  /** Reads one property into the loaded values; returns what goes into the response. */
  protected loadProp(prop: string, target: T): unknown {
    const v = this.read(prop, target);
    this.loaded.set(prop, v);
    return v;
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  protected abstract read(prop: string, target: T): unknown;

  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

const HEADER_FOOTER_STATES = ["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"];

/**
 * What Excel accepts for the page-layout members the add-in sets (ExcelApi 1.9):
 * - PageLayout.firstPageNumber is a number, or "" for automatic numbering
 *   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-firstpagenumber-member);
 * - HeaderFooterGroup.state is one of Excel.HeaderFooterState
 *   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.headerfootergroup#excel-excel-headerfootergroup-state-member);
 * - each HeaderFooter section (centerHeader, centerFooter…) is a string of format codes
 *   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.headerfooter), at most 255
 *   characters ("Characters in a header or footer: 255", Excel specifications and limits,
 *   https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * Anything else fails the sync with InvalidArgument.
 */
function checkPageLayout(path: string, value: unknown): void {
  const bad = (why: string) =>
    new StandInError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${path}: ${why}).`);
  if (path === "firstPageNumber") {
    if (!(value === "" || (typeof value === "number" && Number.isInteger(value) && value >= 0))) throw bad("not a page number");
  } else if (path === "headersFooters.state") {
    if (!HEADER_FOOTER_STATES.includes(String(value))) throw bad("not a HeaderFooterState");
  } else if (/^headersFooters\.(defaultForAllPages|firstPage|evenPages|oddPages)\.(left|center|right)(Header|Footer)$/.test(path)) {
    if (typeof value !== "string") throw bad("not a string");
    if (value.length > 255) throw bad("longer than 255 characters");
  }
}

/** Records property sets (and a few methods) under a path, for formats and layouts. Each
 *  level is an object path on the wire ("Format", "Font", GetItem("EdgeTop")). */
function recorder(ctx: StandInContext, record: (path: string, value: unknown) => void, parent: number, base = ""): any {
  // A navigation property is the same object each time it is read, as in Office.js.
  const children = new Map<string, unknown>();
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== "string") return undefined;
        const path = base ? `${base}.${prop}` : prop;
        if (prop === "getItem") {
          return (key: string) =>
            recorder(ctx, record, ctx.wire.path({ type: ObjectPathType.Method, name: "GetItem", parent, args: [key] }), `${base}.${key}`);
        }
        if (prop === "autofitColumns" || prop === "autofitRows" || prop === "setPrintTitleRows" || prop === "clear") {
          return (...args: unknown[]) =>
            ctx.enqueue(() => record(path, args.length <= 1 ? (args[0] ?? true) : args), {
              ActionType: WireAction.Method,
              Name: wireName(prop),
              ObjectPathId: parent,
              ArgumentInfo: { Arguments: args },
            });
        }
        if (prop === "load") return () => undefined;
        if (!children.has(prop)) {
          children.set(prop, recorder(ctx, record, ctx.wire.path({ type: ObjectPathType.Property, name: wireName(prop), parent }), path));
        }
        return children.get(prop);
      },
      set(_t, prop, value) {
        if (typeof prop !== "string") return false;
        const path = base ? `${base}.${prop}` : prop;
        const copy = typeof value === "object" && value !== null ? JSON.parse(JSON.stringify(value)) : value;
        ctx.enqueue(() => record(path, copy), {
          ActionType: WireAction.SetProperty,
          Name: wireName(prop),
          ObjectPathId: parent,
          ArgumentInfo: { Arguments: [copy] },
        });
        return true;
      },
    },
  );
}

interface RangeTarget {
  sheet: SheetState;
  box: Box;
}

function shapeError(): StandInError {
  return new StandInError(
    "InvalidArgument",
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  );
}

function checkShape(box: Box, v: unknown): unknown[][] | null {
  if (!Array.isArray(v)) return null; // a single value for the whole range
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) throw shapeError();
  return v as unknown[][];
}

export class RangeProxy extends ClientObject<RangeTarget> {
  constructor(ctx: StandInContext, finder: () => RangeTarget | null, orNull = false, spec?: PathSpec) {
    super(ctx, finder, orNull, spec);
  }

  /** The target, which is about to be changed: refused on a protected sheet. */
  private writable(): RangeTarget {
    const target = this.t();
    assertSheetWritable(target.sheet);
    return target;
  }

  protected read(prop: string, { sheet, box }: RangeTarget): unknown {
    const grid = <V>(f: (cell: CellState | undefined) => V): V[][] => {
      const out: V[][] = [];
      for (let r = box.top; r <= box.bottom; r++) {
        const line: V[] = [];
        for (let c = box.left; c <= box.right; c++) line.push(f(sheet.cell(r, c)));
        out.push(line);
      }
      return out;
    };
    if (sheet.failReads && (prop === "values" || prop === "formulas" || prop === "text")) {
      throw new StandInError("GeneralException", "There was an internal error while processing the request.");
    }
    // A load of cell data is limited to 5,000,000 cells (excel-add-ins-ranges-large).
    if (
      (prop === "values" || prop === "formulas" || prop === "numberFormat" || prop === "text") &&
      (box.bottom - box.top + 1) * (box.right - box.left + 1) > CELL_READ_LIMIT
    ) {
      throw new StandInError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
    }
    switch (prop) {
      case "values":
        return grid((c) => c?.value ?? "");
      case "formulas":
        return grid((c) => c?.formula ?? c?.value ?? "");
      case "numberFormat":
        return grid((c) => c?.numberFormat ?? "General");
      case "text":
        return grid((c) => String(c?.value ?? ""));
      case "rowIndex":
        return box.top;
      case "columnIndex":
        return box.left;
      case "rowCount":
        return box.bottom - box.top + 1;
      case "columnCount":
        return box.right - box.left + 1;
      case "address":
        return `${quoteSheet(sheet.name)}!${boxToA1(box)}`;
      case "addressLocal":
        return `${quoteSheet(sheet.name)}!${boxToA1(box)}`;
      default:
        throw new StandInError("InvalidArgument", `The stand-in does not know Range.${prop}.`);
    }
  }

  get values(): Scalar[][] {
    return this.get("values");
  }
  set values(v: unknown) {
    this.write(v, "values");
  }
  get formulas(): Scalar[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown) {
    this.write(v, "formulas");
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.ctx.enqueue(
      () => {
        const { sheet, box } = this.writable();
        const rows = checkShape(box, v);
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++) {
            const f = rows ? rows[r - box.top][c - box.left] : v;
            if (f === null || f === undefined) continue;
            sheet.ensure(r, c).numberFormat = String(f) === "General" ? undefined : String(f);
          }
      },
      this.setAction("numberFormat", v),
    );
  }
  get text(): string[][] {
    return this.get("text");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get address(): string {
    return this.get("address");
  }

  private write(v: unknown, property: "values" | "formulas"): void {
    const input = Array.isArray(v) ? v.map((row) => (Array.isArray(row) ? [...row] : row)) : v;
    this.ctx.enqueue(
      () => {
        const { sheet, box } = this.writable();
        const rows = checkShape(box, input);
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++) {
            const x = rows ? rows[r - box.top][c - box.left] : input;
            if (x !== null && x !== undefined && typeof x === "object") {
              throw new StandInError("InvalidArgument", "A cell value must be a string, number or boolean.");
            }
            writeInput(sheet.ensure(r, c), (x ?? null) as Scalar | null, this.ctx.book);
          }
        this.ctx.markChanged(sheet);
      },
      this.setAction(property, input),
    );
  }

  private formatProxy: unknown;
  /** A navigation property: the same object each time, as in Office.js. */
  get format(): any {
    return (this.formatProxy ??= recorder(
      this.ctx,
      (path, value) => {
        // RangeFormat.rowHeight: points, 0–409 ("Row height: 409 points", Excel specifications
        // and limits, https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3;
        // https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-rowheight-member).
        if (path === "rowHeight" && !(typeof value === "number" && value >= 0 && value <= 409)) {
          throw new StandInError(
            "InvalidArgument",
            `The argument is invalid or missing or has an incorrect format (rowHeight ${String(value)}).`,
          );
        }
        const { sheet, box } = this.writable();
        sheet.formats.push({ address: boxToA1(box), path, value });
      },
      this.ctx.wire.path(this.child("format")),
    ));
  }

  get dataValidation(): any {
    this.ctx.requires("ExcelApi", "1.8", "Range.dataValidation");
    const self = this;
    const path = this.ctx.wire.path(this.child("dataValidation"));
    return {
      set rule(rule: unknown) {
        const copy = JSON.parse(JSON.stringify(rule));
        self.ctx.enqueue(
          () => {
            const { sheet, box } = self.writable();
            if (typeof copy?.list?.source === "string" && copy.list.source.length > 255) {
              throw new StandInError("InvalidArgument", "The list source is longer than 255 characters.");
            }
            sheet.validations = sheet.validations.filter((v) => v.address !== boxToA1(box));
            sheet.validations.push({ address: boxToA1(box), rule: copy });
          },
          { ActionType: WireAction.SetProperty, Name: "Rule", ObjectPathId: path, ArgumentInfo: { Arguments: [copy] } },
        );
      },
      clear(): void {
        self.ctx.enqueue(
          () => {
            const { sheet, box } = self.writable();
            sheet.validations = sheet.validations.filter((v) => !overlaps(parseAddress(v.address), box));
          },
          { ActionType: WireAction.Method, Name: "Clear", ObjectPathId: path },
        );
      },
    };
  }

  get conditionalFormats(): any {
    this.ctx.requires("ExcelApi", "1.6", "Range.conditionalFormats");
    const collection = this.ctx.wire.path(this.child("conditionalFormats"));
    return {
      add: (type: string) => {
        const rec: ConditionalFormatRecord = { address: "", type, props: {} };
        const added = this.ctx.wire.path({ type: ObjectPathType.Method, name: "Add", parent: collection, args: [type] });
        this.ctx.enqueue(
          () => {
            const { sheet, box } = this.writable();
            rec.address = boxToA1(box);
            sheet.conditionalFormats.push(rec);
          },
          { ActionType: WireAction.Instantiate, Name: "", ObjectPathId: added },
        );
        return recorder(
          this.ctx,
          (path, value) => {
            rec.props[path] = value;
          },
          added,
        );
      },
      clearAll: () =>
        this.ctx.enqueue(
          () => {
            const { sheet, box } = this.writable();
            sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !overlaps(parseAddress(f.address), box));
          },
          { ActionType: WireAction.Method, Name: "ClearAll", ObjectPathId: collection },
        ),
    };
  }

  merge(across = false): void {
    this.ctx.enqueue(
      () => {
        const { sheet, box } = this.writable();
        for (const t of this.ctx.book.tables) {
          if (t.sheet === sheet && overlaps(t.box, box)) {
            throw new StandInError("InvalidOperation", "Cells in a table can't be merged.");
          }
        }
        const areas = across
          ? Array.from({ length: box.bottom - box.top + 1 }, (_, i) => ({ ...box, top: box.top + i, bottom: box.top + i }))
          : [box];
        sheet.merges = sheet.merges.filter((m) => !overlaps(m, box));
        sheet.merges.push(...areas.filter((a) => a.left !== a.right || a.top !== a.bottom));
      },
      this.methodAction("merge", across),
    );
  }

  unmerge(): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.writable();
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, box));
    }, this.methodAction("unmerge"));
  }

  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.t();
      this.ctx.book.selection = { sheet: sheet.name, address: boxToA1(box) };
      this.ctx.book.activeSheet = sheet.name;
    }, this.methodAction("select"));
  }

  clear(): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.writable();
      for (let r = box.top; r <= Math.min(box.bottom, sheet.cells.length - 1); r++) {
        const line = sheet.cells[r];
        if (!line) continue;
        for (let c = box.left; c <= box.right; c++) delete line[c];
      }
      this.ctx.markChanged(sheet);
    }, this.methodAction("clear"));
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const { sheet, box } = this.t();
        return { sheet, box: normalise({ top: box.top + row, left: box.left + column, bottom: box.top + row, right: box.left + column }) };
      },
      false,
      this.call("getCell", row, column),
    );
  }

  /** The used part of this range (Range.getUsedRangeOrNullObject, ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.ctx.requires("ExcelApi", "1.4", "Range.getUsedRangeOrNullObject");
    return new RangeProxy(
      this.ctx,
      () => {
        const { sheet, box } = this.t();
        const used = sheet.usedBox(valuesOnly, box);
        return used ? { sheet, box: used } : null;
      },
      true,
      this.call("getUsedRangeOrNullObject", valuesOnly),
    );
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.ctx.requires("ExcelApi", "1.13", "Range.getMergedAreasOrNullObject");
    return new RangeAreasProxy(
      this.ctx,
      () => {
        const { sheet, box } = this.t();
        const areas = sheet.merges.filter((m) => overlaps(m, box));
        if (areas.length > MERGED_AREAS_LIMIT) {
          throw new StandInError(
            "InvalidOperation",
            `The range holds ${areas.length} merged areas; the API fails above ${MERGED_AREAS_LIMIT}.`,
          );
        }
        return areas.length ? { sheet, areas } : null;
      },
      this.call("getMergedAreasOrNullObject"),
    );
  }

  private worksheetProxy: WorksheetProxy | undefined;
  get worksheet(): WorksheetProxy {
    return (this.worksheetProxy ??= new WorksheetProxy(this.ctx, () => this.t().sheet, false, this.child("worksheet")));
  }
}

interface AreasTarget {
  sheet: SheetState;
  areas: Box[];
}

export class RangeAreasProxy extends ClientObject<AreasTarget> {
  constructor(ctx: StandInContext, finder: () => AreasTarget | null, spec: PathSpec) {
    super(ctx, finder, true, spec);
  }
  protected read(prop: string, { sheet, areas }: AreasTarget): unknown {
    if (prop === "address") return areas.map((a) => `${quoteSheet(sheet.name)}!${boxToA1(a)}`).join(",");
    if (prop === "areaCount") return areas.length;
    throw new StandInError("InvalidArgument", `The stand-in does not know RangeAreas.${prop}.`);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

class CustomPropertyProxy extends ClientObject<{ sheet: SheetState; key: string }> {
  protected read(prop: string, { sheet, key }: { sheet: SheetState; key: string }): unknown {
    if (prop === "key") return key;
    if (prop === "value") return sheet.customProperties.get(key);
    throw new StandInError("InvalidArgument", `The stand-in does not know CustomProperty.${prop}.`);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): string {
    return this.get("value");
  }
}

export class WorksheetProxy extends ClientObject<SheetState> {
  protected read(prop: string, sheet: SheetState): unknown {
    switch (prop) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.ctx.book.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      default:
        throw new StandInError("InvalidArgument", `The stand-in does not know Worksheet.${prop}.`);
    }
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.ctx.enqueue(
      () => {
        const sheet = this.t();
        this.ctx.book.assertStructureWritable();
        const other = this.ctx.book.sheet(v);
        if (other && other !== sheet) throw new StandInError("ItemAlreadyExists", "A sheet with that name exists.");
        sheet.name = v;
      },
      this.setAction("name", v),
    );
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  set position(p: number) {
    this.ctx.enqueue(
      () => {
        const sheet = this.t();
        const book = this.ctx.book;
        book.assertStructureWritable();
        if (p < 0 || p >= book.sheets.length) throw new StandInError("InvalidArgument", "Position out of range.");
        book.sheets = book.sheets.filter((s) => s !== sheet);
        book.sheets.splice(p, 0, sheet);
      },
      this.setAction("position", p),
    );
  }
  get visibility(): string {
    return this.get("visibility");
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.t();
        return { sheet, box: address ? parseAddress(address) : { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } };
      },
      false,
      address === undefined ? this.call("getRange") : this.call("getRange", address),
    );
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    this.ctx.requires("ExcelApi", "1.7", "Worksheet.getRangeByIndexes");
    return new RangeProxy(
      this.ctx,
      () => ({
        sheet: this.t(),
        box: normalise({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }),
      }),
      false,
      this.call("getRangeByIndexes", row, col, rows, cols),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.ctx.requires("ExcelApi", "1.4", "Worksheet.getUsedRangeOrNullObject");
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.t();
        const box = sheet.usedBox(valuesOnly);
        return box ? { sheet, box } : null;
      },
      true,
      this.call("getUsedRangeOrNullObject", valuesOnly),
    );
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.t();
        return { sheet, box: sheet.usedBox(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
      },
      false,
      this.call("getUsedRange", valuesOnly),
    );
  }

  private tablesProxy: TableCollectionProxy | undefined;
  get tables(): TableCollectionProxy {
    return (this.tablesProxy ??= new TableCollectionProxy(this.ctx, () => this.t(), this.child("tables")));
  }

  private protectionProxy: WorksheetProtectionProxy | undefined;
  /** Worksheet.protection (ExcelApi 1.2): whether the sheet is protected
   *  (learn.microsoft.com/javascript/api/excel/excel.worksheetprotection). */
  get protection(): WorksheetProtectionProxy {
    return (this.protectionProxy ??= new WorksheetProtectionProxy(this.ctx, () => this.t(), false, this.child("protection")));
  }

  get customProperties(): any {
    this.ctx.requires("ExcelApi", "1.12", "Worksheet.customProperties");
    const collection = this.ctx.wire.path(this.child("customProperties"));
    return {
      add: (key: string, value: unknown) => {
        this.ctx.enqueue(
          () => {
            if (!/^[A-Za-z_][A-Za-z0-9_.]{0,254}$/.test(key)) throw new StandInError("InvalidArgument", "Bad custom property key.");
            this.t().customProperties.set(key, String(value));
          },
          { ActionType: WireAction.Method, Name: "Add", ObjectPathId: collection, ArgumentInfo: { Arguments: [key, value] } },
        );
      },
      getItemOrNullObject: (key: string) =>
        new CustomPropertyProxy(
          this.ctx,
          () => {
            const sheet = this.t();
            return sheet.customProperties.has(key) ? { sheet, key } : null;
          },
          true,
          { type: ObjectPathType.Method, name: "GetItemOrNullObject", parent: collection, args: [key] },
        ),
    };
  }

  get freezePanes(): any {
    this.ctx.requires("ExcelApi", "1.7", "Worksheet.freezePanes");
    const path = this.ctx.wire.path(this.child("freezePanes"));
    const method = (name: string, args: unknown[]): ActionSpec => ({
      ActionType: WireAction.Method,
      Name: name,
      ObjectPathId: path,
      ArgumentInfo: { Arguments: args },
    });
    return {
      // freezeRows(count): "The number of rows to freeze, or zero to unfreeze all rows"
      // (Excel.WorksheetFreezePanes reference) — count rows, not the first unfrozen row.
      freezeRows: (n: number) =>
        this.ctx.enqueue(
          () => {
            if (!Number.isInteger(n) || n < 0) throw new StandInError("InvalidArgument", "The row count is invalid.");
            this.t().frozenRows = n;
          },
          method("FreezeRows", [n]),
        ),
      unfreeze: () =>
        this.ctx.enqueue(
          () => {
            this.t().frozenRows = 0;
          },
          method("Unfreeze", []),
        ),
    };
  }

  // Worksheet.horizontalPageBreaks (ExcelApi 1.9), PageBreakCollection.add(pageBreakRange):
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagebreakcollection#excel-excel-pagebreakcollection-add-member(1)
  get horizontalPageBreaks(): { add(address: string): void } {
    this.ctx.requires("ExcelApi", "1.9", "Worksheet.horizontalPageBreaks");
    const path = this.ctx.wire.path(this.child("horizontalPageBreaks"));
    return {
      add: (address: string) => {
        const box = parseAddress(address);
        this.ctx.enqueue(
          () => {
            const sheet = this.t();
            assertSheetWritable(sheet);
            sheet.pageBreaks.push(box.top);
          },
          { ActionType: WireAction.Method, Name: "Add", ObjectPathId: path, ArgumentInfo: { Arguments: [address] } },
        );
      },
    };
  }

  get pageLayout(): any {
    this.ctx.requires("ExcelApi", "1.9", "Worksheet.pageLayout");
    return recorder(
      this.ctx,
      (path, value) => {
        checkPageLayout(path, value);
        const sheet = this.t();
        assertSheetWritable(sheet);
        sheet.pageLayout[path] = value;
      },
      this.ctx.wire.path(this.child("pageLayout")),
    );
  }

  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.book.activeSheet = this.t().name;
    }, this.methodAction("activate"));
  }

  delete(): void {
    this.ctx.enqueue(() => this.ctx.book.deleteSheet(this.t()), this.methodAction("delete"));
  }
}

abstract class CollectionProxy<T, P> extends ClientObject<T[]> {
  private itemProps: string[] = [];
  private itemProxies: P[] | undefined;

  load(props?: string | string[] | { select?: string }): this {
    const list = parseProps(props).map((p) => p.replace(/^items\//, ""));
    const id = this.ctx.enqueue(
      () => {
        const targets = this.resolveTarget() ?? [];
        const values: Record<string, unknown>[] = [];
        this.itemProxies = targets.map((t, i) => {
          // An item of the loaded collection: its values come back in this response.
          const spec: PathSpec = { type: ObjectPathType.Indexer, name: "", parent: this.pathId, args: [i] };
          const proxy = this.wrap(t, spec);
          const value: Record<string, unknown> = {};
          for (const p of list) value[wireName(p)] = (proxy as any).loadProp(p, t);
          (proxy as any).resolveTarget();
          values.push(value);
          return proxy;
        });
        this.itemProps = list;
        this.ctx.wire.result(id, { Items: values });
      },
      { ActionType: WireAction.Query, Name: "", ObjectPathId: this.pathId, QueryInfo: { Select: list.map((p) => `Items/${wireName(p)}`) } },
    );
    return this;
  }

  get items(): P[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }

  protected read(): unknown {
    return undefined;
  }

  /** A proxy for one item of the loaded collection (nothing queued for it). */
  protected abstract wrap(target: T, spec: PathSpec): P;

  get loadedItemProps(): string[] {
    return this.itemProps;
  }
}

export class WorksheetCollectionProxy extends CollectionProxy<SheetState, WorksheetProxy> {
  constructor(ctx: StandInContext, spec: PathSpec) {
    super(ctx, () => ctx.book.sheets, false, spec);
  }
  protected wrap(sheet: SheetState, spec: PathSpec): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => sheet, false, spec, false);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(name) ?? null, false, this.call("getItem", name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    this.ctx.requires("ExcelApi", "1.4", "WorksheetCollection.getItemOrNullObject");
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(name) ?? null, true, this.call("getItemOrNullObject", name));
  }
  add(name?: string): WorksheetProxy {
    let created: SheetState | null = null;
    // The new sheet is the result of the Add method: its path carries the call.
    const proxy = new WorksheetProxy(this.ctx, () => created, false, name === undefined ? this.call("add") : this.call("add", name), false);
    this.ctx.enqueue(
      () => {
        this.ctx.book.assertStructureWritable();
        created = this.ctx.book.addSheet(name);
        (proxy as any).resolveTarget();
      },
      { ActionType: WireAction.Instantiate, Name: "", ObjectPathId: proxy.pathId },
    );
    return proxy;
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(
      this.ctx,
      () => (this.ctx.book.activeSheet ? (this.ctx.book.sheet(this.ctx.book.activeSheet) ?? null) : null),
      false,
      this.call("getActiveWorksheet"),
    );
  }
  /** WorksheetCollection.onAdded / onDeleted (ExcelApi 1.7) and onNameChanged (ExcelApi 1.17):
   *  recorded so tests can fire them (Excel.WorksheetCollection reference). */
  get onAdded(): any {
    return this.event("onAdded", "1.7");
  }
  get onDeleted(): any {
    return this.event("onDeleted", "1.7");
  }
  get onNameChanged(): any {
    return this.event("onNameChanged", "1.17");
  }
  private event(kind: string, version: string): any {
    this.ctx.requires("ExcelApi", version, `WorksheetCollection.${kind}`);
    return {
      add: (handler: (args: unknown) => unknown) => {
        const listener = { kind, handler };
        this.ctx.enqueue(
          () => {
            this.ctx.book.sheetEventListeners.push(listener);
          },
          this.methodAction(`${kind}.add`),
        );
        const book = this.ctx.book;
        return {
          remove: () => {
            book.sheetEventListeners = book.sheetEventListeners.filter((l) => l !== listener);
          },
        };
      },
    };
  }
  get onChanged(): any {
    this.ctx.requires("ExcelApi", "1.9", "WorksheetCollection.onChanged");
    return {
      add: (handler: ChangeListener["handler"]) => {
        const listener = { handler };
        this.ctx.enqueue(() => {
          this.ctx.book.changeListeners.push(listener);
        }, this.methodAction("onChanged.add"));
        const book = this.ctx.book;
        return {
          remove: () => {
            book.changeListeners = book.changeListeners.filter((l) => l !== listener);
          },
        };
      },
    };
  }
}

export class TableProxy extends ClientObject<TableState> {
  protected read(prop: string, t: TableState): unknown {
    switch (prop) {
      case "name":
        return t.name;
      case "style":
        return t.style;
      case "id":
        return t.name;
      default:
        throw new StandInError("InvalidArgument", `The stand-in does not know Table.${prop}.`);
    }
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.ctx.enqueue(
      () => {
        const t = this.t();
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v) || v.length > 255) {
          throw new StandInError("InvalidArgument", `The table name "${v}" is not valid.`);
        }
        const other = this.ctx.book.table(v);
        if (other && other !== t) throw new StandInError("InvalidArgument", `A table named "${v}" already exists.`);
        t.name = v;
      },
      this.setAction("name", v),
    );
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.ctx.enqueue(
      () => {
        const t = this.t();
        assertSheetWritable(t.sheet);
        t.style = v;
      },
      this.setAction("style", v),
    );
  }
  private worksheetProxy: WorksheetProxy | undefined;
  /** A navigation property: the same object each time, as in Office.js. */
  get worksheet(): WorksheetProxy {
    return (this.worksheetProxy ??= new WorksheetProxy(this.ctx, () => this.t().sheet, false, this.child("worksheet")));
  }
  private rowsProxy: TableRowCollectionProxy | undefined;
  /** A navigation property, like `worksheet`. */
  get rows(): TableRowCollectionProxy {
    return (this.rowsProxy ??= new TableRowCollectionProxy(this.ctx, () => this.t(), this.ctx.wire.path(this.child("rows"))));
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.t().sheet, box: this.t().box }), false, this.call("getRange"));
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.t();
        return { sheet: t.sheet, box: { ...t.box, bottom: t.box.top } };
      },
      false,
      this.call("getHeaderRowRange"),
    );
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.t();
        return { sheet: t.sheet, box: { ...t.box, top: t.box.top + 1 } };
      },
      false,
      this.call("getDataBodyRange"),
    );
  }
}

/** Table.rows, only `add` (https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)):
 *  with `index` null/undefined the rows go at the end of the table; `values` must have the
 *  table's column count or Excel throws InvalidArgument. Excel shifts cells below the table
 *  down to make room; the stand-in does not model that and refuses instead (never kinder). */
export class TableRowCollectionProxy {
  constructor(
    private readonly ctx: StandInContext,
    private readonly table: () => TableState,
    private readonly pathId: number,
  ) {}
  add(index?: number | null, values?: unknown[][]): void {
    const input = values?.map((row) => (Array.isArray(row) ? [...row] : row));
    this.ctx.enqueue(
      () => {
        const t = this.table();
        assertSheetWritable(t.sheet);
        if (index !== null && index !== undefined) throw new StandInError("NotImplemented", "The stand-in adds rows at the end only.");
        const width = t.box.right - t.box.left + 1;
        const rows = input ?? [new Array<unknown>(width).fill("")];
        if (rows.some((row) => !Array.isArray(row) || row.length !== width)) {
          throw new StandInError(
            "InvalidArgument",
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          );
        }
        for (let i = 0; i < rows.length; i++) {
          const r = t.box.bottom + 1 + i;
          for (let c = t.box.left; c <= t.box.right; c++) {
            const v = t.sheet.cell(r, c)?.value;
            if (v !== undefined && v !== null && v !== "")
              throw new StandInError("NotImplemented", "The stand-in does not shift cells below a table.");
          }
        }
        rows.forEach((row, i) => {
          const r = t.box.bottom + 1 + i;
          row.forEach((v, k) => {
            if (v !== null && v !== undefined && typeof v === "object")
              throw new StandInError("InvalidArgument", "A cell value must be a string, number or boolean.");
            writeInput(t.sheet.ensure(r, t.box.left + k), (v ?? null) as Scalar | null, this.ctx.book);
          });
        });
        t.box = { ...t.box, bottom: t.box.bottom + rows.length };
        this.ctx.markChanged(t.sheet);
      },
      {
        ActionType: WireAction.Method,
        Name: "Add",
        ObjectPathId: this.pathId,
        ArgumentInfo: { Arguments: [index ?? null, input ?? null] },
      },
    );
  }
}

export class TableCollectionProxy extends CollectionProxy<TableState, TableProxy> {
  constructor(
    ctx: StandInContext,
    private readonly sheetOf: (() => SheetState) | undefined,
    spec: PathSpec,
  ) {
    super(ctx, () => ctx.book.tables.filter((t) => !sheetOf || t.sheet === sheetOf()), false, spec);
  }
  protected wrap(t: TableState, spec: PathSpec): TableProxy {
    return new TableProxy(this.ctx, () => t, false, spec, false);
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.ctx.book.table(name) ?? null, false, this.call("getItem", name));
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.ctx.book.table(name) ?? null, true, this.call("getItemOrNullObject", name));
  }
  add(address: string, hasHeaders: boolean): TableProxy {
    let created: TableState | null = null;
    const proxy = new TableProxy(this.ctx, () => created, false, this.call("add", address, hasHeaders), false);
    this.ctx.enqueue(
      () => {
        const book = this.ctx.book;
        let sheet: SheetState | undefined;
        let ref = address;
        if (address.includes("!")) {
          const name = address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
          sheet = book.sheet(name);
          ref = address.slice(address.lastIndexOf("!") + 1);
        } else if (this.sheetOf) sheet = this.sheetOf();
        if (!sheet) throw new StandInError("InvalidArgument", "The table address must name a sheet.");
        assertSheetWritable(sheet);
        const box = parseAddress(ref);
        if (!hasHeaders) throw new StandInError("InvalidArgument", "The stand-in only supports tables with headers.");
        for (const t of book.tables) {
          if (t.sheet === sheet && overlaps(t.box, box)) throw new StandInError("InvalidOperation", "Tables can't overlap.");
        }
        if (sheet.merges.some((m) => overlaps(m, box))) {
          throw new StandInError("InvalidOperation", "A table can't overlap a range that contains merged cells.");
        }
        // Excel gives blank or repeated headers names of its own.
        const seen = new Set<string>();
        for (let c = box.left; c <= box.right; c++) {
          const cell = sheet.ensure(box.top, c);
          let header = String(cell.value ?? "").trim() || `Column${c - box.left + 1}`;
          const base = header;
          for (let i = 2; seen.has(header.toLowerCase()); i++) header = `${base}${i}`;
          seen.add(header.toLowerCase());
          if (header !== cell.value) {
            cell.value = header;
            delete cell.formula;
          }
        }
        created = new TableState(book.newTableName(), sheet, box);
        book.tables.push(created);
        (proxy as any).resolveTarget();
      },
      { ActionType: WireAction.Instantiate, Name: "", ObjectPathId: proxy.pathId },
    );
    return proxy;
  }
}

class FunctionResultProxy extends ClientObject<{ value: unknown }> {
  protected read(prop: string, t: { value: unknown }): unknown {
    if (prop === "value") return t.value;
    if (prop === "error") return null;
    throw new StandInError("InvalidArgument", `The stand-in does not know FunctionResult.${prop}.`);
  }
  get value(): unknown {
    return this.get("value");
  }
  get error(): unknown {
    return this.get("error");
  }
}

export class NamedItemProxy extends ClientObject<NameState> {
  protected read(prop: string, n: NameState): unknown {
    if (prop === "name") return n.name;
    if (prop === "formula") return n.formula;
    if (prop === "type") return n.sheet ? "Range" : "Error";
    throw new StandInError("InvalidArgument", `The stand-in does not know NamedItem.${prop}.`);
  }
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const n = this.t();
      this.ctx.book.names = this.ctx.book.names.filter((x) => x !== n);
    }, this.methodAction("delete"));
  }
}

export class NamedItemCollectionProxy extends CollectionProxy<NameState, NamedItemProxy> {
  constructor(ctx: StandInContext, spec: PathSpec) {
    super(ctx, () => ctx.book.names, false, spec);
  }
  protected wrap(n: NameState, spec: PathSpec): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => n, false, spec, false);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.ctx.book.name(name) ?? null, false, this.call("getItem", name));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.ctx.book.name(name) ?? null, true, this.call("getItemOrNullObject", name));
  }
  /** add(name, reference): the reference is "=Sheet!$A$1" or a Range. */
  add(name: string, reference: string | RangeProxy): NamedItemProxy {
    let created: NameState | null = null;
    const proxy = new NamedItemProxy(
      this.ctx,
      () => created,
      false,
      this.call("add", name, typeof reference === "string" ? reference : { _ObjectPathId: reference.pathId }),
      false,
    );
    this.ctx.enqueue(
      () => {
        const book = this.ctx.book;
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || name.length > 255) {
          throw new StandInError("InvalidArgument", `The name "${name}" is not valid.`);
        }
        if (book.name(name)) throw new StandInError("ItemAlreadyExists", `The name "${name}" already exists.`);
        let sheet: SheetState | undefined;
        let box: Box;
        if (typeof reference === "string") {
          const ref = reference.replace(/^=/, "");
          const sheetName = ref.slice(0, ref.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
          sheet = book.sheet(sheetName);
          box = parseAddress(ref);
        } else {
          const target = (reference as any).t() as RangeTarget;
          sheet = target.sheet;
          box = target.box;
        }
        if (!sheet) throw new StandInError("InvalidArgument", "The reference must name an existing sheet.");
        created = new NameState(name, sheet, box);
        book.names.push(created);
        (proxy as any).resolveTarget();
      },
      { ActionType: WireAction.Instantiate, Name: "", ObjectPathId: proxy.pathId },
    );
    return proxy;
  }
}

/** Worksheet.protection (ExcelApi 1.2): `protected` says whether the sheet is protected
 *  (learn.microsoft.com/javascript/api/excel/excel.worksheetprotection). */
export class WorksheetProtectionProxy extends ClientObject<SheetState> {
  protected read(prop: string, sheet: SheetState): unknown {
    if (prop === "protected") return sheet.protected;
    throw new StandInError("InvalidArgument", `The stand-in does not know WorksheetProtection.${prop}.`);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

/** Workbook.protection (ExcelApi 1.7): `protected` says whether the workbook's structure is
 *  protected (learn.microsoft.com/javascript/api/excel/excel.workbookprotection). */
export class WorkbookProtectionProxy extends ClientObject<StandInWorkbook> {
  protected read(prop: string, book: StandInWorkbook): unknown {
    if (prop === "protected") return book.structureProtected;
    throw new StandInError("InvalidArgument", `The stand-in does not know WorkbookProtection.${prop}.`);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  private readonly root: number;
  constructor(private readonly ctx: StandInContext) {
    this.root = ctx.wire.root;
    const child = (name: string): PathSpec => ({ type: ObjectPathType.Property, name, parent: this.root });
    this.worksheets = new WorksheetCollectionProxy(ctx, child("Worksheets"));
    this.tables = new TableCollectionProxy(ctx, undefined, child("Tables"));
  }
  get functions(): any {
    this.ctx.requires("ExcelApi", "1.2", "Workbook.functions");
    const functions = this.ctx.wire.path({ type: ObjectPathType.Property, name: "Functions", parent: this.root });
    return {
      date: (y: number, m: number, d: number) =>
        new FunctionResultProxy(this.ctx, () => ({ value: this.ctx.book.serial(y, m, d) }), false, {
          type: ObjectPathType.Method,
          name: "Date",
          parent: functions,
          args: [y, m, d],
        }),
    };
  }
  /** Workbook-scoped names (NamedItemCollection, ExcelApi 1.4; NamedItem.formula 1.7). */
  get names(): NamedItemCollectionProxy {
    this.ctx.requires("ExcelApi", "1.4", "Workbook.names");
    return new NamedItemCollectionProxy(this.ctx, { type: ObjectPathType.Property, name: "Names", parent: this.root });
  }
  private protectionProxy: WorkbookProtectionProxy | undefined;
  /** Workbook.protection (ExcelApi 1.7). */
  get protection(): WorkbookProtectionProxy {
    this.ctx.requires("ExcelApi", "1.7", "Workbook.protection");
    return (this.protectionProxy ??= new WorkbookProtectionProxy(this.ctx, () => this.ctx.book, false, {
      type: ObjectPathType.Property,
      name: "Protection",
      parent: this.root,
    }));
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sel = this.ctx.book.selection;
        const sheet = sel ? this.ctx.book.sheet(sel.sheet) : undefined;
        return sel && sheet ? { sheet, box: parseAddress(sel.address) } : null;
      },
      false,
      { type: ObjectPathType.Method, name: "GetSelectedRange", parent: this.root },
    );
  }
  getActiveCell(): RangeProxy {
    return this.getSelectedRange();
  }
}

// ---------------------------------------------------------------- globals for the e2e

export interface OfficeStandInOptions {
  /** What Office.onReady reports; null mimics a page opened outside Office. */
  host?: "Excel" | null;
  platform?: "PC" | "OfficeOnline" | "Mac";
  /** Records Office.context.ui.openBrowserWindow calls. */
  openedUrls?: string[];
  /** The workbook whose supportedSets answer isSetSupported. */
  book?: StandInWorkbook;
  /** Office.context.diagnostics.version. */
  version?: string;
}

/** What Office.js says when an add-in calls it before it is initialised ("an add-in can't
 *  successfully call any Office JavaScript APIs until the library has been loaded":
 *  learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in). */
export const NOT_READY_MESSAGE =
  'Office.js has not fully loaded. Your app must call "Office.onReady()" as part of it\'s loading sequence (or set the "Office.initialize" function). If your app has this functionality, try reloading this page.';

/** A minimal `Office` global: onReady resolves with the host once the library "has loaded"
 *  (a task later, as Office.js initialises asynchronously); `ready()` says whether it has. */
export function createOfficeStandIn(opts: OfficeStandInOptions = {}): any {
  const host = opts.host === undefined ? "Excel" : opts.host;
  const info = { host, platform: host ? (opts.platform ?? "OfficeOnline") : null };
  let ready = false;
  let initialised: Promise<typeof info> | null = null;
  return {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    onReady: (cb?: (i: typeof info) => void) => {
      initialised ??= new Promise((resolve) =>
        setTimeout(() => {
          ready = true;
          resolve(info);
        }, 0),
      );
      return initialised.then((i) => {
        if (cb) cb(i);
        return i;
      });
    },
    /** True once onReady has been called and Office.js has finished initialising. */
    ready: () => ready,
    context: {
      diagnostics: { platform: info.platform, version: opts.version ?? "16.0.17928.20114", host: host ?? undefined },
      // Office.context.requirements.isSetSupported(name, minVersion)
      // (learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements).
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          opts.book
            ? opts.book.isSetSupported(name, version ?? "1.1")
            : compareVersions(LATEST_SETS[name] ?? "0", version ?? "1.1") >= 0 && name in LATEST_SETS,
      },
      displayLanguage: "vi-VN",
      ui: { openBrowserWindow: (url: string) => opts.openedUrls?.push(url) },
    },
  };
}

/** Installs `Office` and `Excel` globals backed by `book` on `target` (window or globalThis).
 *  Excel.run and new Excel.RequestContext() throw until Office.onReady() has been called and
 *  has resolved, as Office.js does before it is initialised (initialize-add-in page). */
export function installExcelStandIn(target: any, book: StandInWorkbook, opts: OfficeStandInOptions = {}): void {
  const office = createOfficeStandIn({ book, ...opts });
  target.Office = office;
  const notReady = (): void => {
    if (!office.ready()) {
      book.callsBeforeReady++;
      throw new Error(NOT_READY_MESSAGE);
    }
  };
  target.Excel = {
    run: (...args: Parameters<StandInWorkbook["run"]>) => {
      notReady();
      return book.run(...args);
    },
    RequestContext: function RequestContext(this: any) {
      notReady();
      return new StandInContext(book);
    },
    ConditionalFormatType: { custom: "Custom" },
  };
}
