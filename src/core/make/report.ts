// Báo cáo quý (SPEC §7): the quarter report as data (QuarterReport), drawn as a printable
// sheet (SheetModel, rendered by the CLI with exceljs and by the pane with Office.js) and
// as a Word document (src/documents/reportDocx.ts). It reads the parsed workbook and the
// check's result; "held", "quarter" and "year" come from facts.ts, exactly as the check
// counts them.
//
// Form of a party document, HD 36-HD/VPTW (03/4/2018; font sizes as tabled in its
// Phụ lục 3, https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/40E84-hd-mau-trinh-bay-the-thuc-van-ban-va-ban-sao-van-ban-cua-dang.html;
// A4 and page numbers, https://vpdangdoan.vinhuni.edu.vn/thong-bao-van-ban/seo/huong-dan-ve-the-thuc-va-ky-thuat-trinh-bay-van-ban-cua-dang-86250):
// "ĐẢNG CỘNG SẢN VIỆT NAM" 15 bold; issuer's superior 14 upright, issuer 14 bold; "Số …"
// 14 upright; place and date 14 italic; kind of document ("BÁO CÁO") 15–16 bold; its
// subject line (trích yếu) 14–15 bold, normal case; body 14–15; "Nơi nhận:" 14 underlined,
// recipients 12; page numbers from page 2, centred in the top margin.
import { compareDates, formatDate, formatQuarter, quarterEnd, quarterOf, romanQuarter } from "../read/dates";
import type { TopicFacts } from "../check/facts";
import { attendanceByStt, computeFacts } from "../check/facts";
import { headerNameSize, higherCommitteeName, partyHeader, reportNumberLine } from "./partyHeader";
import { FONT, MARGINS_MM, PAGE_MM, SIZES, TEXT_WIDTH_MM } from "../shared/partyFormat";
import type { PartyHeader } from "./partyHeader";
import type { CellStyle, ModelCell, ModelValue, Range1, SheetModel } from "./sheetModel";
import { CELL_PADDING_PT, PT_PER_MM, rowHeightFor, widthCharsForMm, wrappedLineCount } from "./textFit";
import { findingSubject, shortcomingOf } from "./reportShortcomings";
import { percentText } from "../shared/percent";
import type { AttendanceRow, CheckResult, DateCell, Finding, ParsedWorkbook, Quarter, SimpleDate, Topic } from "../shared/types";

import { REPORT_TITLE_PREFIX, isQuarterReportSheet, reportSubjectLine, withoutReportSheets } from "./reportSheets";
export { REPORT_TITLE_PREFIX, isQuarterReportSheet, reportSubjectLine, withoutReportSheets };

/** "Báo cáo Quý II-2024" (Excel forbids "/" in sheet names). */
export function reportSheetName(quarter: Quarter, year: number): string {
  return `Báo cáo Quý ${romanQuarter(quarter)}-${year}`;
}

/** The quarter a report is usually made for: the last one that has ended by `today`
 *  (SPEC §4: a quarter has ended on its last day), so in Q1 it is Q4 of the previous year. */
export function defaultReportQuarter(today: SimpleDate): { quarter: Quarter; year: number } {
  const q = quarterOf(today);
  if (compareDates(quarterEnd(today.year, q), today) <= 0) return { quarter: q, year: today.year };
  return q === 1 ? { quarter: 4, year: today.year - 1 } : { quarter: (q - 1) as Quarter, year: today.year };
}

/** The quarter to report for a register of `year` when none is asked for: a past year's
 *  register → its Quý IV; a future year's → Quý I; this year's → the last quarter that
 *  has ended by `today` (Quý I while none has). */
export function reportQuarterFor(year: number, today: SimpleDate): Quarter {
  if (year < today.year) return 4;
  if (year > today.year) return 1;
  const last = defaultReportQuarter(today);
  return last.year === year ? last.quarter : 1;
}

/** How a topic's state reads in the report and in Tổng hợp. A topic counted as held only
 *  because its date has passed, with neither attendance nor minutes (`unconfirmed`), reads
 *  "Chưa xác nhận": the report never vouches for a meeting nobody recorded. */
