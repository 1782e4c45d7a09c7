// `Ngày gửi dự thảo` ≥ M: the draft must reach members before the meeting day (HD 42:
// at least one day before), so sending on the day itself is late.
import { compareDates } from "../read/dates";
import type { RuleContext, RuleMeta } from "./context";
import { afterMeeting, fmt, topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "GUI_DU_THAO_MUON",
  severity: "error",
  description: "Dự thảo gửi đảng viên đúng hoặc sau ngày sinh hoạt",
  source: "09-HD/ĐUK §2.1; HD 42 (≥1 day)",
};

export function check(context: RuleContext): void {
  for (const f of context.active) {
    const sent = f.topic.draftSentOn.value;
    if (!sent || !f.meeting || compareDates(sent, f.meeting) < 0) continue;
    context.report({
      row: f.row,
      column: "Ngày gửi dự thảo",
      message:
        `${topicLabel(f)} gửi dự thảo ngày ${fmt(sent)}, ${afterMeeting(sent, f.meeting)}. ` +
        `Theo HD 42-HD/BTCTW, dự thảo phải đến đảng viên ít nhất một ngày trước buổi sinh hoạt; kiểm tra lại cột Ngày gửi dự thảo.`,
    });
  }
}
