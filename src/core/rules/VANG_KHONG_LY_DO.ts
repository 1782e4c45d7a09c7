// An attendance row marked `Vắng không lý do`; it points at that row of Điểm danh,
// column `Tình trạng`.
// Decision: rows whose STT belongs only to cancelled (Hủy/Hoãn) topics are skipped —
// cancelled topics are out of every rule, and so is the attendance taken for them.
// Rows with no STT, or an STT not in the register, are still reported.
import type { RuleContext, RuleMeta } from "./context";
import { onlyCancelled, topicByStt } from "./context";
import { personName } from "../check/facts";

export const meta: RuleMeta = {
  code: "VANG_KHONG_LY_DO",
  severity: "warning",
  description: "Đảng viên vắng không lý do",
  source: "09-HD/ĐUK §2.2a",
};

export function check(context: RuleContext): void {
  const attendance = context.book.attendance;
  if (!attendance) return;
  for (const row of attendance.rows) {
    if (row.status !== "absentWithoutReason" || onlyCancelled(context, row.topicStt)) continue;
    const who = row.name ? `Đồng chí ${personName(row.name)}` : "Một đảng viên (chưa ghi tên)";
    context.report({
      sheet: attendance.sheet,
      row: row.row,
      column: "Tình trạng",
      message:
        `${who} vắng không lý do tại ${topicByStt(context, row.topicStt)}. ` +
        `Nếu đồng chí có lý do, sửa Tình trạng thành "Vắng có lý do" và ghi vào cột Lý do; nếu không, chi bộ nhắc nhở đảng viên.`,
    });
  }
}
