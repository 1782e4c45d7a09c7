// Only when the workbook has an attendance table (book.attendance non-null): a held
// topic with no attendance row carrying its STT.
// Decisions: column null — the finding is about rows missing from Điểm danh, not
// about a register cell, so it points at the topic's row only (the pane selects
// the row). A held topic with no STT cannot be matched with any attendance row, so
// it is reported too, asking for its STT.
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "THIEU_DIEM_DANH",
  severity: "warning",
  description: "Chuyên đề đã sinh hoạt nhưng chưa có điểm danh",
  source: "09-HD/ĐUK §2.2a (attendance)",
};

export function check(context: RuleContext): void {
  const attendance = context.book.attendance;
  if (!attendance) return;
  for (const f of context.active) {
    if (!f.held) continue;
    const stt = f.topic.stt;
    if (stt !== null && context.attendanceByStt.has(stt)) continue;
    context.report({
      row: f.row,
      column: null,
      message:
        stt === null
          ? `${topicLabel(f)} đã sinh hoạt nhưng chưa có STT nên không ghép được với điểm danh. ` +
            `Ghi STT cho chuyên đề và ghi điểm danh buổi sinh hoạt vào trang ${attendance.sheet} với STT đó.`
          : `${topicLabel(f)} đã sinh hoạt nhưng trang ${attendance.sheet} chưa có dòng nào có STT chuyên đề ${stt}. ` +
            `Ghi điểm danh buổi sinh hoạt (mỗi đảng viên một dòng) vào trang ${attendance.sheet}.`,
    });
  }
}
