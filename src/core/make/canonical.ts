// The canonical workbook of SPEC §3 as SheetModels: six sheets, each one Excel table at
// A1, with drop-down lists on every enumerated column, date/time formats, widths, print
// setup and, on the register, conditional formats that mark rows a formula can see are
// wrong. Used by `chuyende khoi-tao`, Tạo sổ, the demo and Chuyển đổi (with data rows).
import {
  ATTENDANCE_COLUMNS,
  CHOICES,
  DATE_FORMAT,
  INFO_DEFAULTS,
  INFO_HEADERS,
  INFO_KEYS,
  MEMBER_COLUMNS,
  MINUTES_COLUMNS,
  OPINION_COLUMNS,
  SHEETS,
  TABLES,
  TIME_FORMAT,
} from "../read/layout";
import {
  columnLetter,
  type CellStyle,
  type ModelCell,
  type ModelConditionalFormat,
  type ModelValidation,
  type ModelValue,
  type Range1,
  type SheetModel,
} from "./sheetModel";
import { REGISTER_COLUMNS, REGISTER_DATE_COLUMNS } from "../shared/types";

export type CanonicalSheetKey = keyof typeof SHEETS;

/** Thông tin values by key of INFO_KEYS; thresholds default to INFO_DEFAULTS. */
export type InfoValues = Partial<Record<keyof typeof INFO_KEYS, string | number | null>>;

export interface CanonicalOptions {
  year?: number;
  chiBo?: string;
  dangBoCoSo?: string;
  dangBoCapTren?: string;
  /** Other Thông tin values (override the three above when given). */
  info?: InfoValues;
  /** Data rows in canonical column order (the layout.ts column lists). */
  members?: ModelValue[][];
  register?: ModelValue[][];
  attendance?: ModelValue[][];
  minutes?: ModelValue[][];
  opinions?: ModelValue[][];
  /** Blank rows added after the data, ready to type in. Default 20 (register: numbered). */
  emptyRows?: number;
  /** Sheet names to use instead of the canonical ones (Chuyển đổi when a name is taken). */
  sheetNames?: Partial<Record<CanonicalSheetKey, string>>;
  /** Which sheets to build (default all six, in canonical order). */
  only?: CanonicalSheetKey[];
}

const ERROR_FILL = "FFC7CE";
const WARNING_FILL = "FFEB9C";
/** Conditional formats cover this many rows below the header, so rows typed after the
 *  table grows are marked too. */
const CF_ROWS = 1000;

interface TableSheetSpec {
  key: CanonicalSheetKey;
  headers: readonly string[];
  rows: ModelValue[][];
  widths: Record<string, number>;
  lists?: Record<string, readonly string[]>;
  dates?: readonly string[];
  times?: readonly string[];
  wrap?: readonly string[];
  orientation: "portrait" | "landscape";
  emptyRows: number;
  numbered?: boolean;
}

function padRows(rows: ModelValue[][], width: number, empty: number, numbered: boolean): ModelValue[][] {
  const out = rows.map((r) => {
    const row = r.slice(0, width);
    while (row.length < width) row.push(null);
    return row;
  });
  let next = out.reduce((m, r) => (typeof r[0] === "number" ? Math.max(m, r[0]) : m), 0) + 1;
  for (let i = 0; i < empty; i++) {
    const row: ModelValue[] = new Array<ModelValue>(width).fill(null);
    // Pre-numbered STT: the reader treats a row whose only value is STT as empty.
    if (numbered) row[0] = next++;
    out.push(row);
  }
  return out;
}

function tableSheet(spec: TableSheetSpec, name: string): SheetModel {
  const headers = [...spec.headers];
  const width = headers.length;
  const rows = padRows(spec.rows, width, spec.emptyRows, Boolean(spec.numbered));
  const lastRow = 1 + Math.max(1, rows.length);
  const col = (h: string) => headers.indexOf(h) + 1;
  const dataRange = (h: string): Range1 => ({ top: 2, left: col(h), bottom: lastRow, right: col(h) });

  const validations: ModelValidation[] = Object.entries(spec.lists ?? {}).map(([h, list]) => ({
    range: dataRange(h),
    list: [...list],
  }));
  const numberFormats = [
    ...(spec.dates ?? []).map((h) => ({ range: dataRange(h), format: DATE_FORMAT })),
    ...(spec.times ?? []).map((h) => ({ range: dataRange(h), format: TIME_FORMAT })),
  ];
  const columnWidths: (number | undefined)[] = [undefined];
  headers.forEach((h, i) => (columnWidths[i + 1] = spec.widths[h] ?? Math.max(12, h.length + 4)));

  const cells: ModelCell[] = [];
  // Wrap long text columns so a printed register stays readable: one style per column.
  const rangeStyles: { range: Range1; style: CellStyle }[] = (spec.wrap ?? []).map((h) => ({
    range: dataRange(h),
    style: { wrap: true, vAlign: "top" },
  }));
  rangeStyles.push({
    range: { top: 1, left: 1, bottom: 1, right: width },
    style: { bold: true, wrap: true, vAlign: "middle", hAlign: "center" },
  });

  return {
    name,
    cells,
    rangeStyles,
    columnWidths,
    tables: [{ name: TABLES[spec.key], top: 1, left: 1, headers, rows, style: "TableStyleMedium2" }],
    validations,
    numberFormats,
    print: {
      paper: "A4",
      orientation: spec.orientation,
      fitToWidth: true,
      printTitleRows: [1, 1],
      margins: { top: 20, bottom: 20, left: 20, right: 15 },
    },
    freezeRows: 2,
  };
}

