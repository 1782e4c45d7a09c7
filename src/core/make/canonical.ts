// The canonical workbook of SPEC §3 as SheetModels: six sheets, each one Excel table under
// a title and a chi bộ line (its header on row 3, registerBook.ts), with drop-down lists
// on every enumerated column, date/time formats, widths that print at 100 % on A4, ruled
// cells, row heights from the wrapped text, print setup and, on the register, conditional
// formats that mark rows a formula can see are wrong. The workbook opens on the register.
// Used by `chuyende khoi-tao`, Tạo sổ, the demo and Chuyển đổi (with data rows).
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
  type ModelConditionalFormat,
  type ModelValidation,
  type ModelValue,
  type Range1,
  type SheetModel,
} from "./sheetModel";
import { REGISTER_COLUMNS, REGISTER_DATE_COLUMNS } from "../shared/types";
import { FONT, REGISTER_BOOK } from "../shared/partyFormat";
import {
  BOOK_FIRST_DATA_ROW,
  BOOK_HEADER_ROW,
  bookPrint,
  printableWidthChars,
  tableRowHeights,
  titleRows,
  type Orientation,
  type TitleSource,
} from "./registerBook";

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
  /** The tool's Thông tin sheet already in the workbook, when it is not built here: the
   *  titles read the chi bộ and year from it. Without either, they are written as text. */
  infoSheet?: string;
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
  /** Columns centred (numbers, dates, short codes). */
  centered?: readonly string[];
  orientation: Orientation;
  emptyRows: number;
  numbered?: boolean;
  /** Printed title, upper case, without the year. */
  title: string;
  /** Table text size (REGISTER_BOOK.bodySize, or wideBodySize on the widest sheets). */
  size: number;
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

/** Widths that fit the printable width of `orientation` at 100 % (a builder's mistake
 *  would shrink every printed word, so it is refused here rather than printed small). */
function checkedWidths(headers: readonly string[], widths: Record<string, number>, orientation: Orientation, sheet: string): number[] {
  const list = headers.map((h) => widths[h] ?? Math.max(10, h.length + 2));
  const total = list.reduce((a, b) => a + b, 0);
  if (total > printableWidthChars(orientation)) {
    throw new Error(`${sheet}: columns ${total} wide do not print at 100 % (${printableWidthChars(orientation).toFixed(1)})`);
  }
  return list;
}

function tableSheet(spec: TableSheetSpec, name: string, source: TitleSource): SheetModel {
  const headers = [...spec.headers];
  const width = headers.length;
  const rows = padRows(spec.rows, width, spec.emptyRows, Boolean(spec.numbered));
  const top = BOOK_FIRST_DATA_ROW;
  const lastRow = BOOK_HEADER_ROW + Math.max(1, rows.length);
  const col = (h: string) => headers.indexOf(h) + 1;
  const dataRange = (h: string): Range1 => ({ top, left: col(h), bottom: lastRow, right: col(h) });

  const validations: ModelValidation[] = Object.entries(spec.lists ?? {}).map(([h, list]) => ({
    range: dataRange(h),
    list: [...list],
  }));
  const numberFormats = [
    ...(spec.dates ?? []).map((h) => ({ range: dataRange(h), format: DATE_FORMAT })),
    ...(spec.times ?? []).map((h) => ({ range: dataRange(h), format: TIME_FORMAT })),
  ];
  const widths = checkedWidths(headers, spec.widths, spec.orientation, name);
  const columnWidths: (number | undefined)[] = [undefined, ...widths];

  // The book prints as a ruled table in the party's font: one style for the table, then the
  // header row and each column's own alignment (one request each in Excel).
  const body: CellStyle = { fontName: FONT, fontSize: spec.size, border: true, vAlign: "top", wrap: true };
  const rangeStyles: { range: Range1; style: CellStyle }[] = [
    { range: { top: BOOK_HEADER_ROW, left: 1, bottom: lastRow, right: width }, style: body },
    {
      range: { top: BOOK_HEADER_ROW, left: 1, bottom: BOOK_HEADER_ROW, right: width },
      style: { bold: true, wrap: true, vAlign: "middle", hAlign: "center" },
    },
    ...(spec.centered ?? []).map((h) => ({ range: dataRange(h), style: { hAlign: "center" as const } })),
  ];
  // Text columns wrap; dates, times and numbers keep one line.
  const oneLine = new Set([...(spec.dates ?? []), ...(spec.times ?? [])]);
  const wrapped = new Set(headers.map((h, i) => (oneLine.has(h) ? -1 : i)).filter((i) => i >= 0));
  const title = titleRows(spec.title, source, widths);
  const rowHeights = tableRowHeights(headers, rows, widths, wrapped, spec.size);
  rowHeights[1] = title.heights[0];
  rowHeights[2] = title.heights[1];

  return {
    name,
    cells: title.cells,
    merges: title.merges,
    rangeStyles,
    columnWidths,
    rowHeights,
    tables: [{ name: TABLES[spec.key], top: BOOK_HEADER_ROW, left: 1, headers, rows, style: "TableStyleMedium2" }],
    validations,
    numberFormats,
    print: bookPrint(spec.orientation),
    freezeRows: BOOK_FIRST_DATA_ROW,
  };
}

