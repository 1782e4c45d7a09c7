// A non-empty cell of a register date column that does not parse; one per cell,
// on cancelled topics and on untitled data rows too. Every other rule treats that cell as empty.
import { REGISTER_DATE_COLUMNS } from "../shared/types";
import type { DateCell, RegisterDateColumn, Topic } from "../shared/types";
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "NGAY_KHONG_HOP_LE",
  severity: "error",
  description: "Ô ngày không đọc được thành ngày hợp lệ",
  source: "register integrity",
};

/** The date cells of a topic in REGISTER_DATE_COLUMNS order. */
function dateCells(t: Topic): readonly DateCell[] {
  return [t.approvedOn, t.draftSentOn, t.meetingOn, t.finalSentOn, t.reportedOn];
}

export function check(context: RuleContext): void {
  for (const f of context.topics) {
    const t = f.topic;
    if (!(t.approvedOn.invalid || t.draftSentOn.invalid || t.meetingOn.invalid || t.finalSentOn.invalid || t.reportedOn.invalid)) {
      continue;
    }
    const cells = dateCells(t);
    for (let i = 0; i < REGISTER_DATE_COLUMNS.length; i++) {
      const column: RegisterDateColumn = REGISTER_DATE_COLUMNS[i];
      const cell = cells[i];
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
  // Rows with data but no title (THIEU_TEN) are still register rows: their bad dates count.
  for (const bad of context.register.untitledInvalidDates ?? []) {
    context.report({
      row: bad.row,
      column: bad.column,
      message:
        `Dòng ${bad.row} (chưa có tên chuyên đề): "${bad.text}" ở cột ${bad.column} không phải là ngày hợp lệ. ` +
        `Ghi ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2024.`,
    });
  }
}
