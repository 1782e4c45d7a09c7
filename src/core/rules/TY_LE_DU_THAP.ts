// A held topic with attendance rows: `Có mặt` rows ÷ (rows − `Miễn sinh hoạt` rows)
// below `Tỷ lệ dự tối thiểu`. Rows with an empty or unknown Tình trạng stay in the
// denominator (they are members not marked present). No finding when the
// denominator is 0 (everyone exempt).
// Decision: column null — the rate is computed from Điểm danh, there is no register
// cell holding it; the finding points at the topic's register row.
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "TY_LE_DU_THAP",
  severity: "warning",
  description: "Tỷ lệ đảng viên dự sinh hoạt thấp hơn mức tối thiểu",
  source: "HD 12-HD/BTCTW quality criteria",
};

/** 0.846 → "84,6%"; 0.85 → "85%" (rounded down so a rate below the bar never reads as equal). */
export function formatPercent(rate: number, roundDown = false): string {
  const tenths = roundDown ? Math.floor(rate * 1000 + 1e-9) : Math.round(rate * 1000);
  const text = (tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1).replace(".", ",");
  return `${text}%`;
}

export function check(context: RuleContext): void {
  const min = context.thresholds.minAttendanceRate;
  for (const f of context.active) {
    if (!f.held || f.topic.stt === null) continue;
    const rows = context.attendanceByStt.get(f.topic.stt);
    if (!rows || rows.length === 0) continue;
    let present = 0;
    let exempt = 0;
    for (const r of rows) {
      if (r.status === "present") present++;
      else if (r.status === "exempt") exempt++;
    }
    const expected = rows.length - exempt;
    if (expected === 0) continue;
    const rate = present / expected;
    // A small tolerance so that 17/20 is not "below" 85% through rounding.
    if (rate >= min - 1e-9) continue;
    context.report({
      row: f.row,
      column: null,
      message:
        `${topicLabel(f)} có ${present}/${expected} đảng viên dự (${formatPercent(rate, true)}), ` +
        `dưới mức tối thiểu ${formatPercent(min)} (tiêu chí chất lượng sinh hoạt theo HD 12-HD/BTCTW). Kiểm tra lại điểm danh; chi bộ cần đôn đốc đảng viên dự sinh hoạt đầy đủ.`,
    });
  }
}
