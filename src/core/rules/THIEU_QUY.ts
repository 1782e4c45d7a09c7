// No M and no `Quý` value: the topic belongs to no quarter, so it counts for none.
// Decision: this rule is about `Quý` (its column), so it keeps firing when the
// register has no Quý column (the sample register has none) and also when it has
// no Ngày sinh hoạt column — the topic really has no quarter either way.
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "THIEU_QUY",
  severity: "warning",
  description: "Chuyên đề chưa có ngày sinh hoạt và chưa ghi quý",
  source: "register integrity",
};

export function check(context: RuleContext): void {
  for (const f of context.active) {
    if (f.meeting || f.topic.quarterValue !== null) continue;
    context.report({
      row: f.row,
      column: "Quý",
      message:
        `${topicLabel(f)} chưa có ngày sinh hoạt và chưa ghi quý nên không được tính vào quý nào. ` +
        `Ghi quý dự kiến vào cột Quý hoặc ngày dự kiến vào cột Ngày sinh hoạt.`,
    });
  }
}
