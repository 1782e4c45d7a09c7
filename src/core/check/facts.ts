// The derived facts of SPEC §4, computed once per check and shared by every rule,
// by the quarter summary, by Việc sắp tới and by the custom functions (DEMQUY,
// PHANCONG), so that all of them agree on what "held", "cancelled", "quarter" and
// "year" mean.
import { compareDates, quarterEnd, quarterOf } from "../read/dates";
import { INFO_DEFAULTS } from "../read/layout";
import type { AttendanceRow, CellInfo, CheckOptions, ParsedWorkbook, Quarter, RegisterColumn, SimpleDate, Topic } from "../shared/types";
import { REGISTER_DATE_COLUMNS } from "../shared/types";
import { compareKey, parseNames } from "../read/values";

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** The six columns whose absence is reported by THIEU_COT (SPEC §4 "Missing column"). */
export const CHECKED_COLUMNS: readonly RegisterColumn[] = ["Người phụ trách", ...REGISTER_DATE_COLUMNS];

export interface TopicFacts {
  topic: Topic;
  /** Excel row of the topic on the register sheet. */
  row: number;
  /** M: the valid `Ngày sinh hoạt`, or null (empty or unparsable). */
  meeting: SimpleDate | null;
  /** Status Hủy or Hoãn. */
  cancelled: boolean;
  /** Status held, or (status empty/planned) and M ≤ D. Never true for a cancelled topic. */
  held: boolean;
  /** Quarter of M, else the `Quý` value, else null. */
  quarter: Quarter | null;
  /** Year of M, else Y. */
  year: number;
}

export interface Thresholds {
  minTopicsPerYear: number;
  /** Fraction 0..1. */
  minAttendanceRate: number;
  minDurationMinutes: number;
  minDurationCombinedMinutes: number;
}

export interface BookFacts {
  /** The register year Y. */
  year: number;
  /** The as-of date D. */
  asOf: SimpleDate;
  /** One entry per register topic, in register order (empty when there is no register). */
  topics: TopicFacts[];
  thresholds: Thresholds;
}

/** True for a status that takes the topic out of every rule (Hủy, Hoãn). */
export function isCancelledStatus(status: Topic["status"]): boolean {
  return status === "cancelled" || status === "postponed";
}

/**
 * Y per SPEC §4: explicit argument, else `Năm` of Thông tin, else the most common
 * year of the valid `Ngày sinh hoạt` of all topic rows (a tie goes to the later
 * year), else the year of D.
 */
export function inferYear(book: ParsedWorkbook, opts: CheckOptions): number {
  if (opts.year !== undefined && Number.isInteger(opts.year)) return opts.year;
  if (book.info.year !== null && Number.isInteger(book.info.year)) return book.info.year;
  const counts = new Map<number, number>();
  for (const topic of book.register?.topics ?? []) {
    const m = topic.meetingOn.value;
    if (m) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && year > best)) {
      best = year;
      bestCount = count;
    }
  }
  return best ?? opts.asOf.year;
}

/** A threshold from Thông tin when it is a usable number, else the §3.1 default. */
function usable(value: number | undefined, fallback: number, min = 0): number {
  return typeof value === "number" && Number.isFinite(value) && value >= min ? value : fallback;
}

export function thresholdsOf(info: CellInfo): Thresholds {
  return {
    minTopicsPerYear: usable(info.minTopicsPerYear, INFO_DEFAULTS.minTopicsPerYear),
    minAttendanceRate: usable(info.minAttendanceRate, INFO_DEFAULTS.minAttendanceRate),
    minDurationMinutes: usable(info.minDurationMinutes, INFO_DEFAULTS.minDurationMinutes),
    minDurationCombinedMinutes: usable(info.minDurationCombinedMinutes, INFO_DEFAULTS.minDurationCombinedMinutes),
  };
}

export function topicFacts(topic: Topic, year: number, asOf: SimpleDate): TopicFacts {
  const meeting = topic.meetingOn.value;
  const cancelled = isCancelledStatus(topic.status);
  const held =
    topic.status === "held" ||
    ((topic.status === null || topic.status === "planned") && meeting !== null && compareDates(meeting, asOf) <= 0);
  return {
    topic,
    row: topic.row,
    meeting,
    cancelled,
    held,
    quarter: meeting ? quarterOf(meeting) : topic.quarterValue,
    year: meeting ? meeting.year : year,
  };
}

export function computeFacts(book: ParsedWorkbook, opts: CheckOptions): BookFacts {
  const year = inferYear(book, opts);
  const asOf = opts.asOf;
  return {
    year,
    asOf,
    topics: (book.register?.topics ?? []).map((t) => topicFacts(t, year, asOf)),
    thresholds: thresholdsOf(book.info),
  };
}

/** The quarter q of year Y has ended by D (its last day ≤ D). */
export function quarterEnded(year: number, quarter: Quarter, asOf: SimpleDate): boolean {
  return compareDates(quarterEnd(year, quarter), asOf) <= 0;
}

/** Attendance rows grouped by their `STT chuyên đề` (rows without one are left out). */
export function attendanceByStt(rows: readonly AttendanceRow[]): Map<number, AttendanceRow[]> {
  const map = new Map<number, AttendanceRow[]>();
  for (const row of rows) {
    if (row.topicStt === null) continue;
    const list = map.get(row.topicStt);
    if (list) list.push(row);
    else map.set(row.topicStt, [row]);
  }
  return map;
}

/** Topics grouped by STT (a register may repeat an STT; every topic with it is kept). */
export function topicsByStt(topics: readonly TopicFacts[]): Map<number, TopicFacts[]> {
  const map = new Map<number, TopicFacts[]>();
  for (const f of topics) {
    if (f.topic.stt === null) continue;
    const list = map.get(f.topic.stt);
    if (list) list.push(f);
    else map.set(f.topic.stt, [f]);
  }
  return map;
}

/** The comparison key of a person's name or a title (SPEC §3.7). Trimmed first:
 *  compareKey's ASCII fast path keeps a single leading space (" Binh" from "An, Binh"). */
export function nameKey(name: string): string {
  return compareKey(name.trim());
}

/** The comparison key of one person's name as written in a list cell (Đảng viên,
 *  Điểm danh): a leading "đ/c", "đồng chí" is dropped as for Names (SPEC §3.7), so
 *  "Đ/c Minh" and "Minh" are one member. A cell that splits into several names keeps
 *  its whole text. */
export function personKey(name: string): string {
  return nameKey(personName(name));
}

/** A person's name without a leading "đ/c", "đồng chí" (for messages that say "Đồng chí …"). */
export function personName(name: string): string {
  const names = parseNames(name);
  return names.length === 1 ? names[0] : name;
}

/** Member names of the Đảng viên table as compare keys; null when the list has no name. */
export function memberKeys(book: ParsedWorkbook): Set<string> | null {
  const names = (book.members?.rows ?? []).map((m) => m.name).filter((n) => n.trim() !== "");
  if (names.length === 0) return null;
  return new Set(names.map(personKey));
}