export function topicStatusLabel(f: TopicFacts, unconfirmed = false): string {
  if (f.topic.status === "postponed") return "Hoãn";
  if (f.topic.status === "cancelled") return "Hủy";
  if (f.held && unconfirmed) return "Chưa xác nhận";
  return f.held ? "Đã sinh hoạt" : "Dự kiến";
}

/** True for a topic held only by its date (SPEC §4: status empty or Dự kiến and the date
 *  has passed) that has no Điểm danh row and no Biên bản row: nothing shows it took place. */
export function isUnconfirmedHeld(f: TopicFacts, book: ParsedWorkbook): boolean {
  if (!f.held || f.topic.status === "held") return false;
  const stt = f.topic.stt;
  if (stt === null) return true;
  const attended = book.attendance?.rows.some((r) => r.topicStt === stt) ?? false;
  const minuted = book.minutes?.rows.some((r) => r.topicStt === stt) ?? false;
  return !attended && !minuted;
}

/** The quarter's topics counted as held by date alone, for the notice the secretary reads
 *  before sending the report (CLI and pane). */
export function unconfirmedTopics(book: ParsedWorkbook, year: number, quarter: Quarter, asOf: SimpleDate): Topic[] {
  const facts = computeFacts(book, { year, asOf });
  return facts.topics.filter((f) => f.year === year && f.quarter === quarter && isUnconfirmedHeld(f, book)).map((f) => f.topic);
}

/** "Chuyên đề STT 4 "…" đã qua ngày sinh hoạt nhưng chưa có điểm danh, biên bản: báo cáo
 *  ghi "Chưa xác nhận". …" — one line per topic, empty when there is none. */
export function unconfirmedNotice(topics: readonly Topic[]): string[] {
  return topics.map(
    (t) =>
      `Chuyên đề ${t.stt !== null ? `STT ${t.stt} ` : ""}"${t.title}" đã qua ngày sinh hoạt nhưng sổ chưa có điểm danh, biên bản: ` +
      `báo cáo ghi "Chưa xác nhận". Nếu buổi sinh hoạt đã diễn ra, hãy ghi Tình trạng "Đã sinh hoạt" hoặc nhập điểm danh rồi lập lại báo cáo trước khi gửi.`,
  );
}

/** Present / expected of a held topic from Điểm danh: `Có mặt` rows over rows minus
 *  `Miễn sinh hoạt` rows (the ratio TY_LE_DU_THAP uses). null without attendance rows. */
export function attendanceOf(rows: readonly AttendanceRow[] | undefined): { present: number; expected: number } | null {
  if (!rows || rows.length === 0) return null;
  let present = 0;
  let exempt = 0;
  for (const r of rows) {
    if (r.status === "present") present++;
    else if (r.status === "exempt") exempt++;
  }
  return { present, expected: rows.length - exempt };
}

// ---- the report as data ------------------------------------------------------

/** One row of section II's table, as printed. */
export interface ReportTopicRow {
  /** STT as in the register ("" when the register has none). */
  stt: string;
  /** Title, then "Nhóm: …" and "Phụ trách: …" lines. */
  topic: string;
  meetingOn: string;
  /** "Đã sinh hoạt" / "Chưa xác nhận" / "Dự kiến" / "Hoãn" / "Hủy", then the turnout. */
  result: string;
  /** The steps of 09-HD/ĐUK §2 with their dates ("chưa" when not done). */
  steps: string;
}

export interface QuarterReport {
  header: PartyHeader;
  /** "Số …-BC/CB". */
  number: string;
  /** "BÁO CÁO". */
  kind: string;
  /** "Kết quả sinh hoạt chi bộ chuyên đề Quý I năm 2024". */
  subject: string;
  /** "(Số liệu tính đến ngày 05/04/2024)". */
  asOfLine: string;
  sections: {
    heading: string;
    /** Paragraphs before the table (or the only content). */
    lines: string[];
    table?: { headers: readonly string[]; rows: ReportTopicRow[]; empty: string };
  }[];
  recipients: string[];
  /** "T/M CHI BỘ", "BÍ THƯ". */
  signature: [string, string];
  /** The secretary's name, "" when Thông tin lacks it. */
  signer: string;
  /** Topics counted as held by date alone (named in the notice before sending). */
  unconfirmed: Topic[];
  /** Findings the report leaves to the secretary (about keeping the register). */
  registerFindings: Finding[];
}

