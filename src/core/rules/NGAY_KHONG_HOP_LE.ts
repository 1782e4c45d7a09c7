// A non-empty cell of a register date column that does not parse; one per cell,
// on cancelled topics too. Every other rule treats that cell as empty.
import { REGISTER_DATE_COLUMNS } from "../types";
import type { DateCell, RegisterDateColumn, Topic } from "../types";
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "NGAY_KHONG_HOP_LE",
  severity: "error",
  description: "Ô ngày không đọc được thành ngày hợp lệ",
  source: "register integrity",
};

const FIELD: Record<RegisterDateColumn, keyof Topic> = {
  "Ngày thông qua": "approvedOn",
  "Ngày gửi dự thảo": "draftSentOn",
  "Ngày sinh hoạt": "meetingOn",
  "Ngày gửi bản hoàn thiện": "finalSentOn",
  "Ngày báo cáo cấp trên": "reportedOn",
};

export function check(context: RuleContext): void {
  for (const f of context.topics) {
    for (const column of REGISTER_DATE_COLUMNS) {
      const cell = f.topic[FIELD[column]] as DateCell;
      if (!cell.invalid) continue;
      context.report({
        row: f.row,
        column,
        message:
          `${topicLabel(f)}: "${cell.text}" ở cột ${column} không phải là ngày hợp lệ. ` +
          `Ghi ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2024.`,
      });
    }
  }
}