/** Register conditional formats: red for a held row that lacks a required date or whose
 *  dates are in the wrong order, yellow for a held row not yet finalised/reported. */
function registerConditionalFormats(headers: readonly string[]): ModelConditionalFormat[] {
  const c = (h: string) => `$${columnLetter(headers.indexOf(h) + 1)}2`;
  const title = c("Tên chuyên đề");
  const status = c("Trạng thái");
  const meeting = c("Ngày sinh hoạt");
  const approved = c("Ngày thông qua");
  const sent = c("Ngày gửi dự thảo");
  const assignee = c("Người phụ trách");
  const finalSent = c("Ngày gửi bản hoàn thiện");
  const reported = c("Ngày báo cáo cấp trên");
  const active = `AND(${title}<>"",${status}<>"Hủy",${status}<>"Huỷ",${status}<>"Hoãn")`;
  const held = `OR(${status}="Đã sinh hoạt",AND(ISNUMBER(${meeting}),${meeting}<=TODAY()))`;
  const wrongOrder =
    `OR(AND(ISNUMBER(${approved}),ISNUMBER(${meeting}),${approved}>=${meeting}),` +
    `AND(ISNUMBER(${sent}),ISNUMBER(${meeting}),${sent}>=${meeting}),` +
    `AND(ISNUMBER(${sent}),ISNUMBER(${approved}),${sent}<${approved}))`;
  const missing = `OR(${assignee}="",AND(${held},OR(${approved}="",${sent}="",${meeting}="")))`;
  const range: Range1 = { top: 2, left: 1, bottom: CF_ROWS + 1, right: headers.length };
  return [
    { range, formula: `=AND(${active},OR(${missing},${wrongOrder}))`, fill: ERROR_FILL },
    { range, formula: `=AND(${active},${held},OR(${finalSent}="",${reported}=""))`, fill: WARNING_FILL },
  ];
}

function infoSheet(opts: CanonicalOptions, name: string): SheetModel {
  const values: InfoValues = {
    dangBoCapTren: opts.dangBoCapTren ?? "",
    dangBoCoSo: opts.dangBoCoSo ?? "",
    chiBo: opts.chiBo ?? "",
    year: opts.year ?? null,
    biThu: "",
    phoBiThu: "",
    diaDanh: "",
    minTopicsPerYear: INFO_DEFAULTS.minTopicsPerYear,
    minAttendanceRate: INFO_DEFAULTS.minAttendanceRate,
    minDurationMinutes: INFO_DEFAULTS.minDurationMinutes,
    minDurationCombinedMinutes: INFO_DEFAULTS.minDurationCombinedMinutes,
    hasCommittee: null,
    ...opts.info,
  };
  const keys = Object.keys(INFO_KEYS) as (keyof typeof INFO_KEYS)[];
  const rows: ModelValue[][] = keys.map((k) => [INFO_KEYS[k], values[k] ?? null]);
  const rateRow = keys.indexOf("minAttendanceRate") + 2;
  const cells: ModelCell[] = [
    { row: rateRow, col: 2, value: values.minAttendanceRate ?? null, style: { numberFormat: "0%", hAlign: "left" } },
    { row: 1, col: 1, value: INFO_HEADERS[0], style: { bold: true } },
    { row: 1, col: 2, value: INFO_HEADERS[1], style: { bold: true } },
  ];
  // Năm as a plain number, left-aligned like the text around it.
  const yearRow = keys.indexOf("year") + 2;
  cells.push({ row: yearRow, col: 2, value: values.year ?? null, style: { numberFormat: "0", hAlign: "left" } });
  return {
    name,
    cells,
    columnWidths: [undefined, 42, 48],
    tables: [{ name: TABLES.info, top: 1, left: 1, headers: [...INFO_HEADERS], rows, style: "TableStyleMedium2" }],
    print: { paper: "A4", orientation: "portrait", fitToWidth: true, margins: { top: 20, bottom: 20, left: 30, right: 15 } },
    freezeRows: 2,
  };
}

