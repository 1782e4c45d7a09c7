// Shared shapes of the engine. Core never sees Excel objects: adapters (Office.js in
// src/excel, exceljs in src/cli) turn a workbook into a WorkbookGrid, and everything
// else works from that.

/** A cell value as an adapter hands it over. Dates may arrive as JS Dates (exceljs,
 *  wall-clock date in UTC fields) or as Excel serial numbers (Office.js). Excel errors
 *  arrive as their text ("#N/A"). Formulas arrive as their cached result. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A merged area, 0-based inclusive indexes into SheetGrid.values. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  /** Sheet name as in the workbook. */
  name: string;
  /** Row-major values; values[0][0] is cell A1. Rows may be ragged or missing (undefined). */
  values: CellValue[][];
  merges?: MergedArea[];
  /** Optional number formats, same shape as values, where the adapter has them; used to
   *  tell a date serial from a plain number. */
  numberFormats?: (string | undefined)[][];
}

/** An Excel table (ListObject). Range is 0-based inclusive and includes the header row. */
export interface TableGrid {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorkbookGrid {
  /** Sheets in workbook order. */
  sheets: SheetGrid[];
  tables?: TableGrid[];
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
}

/** A calendar date with no time zone. month 1-12. */
export interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

/** Minutes after midnight. */
export type TimeOfDay = number;

export type Quarter = 1 | 2 | 3 | 4;

export type TopicStatus = "held" | "planned" | "postponed" | "cancelled";

export type MeetingFormat = "rieng" | "longGhep";

export type Severity = "error" | "warning";

/** Canonical column names of the register (SPEC §3.3), exactly as written in the sheet. */
export const REGISTER_COLUMNS = [
  "STT",
  "Quý",
  "Tên chuyên đề",
  "Nhóm",
  "Người phụ trách",
  "Ngày thông qua",
  "Người thông qua",
  "Ngày gửi dự thảo",
  "Ngày sinh hoạt",
  "Hình thức",
  "Trạng thái",
  "Ngày gửi bản hoàn thiện",
  "Ngày báo cáo cấp trên",
  "Ghi chú",
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** The register's date columns (the ones NGAY_KHONG_HOP_LE looks at). */
export const REGISTER_DATE_COLUMNS = [
  "Ngày thông qua",
  "Ngày gửi dự thảo",
  "Ngày sinh hoạt",
  "Ngày gửi bản hoàn thiện",
  "Ngày báo cáo cấp trên",
] as const satisfies readonly RegisterColumn[];
export type RegisterDateColumn = (typeof REGISTER_DATE_COLUMNS)[number];

/** A date cell of a topic: what was there and what it means. */
export interface DateCell {
  /** The value as read, trimmed text form ("" when empty). */
  text: string;
  /** The parsed date, or null when empty or invalid. */
  value: SimpleDate | null;
  /** Non-empty but not a date. */
  invalid: boolean;
}

/** Where a value sits: Excel row (1-based) and column (1-based) on a sheet. */
export interface CellLocation {
  sheet: string;
  row: number;
  col: number;
}

/** One row of the register that has a `Tên chuyên đề`. */
export interface Topic {
  /** Excel row number (1-based) of the row on the register's sheet. */
  row: number;
  stt: number | null;
  /** STT as text, as written ("" when empty). */
  sttText: string;
  /** The `Quý` value, parsed; null when empty or not a quarter. */
  quarterValue: Quarter | null;
  title: string;
  group: string;
  /** Names from `Người phụ trách`, split and cleaned (SPEC §3.7). */
  assignees: string[];
  approvedOn: DateCell;
  approvedBy: string;
  draftSentOn: DateCell;
  meetingOn: DateCell;
  format: MeetingFormat | null;
  /** Parsed status; null when empty or unrecognised. */
  status: TopicStatus | null;
  finalSentOn: DateCell;
  reportedOn: DateCell;
  note: string;
}

export interface Register {
  sheet: string;
  /** Excel row (1-based) of the header row. */
  headerRow: number;
  /** Canonical column → Excel column number (1-based). Missing columns are absent. */
  columns: Partial<Record<RegisterColumn, number>>;
  /** The header text as found in the sheet for each mapped column (for the Chuyển đổi UI). */
  headers: Partial<Record<RegisterColumn, string>>;
  topics: Topic[];
  /** Excel rows that have data but no `Tên chuyên đề` (before the footer). */
  untitledRows: number[];
  /** Date cells of those untitled rows that do not parse (NGAY_KHONG_HOP_LE covers every
   *  non-empty cell of a register date column, not only the topics'). */
  untitledInvalidDates?: { row: number; column: RegisterDateColumn; text: string }[];
  /** Came from the table tblChuyenDe. */
  fromTable: boolean;
}

export type MemberRole = "Bí thư" | "Phó bí thư" | "Chi ủy viên" | "Đảng viên";

export interface Member {
  row: number;
  name: string;
  role: string;
  /** "chinhThuc" | "duBi" | null when not given. */
  kind: "chinhThuc" | "duBi" | null;
  exempt: boolean;
  note: string;
}

export type AttendanceStatus = "present" | "absentWithReason" | "absentWithoutReason" | "exempt";

export interface AttendanceRow {
  row: number;
  /** The register STT this row belongs to (null when missing/not a number). */
  topicStt: number | null;
  name: string;
  status: AttendanceStatus | null;
  reason: string;
}

export interface MinutesRow {
  row: number;
  topicStt: number | null;
  start: TimeOfDay | null;
  end: TimeOfDay | null;
  place: string;
  chair: string;
  secretary: string;
  delegates: string;
  purpose: string;
  conclusion: string;
  tasks: string;
  vote: string;
}

export interface OpinionRow {
  row: number;
  topicStt: number | null;
  speaker: string;
  content: string;
}

/** A secondary table found in the workbook: its sheet, header row and rows. */
export interface FoundTable<T> {
  sheet: string;
  headerRow: number;
  /** Canonical column name → Excel column number (1-based). */
  columns: Record<string, number>;
  rows: T[];
}

/** Thông tin (SPEC §3.1), with defaults applied for the thresholds. */
export interface CellInfo {
  dangBoCapTren: string;
  dangBoCoSo: string;
  chiBo: string;
  /** `Năm` when it is a valid year, else null. */
  year: number | null;
  biThu: string;
  phoBiThu: string;
  diaDanh: string;
  minTopicsPerYear: number;
  /** Fraction 0..1 (85% → 0.85). */
  minAttendanceRate: number;
  minDurationMinutes: number;
  minDurationCombinedMinutes: number;
  /** `Chi bộ có chi ủy` (Có/Không): who signs the cell's papers ("T/M CHI ỦY" or "T/M CHI
   *  BỘ"); null when Thông tin leaves it empty (the member list decides, partyHeader.ts). */
  hasCommittee: boolean | null;
  /** Thông tin was found in the workbook. */
  found: boolean;
}

/** Everything the engine reads from a workbook. */
export interface ParsedWorkbook {
  /** Sheet names in workbook order (for sorting findings). */
  sheetOrder: string[];
  date1904: boolean;
  register: Register | null;
  info: CellInfo;
  members: FoundTable<Member> | null;
  attendance: FoundTable<AttendanceRow> | null;
  minutes: FoundTable<MinutesRow> | null;
  opinions: FoundTable<OpinionRow> | null;
}

export interface Finding {
  code: string;
  severity: Severity;
  sheet: string;
  /** Excel row number (1-based) or null for quarter/year-level findings. */
  row: number | null;
  /** Canonical column name or null. */
  column: string | null;
  message: string;
  /** For quarter-level findings: the quarter. Not part of the JSON output. */
  quarter?: Quarter;
}

export interface QuarterSummary {
  quarter: Quarter;
  held: number;
  planned: number;
  ok: boolean;
}

export interface CheckOptions {
  /** Register year; defaults per SPEC §4. */
  year?: number;
  /** As-of date D; required (the caller supplies today's local date). */
  asOf: SimpleDate;
}

export interface CheckResult {
  year: number;
  asOf: SimpleDate;
  register: { sheet: string; headerRow: number; topics: number } | null;
  quarters: QuarterSummary[];
  findings: Finding[];
}

/** An error of the engine meant for the user: a code, a Vietnamese message, and where. */
export class UserError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly where?: { file?: string; sheet?: string; row?: number; column?: string; tag?: string },
  ) {
    super(message);
    this.name = "UserError";
  }
}
