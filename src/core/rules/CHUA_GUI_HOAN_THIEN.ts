// A held topic without `Ngày gửi bản hoàn thiện`. Silent when the column is missing.
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "CHUA_GUI_HOAN_THIEN",
  severity: "warning",
  description: "Đã sinh hoạt nhưng chưa gửi bản hoàn thiện",
  source: "09-HD/ĐUK §2.2c",
};

export function check(context: RuleContext): void {
  if (!context.hasColumn("Ngày gửi bản hoàn thiện")) return;
  for (const f of context.active) {
    if (!f.held || f.topic.finalSentOn.value) continue;
    context.report({
      row: f.row,
      column: "Ngày gửi bản hoàn thiện",
      message:
        `${topicLabel(f)} đã sinh hoạt nhưng chưa gửi bản hoàn thiện. ` +
        `Hoàn thiện chuyên đề theo ý kiến đóng góp, gửi đảng viên và ghi ngày vào cột Ngày gửi bản hoàn thiện.`,
    });
  }
}