export const TOPIC_HEADERS = ["STT", "Chuyên đề", "Ngày sinh hoạt", "Kết quả", "Các bước thực hiện"] as const;

function dateText(d: DateCell): string {
  return d.value ? formatDate(d.value) : d.text;
}

function stepsText(t: Topic): string {
  const step = (label: string, d: DateCell) => `${label}: ${dateText(d) || "chưa"}`;
  return [
    step("Thông qua", t.approvedOn),
    step("Gửi dự thảo", t.draftSentOn),
    step("Gửi bản hoàn thiện", t.finalSentOn),
    step("Báo cáo cấp trên", t.reportedOn),
  ].join("\n");
}

function plural(n: number, what: string): string {
  return `${String(n).padStart(2, "0")} ${what}`;
}

export interface QuarterReportOptions {
  /** The day the report is made (the date in the header). */
  today: SimpleDate;
  /** The report's number when known ("12" → "Số 12-BC/CB"); dots otherwise. */
  number?: string;
}

/**
 * The findings a quarter report lists: those on the quarter's topic rows (register
 * rows, and Điểm danh / Biên bản rows of those topics), those about quarter `quarter`
 * itself, and the year-level ones (quarter-level findings of other quarters are left
 * to their own reports).
 */
export function reportFindings(book: ParsedWorkbook, result: CheckResult, topics: readonly TopicFacts[], quarter: Quarter): Finding[] {
  const registerSheet = book.register?.sheet ?? result.register?.sheet ?? "";
  const topicRows = new Set(topics.map((t) => t.row));
  const stts = new Set(topics.map((t) => t.topic.stt).filter((s): s is number => s !== null));
  const rowsOfTopics = new Map<string, Set<number>>();
  for (const table of [book.attendance, book.minutes, book.opinions]) {
    if (!table) continue;
    const set = rowsOfTopics.get(table.sheet) ?? new Set<number>();
    for (const r of table.rows as { row: number; topicStt: number | null }[]) {
      if (r.topicStt !== null && stts.has(r.topicStt)) set.add(r.row);
    }
    rowsOfTopics.set(table.sheet, set);
  }
  const picked = result.findings.filter((f) => {
    if (f.row === null) return f.quarter === undefined || f.quarter === quarter;
    if (f.sheet === registerSheet) return topicRows.has(f.row);
    return rowsOfTopics.get(f.sheet)?.has(f.row) ?? false;
  });
  // Errors first (stable: the check's order within each severity).
  return [...picked.filter((f) => f.severity === "error"), ...picked.filter((f) => f.severity !== "error")];
}

