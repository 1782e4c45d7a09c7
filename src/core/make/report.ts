// Báo cáo quý (SPEC §7): the quarter report as a SheetModel, so that the CLI (exceljs)
// and the pane (Office.js) render the same printable sheet. It reads the parsed
// workbook and the check's result; "held", "quarter" and "year" come from facts.ts,
// exactly as the check counts them.
import {
  compareDates,
  formatDate,
  formatQuarter,
  quarterEnd,
  quarterOf,
  romanQuarter,
} from "../read/dates";
import type { TopicFacts } from "../check/facts";
import { attendanceByStt, computeFacts, quarterCounts } from "../check/facts";
import { partyHeader } from "./partyHeader";
import type { CellStyle, ModelCell, ModelValue, Range1, SheetModel } from "./sheetModel";
import type {
  AttendanceRow,
  CheckResult,
  DateCell,
  Finding,
  ParsedWorkbook,
  Quarter,
  SheetGrid,
  SimpleDate,
  WorkbookGrid,
} from "../shared/types";
import { cellText } from "../read/values";

import { REPORT_TITLE_PREFIX, isQuarterReportSheet, withoutReportSheets } from "./reportSheets";
export { REPORT_TITLE_PREFIX, isQuarterReportSheet, withoutReportSheets };

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

