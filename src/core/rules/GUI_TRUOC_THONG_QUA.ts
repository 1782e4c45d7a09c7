// `Ngày gửi dự thảo` < `Ngày thông qua`: the draft went out before it was approved.
// Same day is allowed (approved in the morning, sent in the afternoon).
import { compareDates } from "../read/dates";
import type { RuleContext, RuleMeta } from "./context";
import { fmt, topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "GUI_TRUOC_THONG_QUA",
  severity: "error",
  description: "Dự thảo gửi đảng viên trước khi được thông qua",
  source: "09-HD/ĐUK §2.1",
};

export function check(context: RuleContext): void {
  for (const f of context.active) {
    const sent = f.topic.draftSentOn.value;
    const approved = f.topic.approvedOn.value;
    if (!sent || !approved || compareDates(sent, approved) >= 0) continue;
    context.report({
      row: f.row,
      column: "Ngày gửi dự thảo",
      message:
        `${topicLabel(f)} gửi dự thảo ngày ${fmt(sent)}, trước ngày thông qua ${fmt(approved)}. ` +
        `Chỉ gửi dự thảo cho đảng viên sau khi chi ủy (hoặc bí thư) thông qua; kiểm tra lại cột Ngày gửi dự thảo và Ngày thông qua.`,
    });
  }
}
