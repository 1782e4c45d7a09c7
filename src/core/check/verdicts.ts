// One model of verdicts (SPEC §10), computed once from the facts of SPEC §4 (facts.ts) and
// used by every output: the check and its quarter summary, the pane's tiles, the custom
// functions, Báo cáo quý (sheet and Word), Tổng hợp, đề dẫn, biên bản and kế hoạch. No
// output decides a status or a verdict of its own, and every Vietnamese word a verdict is
// said in lives here, once.
//
//   const v = computeVerdicts(book, { asOf, year });   // or verdictsOf(book, facts)
//   v.topics[i]      TopicVerdict: kind + label of one register row
//   v.quarters[q-1]  QuarterVerdict: met / notMet / notDue, held & planned counts, reasons
//   v.yearVerdict    YearVerdict: met / notMet / notDue, missed quarters, a sentence
//
// Topic status (kind → label):
//   held        "Đã sinh hoạt"   status held, or held by its date (SPEC §4) with an
//                                attendance or minutes row that records the meeting;
//   unconfirmed "Chưa xác nhận"  held by its date alone (status empty or Dự kiến, date
//                                passed) with neither attendance nor minutes. It COUNTS
//                                as held in every count and verdict, as the check counts
//                                it; only its label says nobody recorded the meeting;
//   planned     "Dự kiến"        not cancelled, not held (date to come, or no date);
//   postponed   "Hoãn";  cancelled "Hủy"  — never counted, whatever their date.
// Quarter verdict of quarter q of year Y: met ("Đạt") when it has a held topic; else
// notMet ("Chưa đạt") when it has ended by D (its last day ≤ D; the error-level
// THIEU_CHUYEN_DE_QUY); else notDue ("Chưa đến hạn").
// Year verdict: notMet as soon as an elapsed quarter has no held topic, or when the year
// has ended with fewer held topics than the minimum; met only when the year has ended
// with at least the minimum held AND every quarter held one; notDue otherwise.
import { formatDate, formatQuarter } from "../read/dates";
import { cleanText } from "../read/cellText";
import type { CheckOptions, ParsedWorkbook, Quarter, SimpleDate } from "../shared/types";
import type { BookFacts, TopicFacts } from "./facts";
import { QUARTERS, computeFacts, quarterEnded } from "./facts";

export type TopicStatusKind = "held" | "unconfirmed" | "planned" | "postponed" | "cancelled";

/** The one label of each status, as the register's Trạng thái column writes it. */
export const TOPIC_STATUS_LABEL: Readonly<Record<TopicStatusKind, string>> = {
  held: "Đã sinh hoạt",
  unconfirmed: "Chưa xác nhận",
  planned: "Dự kiến",
  postponed: "Hoãn",
  cancelled: "Hủy",
};

export type VerdictKind = "met" | "notMet" | "notDue";

/** The one label of a quarter's or the year's verdict (the pane's tiles, Tổng hợp). */
export const VERDICT_LABEL: Readonly<Record<VerdictKind, string>> = {
  met: "Đạt",
  notMet: "Chưa đạt",
  notDue: "Chưa đến hạn",
};

export interface TopicVerdict {
  facts: TopicFacts;
  kind: TopicStatusKind;
  label: string;
  /** Counts as a held meeting (held or unconfirmed): SPEC §4's "held". */
  counts: boolean;
  /** The register's Ghi chú, cleaned ("" when empty): the reason a postponed or cancelled
   *  topic gives. */
  note: string;
}

export interface QuarterVerdict {
  quarter: Quarter;
  year: number;
  kind: VerdictKind;
  label: string;
  /** The quarter's last day is ≤ D. */
  ended: boolean;
  /** Held topics of year Y in q (the check's quarters[].held). */
  held: number;
  /** Of those, held by their date alone. */
  unconfirmed: number;
  /** Non-cancelled topics of year Y in q, held included (the check's quarters[].planned). */
  planned: number;
  /** Every topic of year Y in q, postponed and cancelled included, in register order. */
  topics: TopicVerdict[];
  /** For a quarter with no held topic: the topics that were meant for it and did not take
   *  place (postponed, cancelled, or still planned), with the register's note. */
  reasons: TopicVerdict[];
}

