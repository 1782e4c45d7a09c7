// Two topic rows with one STT. Điểm danh, Biên bản and Ý kiến name their topic by STT, so
// a repeated STT leaves their rows belonging to either topic (and de-dan/bien-ban refuse
// it). Every topic row counts, whatever its status or year: a cancelled row with the same
// STT is just as ambiguous. The later rows are reported, naming the first.
import type { RuleContext, RuleMeta } from "./context";
import { shortTitle, topicLabel } from "./context";

export const meta: RuleMeta = {
  code: "TRUNG_STT",
  severity: "error",
  description: "Hai dòng chuyên đề cùng một STT",
  source: "register integrity",
};

export function check(context: RuleContext): void {
  for (const [stt, topics] of context.topicsByStt) {
    const [first, ...later] = topics;
    for (const f of later) {
      context.report({
        row: f.row,
        column: "STT",
        message:
          `${topicLabel(f)} trùng STT ${stt} với chuyên đề "${shortTitle(first.topic.title)}" ở dòng ${first.row}. ` +
          `Điểm danh, biên bản và ý kiến ghi theo STT nên không biết thuộc chuyên đề nào: đánh lại STT cho mỗi chuyên đề một số riêng, ` +
          `rồi sửa STT chuyên đề ở các trang Điểm danh, Biên bản, Ý kiến cho khớp.`,
      });
    }
  }
}