/** The Báo cáo quý for quarter `quarter` of `year` as data (SPEC §7). */
export function quarterReport(
  book: ParsedWorkbook,
  result: CheckResult,
  quarter: Quarter,
  year: number,
  opts: QuarterReportOptions,
): QuarterReport {
  const asOf = result.asOf;
  const facts = computeFacts(book, { year, asOf });
  const info = book.info;
  const minPerYear = facts.thresholds.minTopicsPerYear;
  const qName = formatQuarter(quarter, year);
  const unconfirmed = (f: TopicFacts) => isUnconfirmedHeld(f, book);

  // I. Summary: only meetings something records count as held in the report.
  const ofYear = facts.topics.filter((f) => f.year === year && !f.cancelled);
  const inQuarter = facts.topics.filter((f) => f.year === year && f.quarter === quarter);
  const held = inQuarter.filter((f) => f.held && !unconfirmed(f)).length;
  const pending = inQuarter.filter(unconfirmed).length;
  const plannedInQuarter = inQuarter.filter((f) => !f.cancelled).length;
  const heldSoFar = ofYear.filter((f) => f.held && !unconfirmed(f) && f.quarter !== null && f.quarter <= quarter).length;
  const plannedYear = ofYear.length;
  const ended = compareDates(quarterEnd(year, quarter), asOf) <= 0;
  const verdict =
    held > 0
      ? "đạt yêu cầu ít nhất 01 chuyên đề/quý"
      : pending > 0
        ? "chưa xác nhận được kết quả"
        : ended
          ? "chưa đạt yêu cầu ít nhất 01 chuyên đề/quý"
          : "quý chưa kết thúc";
  const missing = Math.max(0, minPerYear - heldSoFar);
  const summary = [
    `1. Trong ${qName}, chi bộ đã sinh hoạt ${plural(held, "chuyên đề")} (kế hoạch trong quý: ${plural(plannedInQuarter, "chuyên đề")})` +
      (pending > 0 ? `; ${plural(pending, "chuyên đề")} đã qua ngày dự kiến nhưng chưa xác nhận` : "") +
      ` — ${verdict}.`,
    `2. Từ đầu năm ${year} đến hết ${qName}: đã sinh hoạt ${plural(heldSoFar, "chuyên đề")}; yêu cầu tối thiểu cả năm: ${plural(minPerYear, "chuyên đề")}` +
      (missing > 0 ? ` (còn thiếu ${plural(missing, "chuyên đề")}).` : " (đã đạt)."),
    `3. Kế hoạch năm ${year}: ${plural(plannedYear, "chuyên đề")} (không tính chuyên đề hoãn, hủy).`,
  ];

  // II. The quarter's topics, STT as in the register.
  const attendance = attendanceByStt(book.attendance?.rows ?? []);
  const rows: ReportTopicRow[] = inQuarter.map((f) => {
    const t = f.topic;
    const att = f.held && t.stt !== null ? attendanceOf(attendance.get(t.stt)) : null;
    const turnout =
      att === null
        ? ""
        : att.expected > 0
          ? `\nCó mặt ${att.present}/${att.expected} (${percentText(att.present / att.expected)})`
          : `\nCó mặt ${att.present}/${att.expected}`;
    const topicLines = [t.title];
    if (t.group.trim() !== "") topicLines.push(`Nhóm: ${t.group.trim()}`);
    if (t.assignees.length > 0) topicLines.push(`Phụ trách: ${t.assignees.join(", ")}`);
    return {
      stt: t.stt !== null ? String(t.stt) : t.sttText,
      topic: topicLines.join("\n"),
      meetingOn: dateText(t.meetingOn),
      result: topicStatusLabel(f, unconfirmed(f)) + turnout,
      steps: stepsText(t),
    };
  });

  // III. Shortcomings as statements about the cell's work.
  const findings = reportFindings(book, result, inQuarter, quarter);
  const statements: string[] = [];
  const registerFindings: Finding[] = [];
  for (const f of findings) {
    const subject = findingSubject(f, book, facts.topics);
    const stt = subject.topic?.topic.stt ?? null;
    const statement = shortcomingOf(f, {
      ...subject,
      quarterName: f.quarter ? formatQuarter(f.quarter, year) : qName,
      year,
      minTopicsPerYear: minPerYear,
      minAttendanceRate: facts.thresholds.minAttendanceRate,
      turnout: stt !== null ? attendanceOf(attendance.get(stt)) : null,
    });
    if (statement === null) registerFindings.push(f);
    else if (!statements.includes(statement)) statements.push(statement);
  }
  for (const f of inQuarter.filter(unconfirmed)) {
    statements.push(`Chuyên đề "${f.topic.title}" đã qua ngày dự kiến nhưng chưa có điểm danh, biên bản xác nhận buổi sinh hoạt.`);
  }

  // IV. Next quarter's plan.
  const nextQuarter = (quarter === 4 ? 1 : quarter + 1) as Quarter;
  const nextYear = quarter === 4 ? year + 1 : year;
  const nextName = formatQuarter(nextQuarter, nextYear);
  const next = facts.topics.filter((f) => !f.cancelled && f.year === nextYear && f.quarter === nextQuarter);
  const nextLines =
    next.length === 0
      ? [`Chưa có chuyên đề nào dự kiến cho ${nextName}.`]
      : next.map((f) => {
          const t = f.topic;
          const parts = [`- ${t.stt !== null ? `STT ${t.stt}: ` : ""}${t.title}`];
          if (t.assignees.length > 0) parts.push(`phụ trách: ${t.assignees.join(", ")}`);
          if (t.meetingOn.value) parts.push(`dự kiến sinh hoạt ngày ${formatDate(t.meetingOn.value)}`);
          return parts.join("; ") + ".";
        });

  return {
    header: partyHeader(info, opts.today),
    number: reportNumberLine(opts.number),
    kind: "BÁO CÁO",
    subject: reportSubjectLine(quarter, year),
    asOfLine: `(Số liệu tính đến ngày ${formatDate(asOf)})`,
    sections: [
      { heading: "I. KẾT QUẢ CHUNG", lines: summary },
      {
        heading: `II. CÁC CHUYÊN ĐỀ ${qName.toLocaleUpperCase("vi")}`,
        lines: [],
        table: { headers: TOPIC_HEADERS, rows, empty: `Không có chuyên đề nào trong ${qName}.` },
      },
      {
        heading: "III. HẠN CHẾ, TỒN TẠI",
        lines:
          statements.length === 0 ? ["Không có hạn chế, tồn tại nào được ghi nhận qua sổ chuyên đề."] : statements.map((t) => `- ${t}`),
      },
      { heading: `IV. CHUYÊN ĐỀ DỰ KIẾN ${nextName.toLocaleUpperCase("vi")}`, lines: nextLines },
    ],
    recipients: [`- ${higherCommitteeName(info)} (để báo cáo),`, "- Lưu hồ sơ chi bộ."],
    signature: ["T/M CHI BỘ", "BÍ THƯ"],
    signer: info.biThu.trim(),
    unconfirmed: inQuarter.filter(unconfirmed).map((f) => f.topic),
    registerFindings,
  };
}

