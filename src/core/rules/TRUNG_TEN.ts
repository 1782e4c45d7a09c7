// Same title (compareKey: case-insensitive, tone-mark placement unified, diacritics
// count) as an earlier non-cancelled topic of the same year (facts year: year of M,
// else Y). Every later duplicate row gets one finding naming the first row.
import { nameKey } from "../check/facts";
import type { RuleContext, RuleMeta } from "./context";
import { topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "TRUNG_TEN",
  severity: "warning",
  description: "Tên chuyên đề trùng với một chuyên đề trước trong cùng năm",
  source: "register integrity",
};

export function check(context: RuleContext): void {
  const first = new Map<string, number>();
  for (const f of context.active) {
    const key = `${f.year}\u0000${nameKey(f.topic.title)}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, f.row);
      continue;
    }
    context.report({
      row: f.row,
      column: "Tên chuyên đề",
      message:
        `${topicLabel(f)} trùng tên với chuyên đề ở dòng ${earlier} trong năm ${f.year}. ` +
        `Xóa dòng trùng hoặc sửa tên chuyên đề cho khác.`,
    });
  }
}
