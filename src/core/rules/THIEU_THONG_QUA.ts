// A held topic without `Ngày thông qua` (an unparsable date counts as empty).
// Silent when the register has no such column.
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "THIEU_THONG_QUA",
  severity: "error",
  description: "Đã sinh hoạt nhưng chưa có ngày thông qua đề dẫn",
  source: "09-HD/ĐUK §2.1 (approved before)",
};

export function check(context: RuleContext): void {
  if (!context.hasColumn("Ngày thông qua")) return;
  for (const f of context.active) {
    if (!f.held || f.topic.approvedOn.value) continue;
    context.report({
      row: f.row,
      column: "Ngày thông qua",
      message:
        `${topicLabel(f)} đã sinh hoạt nhưng chưa có ngày thông qua đề dẫn. ` +
        `Ghi ngày chi ủy (hoặc bí thư) thông qua dự thảo đề dẫn vào cột Ngày thông qua.`,
    });
  }
}
