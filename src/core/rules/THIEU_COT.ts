// The register lacks one of the six columns the per-row rules need; one finding per
// column, row null, column = its name, on the register's sheet. The rules about that
// column stay silent.
import { CHECKED_COLUMNS } from "../check/facts";
import type { RuleContext, RuleMeta } from "./context";

export const meta: RuleMeta = {
  code: "THIEU_COT",
  severity: "warning",
  description: "Sổ thiếu một cột cần cho việc kiểm tra",
  source: "register integrity",
};

export function check(context: RuleContext): void {
  for (const column of CHECKED_COLUMNS) {
    if (context.hasColumn(column)) continue;
    context.report({
      row: null,
      column,
      message:
        `Sổ chuyên đề (trang "${context.register.sheet}") không có cột ${column} nên các nội dung liên quan chưa được kiểm tra. ` +
        `Thêm cột "${column}" vào dòng tiêu đề (dòng ${context.register.headerRow}), hoặc dùng Chuyển đổi để tạo sổ theo mẫu.`,
    });
  }
}