export interface YearVerdict {
  year: number;
  kind: VerdictKind;
  label: string;
  /** Quý IV has ended by D. */
  ended: boolean;
  /** Held topics of the year, the sum of the quarters' held. */
  held: number;
  minimum: number;
  /** Topics still needed to reach the minimum (0 once reached). */
  shortfall: number;
  /** Elapsed quarters with no held topic. */
  missedQuarters: Quarter[];
  /** The verdict in one sentence (Báo cáo Quý IV, the pane). */
  sentence: string;
}

export interface Verdicts {
  year: number;
  asOf: SimpleDate;
  /** Every register row, in register order. */
  topics: TopicVerdict[];
  /** Quarters 1..4 of the year. */
  quarters: QuarterVerdict[];
  yearVerdict: YearVerdict;
  /** The verdict of the topic on register row `row`. */
  topicAt(row: number): TopicVerdict | undefined;
}

/** STTs that Điểm danh or Biên bản has a row for: a meeting somebody recorded. */
function recordedStts(book: ParsedWorkbook): Set<number> {
  const stts = new Set<number>();
  for (const rows of [book.attendance?.rows ?? [], book.minutes?.rows ?? []]) {
    for (const r of rows) if (r.topicStt !== null) stts.add(r.topicStt);
  }
  return stts;
}

function kindOf(f: TopicFacts, recorded: ReadonlySet<number>): TopicStatusKind {
  if (f.topic.status === "postponed") return "postponed";
  if (f.topic.status === "cancelled") return "cancelled";
  if (!f.held) return "planned";
  if (f.topic.status === "held") return "held";
  return f.topic.stt !== null && recorded.has(f.topic.stt) ? "held" : "unconfirmed";
}

function topicVerdict(f: TopicFacts, recorded: ReadonlySet<number>): TopicVerdict {
  const kind = kindOf(f, recorded);
  return { facts: f, kind, label: TOPIC_STATUS_LABEL[kind], counts: f.held, note: cleanText(f.topic.note) };
}

function quarterVerdict(quarter: Quarter, year: number, asOf: SimpleDate, topics: TopicVerdict[]): QuarterVerdict {
  const held = topics.filter((t) => t.counts).length;
  const ended = quarterEnded(year, quarter, asOf);
  const kind: VerdictKind = held > 0 ? "met" : ended ? "notMet" : "notDue";
  return {
    quarter,
    year,
    kind,
    label: VERDICT_LABEL[kind],
    ended,
    held,
    unconfirmed: topics.filter((t) => t.kind === "unconfirmed").length,
    planned: topics.filter((t) => !t.facts.cancelled).length,
    topics,
    reasons: held > 0 ? [] : topics.filter((t) => !t.counts),
  };
}

function yearVerdict(year: number, quarters: readonly QuarterVerdict[], minimum: number, asOf: SimpleDate): YearVerdict {
  const held = quarters.reduce((n, q) => n + q.held, 0);
  const ended = quarters[3].ended;
  const missedQuarters = quarters.filter((q) => q.kind === "notMet").map((q) => q.quarter);
  const shortfall = Math.max(0, minimum - held);
  const kind: VerdictKind = missedQuarters.length > 0 || (ended && shortfall > 0) ? "notMet" : ended ? "met" : "notDue";
  const v: YearVerdict = { year, kind, label: VERDICT_LABEL[kind], ended, held, minimum, shortfall, missedQuarters, sentence: "" };
  v.sentence = yearSentence(v, asOf);
  return v;
}

