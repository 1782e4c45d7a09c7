// `Ngày gửi bản hoàn thiện` or `Ngày báo cáo cấp trên` before M: the finished topic
// can only exist after the meeting. One finding per offending column (the column is
// the offending one); the same day as the meeting is allowed.
import { compareDates } from "../read/dates";
import type { RegisterColumn } from "../shared/types";
import type { RuleContext, RuleMeta } from "./context";
import { fmt, topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "HOAN_THIEN_TRUOC_SINH_HOAT",
  severity: "error",
  description: "Gửi bản hoàn thiện hoặc báo cáo cấp trên trước ngày sinh hoạt",
  source: "09-HD/ĐUK §2.2c",
};

const CHECKS: ReadonlyArray<{ column: RegisterColumn; field: "finalSentOn" | "reportedOn"; what: string }> = [
  { column: "Ngày gửi bản hoàn thiện", field: "finalSentOn", what: "gửi bản hoàn thiện" },
  { column: "Ngày báo cáo cấp trên", field: "reportedOn", what: "báo cáo cấp trên" },
];

export function check(context: RuleContext): void {
  for (const f of context.active) {
    if (!f.meeting) continue;
    for (const { column, field, what } of CHECKS) {
      const date = f.topic[field].value;
      if (!date || compareDates(date, f.meeting) >= 0) continue;
      context.report({
        row: f.row,
        column,
        message:
          `${topicLabel(f)} có ngày ${what} ${fmt(date)}, trước ngày sinh hoạt ${fmt(f.meeting)}. ` +
          `Chuyên đề chỉ được hoàn thiện và báo cáo sau buổi sinh hoạt; kiểm tra lại cột ${column}.`,
      });
    }
  }
}
