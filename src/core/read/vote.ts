// The number of votes a typed `Biểu quyết` cell records (SPEC §3.5: free text such as
// "12/12 tán thành"), for BIEU_QUYET_VUOT. Secretaries write it several ways:
//   "12/12 tán thành", "12/12 đảng viên có mặt tán thành"        → 12 (the larger side)
//   "10 tán thành, 1 không tán thành", "10 phiếu nhất trí"        → 11, 10
//   "Tán thành: 10; không tán thành: 0; ý kiến khác: 1"           → 11
//   "100% tán thành", "Nhất trí cao", ""                          → null (no count written)
// Only numbers written next to a vote word count, so "lần 2" or "Điều 3" are not votes.
// No backtracking pattern is run over the cell: one short regular expression for "a/b",
// then a walk over the words.
import { normalizeKey } from "./cellText";

/** Words that may stand between a number and its vote word ("10 phiếu", "10 đảng viên
 *  chính thức có mặt", "10 đồng chí"). */
const FILLER = new Set(["phieu", "dang", "vien", "chinh", "thuc", "du", "bi", "nguoi", "co", "mat", "dc", "d", "c", "tren", "tong", "so"]);

/** Length in words of the vote word starting at tokens[i] (0 when there is none). */
function voteWordAt(tokens: readonly string[], i: number): number {
  const [t, n1, n2] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if ((t === "tan" && n1 === "thanh") || (t === "nhat" && n1 === "tri") || (t === "dong" && n1 === "y") || (t === "phan" && n1 === "doi")) {
    return 2;
  }
  if (t === "y" && n1 === "kien" && n2 === "khac") return 3;
  if (t === "khong") {
    if (n1 === "bieu" && n2 === "quyet") return 3;
    const inner = voteWordAt(tokens, i + 1);
    return inner > 0 ? 1 + inner : 0;
  }
  return 0;
}

function isNumber(t: string | undefined): boolean {
  return t !== undefined && /^\d{1,6}$/.test(t);
}

/** A vote word follows the number at i, maybe after a few filler words. */
function voteAfter(tokens: readonly string[], i: number): boolean {
  let j = i + 1;
  for (let skipped = 0; skipped <= 6 && j < tokens.length; skipped++) {
    if (voteWordAt(tokens, j) > 0) return true;
    if (tokens[j] === "dong" && tokens[j + 1] === "chi") j += 2;
    else if (FILLER.has(tokens[j])) j++;
    else return false;
  }
  return false;
}

/** A vote word ends right before the number at i ("tán thành: 10"). */
function voteBefore(tokens: readonly string[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const len = voteWordAt(tokens, k);
    if (len > 0 && k + len === i) return true;
  }
  return false;
}

/** The total number of votes written in `text`, or null when it records no count. */
export function voteCount(text: string): number | null {
  const slash = /(\d{1,6})\s*\/\s*(\d{1,6})/.exec(text);
  if (slash) return Math.max(Number(slash[1]), Number(slash[2]));
  // "100% tán thành" is a share, not a count.
  const tokens = normalizeKey(text.replace(/\d+(?:[.,]\d+)?\s*%/g, " ")).split(" ");
  let total = 0;
  let found = false;
  for (let i = 0; i < tokens.length; i++) {
    if (!isNumber(tokens[i])) continue;
    if (voteAfter(tokens, i) || voteBefore(tokens, i)) {
      total += Number(tokens[i]);
      found = true;
    }
  }
  return found ? total : null;
}