/** The verdicts of every topic, quarter and the year, from the facts of one check. */
export function verdictsOf(book: ParsedWorkbook, facts: BookFacts): Verdicts {
  const recorded = recordedStts(book);
  const topics = facts.topics.map((f) => topicVerdict(f, recorded));
  const byQuarter = QUARTERS.map(() => [] as TopicVerdict[]);
  for (const t of topics) {
    if (t.facts.year === facts.year && t.facts.quarter !== null) byQuarter[t.facts.quarter - 1].push(t);
  }
  const quarters = QUARTERS.map((q) => quarterVerdict(q, facts.year, facts.asOf, byQuarter[q - 1]));
  const byRow = new Map(topics.map((t) => [t.facts.row, t]));
  return {
    year: facts.year,
    asOf: facts.asOf,
    topics,
    quarters,
    yearVerdict: yearVerdict(facts.year, quarters, facts.thresholds.minTopicsPerYear, facts.asOf),
    topicAt: (row) => byRow.get(row),
  };
}

/** The verdicts of a workbook for register year `opts.year` (default per SPEC §4) as of D. */
export function computeVerdicts(book: ParsedWorkbook, opts: CheckOptions): Verdicts {
  return verdictsOf(book, computeFacts(book, opts));
}

// ---- the words of a verdict ----------------------------------------------------

/** "04": counts in the party's papers are written with two digits. */
export function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}

/** `chuyên đề "Tên"`. */
function quoted(t: TopicVerdict): string {
  return `chuyên đề "${t.facts.topic.title}"`;
}

/** Why one topic did not take place, in the register's words: `chuyên đề "X" hoãn (Hoãn do
 *  trùng đợt kiểm tra)`, `chuyên đề "Y" hủy (sổ không ghi lý do)`, `chuyên đề "Z" chưa tổ
 *  chức (sổ chưa ghi ngày sinh hoạt)`, or for a quarter still running `chuyên đề "W" dự kiến
 *  sinh hoạt ngày 27/11/2025`. */
export function reasonPhrase(t: TopicVerdict): string {
  const note = t.note.replace(/[.;,\s]+$/, "");
  if (t.kind === "postponed" || t.kind === "cancelled") {
    return `${quoted(t)} ${t.kind === "postponed" ? "hoãn" : "hủy"} (${note === "" ? "sổ không ghi lý do" : note})`;
  }
  if (t.facts.meeting) return `${quoted(t)} ${topicDatePhrase(t)}`;
  return `${quoted(t)} chưa tổ chức (${note === "" ? "sổ chưa ghi ngày sinh hoạt" : note})`;
}

/** Why a quarter has no held topic, in the register's words: the reasons of its topics
 *  joined ("chuyên đề "X" hoãn (…); chuyên đề "Y" hủy (…)"), or that it had none planned. */
export function noMeetingReasons(q: QuarterVerdict): string {
  return q.reasons.length === 0 ? "quý này không có chuyên đề nào trong kế hoạch" : q.reasons.map(reasonPhrase).join("; ");
}

/** "Quý III/2024 chi bộ không tổ chức sinh hoạt chuyên đề. Lý do: chuyên đề "X" hoãn (…)."
 *  — a quarter without a held topic, said in words ("chưa tổ chức" while it runs). */
export function noMeetingSentence(q: QuarterVerdict): string {
  const verb = q.ended ? "không tổ chức" : "chưa tổ chức";
  return `${formatQuarter(q.quarter, q.year)} chi bộ ${verb} sinh hoạt chuyên đề. Lý do: ${noMeetingReasons(q)}.`;
}

/** The quarter's verdict in one sentence (Báo cáo quý, line 1): "Trong Quý I/2024, chi bộ đã
 *  sinh hoạt 02 chuyên đề (kế hoạch trong quý: 02 chuyên đề) — đạt yêu cầu ít nhất 01 chuyên
 *  đề/quý.", "Quý III/2024 chi bộ không tổ chức … — chưa đạt …. Lý do: …", or "… chưa kết thúc …". */
