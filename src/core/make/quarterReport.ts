// Báo cáo quý (SPEC §7, §10) as data: what the report says, drawn as a printable sheet by
// report.ts and as a Word document by src/documents/reportDocx.ts. Every status and
// verdict it states comes from the verdict model (check/verdicts.ts), so the report says
// what the check, Tổng hợp and the pane say. The Quý IV report is the year's last word
// upward: it states the year's verdict, lists what each quarter held, and names every
// missed quarter in "Hạn chế, tồn tại" with the register's reason and a remedy line.
import { compareDates, formatDate, formatQuarter, quarterEnd, quarterOf, romanQuarter } from "../read/dates";
import { computeFacts } from "../check/facts";
import { turnoutOf } from "../check/attendance";
import type { QuarterVerdict, TopicVerdict, Verdicts, YearVerdict } from "../check/verdicts";
import {
  noMeetingReasons,
  noMeetingSentence,
  quarterSentence,
  remedySentence,
  topicDatePhrase,
  twoDigits,
  verdictsOf,
  yearClause,
} from "../check/verdicts";
import { attendanceByStt } from "../check/facts";
import { higherCommitteeName, partyHeader, reportNumberLine, signsFor } from "./partyHeader";
import type { PartyHeader } from "./partyHeader";
import { findingSubject, shortcomingOf } from "./reportShortcomings";
import { percentText } from "../shared/percent";
import type { CheckResult, DateCell, Finding, ParsedWorkbook, Quarter, SimpleDate, Topic } from "../shared/types";
import { reportSubjectLine } from "./reportSheets";

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

/** "Chuyên đề STT 4 "…" đã qua ngày sinh hoạt nhưng chưa có điểm danh, biên bản: báo cáo
 *  ghi "Chưa xác nhận". …" — one line per topic, empty when there is none. */
export function unconfirmedNotice(topics: readonly Topic[]): string[] {
  return topics.map(
    (t) =>
      `Chuyên đề ${t.stt !== null ? `STT ${t.stt} ` : ""}"${t.title}" đã qua ngày sinh hoạt nhưng sổ chưa có điểm danh, biên bản: ` +
      `báo cáo vẫn tính là đã sinh hoạt nhưng ghi "Chưa xác nhận". Nếu buổi sinh hoạt đã diễn ra, hãy ghi Tình trạng "Đã sinh hoạt" hoặc nhập điểm danh; ` +
      `nếu chưa, sửa Ngày sinh hoạt; rồi lập lại báo cáo trước khi gửi.`,
  );
}

// ---- the report as data ------------------------------------------------------

/** One row of section II's table, as printed. */
export interface ReportTopicRow {
  /** STT as in the register ("" when the register has none). */
  stt: string;
  /** Title, then "Nhóm: …" and "Phụ trách: …" lines. */
  topic: string;
  meetingOn: string;
  /** The topic's status label (verdicts.ts), then the turnout, or the register's note of a
   *  postponed or cancelled topic. */
  result: string;
  /** The steps of 09-HD/ĐUK §2 with their dates ("chưa" when not done). */
  steps: string;
}

export interface ReportSection {
  heading: string;
  /** Paragraphs before the table (or the only content). */
  lines: string[];
  /** The quarter's topics; absent when the quarter has none (the lines say so in words). */
  table?: { headers: readonly string[]; rows: ReportTopicRow[]; empty: string };
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
  sections: ReportSection[];
  recipients: string[];
  /** "T/M CHI ỦY" or "T/M CHI BỘ" (partyHeader.ts signsFor), "BÍ THƯ". */
  signature: [string, string];
  /** The secretary's name, "" when Thông tin lacks it. */
  signer: string;
  /** The verdicts the report states (the paper's other outputs build on them). */
  quarterVerdict: QuarterVerdict;
  yearVerdict: YearVerdict;
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

function count(n: number, what = "chuyên đề"): string {
  return `${twoDigits(n)} ${what}`;
}

export interface QuarterReportOptions {
  /** The day the report is made (the date in the header). */
  today: SimpleDate;
  /** The report's number when known ("12" → "Số 12-BC/CB"); dots otherwise. */
  number?: string;
}

/**
 * The findings a quarter report lists: those on the quarter's topic rows (register
 * rows, and Điểm danh / Biên bản / Ý kiến rows of those topics), those about quarter
 * `quarter` itself, and the year-level ones. Quarter-level findings of other quarters are
 * left to their own reports, except in Quý IV, the year's last word: it names every
 * quarter of the year that ended without a meeting.
 */
export function reportFindings(
  book: ParsedWorkbook,
  result: CheckResult,
  topics: readonly { row: number; topic: Topic }[],
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
    if (f.row === null) {
      if (f.quarter === undefined || f.quarter === quarter) return true;
      return quarter === 4 && f.code === "THIEU_CHUYEN_DE_QUY" && f.severity === "error";
    }
    if (f.sheet === registerSheet) return topicRows.has(f.row);
    return rowsOfTopics.get(f.sheet)?.has(f.row) ?? false;
  });
  // Errors first (stable: the check's order within each severity).
  return [...picked.filter((f) => f.severity === "error"), ...picked.filter((f) => f.severity !== "error")];
}

