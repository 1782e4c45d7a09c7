// Numbers behind the custom functions =CHUYENDE.DEMQUY and =CHUYENDE.PHANCONG,
// computed from the same facts as the check (SPEC §5: "the same code as the check").
import { noRegisterError } from "../check/check";
import { isCancelledStatus, personKey, personName } from "../check/facts";
import { computeVerdicts } from "../check/verdicts";
import type { ParsedWorkbook, Quarter, SimpleDate } from "../shared/types";

/**
 * Held topics of `year` (default: the register year Y of SPEC §4) in `quarter`, as
 * of `asOf` — the quarter verdict's `held`, the same number as the check's quarter summary.
 */
export function countHeld(book: ParsedWorkbook, quarter: Quarter, year: number | undefined, asOf: SimpleDate): number {
  if (!book.register) throw noRegisterError();
  return computeVerdicts(book, { year, asOf }).quarters[quarter - 1].held;
}

export interface AssignmentCount {
  name: string;
  count: number;
}

/**
 * Topics (not cancelled: Hủy/Hoãn are out, as in the check) per member. Every name of
 * `members` — or, without it, of the Đảng viên table — is listed in that order with 0
 * included; assignees not on the list follow in order of first appearance. Names are
 * matched with personKey (compareKey, "đ/c" dropped); a name keeps the spelling of the list (or its first use).
 */
export function assignmentCounts(book: ParsedWorkbook, members?: readonly string[]): AssignmentCount[] {
  const register = book.register;
  if (!register) throw noRegisterError();
  const listed = members ?? (book.members?.rows ?? []).map((m) => m.name);
  const result: AssignmentCount[] = [];
  const byKey = new Map<string, AssignmentCount>();
  const add = (name: string): AssignmentCount | undefined => {
    const clean = personName(name.trim());
    const key = personKey(clean);
    if (key === "") return undefined;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { name: clean, count: 0 };
      byKey.set(key, entry);
      result.push(entry);
    }
    return entry;
  };
  for (const name of listed) add(name);
  for (const topic of register.topics) {
    if (isCancelledStatus(topic.status)) continue;
    const seen = new Set<string>();
    for (const name of topic.assignees) {
      const key = personKey(name);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      const entry = add(name);
      if (entry) entry.count++;
    }
  }
  return result;
}