export function quarterSentence(q: QuarterVerdict, asOf: SimpleDate): string {
  const name = formatQuarter(q.quarter, q.year);
  const n = (k: number) => `${twoDigits(k)} chuyên đề`;
  if (q.kind === "met") {
    const pending =
      q.unconfirmed > 0
        ? `, trong đó ${n(q.unconfirmed)} chưa xác nhận (đã qua ngày sinh hoạt ghi trong sổ nhưng chưa có điểm danh, biên bản)`
        : "";
    return `Trong ${name}, chi bộ đã sinh hoạt ${n(q.held)} (kế hoạch trong quý: ${n(q.planned)})${pending} — đạt yêu cầu ít nhất 01 chuyên đề/quý.`;
  }
  if (q.kind === "notMet") {
    return `${name} chi bộ không tổ chức sinh hoạt chuyên đề — chưa đạt yêu cầu ít nhất 01 chuyên đề/quý. Lý do: ${noMeetingReasons(q)}.`;
  }
  return (
    `${name} chưa kết thúc; đến ngày ${formatDate(asOf)} chi bộ chưa sinh hoạt chuyên đề nào ` +
    `(kế hoạch trong quý: ${n(q.planned)}) — chưa đến hạn đánh giá.`
  );
}

/** What a cell does about a missed quarter, for the line under it in "Hạn chế, tồn tại". */
export function remedySentence(q: QuarterVerdict): string {
  const name = formatQuarter(q.quarter, q.year);
  const moved = q.reasons.filter((t) => t.kind === "postponed");
  const makeUp =
    moved.length > 0
      ? `bố trí sinh hoạt bù ${moved.map(quoted).join(", ")} (hoãn từ ${name}), `
      : "xây dựng kế hoạch, phân công chuẩn bị và ";
  return `Hướng khắc phục: chi bộ rút kinh nghiệm việc ${name} không sinh hoạt chuyên đề; ${makeUp}bảo đảm mỗi quý sinh hoạt ít nhất 01 chuyên đề.`;
}

function quarterList(quarters: readonly Quarter[], year: number): string {
  return quarters.map((q) => formatQuarter(q, year)).join(", ");
}

/** The year's verdict after "Năm 2024 " / "Cả năm 2024, ": "chi bộ chưa đạt yêu cầu sinh hoạt
 *  chuyên đề: đã sinh hoạt 04 chuyên đề (…), nhưng Quý III/2024 không tổ chức …". */
export function yearClause(v: YearVerdict, asOf: SimpleDate): string {
  const count = `đã sinh hoạt ${twoDigits(v.held)} chuyên đề (tối thiểu ${twoDigits(v.minimum)} chuyên đề/năm, mỗi quý ít nhất 01 chuyên đề)`;
  if (v.kind === "met") return `chi bộ đạt yêu cầu sinh hoạt chuyên đề: ${count}, quý nào cũng có chuyên đề`;
  if (v.kind === "notDue") return `chưa kết thúc: đến ngày ${formatDate(asOf)} chi bộ ${count}; các quý đã qua đều có chuyên đề`;
  const short = v.ended && v.shortfall > 0 ? `còn thiếu ${twoDigits(v.shortfall)} chuyên đề so với mức tối thiểu` : "";
  const missed = v.missedQuarters.length === 0 ? "" : `${quarterList(v.missedQuarters, v.year)} không tổ chức sinh hoạt chuyên đề`;
  return `chi bộ chưa đạt yêu cầu sinh hoạt chuyên đề: ${count}, nhưng ${[short, missed].filter((x) => x !== "").join("; ")}`;
}

function yearSentence(v: YearVerdict, asOf: SimpleDate): string {
  return `Năm ${v.year} ${yearClause(v, asOf)}.`;
}

/** How a topic's date reads beside its status: "đã sinh hoạt ngày 14/03/2025", "dự kiến
 *  sinh hoạt ngày 27/11/2025", "ngày sinh hoạt ghi trong sổ 20/03/2024, chưa xác nhận",
 *  "hoãn", "hủy" (the report's next-quarter list, the pane). */
export function topicDatePhrase(t: TopicVerdict): string {
  const m = t.facts.meeting;
  const on = m ? ` ngày ${formatDate(m)}` : "";
  switch (t.kind) {
    case "held":
      return `đã sinh hoạt${on}`;
    case "unconfirmed":
      return m ? `ngày sinh hoạt ghi trong sổ ${formatDate(m)}, chưa xác nhận` : "chưa xác nhận";
    case "planned":
      return `dự kiến sinh hoạt${on}`;
    case "postponed":
      return "hoãn";
    case "cancelled":
      return "hủy";
  }
}
