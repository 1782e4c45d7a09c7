// M exists, `Quý` is filled and they differ. The date wins for counting (facts.ts).
import { quarterOf, romanQuarter } from "../read/dates";
import type { RuleContext, RuleMeta } from "./context";
import { fmt, topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "SAI_QUY",
  severity: "warning",
  description: "Cột Quý không khớp với ngày sinh hoạt",
  source: "register integrity",
};

export function check(context: RuleContext): void {
  for (const f of context.active) {
    const written = f.topic.quarterValue;
    if (!f.meeting || written === null) continue;
    const actual = quarterOf(f.meeting);
    if (actual === written) continue;
    context.report({
      row: f.row,
      column: "Quý",
      message:
        `${topicLabel(f)} ghi Quý ${romanQuarter(written)} nhưng ngày sinh hoạt ${fmt(f.meeting)} thuộc Quý ${romanQuarter(actual)}. ` +
        `Sửa cột Quý hoặc cột Ngày sinh hoạt cho khớp.`,
    });
  }
}