/** The six canonical sheets (or those in `only`), in SPEC §3 order. */
export function buildCanonicalWorkbook(opts: CanonicalOptions = {}): SheetModel[] {
  const empty = opts.emptyRows ?? 20;
  const nameOf = (k: CanonicalSheetKey) => opts.sheetNames?.[k] ?? SHEETS[k];
  const builders: Record<CanonicalSheetKey, () => SheetModel> = {
    info: () => infoSheet(opts, nameOf("info")),
    members: () =>
      tableSheet(
        {
          key: "members",
          headers: MEMBER_COLUMNS,
          rows: opts.members ?? [],
          widths: { "Họ và tên": 28, "Chức vụ": 16, Loại: 13, "Miễn sinh hoạt": 15, "Ghi chú": 36 },
          lists: { "Chức vụ": CHOICES.role, Loại: CHOICES.memberKind, "Miễn sinh hoạt": CHOICES.yesNo },
          wrap: ["Ghi chú"],
          orientation: "portrait",
          emptyRows: empty,
        },
        nameOf("members"),
      ),
    register: () => {
      const sheet = tableSheet(
        {
          key: "register",
          headers: REGISTER_COLUMNS,
          rows: opts.register ?? [],
          widths: {
            STT: 6,
            Quý: 7,
            "Tên chuyên đề": 46,
            Nhóm: 21,
            "Người phụ trách": 24,
            "Ngày thông qua": 13,
            "Người thông qua": 13,
            "Ngày gửi dự thảo": 13,
            "Ngày sinh hoạt": 13,
            "Hình thức": 11,
            "Trạng thái": 13,
            "Ngày gửi bản hoàn thiện": 14,
            "Ngày báo cáo cấp trên": 14,
            "Ghi chú": 30,
          },
          lists: {
            Quý: CHOICES.quarter,
            Nhóm: CHOICES.group,
            "Người thông qua": CHOICES.approvedBy,
            "Hình thức": CHOICES.format,
            "Trạng thái": CHOICES.status,
          },
          dates: REGISTER_DATE_COLUMNS,
          wrap: ["Tên chuyên đề", "Người phụ trách", "Ghi chú"],
          orientation: "landscape",
          emptyRows: empty,
          numbered: true,
        },
        nameOf("register"),
      );
      sheet.conditionalFormats = registerConditionalFormats(REGISTER_COLUMNS);
      return sheet;
    },
    attendance: () =>
      tableSheet(
        {
          key: "attendance",
          headers: ATTENDANCE_COLUMNS,
          rows: opts.attendance ?? [],
          widths: { "STT chuyên đề": 10, "Họ và tên": 28, "Tình trạng": 20, "Lý do": 36 },
          lists: { "Tình trạng": CHOICES.attendance },
          orientation: "portrait",
          emptyRows: empty,
        },
        nameOf("attendance"),
      ),
    minutes: () =>
      tableSheet(
        {
          key: "minutes",
          headers: MINUTES_COLUMNS,
          rows: opts.minutes ?? [],
          widths: {
            "STT chuyên đề": 10,
            "Bắt đầu": 9,
            "Kết thúc": 9,
            "Địa điểm": 24,
            "Chủ trì": 20,
            "Thư ký": 20,
            "Đại biểu": 26,
            "Mục đích, yêu cầu": 36,
            "Kết luận": 44,
            "Nhiệm vụ giao": 36,
            "Biểu quyết": 16,
          },
          times: ["Bắt đầu", "Kết thúc"],
          wrap: ["Đại biểu", "Mục đích, yêu cầu", "Kết luận", "Nhiệm vụ giao"],
          orientation: "landscape",
          emptyRows: Math.min(empty, 8),
        },
        nameOf("minutes"),
      ),
    opinions: () =>
      tableSheet(
        {
          key: "opinions",
          headers: OPINION_COLUMNS,
          rows: opts.opinions ?? [],
          widths: { "STT chuyên đề": 10, "Người phát biểu": 26, "Nội dung": 80 },
          wrap: ["Nội dung"],
          orientation: "portrait",
          emptyRows: empty,
        },
        nameOf("opinions"),
      ),
  };
  const order: CanonicalSheetKey[] = ["info", "members", "register", "attendance", "minutes", "opinions"];
  return order.filter((k) => !opts.only || opts.only.includes(k)).map((k) => builders[k]());
}

/** Time of day (minutes after midnight) as an Excel day fraction, for time cells. */
export function timeValue(minutes: number): number {
  return minutes / (24 * 60);
}
