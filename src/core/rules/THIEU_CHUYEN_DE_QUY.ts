// ≥1 thematic meeting per quarter. A quarter that has ended by D (its last day ≤ D)
// needs a held topic of year Y in it (error); a quarter still running or to come
// needs at least a non-cancelled topic of year Y planned in it (warning).
// A topic's quarter and year come from facts.ts (quarter of M, else its Quý; year
// of M, else Y), so a held status without a date counts in its Quý quarter. The error is
// the quarter verdict "Chưa đạt" of check/verdicts.ts, the one every output states.
import { formatQuarter } from "../read/dates";
import type { RuleContext, RuleMeta } from "./context";

export const meta: RuleMeta = {
  code: "THIEU_CHUYEN_DE_QUY",
  severity: ["error", "warning"],
  description: "Quý không có chuyên đề (đã hết quý: chưa sinh hoạt; chưa hết quý: chưa có kế hoạch)",
  source: "09-HD/ĐUK preamble (≥1/quarter)",
};

export function check(context: RuleContext): void {
  for (const v of context.verdicts.quarters) {
    const { quarter: q, planned } = v;
    const name = formatQuarter(q, context.year);
    if (v.kind === "notMet") {
      context.report({
        severity: "error",
        row: null,
        column: null,
        quarter: q,
        message:
          planned > 0
            ? `${name} đã kết thúc nhưng chi bộ chưa sinh hoạt chuyên đề nào (chuyên đề đã lên kế hoạch chưa được tổ chức). ` +
              `Tổ chức sinh hoạt chuyên đề bù; nếu đã sinh hoạt, ghi ngày vào cột Ngày sinh hoạt và Trạng thái "Đã sinh hoạt".`
            : `${name} đã kết thúc nhưng chi bộ chưa sinh hoạt chuyên đề nào. ` +
              `Tổ chức sinh hoạt chuyên đề bù; nếu đã sinh hoạt, ghi chuyên đề vào sổ với Ngày sinh hoạt.`,
      });
    } else if (v.kind === "notDue" && planned === 0) {
      context.report({
        severity: "warning",
        row: null,
        column: null,
        quarter: q,
        message:
          `${name} chưa có chuyên đề nào trong kế hoạch. ` +
          `Thêm ít nhất một chuyên đề cho quý này (ghi Quý hoặc Ngày sinh hoạt dự kiến).`,
      });
    }
  }
}