/** A held topic as the year's list names it: `"Tên" (14/03/2024)`. */
function heldItem(t: TopicVerdict): string {
  const on = t.facts.meeting ? ` (${formatDate(t.facts.meeting)}${t.kind === "unconfirmed" ? ", chưa xác nhận" : ""})` : "";
  return `"${t.facts.topic.title}"${on}`;
}

/** Section I, line 2: the year so far; in Quý IV, the year's verdict and what each quarter held. */
function yearLines(v: Verdicts, quarter: Quarter): string[] {
  const y = v.yearVerdict;
  if (quarter === 4) {
    const byQuarter = v.quarters.map((q) => {
      const name = formatQuarter(q.quarter, q.year);
      if (q.held > 0) {
        const held = q.topics.filter((t) => t.counts);
        return `- ${name}: đã sinh hoạt ${count(q.held)}: ${held.map(heldItem).join("; ")}.`;
      }
      return `- ${name}: ${q.ended ? "không tổ chức" : "chưa tổ chức"} sinh hoạt chuyên đề — ${noMeetingReasons(q)}.`;
    });
    const line = y.kind === "notDue" ? `2. ${y.sentence}` : `2. Cả năm ${y.year}, ${yearClause(y, v.asOf)}.`;
    return [line, ...byQuarter];
  }
  const sofar = v.quarters.filter((q) => q.quarter <= quarter);
  const held = sofar.reduce((n, q) => n + q.held, 0);
  const missed = sofar.filter((q) => q.kind === "notMet").map((q) => formatQuarter(q.quarter, q.year));
  const missing = Math.max(0, y.minimum - held);
  return [
    `2. Từ đầu năm ${y.year} đến hết ${formatQuarter(quarter, y.year)}: đã sinh hoạt ${count(held)}; ` +
      `yêu cầu tối thiểu cả năm: ${count(y.minimum)}, mỗi quý ít nhất 01 chuyên đề` +
      (missing > 0 ? ` (còn thiếu ${count(missing)})` : " (đã đủ số chuyên đề tối thiểu)") +
      (missed.length > 0 ? `; ${missed.join(", ")} không tổ chức sinh hoạt chuyên đề.` : "."),
  ];
}

function topicRow(t: TopicVerdict, attendance: ReturnType<typeof attendanceByStt>): ReportTopicRow {
  const topic = t.facts.topic;
  const turnout = t.counts && topic.stt !== null ? turnoutOf(attendance.get(topic.stt)) : null;
  let result = t.label;
  if (turnout) {
    result += `\nCó mặt ${turnout.present}/${turnout.expected}`;
    if (turnout.expected > 0) result += ` (${percentText(turnout.present, turnout.expected)})`;
  } else if ((t.kind === "postponed" || t.kind === "cancelled") && t.note !== "") {
    result += `\n${t.note}`;
  }
  const lines = [topic.title];
  if (topic.group.trim() !== "") lines.push(`Nhóm: ${topic.group.trim()}`);
  if (topic.assignees.length > 0) lines.push(`Phụ trách: ${topic.assignees.join(", ")}`);
  return {
    stt: topic.stt !== null ? String(topic.stt) : topic.sttText,
    topic: lines.join("\n"),
    meetingOn: dateText(topic.meetingOn),
    result,
    steps: stepsText(topic),
  };
}

