// The status says held but `Ngày sinh hoạt` is empty (or unparsable). The topic still
// counts as held in its Quý quarter (facts.ts). Silent when the column is missing.
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "DA_SINH_HOAT_THIEU_NGAY",
  severity: "error",
  description: "Trạng thái đã sinh hoạt nhưng chưa có ngày sinh hoạt",
  source: "register integrity",
};

export function check(context: RuleContext): void {
  if (!context.hasColumn("Ngày sinh hoạt")) return;
  for (const f of context.active) {
    if (f.topic.status !== "held" || f.meeting) continue;
    context.report({
      row: f.row,
      column: "Ngày sinh hoạt",
      message:
        `${topicLabel(f)} ghi trạng thái đã sinh hoạt nhưng chưa có ngày sinh hoạt. ` +
        `Ghi ngày tổ chức buổi sinh hoạt vào cột Ngày sinh hoạt.`,
    });
  }
}