// ---- the report as a printable sheet -------------------------------------------

/** A4 portrait within the party margins: 165 mm to print on. */
const PRINT_WIDTH_MM = TEXT_WIDTH_MM;
/** Height left for rows on a page: A4 less the top and bottom margins, less what
 *  LibreOffice takes from the body for the page-number header (about 15 mm). */
const PRINT_HEIGHT_PT = (PAGE_MM.height - MARGINS_MM.top - MARGINS_MM.bottom - 15) * PT_PER_MM;
/** Column widths in mm, summing to the printable width less 1 mm for rounding. */
const COLUMN_MM = [12, 45, 25, 28, 55];
const LAST_COL = COLUMN_MM.length;
/** Header block on the columns (the party's grid, within the margins a sheet cannot leave):
 *  the issuer A–C (82 mm, a long name on at most three lines), "ĐẢNG CỘNG SẢN VIỆT NAM" D–E
 *  (83 mm); under them the number A–B and the place and date C–E (108 mm, "Thành phố Hồ Chí
 *  Minh, ngày 05 tháng 10 năm 2025" on one line). Nơi nhận and the signature: A–B, C–E. */
const ISSUER_END = 3;
const PARTY_START = 4;
const LEFT_END = 2;
const RIGHT_START = 3;

const BODY: CellStyle = { fontName: FONT, fontSize: SIZES.body, wrap: true, vAlign: "top" };
const HEADING: CellStyle = { ...BODY, bold: true };
const TABLE_HEAD: CellStyle = {
  fontName: FONT,
  fontSize: SIZES.table,
  bold: true,
  border: true,
  wrap: true,
  hAlign: "center",
  vAlign: "middle",
};
const TABLE_CELL: CellStyle = { fontName: FONT, fontSize: SIZES.table, border: true, wrap: true, vAlign: "top" };
const TABLE_CENTER: CellStyle = { ...TABLE_CELL, hAlign: "center" };
const TABLE_STEPS: CellStyle = { ...TABLE_CELL, fontSize: SIZES.tableSmall };

class SheetBuilder {
  readonly cells: ModelCell[] = [];
  readonly merges: Range1[] = [];
  /** Height in points of each row, from the text that wraps in it. */
  readonly heights: number[] = [];

  constructor(private readonly columnMm: readonly number[]) {}

  widthPtOf(left: number, right: number): number {
    return this.widthPt(left, right);
  }

  private widthPt(left: number, right: number): number {
    let mm = 0;
    for (let c = left; c <= right; c++) mm += this.columnMm[c - 1] ?? 0;
    return mm * PT_PER_MM - CELL_PADDING_PT;
  }

