// `Ngày thông qua` ≥ M: the draft must be approved before the meeting day (the same
// day is too late). Applies whenever both dates exist, held or not.
import { compareDates } from "../read/dates";
import type { RuleContext, RuleMeta } from "./context";
import { afterMeeting, fmt, topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "THONG_QUA_MUON",
  severity: "error",
  description: "Đề dẫn được thông qua đúng hoặc sau ngày sinh hoạt",
  source: "09-HD/ĐUK §2.1",
};

export function check(context: RuleContext): void {
  for (const f of context.active) {
    const approved = f.topic.approvedOn.value;
    if (!approved || !f.meeting || compareDates(approved, f.meeting) < 0) continue;
    context.report({
      row: f.row,
      column: "Ngày thông qua",
      message:
        `${topicLabel(f)} thông qua đề dẫn ngày ${fmt(approved)}, ${afterMeeting(approved, f.meeting)}. ` +
        `Dự thảo đề dẫn phải được chi ủy (hoặc bí thư) thông qua trước ngày sinh hoạt; kiểm tra lại cột Ngày thông qua.`,
    });
  }
}
