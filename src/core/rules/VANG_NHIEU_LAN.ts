// A member `Vắng không lý do` at ≥2 distinct held topics of year Y (attendance rows
// joined to topics by STT; a row counts when its STT belongs to a held topic of
// year Y). Members are told apart by personKey of their name (prefix đ/c dropped). One finding per
// member, on the Điểm danh row (in row order) where the second distinct topic is
// reached, column `Họ và tên`.
import { personKey, personName } from "../check/facts";
import type { RuleContext, RuleMeta } from "./context";

export const meta: RuleMeta = {
  code: "VANG_NHIEU_LAN",
  severity: "warning",
  description: "Đảng viên vắng không lý do từ hai buổi sinh hoạt chuyên đề trở lên trong năm",
  source: "QĐ 294-QĐ/TW (ex QĐ 24): members who skip meetings without reason",
};

interface Absence {
  row: number;
  name: string;
  key: string;
  stt: number;
}

export function check(context: RuleContext): void {
  const attendance = context.book.attendance;
  if (!attendance) return;
  const countedStt = new Map<number, boolean>();
  const counted = (stt: number): boolean => {
    let ok = countedStt.get(stt);
    if (ok === undefined) {
      ok = (context.topicsByStt.get(stt) ?? []).some((t) => t.held && t.year === context.year);
      countedStt.set(stt, ok);
    }
    return ok;
  };
  const absences: Absence[] = [];
  for (const r of attendance.rows) {
    if (r.status !== "absentWithoutReason" || r.topicStt === null || !counted(r.topicStt)) continue;
    const key = personKey(r.name);
    if (key === "") continue;
    absences.push({ row: r.row, name: r.name, key, stt: r.topicStt });
  }
  absences.sort((a, b) => a.row - b.row);

  // Every distinct topic per member first (for the count in the message), then the
  // row where the second one is reached.
  const topicsOf = new Map<string, Set<number>>();
  for (const a of absences) {
    const set = topicsOf.get(a.key);
    if (set) set.add(a.stt);
    else topicsOf.set(a.key, new Set([a.stt]));
  }
  const firstStt = new Map<string, number>();
  const reported = new Set<string>();
  for (const a of absences) {
    if (reported.has(a.key)) continue;
    const first = firstStt.get(a.key);
    if (first === undefined) {
      firstStt.set(a.key, a.stt);
      continue;
    }
    if (first === a.stt) continue;
    reported.add(a.key);
    const total = topicsOf.get(a.key)?.size ?? 2;
    context.report({
      sheet: attendance.sheet,
      row: a.row,
      column: "Họ và tên",
      message:
        `Đồng chí ${personName(a.name)} vắng không lý do ${total} buổi sinh hoạt chuyên đề trong năm ${context.year}. ` +
        `Chi bộ cần gặp gỡ, nhắc nhở và xem xét theo Quy định 294-QĐ/TW về đảng viên bỏ sinh hoạt không có lý do.`,
    });
  }
}