  private fit(row: number, left: number, right: number, value: ModelValue, style: CellStyle): void {
    const size = style.fontSize ?? 11;
    const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
    const lines =
      text === "" ? 1 : style.wrap ? wrappedLineCount(text, this.widthPt(left, right), size, style.bold) : text.split("\n").length;
    this.heights[row] = Math.max(this.heights[row] ?? 0, rowHeightFor(lines, size));
  }

  set(row: number, col: number, value: ModelValue, style: CellStyle = BODY): void {
    this.cells.push({ row, col, value, style });
    this.fit(row, col, col, value, style);
  }

  /** A value spread over columns left..right of one row. */
  span(row: number, left: number, right: number, value: ModelValue, style: CellStyle): void {
    this.cells.push({ row, col: left, value, style });
    this.fit(row, left, right, value, style);
    if (right > left) {
      // Bordered spans need the border on every covered cell.
      if (style.border) for (let c = left + 1; c <= right; c++) this.cells.push({ row, col: c, value: null, style });
      this.merges.push({ top: row, left, bottom: row, right });
    }
  }

  /** A paragraph across the printable width. */
  paragraph(row: number, value: string, style: CellStyle = BODY): void {
    this.span(row, 1, LAST_COL, value, style);
  }

  /** A table row: one value per column starting at column 1. */
  row(row: number, values: readonly ModelValue[], styles: readonly CellStyle[]): void {
    values.forEach((v, i) => {
      this.set(row, i + 1, v, styles[i] ?? TABLE_CELL);
    });
  }

  /** An empty row of `points`. */
  gap(row: number, points: number): void {
    this.heights[row] = Math.max(this.heights[row] ?? 0, points);
  }
}