/** Register conditional formats: red for a held row that lacks a required date or whose
 *  dates are in the wrong order, yellow for a held row not yet finalised/reported. */
function registerConditionalFormats(headers: readonly string[]): ModelConditionalFormat[] {
  const c = (h: string) => `$${columnLetter(headers.indexOf(h) + 1)}${BOOK_FIRST_DATA_ROW}`;
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
  const range: Range1 = { top: BOOK_FIRST_DATA_ROW, left: 1, bottom: CF_ROWS + BOOK_HEADER_ROW, right: headers.length };
  return [
    { range, formula: `=AND(${active},OR(${missing},${wrongOrder}))`, fill: ERROR_FILL },
    { range, formula: `=AND(${active},${held},OR(${finalSent}="",${reported}=""))`, fill: WARNING_FILL },
  ];
}

const INFO_WIDTHS = { [INFO_HEADERS[0]]: 38, [INFO_HEADERS[1]]: 52 };

function infoSheet(opts: CanonicalOptions, name: string, source: TitleSource): SheetModel {
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
  const sheet = tableSheet(
    {
      key: "info",
      headers: INFO_HEADERS,
      rows,
      widths: INFO_WIDTHS,
      orientation: "portrait",
      emptyRows: 0,
      title: "THÔNG TIN SỔ SINH HOẠT CHI BỘ CHUYÊN ĐỀ",
      size: REGISTER_BOOK.bodySize,
    },
    name,
    source,
  );
  // The rate as a percentage and Năm as a plain number, left-aligned like the text around them.
  const rowOf = (k: keyof typeof INFO_KEYS) => BOOK_FIRST_DATA_ROW + keys.indexOf(k);
  sheet.cells.push(
    { row: rowOf("minAttendanceRate"), col: 2, value: values.minAttendanceRate ?? null, style: { numberFormat: "0%", hAlign: "left" } },
    { row: rowOf("year"), col: 2, value: values.year ?? null, style: { numberFormat: "0", hAlign: "left" } },
  );
  // Numbers read as values here, not as a column of figures.
  sheet.rangeStyles?.push({
    range: { top: BOOK_FIRST_DATA_ROW, left: 2, bottom: BOOK_HEADER_ROW + rows.length, right: 2 },
    style: { hAlign: "left" },
  });
  return sheet;
}

