// A meeting's attendance from Điểm danh, counted once for every output: the check's
// TY_LE_DU_THAP and BIEU_QUYET_VUOT, the report's turnout, the biên bản's counts.
import type { AttendanceRow, Member } from "../shared/types";
import { normalizeKey } from "../read/cellText";
import { personKey } from "./facts";

export interface Turnout {
  /** Rows marked `Có mặt`. */
  present: number;
  /** Rows marked `Miễn sinh hoạt`. */
  exempt: number;
  absentWithReason: number;
  absentWithoutReason: number;
  /** Rows with an empty or unknown Tình trạng (members not marked present). */
  unmarked: number;
  /** Those expected to attend: rows less `Miễn sinh hoạt` rows (SPEC §4 TY_LE_DU_THAP). */
  expected: number;
}

/** The turnout of one topic's Điểm danh rows; null when it has none. */
export function turnoutOf(rows: readonly AttendanceRow[] | undefined): Turnout | null {
  if (!rows || rows.length === 0) return null;
  const t: Turnout = { present: 0, exempt: 0, absentWithReason: 0, absentWithoutReason: 0, unmarked: 0, expected: 0 };
  for (const r of rows) {
    if (r.status === "present") t.present++;
    else if (r.status === "exempt") t.exempt++;
    else if (r.status === "absentWithReason") t.absentWithReason++;
    else if (r.status === "absentWithoutReason") t.absentWithoutReason++;
    else t.unmarked++;
  }
  t.expected = rows.length - t.exempt;
  return t;
}

export interface PresentByKind {
  chinhThuc: number;
  duBi: number;
  /** Present but not on the member list, or on it without a Loại. */
  unknown: number;
}

/** Those marked `Có mặt` split by the Loại of the Đảng viên list (names compared as
 *  personKey: case, tone-mark placement and a leading "đ/c" do not matter). */
export function presentByKind(rows: readonly AttendanceRow[], members: readonly Member[]): PresentByKind {
  const kindOf = new Map(members.map((m) => [personKey(m.name), m.kind]));
  const out: PresentByKind = { chinhThuc: 0, duBi: 0, unknown: 0 };
  for (const r of rows) {
    if (r.status !== "present") continue;
    const kind = kindOf.get(personKey(r.name));
    if (kind === "chinhThuc") out.chinhThuc++;
    else if (kind === "duBi") out.duBi++;
    else out.unknown++;
  }
  return out;
}

/** The Điểm danh row marking `speaker` absent (with or without reason) among one topic's
 *  rows, or undefined: an opinion from them (Ý kiến) is one the meeting did not hear in
 *  person (Y_KIEN_NGUOI_VANG, the biên bản). */
export function absentRowOf(rows: readonly AttendanceRow[] | undefined, speaker: string): AttendanceRow | undefined {
  const key = personKey(speaker);
  if (key === "") return undefined;
  return (rows ?? []).find((a) => (a.status === "absentWithReason" || a.status === "absentWithoutReason") && personKey(a.name) === key);
}

/** An opinion whose content says it was sent in writing ("gửi ý kiến bằng văn bản"): how a
 *  cell records an absent member's opinion. */
export function isWrittenOpinion(content: string): boolean {
  return normalizeKey(content).includes("bang van ban");
}

/** The most votes a meeting can have: the chính thức members present, counting a present
 *  member the list does not know (or lists without Loại) as chính thức, so that a warning
 *  about too many votes never rests on a guess (BIEU_QUYET_VUOT, the biên bản). */
export function voteCeiling(rows: readonly AttendanceRow[], members: readonly Member[]): { ceiling: number; duBi: number } {
  const p = presentByKind(rows, members);
  return { ceiling: p.chinhThuc + p.unknown, duBi: p.duBi };
}
