// M exists and its year is not the register year Y.
import type { RuleContext, RuleMeta } from "./context";
import { fmt, topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "NGOAI_NAM",
  severity: "warning",
  description: "Ngày sinh hoạt không thuộc năm của sổ",
  source: "register integrity",
};

export function check(context: RuleContext): void {
  for (const f of context.active) {
    if (!f.meeting || f.meeting.year === context.year) continue;
    context.report({
      row: f.row,
      column: "Ngày sinh hoạt",
      message:
        `${topicLabel(f)} có ngày sinh hoạt ${fmt(f.meeting)}, không thuộc năm ${context.year} của sổ. ` +
        `Kiểm tra lại năm trong cột Ngày sinh hoạt, hoặc chuyển chuyên đề sang sổ năm ${f.meeting.year}.`,
    });
  }
}