/** The six canonical sheets (or those in `only`), in SPEC §3 order. */
export function buildCanonicalWorkbook(opts: CanonicalOptions = {}): SheetModel[] {
  const empty = opts.emptyRows ?? 20;
  const nameOf = (k: CanonicalSheetKey) => opts.sheetNames?.[k] ?? SHEETS[k];
  const building = (k: CanonicalSheetKey) => !opts.only || opts.only.includes(k);
  // The titles read Thông tin when the book has the tool's own; the values known now give
  // the rows their height.
  const known = {
    chiBo: String(opts.info?.chiBo ?? opts.chiBo ?? ""),
    year: opts.info?.year ?? opts.year ?? null,
  };
  const infoSheetName = building("info") ? nameOf("info") : opts.infoSheet;
  const source: TitleSource = infoSheetName ? { kind: "info", sheet: infoSheetName, ...known } : { kind: "text", ...known };
  const builders: Record<CanonicalSheetKey, () => SheetModel> = {
    info: () => infoSheet(opts, nameOf("info"), source),
    members: () =>
      tableSheet(
        {
          key: "members",
          headers: MEMBER_COLUMNS,
          rows: opts.members ?? [],
          widths: { "Họ và tên": 26, "Chức vụ": 14, Loại: 12, "Miễn sinh hoạt": 11, "Ghi chú": 27 },
          lists: { "Chức vụ": CHOICES.role, Loại: CHOICES.memberKind, "Miễn sinh hoạt": CHOICES.yesNo },
          centered: ["Loại", "Miễn sinh hoạt"],
          orientation: "portrait",
          emptyRows: empty,
          title: "DANH SÁCH ĐẢNG VIÊN",
          size: REGISTER_BOOK.bodySize,
        },
        nameOf("members"),
        source,
      ),
    register: () => {
      const sheet = tableSheet(
        {
          key: "register",
          headers: REGISTER_COLUMNS,
          rows: opts.register ?? [],
          // 136 units: A4 landscape within the book's margins at 100 %, dates on one line.
          widths: {
            STT: 5,
            Quý: 4.5,
            "Tên chuyên đề": 22,
            Nhóm: 10,
            "Người phụ trách": 11,
            "Ngày thông qua": 9.5,
            "Người thông qua": 8,
            "Ngày gửi dự thảo": 9.5,
            "Ngày sinh hoạt": 9.5,
            "Hình thức": 8,
            "Trạng thái": 9,
            "Ngày gửi bản hoàn thiện": 9.5,
            "Ngày báo cáo cấp trên": 9.5,
            "Ghi chú": 11,
          },
          lists: {
            Quý: CHOICES.quarter,
            Nhóm: CHOICES.group,
            "Người thông qua": CHOICES.approvedBy,
            "Hình thức": CHOICES.format,
            "Trạng thái": CHOICES.status,
          },
          dates: REGISTER_DATE_COLUMNS,
          centered: ["STT", "Quý", ...REGISTER_DATE_COLUMNS],
          orientation: "landscape",
          emptyRows: empty,
          numbered: true,
          title: "SỔ THEO DÕI SINH HOẠT CHI BỘ CHUYÊN ĐỀ",
          size: REGISTER_BOOK.wideBodySize,
        },
        nameOf("register"),
        source,
      );
      sheet.conditionalFormats = registerConditionalFormats(REGISTER_COLUMNS);
      sheet.active = true;
      return sheet;
    },
    attendance: () =>
      tableSheet(
        {
          key: "attendance",
          headers: ATTENDANCE_COLUMNS,
          rows: opts.attendance ?? [],
          widths: { "STT chuyên đề": 9, "Họ và tên": 28, "Tình trạng": 18, "Lý do": 34 },
          lists: { "Tình trạng": CHOICES.attendance },
          centered: ["STT chuyên đề"],
          orientation: "portrait",
          emptyRows: empty,
          title: "ĐIỂM DANH ĐẢNG VIÊN DỰ SINH HOẠT CHUYÊN ĐỀ",
          size: REGISTER_BOOK.bodySize,
        },
        nameOf("attendance"),
        source,
      ),
    minutes: () =>
      tableSheet(
        {
          key: "minutes",
          headers: MINUTES_COLUMNS,
          rows: opts.minutes ?? [],
          widths: {
            "STT chuyên đề": 7,
            "Bắt đầu": 6.5,
            "Kết thúc": 6.5,
            "Địa điểm": 12,
            "Chủ trì": 11,
            "Thư ký": 11,
            "Đại biểu": 13,
            "Mục đích, yêu cầu": 18,
            "Kết luận": 22,
            "Nhiệm vụ giao": 18,
            "Biểu quyết": 10,
          },
          times: ["Bắt đầu", "Kết thúc"],
          centered: ["STT chuyên đề", "Bắt đầu", "Kết thúc"],
          orientation: "landscape",
          emptyRows: Math.min(empty, 8),
          title: "TÓM TẮT BIÊN BẢN SINH HOẠT CHI BỘ CHUYÊN ĐỀ",
          size: REGISTER_BOOK.wideBodySize,
        },
        nameOf("minutes"),
        source,
      ),
    opinions: () =>
      tableSheet(
        {
          key: "opinions",
          headers: OPINION_COLUMNS,
          rows: opts.opinions ?? [],
          widths: { "STT chuyên đề": 9, "Người phát biểu": 24, "Nội dung": 57 },
          centered: ["STT chuyên đề"],
          orientation: "portrait",
          emptyRows: empty,
          title: "Ý KIẾN PHÁT BIỂU TẠI SINH HOẠT CHI BỘ CHUYÊN ĐỀ",
          size: REGISTER_BOOK.bodySize,
        },
        nameOf("opinions"),
        source,
      ),
  };
  const order: CanonicalSheetKey[] = ["info", "members", "register", "attendance", "minutes", "opinions"];
  return order.filter((k) => !opts.only || opts.only.includes(k)).map((k) => builders[k]());
}

/** Time of day (minutes after midnight) as an Excel day fraction, for time cells. */
export function timeValue(minutes: number): number {
  return minutes / (24 * 60);
}
