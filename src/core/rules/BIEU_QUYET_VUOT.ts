// A typed vote count (Biên bản, `Biểu quyết`) above the chính thức members present at that
// meeting: đảng viên dự bị have every right of a member except voting (Điều lệ Đảng, Điều 3),
// and the absent do not vote. The ceiling is those marked `Có mặt` in Điểm danh less those
// the Đảng viên list marks Dự bị; a present member the list does not know (or lists without
// Loại) is counted as chính thức, so the warning never fires on a guess.
// Silent when the cell records no count ("Nhất trí cao"), when the topic has no attendance
// rows, or when its STT belongs only to cancelled topics. The finding points at the Biên bản
// row, column `Biểu quyết`.
import { voteCeiling } from "../check/attendance";
import { voteCount } from "../read/vote";
import type { RuleContext, RuleMeta } from "./context";
import { onlyCancelled, topicByStt } from "./context";

export const meta: RuleMeta = {
  code: "BIEU_QUYET_VUOT",
  severity: "warning",
  description: "Số biểu quyết nhiều hơn số đảng viên chính thức có mặt",
  source: "Điều lệ Đảng, Điều 3 (đảng viên dự bị không biểu quyết)",
};

export function check(context: RuleContext): void {
  const minutes = context.book.minutes;
  if (!minutes) return;
  const members = context.book.members?.rows ?? [];
  for (const row of minutes.rows) {
    if (row.topicStt === null || onlyCancelled(context, row.topicStt)) continue;
    const votes = voteCount(row.vote);
    const rows = context.attendanceByStt.get(row.topicStt);
    if (votes === null || !rows || rows.length === 0) continue;
    const { ceiling, duBi: presentDuBi } = voteCeiling(rows, members);
    if (votes <= ceiling) continue;
    const duBi = presentDuBi > 0 ? ` (${presentDuBi} đảng viên dự bị có mặt không biểu quyết)` : "";
    context.report({
      sheet: minutes.sheet,
      row: row.row,
      column: "Biểu quyết",
      message:
        `Biên bản ${topicByStt(context, row.topicStt)} ghi biểu quyết "${row.vote}": ${votes} phiếu, nhiều hơn ${ceiling} đảng viên chính thức có mặt${duBi}. ` +
        `Chỉ đảng viên chính thức có mặt biểu quyết (Điều lệ Đảng, Điều 3): sửa lại, ví dụ "${ceiling}/${ceiling} đảng viên chính thức có mặt tán thành".`,
    });
  }
}
