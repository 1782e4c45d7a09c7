// `Người phụ trách` empty on a non-cancelled topic. Silent when the register has no
// such column (THIEU_COT reports it once instead).
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "THIEU_PHU_TRACH",
  severity: "error",
  description: "Chuyên đề chưa phân công người phụ trách",
  source: "09-HD/ĐUK §2.1 (assign members)",
};

export function check(context: RuleContext): void {
  if (!context.hasColumn("Người phụ trách")) return;
  for (const f of context.active) {
    if (f.topic.assignees.length > 0) continue;
    context.report({
      row: f.row,
      column: "Người phụ trách",
      message: `${topicLabel(f)} chưa có người phụ trách. ` + `Phân công đảng viên chuẩn bị đề dẫn và ghi tên vào cột Người phụ trách.`,
    });
  }
}
