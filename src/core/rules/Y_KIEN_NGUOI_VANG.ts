// An opinion (Ý kiến) from a member whom Điểm danh marks absent (Vắng có lý do / Vắng không
// lý do) at the same topic: the biên bản would have an absent member speak. Names are
// compared as personKey ("đ/c" dropped, case and tone-mark placement ignored).
// Decision: an opinion whose content says it was sent in writing ("bằng văn bản") is how a
// cell records an absent member's written opinion, and is not reported. Rows of topics that
// are all cancelled are skipped, as for the other Điểm danh rules; the finding points at the
// Ý kiến row, column `Người phát biểu`.
import { absentRowOf, isWrittenOpinion } from "../check/attendance";
import { personName } from "../check/facts";
import type { RuleContext, RuleMeta } from "./context";
import { onlyCancelled, topicByStt } from "./context";

export const meta: RuleMeta = {
  code: "Y_KIEN_NGUOI_VANG",
  severity: "warning",
  description: "Ý kiến phát biểu của đảng viên được điểm danh là vắng",
  source: "09-HD/ĐUK §2.2a–b (điểm danh; đảng viên dự họp phát biểu)",
};

export function check(context: RuleContext): void {
  const opinions = context.book.opinions;
  if (!opinions) return;
  for (const row of opinions.rows) {
    if (row.topicStt === null || row.speaker.trim() === "" || onlyCancelled(context, row.topicStt)) continue;
    const absent = absentRowOf(context.attendanceByStt.get(row.topicStt), row.speaker);
    if (!absent || isWrittenOpinion(row.content)) continue;
    const how = absent.status === "absentWithReason" ? "vắng có lý do" : "vắng không lý do";
    context.report({
      sheet: opinions.sheet,
      row: row.row,
      column: "Người phát biểu",
      message:
        `Ý kiến của đồng chí ${personName(row.speaker)} tại ${topicByStt(context, row.topicStt)}, nhưng Điểm danh ghi đồng chí ${how}. ` +
        `Nếu đồng chí có mặt, sửa Tình trạng ở Điểm danh thành "Có mặt"; nếu đồng chí gửi ý kiến bằng văn bản, ghi rõ "gửi ý kiến bằng văn bản" trong nội dung ý kiến.`,
    });
  }
}