/** Draws a QuarterReport as the sheet `name`, A4 portrait. */
export function reportSheet(report: QuarterReport, name: string): SheetModel {
  const b = new SheetBuilder(COLUMN_MM);
  const center = (size: number, extra: CellStyle = {}): CellStyle => ({
    fontName: FONT,
    fontSize: size,
    hAlign: "center",
    vAlign: "top",
    wrap: true,
    ...extra,
  });

  // Header block: left ĐẢNG BỘ … / CHI BỘ … / * / Số …; right ĐẢNG CỘNG SẢN VIỆT NAM
  // (underlined) and, on the line of the number, place and date. A long name is set
  // smaller rather than take a fourth line; the star stays right under it.
  const h = report.header;
  const issuerPt = b.widthPtOf(1, ISSUER_END);
  const committee = headerNameSize(h.committee, issuerPt, false).size;
  const cell = headerNameSize(h.cell, issuerPt, true).size;
  b.span(1, 1, ISSUER_END, h.committee, center(committee));
  b.span(1, PARTY_START, LAST_COL, h.party, center(SIZES.party, { bold: true, underline: true }));
  b.span(2, 1, ISSUER_END, h.cell, center(cell, { bold: true }));
  b.span(3, 1, ISSUER_END, h.star, center(SIZES.cell));
  b.span(4, 1, LEFT_END, report.number, center(SIZES.number));
  b.span(4, RIGHT_START, LAST_COL, h.placeAndDate, center(SIZES.placeAndDate, { italic: true }));
  b.gap(5, 12);

  // Kind and subject line, then the date of the figures.
  b.paragraph(6, report.kind, center(SIZES.kind, { bold: true }));
  b.paragraph(7, report.subject, center(SIZES.subject, { bold: true }));
  b.paragraph(8, "-----", center(14));
  b.paragraph(9, report.asOfLine, center(13, { italic: true }));

  let r = 10;
  let tableHeaderRow: number | null = null;
  let tableEnd = 0;
  for (const section of report.sections) {
    b.gap(r++, 8);
    b.paragraph(r++, section.heading, HEADING);
    for (const line of section.lines) b.paragraph(r++, line);
    const table = section.table;
    if (!table) continue;
    tableHeaderRow = r;
    b.row(
      r++,
      table.headers,
      table.headers.map(() => TABLE_HEAD),
    );
    if (table.rows.length === 0) b.span(r++, 1, LAST_COL, table.empty, { ...TABLE_CELL, italic: true, hAlign: "center" });
    for (const t of table.rows) {
      b.row(r++, [t.stt, t.topic, t.meetingOn, t.result, t.steps], [TABLE_CENTER, TABLE_CELL, TABLE_CENTER, TABLE_CENTER, TABLE_STEPS]);
    }
    tableEnd = r - 1;
  }

  // Nơi nhận left, T/M CHI BỘ / BÍ THƯ / name right.
  b.gap(r++, 12);
  const sign = center(SIZES.signature, { bold: true });
  b.span(r, 1, LEFT_END, "Nơi nhận:", { fontName: FONT, fontSize: SIZES.recipientsHeading, underline: true, vAlign: "top" });
  b.span(r, RIGHT_START, LAST_COL, report.signature[0], sign);
  b.span(r + 1, 1, LEFT_END, report.recipients[0], { fontName: FONT, fontSize: SIZES.recipients, wrap: true, vAlign: "top" });
  b.span(r + 1, RIGHT_START, LAST_COL, report.signature[1], sign);
  report.recipients.slice(1).forEach((line, i) => {
    b.span(r + 2 + i, 1, LEFT_END, line, { fontName: FONT, fontSize: SIZES.recipients, wrap: true, vAlign: "top" });
  });
  for (let i = 2; i < 6; i++) b.gap(r + i, 18);
  b.span(r + 6, RIGHT_START, LAST_COL, report.signer === "" ? null : report.signer, sign);

  // Repeat the table's header row on the following pages only when the table itself
  // runs past the first page: Excel repeats title rows on every page, and a header above
  // section III or the signature would only confuse the reader.
  let top = 0;
  for (let row = 1; row <= tableEnd; row++) top += b.heights[row] ?? 15;
  const tableCrossesPage = tableHeaderRow !== null && top > PRINT_HEIGHT_PT;
  // Keep Nơi nhận and the signature on one page: break before them when they would
  // straddle a page end.
  const pageBreaksBefore: number[] = [];
  let y = 0;
  let signStart = 0;
  for (let row = 1; row <= r + 6; row++) {
    const hgt = b.heights[row] ?? 15;
    if (y + hgt > PRINT_HEIGHT_PT) y = 0;
    if (row === r) signStart = y;
    y += hgt;
  }
  let signHeight = 0;
  for (let row = r; row <= r + 6; row++) signHeight += b.heights[row] ?? 15;
  if (signStart + signHeight > PRINT_HEIGHT_PT) pageBreaksBefore.push(r);

  const heights: (number | undefined)[] = [];
  for (let row = 1; row <= r + 6; row++) heights[row] = b.heights[row] ?? 15;

  return {
    name,
    cells: b.cells,
    merges: b.merges,
    columnWidths: [undefined, ...COLUMN_MM.map((mm) => widthCharsForMm(mm))],
    rowHeights: heights,
    print: {
      paper: "A4",
      orientation: "portrait",
      // The widths already fit; fit-to-width only guards against a renderer's rounding.
      fitToWidth: true,
      printTitleRows: tableCrossesPage && tableHeaderRow !== null ? [tableHeaderRow, tableHeaderRow] : undefined,
      margins: { ...MARGINS_MM },
      pageNumbersFromPage2: true,
      // Its own pages from 1, also when the whole workbook is printed.
      firstPageNumber: 1,
      ...(pageBreaksBefore.length > 0 ? { pageBreaksBefore } : {}),
    },
  };
}

/**
 * The Báo cáo quý sheet for quarter `quarter` of `year` (SPEC §7): header block, number,
 * BÁO CÁO and its subject line, summary, the quarter's topics, shortcomings, next
 * quarter's plan, Nơi nhận and signature. User text goes in as plain values; the
 * renderers keep it text.
 */
export function buildQuarterReport(
  book: ParsedWorkbook,
  result: CheckResult,
  quarter: Quarter,
  year: number,
  opts: QuarterReportOptions,
): SheetModel {
  return reportSheet(quarterReport(book, result, quarter, year, opts), reportSheetName(quarter, year));
}

/** Sum of the report's column widths in mm (the printable width is 165 mm). */
export const REPORT_COLUMNS_MM = { columns: COLUMN_MM, printable: PRINT_WIDTH_MM };
