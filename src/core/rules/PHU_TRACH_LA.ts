// A name in `Người phụ trách` that is not on the Đảng viên list (only when that list
// has at least one name). Names are compared with compareKey (case-insensitive, old
// and new tone-mark placement equal, diacritics count). One finding per row naming
// every unknown name once.
import { nameKey } from "../check/facts";
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "PHU_TRACH_LA",
  severity: "warning",
  description: "Người phụ trách không có trong danh sách đảng viên",
  source: "09-HD/ĐUK §2.1",
};

export function check(context: RuleContext): void {
  const members = context.memberKeys;
  if (!members || !context.hasColumn("Người phụ trách")) return;
  const sheet = context.book.members?.sheet ?? "Đảng viên";
  for (const f of context.active) {
    const unknown: string[] = [];
    const seen = new Set<string>();
    for (const name of f.topic.assignees) {
      const key = nameKey(name);
      if (key === "" || members.has(key) || seen.has(key)) continue;
      seen.add(key);
      unknown.push(name.trim());
    }
    if (unknown.length === 0) continue;
    const names = unknown.map((n) => `"${n}"`).join(", ");
    context.report({
      row: f.row,
      column: "Người phụ trách",
      message:
        `${topicLabel(f)}: người phụ trách ${names} không có trong danh sách đảng viên (trang ${sheet}). ` +
        `Sửa cách viết tên cho đúng danh sách hoặc bổ sung đảng viên vào trang ${sheet}.`,
    });
  }
}
