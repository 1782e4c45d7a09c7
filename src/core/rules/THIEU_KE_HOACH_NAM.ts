// At least `Số chuyên đề tối thiểu/năm` (default 4) non-cancelled topics of year Y.
// A topic's year is the year of M, else Y (an undated topic belongs to the register year).
import type { RuleContext, RuleMeta } from "./context";

export const meta: RuleMeta = {
  code: "THIEU_KE_HOACH_NAM",
  severity: "error",
  description: "Kế hoạch năm có ít chuyên đề hơn mức tối thiểu",
  source: "09-HD/ĐUK §2.1 (≥04 topics/year)",
};

export function check(context: RuleContext): void {
  const min = context.thresholds.minTopicsPerYear;
  const count = context.active.filter((f) => f.year === context.year).length;
  if (count >= min) return;
  context.report({
    row: null,
    column: null,
    message:
      `Năm ${context.year} mới có ${count} chuyên đề (không tính chuyên đề hoãn, hủy), ` +
      `ít hơn mức tối thiểu ${min} chuyên đề/năm. Bổ sung chuyên đề vào kế hoạch năm, mỗi quý ít nhất một chuyên đề.`,
  });
}
