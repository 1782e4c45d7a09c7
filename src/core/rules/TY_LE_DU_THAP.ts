// A held topic with attendance rows: `Có mặt` rows ÷ (rows − `Miễn sinh hoạt` rows)
// below `Tỷ lệ dự tối thiểu`. Rows with an empty or unknown Tình trạng stay in the
// denominator (they are members not marked present). No finding when the
// denominator is 0 (everyone exempt).
// Decision: column null — the rate is computed from Điểm danh, there is no register
// cell holding it; the finding points at the topic's register row.
import { turnoutOf } from "../check/attendance";
import { isBelow, percentText, thresholdText } from "../shared/percent";
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "TY_LE_DU_THAP",
  severity: "warning",
  description: "Tỷ lệ đảng viên dự sinh hoạt thấp hơn mức tối thiểu",
  source: "HD 12-HD/BTCTW quality criteria",
};

export function check(context: RuleContext): void {
  const min = context.thresholds.minAttendanceRate;
  for (const f of context.active) {
    if (!f.held || f.topic.stt === null) continue;
    const t = turnoutOf(context.attendanceByStt.get(f.topic.stt));
    if (!t || t.expected === 0) continue;
    // The exact fraction decides (17/20 is not below 85 %); the text only reports it.
    if (!isBelow(t.present, t.expected, min)) continue;
    context.report({
      row: f.row,
      column: null,
      message:
        `${topicLabel(f)} có ${t.present}/${t.expected} đảng viên dự (${percentText(t.present, t.expected, min)}), ` +
        `dưới mức tối thiểu ${thresholdText(min)} (tiêu chí chất lượng sinh hoạt theo HD 12-HD/BTCTW). Kiểm tra lại điểm danh; chi bộ cần đôn đốc đảng viên dự sinh hoạt đầy đủ.`,
    });
  }
}
