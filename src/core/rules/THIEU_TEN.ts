// A register row with data but no `Tên chuyên đề` (the reader lists them in
// register.untitledRows; footer rows after the last titled row are not there).
// Reported whatever the row's status.
import type { RuleContext, RuleMeta } from "./context";

export const meta: RuleMeta = {
  code: "THIEU_TEN",
  severity: "warning",
  description: "Dòng có dữ liệu nhưng không có tên chuyên đề",
  source: "register integrity",
};

export function check(context: RuleContext): void {
  for (const row of context.register.untitledRows) {
    context.report({
      row,
      column: "Tên chuyên đề",
      message:
        `Dòng ${row} có dữ liệu nhưng không có tên chuyên đề nên không được tính. ` +
        `Ghi tên vào cột Tên chuyên đề, hoặc xóa dữ liệu thừa ở dòng này.`,
    });
  }
}
