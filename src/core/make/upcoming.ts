// Việc sắp tới (SPEC §6.3): what the secretary should do next, computed from the
// same facts as the check. These are reminders, not findings.
//  - topics meeting in the next 14 days (D < M ≤ D+14, not cancelled, not held) that
//    still lack approval or sending, each with the last day it can be done: sending
//    must be before M → M−1; approval must be before sending and before M → the day
//    before the planned sending, or M−2 when no sending date is written;
//  - a quarter of Y ending within 30 days (0 ≤ end − D ≤ 30) with no non-cancelled
//    topic of Y in it;
//  - held topics not yet reported upward (every year, like CHUA_BAO_CAO_CAP_TREN).
// A reminder about a column the register lacks is left out (THIEU_COT says it).
import { noRegisterError } from "../check/check";
import { addDays, compareDates, formatDate, formatQuarter, quarterEnd, toDayNumber } from "../read/dates";
import { QUARTERS, computeFacts } from "../check/facts";
import { verdictsOf } from "../check/verdicts";
import { shortTitle } from "../shared/text";
import type { TopicFacts } from "../check/facts";
import type { CheckOptions, ParsedWorkbook, Quarter, SimpleDate } from "../shared/types";

export const UPCOMING_DAYS = 14;
export const QUARTER_WARNING_DAYS = 30;

export type UpcomingKind = "approval" | "sending" | "quarter" | "report";

export interface UpcomingItem {
  kind: UpcomingKind;
  /** Vietnamese, names the topic or quarter and what to do. */
  text: string;
  /** Register row of the topic, or null for a quarter. */
  row: number | null;
  /** The last day it can be done, or null when there is none. */
  deadline: SimpleDate | null;
  /** For kind "quarter". */
  quarter?: Quarter;
}

function label(f: TopicFacts): string {
  return `chuyên đề "${shortTitle(f.topic.title)}" (dòng ${f.row})`;
}

function due(deadline: SimpleDate, asOf: SimpleDate): string {
  return compareDates(deadline, asOf) < 0 ? `đã quá hạn (hạn chót ${formatDate(deadline)})` : `hạn chót ${formatDate(deadline)}`;
}

export function upcoming(book: ParsedWorkbook, opts: CheckOptions): UpcomingItem[] {
  const register = book.register;
  if (!register) throw noRegisterError();
  const facts = computeFacts(book, opts);
  const D = facts.asOf;
  const has = (c: keyof typeof register.columns) => register.columns[c] !== undefined;
  const horizon = addDays(D, UPCOMING_DAYS);

  const prep: UpcomingItem[] = [];
  for (const f of facts.topics) {
    const M = f.meeting;
    if (f.cancelled || f.held || !M) continue;
    if (compareDates(M, D) <= 0 || compareDates(M, horizon) > 0) continue;
    const sent = f.topic.draftSentOn.value;
    const approved = f.topic.approvedOn.value;
    const when = `sinh hoạt ngày ${formatDate(M)}`;
    if (!approved && has("Ngày thông qua")) {
      const deadline = addDays(sent ?? M, sent ? -1 : -2);
      prep.push({
        kind: "approval",
        row: f.row,
        deadline,
        text:
          `Chi ủy thông qua đề dẫn ${label(f)}, ${when}: ${due(deadline, D)}` +
          `${sent ? `, trước ngày gửi dự thảo ${formatDate(sent)}` : ""}. Ghi ngày vào cột Ngày thông qua.`,
      });
    }
    if (!sent && has("Ngày gửi dự thảo")) {
      const deadline = addDays(M, -1);
      prep.push({
        kind: "sending",
        row: f.row,
        deadline,
        text: `Gửi dự thảo đề dẫn ${label(f)} cho đảng viên, ${when}: ${due(deadline, D)}. ` + `Ghi ngày vào cột Ngày gửi dự thảo.`,
      });
    }
  }
  prep.sort(
    (a, b) =>
      compareDates(a.deadline as SimpleDate, b.deadline as SimpleDate) ||
      (a.row as number) - (b.row as number) ||
      (a.kind === b.kind ? 0 : a.kind === "approval" ? -1 : 1),
  );

  const quarters: UpcomingItem[] = [];
  const counts = verdictsOf(book, facts).quarters;
  for (const q of QUARTERS) {
    const end = quarterEnd(facts.year, q);
    const left = toDayNumber(end) - toDayNumber(D);
    if (left < 0 || left > QUARTER_WARNING_DAYS || counts[q - 1].planned > 0) continue;
    quarters.push({
      kind: "quarter",
      row: null,
      deadline: end,
      quarter: q,
      text:
        `${formatQuarter(q, facts.year)} kết thúc ngày ${formatDate(end)} (còn ${left} ngày) mà chưa có chuyên đề nào. ` +
        `Chọn chuyên đề, phân công người chuẩn bị và tổ chức sinh hoạt trước ngày đó.`,
    });
  }

  const reports: UpcomingItem[] = [];
  if (has("Ngày báo cáo cấp trên")) {
    for (const f of facts.topics) {
      if (f.cancelled || !f.held || f.topic.reportedOn.value) continue;
      reports.push({
        kind: "report",
        row: f.row,
        deadline: null,
        text:
          `Báo cáo cấp trên ${label(f)}${f.meeting ? `, đã sinh hoạt ngày ${formatDate(f.meeting)}` : ", đã sinh hoạt"}. ` +
          `Gửi bản hoàn thiện lên cấp ủy cấp trên và ghi ngày vào cột Ngày báo cáo cấp trên.`,
      });
    }
  }
  return [...prep, ...quarters, ...reports];
}