/** How a topic's state reads in the report and in Tổng hợp. */
export function topicStatusLabel(f: TopicFacts): string {
  if (f.topic.status === "postponed") return "Hoãn";
  if (f.topic.status === "cancelled") return "Hủy";
  return f.held ? "Đã sinh hoạt" : "Dự kiến";
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

// ---- layout ----------------------------------------------------------------

const FONT = "Times New Roman";
const LAST_COL = 11;

/** Column widths (characters): fits A4 portrait when printed fit-to-width. */
const WIDTHS = [undefined, 5, 34, 14, 18, 12, 12, 12, 12, 12, 13, 13];

// Headers are worded so that the register reader (SPEC §3.6) never takes a report for
// Điểm danh or Đảng viên ("Trạng thái"/"Có mặt" are Tình trạng synonyms, and with "STT"
// they would make the sheet look like an attendance table).
const TOPIC_HEADERS = [
  "STT",
  "Tên chuyên đề",
  "Nhóm",
  "Người phụ trách",
  "Ngày sinh hoạt",
  "Kết quả",
  "Số có mặt/tổng số",
  "Ngày thông qua",
  "Ngày gửi dự thảo",
  "Ngày gửi bản hoàn thiện",
  "Ngày báo cáo cấp trên",
] as const;

const FINDING_HEADERS = ["STT", "Nội dung", "Mức độ", "Vị trí"] as const;
const NEXT_HEADERS = ["STT", "Tên chuyên đề", "Nhóm", "Người phụ trách", "Ngày sinh hoạt (dự kiến)", "Tình hình"] as const;

const BODY: CellStyle = { fontName: FONT, fontSize: 13 };
const BOLD: CellStyle = { ...BODY, bold: true };
const TABLE_HEAD: CellStyle = {
  fontName: FONT,
  fontSize: 11,
  bold: true,
  border: true,
  wrap: true,
  hAlign: "center",
  vAlign: "middle",
  fill: "DDEBF7",
};
const TABLE_CELL: CellStyle = { fontName: FONT, fontSize: 11, border: true, wrap: true, vAlign: "top" };
const TABLE_CENTER: CellStyle = { ...TABLE_CELL, hAlign: "center" };
const TABLE_TEXT_CENTER: CellStyle = { ...TABLE_CENTER, numberFormat: "@" };

class SheetBuilder {
  readonly cells: ModelCell[] = [];
  readonly merges: Range1[] = [];

  set(row: number, col: number, value: ModelValue, style: CellStyle = BODY): void {
    this.cells.push({ row, col, value, style });
  }

  /** A value spread over columns left..right of one row (centred header lines). */
  span(row: number, left: number, right: number, value: ModelValue, style: CellStyle): void {
    this.set(row, left, value, style);
    if (right > left) {
      // Bordered spans need the border on every covered cell.
      if (style.border) for (let c = left + 1; c <= right; c++) this.set(row, c, null, style);
      this.merges.push({ top: row, left, bottom: row, right });
    }
  }

  /** A table row: one value per column starting at column 1. */
  row(row: number, values: readonly ModelValue[], styles: readonly CellStyle[]): void {
    values.forEach((v, i) => this.set(row, i + 1, v, styles[i] ?? TABLE_CELL));
  }
}

function dateValue(d: DateCell): ModelValue {
  if (d.value) return { date: d.value };
  return d.text === "" ? null : d.text;
}

/** 0.846 → "84,6%", 1 → "100%": one decimal, so that a rate just under the threshold
 *  never shows as the threshold itself (85% would hide 84,6% < 85%). */
function percentText(ratio: number): string {
  const tenths = Math.floor(ratio * 1000 + 1e-9) / 10;
  return `${String(tenths).replace(".", ",")}%`;
}

function plural(n: number, what: string): string {
  return `${n} ${what}`;
}

export interface QuarterReportOptions {
  /** The day the report is made (the date in the header). */
  today: SimpleDate;
}

/** Where a finding points, for the report's Vị trí column. */
function findingPlace(f: Finding): string {
  if (f.row === null) return f.column ? `Cột ${f.column}` : "Cả quý/năm";
  return f.column ? `${f.sheet}, dòng ${f.row}, cột ${f.column}` : `${f.sheet}, dòng ${f.row}`;
}

/**
 * The findings a quarter report lists: those on the quarter's topic rows (register
 * rows, and Điểm danh / Biên bản rows of those topics), those about quarter `quarter`
 * itself, and the year-level ones (quarter-level findings of other quarters are left
 * to their own reports).
 */
export function reportFindings(
  book: ParsedWorkbook,
  result: CheckResult,
  topics: readonly TopicFacts[],
  quarter: Quarter,
): Finding[] {
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

/**
 * The Báo cáo quý sheet for quarter `quarter` of `year` (SPEC §7): header block, title,
 * summary, the quarter's topics, open findings, next quarter's plan, signature.
 * User text goes in as plain values; the renderers keep it text.
 */
export function buildQuarterReport(
  book: ParsedWorkbook,
  result: CheckResult,
  quarter: Quarter,
  year: number,
  opts: QuarterReportOptions,
): SheetModel {
  const asOf = result.asOf;
  const facts = computeFacts(book, { year, asOf });
  const info = book.info;
  const minPerYear = facts.thresholds.minTopicsPerYear;
  const b = new SheetBuilder();

  // Header block (rows 1–3): left A–C, right D–K.
  const header = partyHeader(info, opts.today);
  const left = { fontName: FONT, hAlign: "center" as const };
  b.span(1, 1, 3, header.committee, { ...left, fontSize: 14 });
  b.span(2, 1, 3, header.cell, { ...left, fontSize: 14, bold: true });
  b.span(3, 1, 3, header.star, { ...left, fontSize: 14 });
  b.span(1, 4, LAST_COL, header.party, { ...left, fontSize: 15, bold: true, underline: true });
  b.span(3, 4, LAST_COL, header.placeAndDate, { ...left, fontSize: 14, italic: true });

  // Title.
  const qName = formatQuarter(quarter, year);
  b.span(5, 1, LAST_COL, `${REPORT_TITLE_PREFIX} QUÝ ${romanQuarter(quarter)} NĂM ${year}`, {
    fontName: FONT,
    fontSize: 15,
    bold: true,
    hAlign: "center",
  });
  b.span(6, 1, LAST_COL, `(Số liệu tính đến ngày ${formatDate(asOf)})`, {
    fontName: FONT,
    fontSize: 13,
    italic: true,
    hAlign: "center",
  });

  // I. Summary.
  const inQuarter = facts.topics.filter((f) => f.year === year && f.quarter === quarter);
  const counts = quarterCounts(facts.topics, year);
  const held = counts[quarter - 1].held;
  const plannedInQuarter = counts[quarter - 1].planned;
  const heldSoFar = counts.slice(0, quarter).reduce((n, c) => n + c.held, 0);
  const plannedYear = counts.reduce((n, c) => n + c.planned, 0);
  const ended = compareDates(quarterEnd(year, quarter), asOf) <= 0;
  const verdict =
    held > 0
      ? "đạt yêu cầu ít nhất 01 chuyên đề/quý"
      : ended
        ? "chưa đạt yêu cầu ít nhất 01 chuyên đề/quý"
        : "quý chưa kết thúc";
  const missing = Math.max(0, minPerYear - heldSoFar);
  let r = 8;
  b.set(r++, 1, "I. KẾT QUẢ CHUNG", BOLD);
  b.set(r++, 1, `1. Trong ${qName}, chi bộ đã sinh hoạt ${plural(held, "chuyên đề")} (kế hoạch trong quý: ${plannedInQuarter}) — ${verdict}.`);
  b.set(
    r++,
    1,
    `2. Từ đầu năm ${year} đến hết ${qName}: đã sinh hoạt ${plural(heldSoFar, "chuyên đề")}; yêu cầu tối thiểu cả năm: ${plural(minPerYear, "chuyên đề")}` +
      (missing > 0 ? ` (còn thiếu ${missing}).` : " (đã đạt)."),
  );
  b.set(r++, 1, `3. Kế hoạch năm ${year}: ${plural(plannedYear, "chuyên đề")} (không tính chuyên đề hoãn, hủy).`);

  // II. The quarter's topics.
  r++;
  b.set(r++, 1, `II. CÁC CHUYÊN ĐỀ ${qName.toLocaleUpperCase("vi")}`, BOLD);
  const topicHeaderRow = r;
  b.row(r++, TOPIC_HEADERS, TOPIC_HEADERS.map(() => TABLE_HEAD));
  const attendance = attendanceByStt(book.attendance?.rows ?? []);
  if (inQuarter.length === 0) {
    b.span(r++, 1, LAST_COL, `Không có chuyên đề nào trong ${qName}.`, { ...TABLE_CELL, italic: true, hAlign: "center" });
  }
  inQuarter.forEach((f, i) => {
    const t = f.topic;
    const att = f.held && t.stt !== null ? attendanceOf(attendance.get(t.stt)) : null;
    const attText =
      att === null
        ? null
        : att.expected > 0
          ? `${att.present}/${att.expected} (${percentText(att.present / att.expected)})`
          : `${att.present}/${att.expected}`;
    b.row(
      r++,
      [
        i + 1,
        t.title,
        t.group === "" ? null : t.group,
        t.assignees.length > 0 ? t.assignees.join(", ") : null,
        dateValue(t.meetingOn),
        topicStatusLabel(f),
        attText,
        dateValue(t.approvedOn),
        dateValue(t.draftSentOn),
        dateValue(t.finalSentOn),
        dateValue(t.reportedOn),
      ],
      [
        TABLE_CENTER,
        TABLE_CELL,
        TABLE_CELL,
        TABLE_CELL,
        TABLE_CENTER,
        TABLE_CENTER,
        TABLE_TEXT_CENTER,
        TABLE_CENTER,
        TABLE_CENTER,
        TABLE_CENTER,
        TABLE_CENTER,
      ],
    );
  });

  // III. Open findings.
  r++;
  b.set(r++, 1, "III. NHỮNG VIỆC CÒN TỒN TẠI, CẦN KHẮC PHỤC", BOLD);
  const findings = reportFindings(book, result, inQuarter, quarter);
  if (findings.length === 0) {
    b.set(r++, 1, "Không có lỗi hay cảnh báo nào.", { ...BODY, italic: true });
  } else {
    b.row(r++, FINDING_HEADERS, FINDING_HEADERS.map(() => TABLE_HEAD));
    findings.forEach((f, i) => {
      b.row(
        r++,
        [i + 1, f.message, f.severity === "error" ? "Lỗi" : "Cảnh báo", findingPlace(f)],
        [TABLE_CENTER, TABLE_CELL, TABLE_CENTER, TABLE_CELL],
      );
    });
  }

  // IV. Next quarter's plan.
  const nextQuarter = (quarter === 4 ? 1 : quarter + 1) as Quarter;
  const nextYear = quarter === 4 ? year + 1 : year;
  const nextName = formatQuarter(nextQuarter, nextYear);
  const next = facts.topics.filter((f) => !f.cancelled && f.year === nextYear && f.quarter === nextQuarter);
  r++;
  b.set(r++, 1, `IV. CHUYÊN ĐỀ DỰ KIẾN ${nextName.toLocaleUpperCase("vi")}`, BOLD);
  if (next.length === 0) {
    b.set(r++, 1, `Chưa có chuyên đề nào dự kiến cho ${nextName} — cần bổ sung vào sổ.`, { ...BODY, italic: true });
  } else {
    b.row(r++, NEXT_HEADERS, NEXT_HEADERS.map(() => TABLE_HEAD));
    next.forEach((f, i) => {
      const t = f.topic;
      b.row(
        r++,
        [
          i + 1,
          t.title,
          t.group === "" ? null : t.group,
          t.assignees.length > 0 ? t.assignees.join(", ") : null,
          dateValue(t.meetingOn),
          topicStatusLabel(f),
        ],
        [TABLE_CENTER, TABLE_CELL, TABLE_CELL, TABLE_CELL, TABLE_CENTER, TABLE_CENTER],
      );
    });
  }

  // Signature: recipients left, T/M CHI BỘ / BÍ THƯ / name right.
  r += 2;
  const sign = { fontName: FONT, fontSize: 14, bold: true, hAlign: "center" as const };
  b.set(r, 1, "Nơi nhận:", { fontName: FONT, fontSize: 12, bold: true, italic: true });
  b.span(r, 7, LAST_COL, "T/M CHI BỘ", sign);
  b.set(r + 1, 1, "- Đảng ủy cơ sở (để báo cáo);", { fontName: FONT, fontSize: 11 });
  b.span(r + 1, 7, LAST_COL, "BÍ THƯ", sign);
  b.set(r + 2, 1, "- Lưu chi bộ.", { fontName: FONT, fontSize: 11 });
  const name = info.biThu.trim();
  b.span(r + 6, 7, LAST_COL, name === "" ? null : name, sign);

  return {
    name: reportSheetName(quarter, year),
    cells: b.cells,
    merges: b.merges,
    columnWidths: WIDTHS,
    print: {
      paper: "A4",
      orientation: "portrait",
      fitToWidth: true,
      printTitleRows: [topicHeaderRow, topicHeaderRow],
      margins: { top: 20, bottom: 20, left: 30, right: 15 },
    },
  };
}