/** The Báo cáo quý for quarter `quarter` of `year` as data (SPEC §7, §10). */
export function quarterReport(
  book: ParsedWorkbook,
  result: CheckResult,
  quarter: Quarter,
  year: number,
  opts: QuarterReportOptions,
): QuarterReport {
  const asOf = result.asOf;
  const facts = computeFacts(book, { year, asOf });
  const v = verdictsOf(book, facts);
  const qv = v.quarters[quarter - 1];
  const info = book.info;
  const qName = formatQuarter(quarter, year);
  const plannedYear = facts.topics.filter((f) => f.year === year && !f.cancelled).length;

  // I. Summary.
  const summary = [
    `1. ${quarterSentence(qv, asOf)}`,
    ...yearLines(v, quarter),
    `3. Kế hoạch năm ${year}: ${count(plannedYear)} (không tính chuyên đề hoãn, hủy).`,
  ];

  // II. The quarter's topics, STT as in the register; no table for a quarter without any.
  const attendance = attendanceByStt(book.attendance?.rows ?? []);
  const topicsSection: ReportSection =
    qv.topics.length === 0
      ? {
          heading: `II. CÁC CHUYÊN ĐỀ ${qName.toLocaleUpperCase("vi")}`,
          lines: [
            `Sổ không có chuyên đề nào của ${qName}: ${qv.ended ? "chi bộ không tổ chức" : "chi bộ chưa tổ chức"} sinh hoạt chuyên đề trong quý.`,
          ],
        }
      : {
          heading: `II. CÁC CHUYÊN ĐỀ ${qName.toLocaleUpperCase("vi")}`,
          lines: [],
          table: {
            headers: TOPIC_HEADERS,
            rows: qv.topics.map((t) => topicRow(t, attendance)),
            empty: `Không có chuyên đề nào trong ${qName}.`,
          },
        };

  // III. Shortcomings as statements about the cell's work.
  const findings = reportFindings(
    book,
    result,
    qv.topics.map((t) => t.facts),
    quarter,
  );
  const statements: string[] = [];
  const registerFindings: Finding[] = [];
  const add = (line: string) => {
    if (!statements.includes(line)) statements.push(line);
  };
  for (const f of findings) {
    if (f.code === "THIEU_CHUYEN_DE_QUY" && f.severity === "error" && f.quarter !== undefined) {
      // A missed quarter: the register's reason, then a line for the remedy.
      const missed = v.quarters[f.quarter - 1];
      add(`- ${noMeetingSentence(missed)}`);
      add(`+ ${remedySentence(missed)}`);
      continue;
    }
    const subject = findingSubject(f, book, facts.topics);
    const stt = subject.topic?.topic.stt ?? null;
    const statement = shortcomingOf(f, {
      ...subject,
      quarterName: f.quarter ? formatQuarter(f.quarter, year) : qName,
      year,
      minTopicsPerYear: facts.thresholds.minTopicsPerYear,
      minAttendanceRate: facts.thresholds.minAttendanceRate,
      turnout: stt !== null ? turnoutOf(attendance.get(stt)) : null,
    });
    if (statement === null) registerFindings.push(f);
    else add(`- ${statement}`);
  }
  const y = v.yearVerdict;
  if (quarter === 4 && y.ended && y.shortfall > 0) {
    add(`- Năm ${year} chi bộ mới sinh hoạt ${count(y.held)}, chưa đủ ${count(y.minimum)} tối thiểu.`);
  }
  const unconfirmed = qv.topics.filter((t) => t.kind === "unconfirmed");
  for (const t of unconfirmed) {
    add(
      `- Chuyên đề "${t.facts.topic.title}" đã qua ngày sinh hoạt ghi trong sổ nhưng chưa có điểm danh, biên bản xác nhận buổi sinh hoạt.`,
    );
  }

  // IV. Next quarter's plan.
  const nextQuarter = (quarter === 4 ? 1 : quarter + 1) as Quarter;
  const nextYear = quarter === 4 ? year + 1 : year;
  const nextName = formatQuarter(nextQuarter, nextYear);
  const next = v.topics.filter((t) => !t.facts.cancelled && t.facts.year === nextYear && t.facts.quarter === nextQuarter);
  const nextLines =
    next.length === 0
      ? [`Chưa có chuyên đề nào dự kiến cho ${nextName}.`]
      : next.map((t) => {
          const topic = t.facts.topic;
          const parts = [`- ${topic.stt !== null ? `STT ${topic.stt}: ` : ""}${topic.title}`];
          if (topic.assignees.length > 0) parts.push(`phụ trách: ${topic.assignees.join(", ")}`);
          if (t.facts.meeting || t.kind !== "planned") parts.push(topicDatePhrase(t));
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
      topicsSection,
      {
        heading: "III. HẠN CHẾ, TỒN TẠI",
        lines: statements.length === 0 ? ["Không có hạn chế, tồn tại nào được ghi nhận qua sổ chuyên đề."] : statements,
      },
      { heading: `IV. CHUYÊN ĐỀ DỰ KIẾN ${nextName.toLocaleUpperCase("vi")}`, lines: nextLines },
    ],
    recipients: [`- ${higherCommitteeName(info)} (để báo cáo),`, "- Lưu hồ sơ chi bộ."],
    signature: [signsFor(info, book.members?.rows ?? []), "BÍ THƯ"],
    signer: info.biThu.trim(),
    quarterVerdict: qv,
    yearVerdict: y,
    unconfirmed: unconfirmed.map((t) => t.facts.topic),
    registerFindings,
  };
}
