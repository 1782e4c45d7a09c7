// A held topic without `Ngày gửi dự thảo` (an unparsable date counts as empty).
// Silent when the register has no such column.
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "THIEU_GUI_DU_THAO",
  severity: "error",
  description: "Đã sinh hoạt nhưng chưa có ngày gửi dự thảo cho đảng viên",
  source: "09-HD/ĐUK §2.1 (sent before)",
};

export function check(context: RuleContext): void {
  if (!context.hasColumn("Ngày gửi dự thảo")) return;
  for (const f of context.active) {
    if (!f.held || f.topic.draftSentOn.value) continue;
    context.report({
      row: f.row,
      column: "Ngày gửi dự thảo",
      message:
        `${topicLabel(f)} đã sinh hoạt nhưng chưa có ngày gửi dự thảo đề dẫn cho đảng viên. ` +
        `Ghi ngày gửi dự thảo vào cột Ngày gửi dự thảo.`,
    });
  }
}
