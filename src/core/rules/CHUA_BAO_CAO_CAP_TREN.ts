// A held topic without `Ngày báo cáo cấp trên`. Silent when the column is missing.
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "CHUA_BAO_CAO_CAP_TREN",
  severity: "warning",
  description: "Đã sinh hoạt nhưng chưa báo cáo cấp trên",
  source: "09-HD/ĐUK §2.2c",
};

export function check(context: RuleContext): void {
  if (!context.hasColumn("Ngày báo cáo cấp trên")) return;
  for (const f of context.active) {
    if (!f.held || f.topic.reportedOn.value) continue;
    context.report({
      row: f.row,
      column: "Ngày báo cáo cấp trên",
      message:
        `${topicLabel(f)} đã sinh hoạt nhưng chưa báo cáo cấp trên. ` +
        `Gửi chuyên đề đã hoàn thiện lên cấp ủy cấp trên và ghi ngày vào cột Ngày báo cáo cấp trên.`,
    });
  }
}
