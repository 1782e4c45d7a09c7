// What every rule of the check sees (ESLint-style): a rule module exports `meta`
// and `check(context)`, and reports findings through the context. The context
// carries the derived facts of SPEC §4 and the indexes built once per check, so
// that no rule loops over the attendance rows per topic.
import { formatDate } from "../read/dates";
import { shortTitle } from "../shared/text";
import type { BookFacts, Thresholds, TopicFacts } from "../check/facts";
import { attendanceByStt, memberKeys, topicsByStt } from "../check/facts";
import type { Verdicts } from "../check/verdicts";
import { verdictsOf } from "../check/verdicts";
import type { AttendanceRow, Finding, ParsedWorkbook, Quarter, Register, RegisterColumn, Severity, SimpleDate } from "../shared/types";

export interface RuleMeta {
  code: string;
  /** The severity of the rule's findings; a rule with two (THIEU_CHUYEN_DE_QUY) lists both. */
  severity: Severity | readonly Severity[];
  /** Short Vietnamese description (for the README and the pane). */
  description: string;
  /** The clause of SPEC §4's source column. */
  source: string;
}

export interface FindingReport {
  /** Needed only when the rule has several severities. */
  severity?: Severity;
  /** Defaults to the register's sheet. */
  sheet?: string;
  row: number | null;
  column: string | null;
  message: string;
  quarter?: Quarter;
}

export interface RuleContext {
  readonly book: ParsedWorkbook;
  readonly register: Register;
  /** The register year Y. */
  readonly year: number;
  /** The as-of date D. */
  readonly asOf: SimpleDate;
  readonly thresholds: Thresholds;
  /** Every topic row, in register order. */
  readonly topics: readonly TopicFacts[];
  /** Topics that are not cancelled (Hủy/Hoãn): what nearly every rule looks at. */
  readonly active: readonly TopicFacts[];
  /** Attendance rows by `STT chuyên đề` (empty when there is no Điểm danh). */
  readonly attendanceByStt: ReadonlyMap<number, readonly AttendanceRow[]>;
  /** Topics by STT. */
  readonly topicsByStt: ReadonlyMap<number, readonly TopicFacts[]>;
  /** Compare keys of the Đảng viên names; null when the list has no name. */
  readonly memberKeys: ReadonlySet<string> | null;
  /** Topic statuses and quarter/year verdicts (check/verdicts.ts), computed once. */
  readonly verdicts: Verdicts;
  /** The register has this column (SPEC §4 "Missing column"). */
  hasColumn(column: RegisterColumn): boolean;
  report(finding: FindingReport): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** The state shared by every rule of one check: built once, then a per-rule view. */
export interface SharedContext {
  book: ParsedWorkbook;
  register: Register;
  facts: BookFacts;
  active: TopicFacts[];
  attendanceByStt: Map<number, AttendanceRow[]>;
  topicsByStt: Map<number, TopicFacts[]>;
  memberKeys: Set<string> | null;
  verdicts: Verdicts;
  /** Some sheet name is decomposed (NFD): messages quoting it are normalised. */
  nfdSheetNames: boolean;
}

export function createShared(book: ParsedWorkbook, register: Register, facts: BookFacts): SharedContext {
  return {
    book,
    register,
    facts,
    active: facts.topics.filter((f) => !f.cancelled),
    attendanceByStt: attendanceByStt(book.attendance?.rows ?? []),
    topicsByStt: topicsByStt(facts.topics),
    memberKeys: memberKeys(book),
    verdicts: verdictsOf(book, facts),
    nfdSheetNames: (book.sheetOrder ?? []).some((n) => n !== n.normalize("NFC")),
  };
}

export function ruleContext(shared: SharedContext, meta: RuleMeta, sink: Finding[]): RuleContext {
  const { register } = shared;
  const defaultSeverity = typeof meta.severity === "string" ? meta.severity : undefined;
  return {
    book: shared.book,
    register,
    year: shared.facts.year,
    asOf: shared.facts.asOf,
    thresholds: shared.facts.thresholds,
    topics: shared.facts.topics,
    active: shared.active,
    attendanceByStt: shared.attendanceByStt,
    topicsByStt: shared.topicsByStt,
    memberKeys: shared.memberKeys,
    verdicts: shared.verdicts,
    hasColumn: (column) => register.columns[column] !== undefined,
    report(f) {
      const severity = f.severity ?? defaultSeverity;
      if (!severity) throw new Error(`Rule ${meta.code} must give a severity`);
      const finding: Finding = {
        code: meta.code,
        severity,
        sheet: f.sheet ?? register.sheet,
        row: f.row,
        column: f.column,
        // Cell text is read as NFC, but a sheet name quoted in a message may be
        // decomposed (NFD) in the file; users read NFC. `sheet` keeps the exact name so
        // the pane can go there.
        message: shared.nfdSheetNames ? f.message.normalize("NFC") : f.message,
      };
      if (f.quarter !== undefined) finding.quarter = f.quarter;
      sink.push(finding);
    },
  };
}

// Message pieces shared by the rules, so every message names a topic the same way.

export { TITLE_IN_MESSAGE, shortTitle } from "../shared/text";

/** `Chuyên đề "Tên" (dòng 7)`. */
export function topicLabel(f: TopicFacts): string {
  return `Chuyên đề "${shortTitle(f.topic.title)}" (dòng ${f.row})`;
}

/** How an attendance/minutes row names its topic: by title when the STT is known. */
export function topicByStt(context: RuleContext, stt: number | null): string {
  if (stt === null) return "chuyên đề chưa ghi STT";
  const topics = context.topicsByStt.get(stt);
  if (topics && topics.length > 0) return `chuyên đề "${shortTitle(topics[0].topic.title)}" (STT ${stt})`;
  return `chuyên đề STT ${stt} (không có trong sổ)`;
}

/** The STT belongs to register topics that are all cancelled (their attendance and
 *  minutes are out of the check like the topics themselves). */
export function onlyCancelled(context: RuleContext, stt: number | null): boolean {
  if (stt === null) return false;
  const topics = context.topicsByStt.get(stt);
  return topics !== undefined && topics.length > 0 && topics.every((t) => t.cancelled);
}

export const fmt = formatDate;

/** "sau ngày sinh hoạt 14/07/2025", or "đúng ngày sinh hoạt 14/07/2025" for the same day:
 *  how a secretary says a date came too late (it is never before when this is called). */
export function afterMeeting(date: SimpleDate, meeting: SimpleDate): string {
  const same = date.year === meeting.year && date.month === meeting.month && date.day === meeting.day;
  return `${same ? "đúng" : "sau"} ngày sinh hoạt ${formatDate(meeting)}`;
}
