// "One voice" (issue 12): what a chi bộ secretary reads must not show the program's
// insides. voiceProblems lists what is wrong with one text a user reads (a finding's
// message, an error, a notice, a help line); [] when it reads as it should.
//
// English is found without a dictionary: a word written without diacritics that
// cannot be a Vietnamese syllable ("sheet", "file", "busy", "rename") is English (or
// an internal name). Vietnamese syllables are an optional initial consonant, a vowel
// group and an optional final consonant; in plain ASCII the groups are few.

const INITIAL = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?";
// ASCII forms of the vowel groups (iê → ie, ươ → uo, uyê → uye…), longest first.
const VOWELS =
  "(?:oai|oay|oao|oeo|uya|uyu|uay|uye|ieu|yeu|uoi|uou|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)";
const FINAL = "(?:ch|ng|nh|c|m|n|p|t)?";
const SYLLABLE = new RegExp(`^${INITIAL}${VOWELS}${FINAL}$`);

/** Short English words that happen to look like Vietnamese syllables. */
const ENGLISH_LOOKALIKES = new Set([
  "the",
  "is",
  "it",
  "of",
  "at",
  "by",
  "and",
  "but",
  "for",
  "get",
  "set",
  "not",
  "or",
  "yes",
  "no",
  "ok",
]);

/** Names a secretary knows as they are. */
const PRODUCT_NAMES = new Set([
  "excel",
  "word",
  "powerpoint",
  "opendocument",
  "windows",
  "mac",
  "libreoffice",
  "microsoft",
  "office",
  "unicode",
  "unikey",
  "javascript",
  "web",
  "email",
  "zalo",
  // Font names of the old encodings (.VnTime, VNI-Times) and the keys Enter/Esc, as printed on them.
  "vntime",
  "times",
  "enter",
  "esc",
  // A unit everyone reads on a file's size.
  "byte",
  // Loanword the guidance itself uses (09-HD/ĐUK §1.1: "trên internet, mạng xã hội").
  "internet",
  // Names a Vietnamese Excel itself shows (PivotTable, macro), a key as printed on it, and
  // the millisecond unit of the self-test's timings.
  "pivottable",
  "macro",
  "ctrl",
  "alt",
  "ms",
]);

export interface VoiceOptions {
  /** The text may be shown in the pane (or Excel): no command names there. */
  pane?: boolean;
  /** Extra words allowed in this text (option values, command names in CLI help). */
  allow?: readonly string[];
}

/** The ASCII words of `text` that cannot be Vietnamese. */
export function foreignWords(text: string, allow: readonly string[] = []): string[] {
  const allowed = new Set(allow.map((w) => w.toLowerCase()));
  const out: string[] = [];
  // Drop what is not prose: options (--ghi-de, -o), file names and extensions
  // (a.xlsx, .docx), placeholders (${…} left as {}), paths.
  // What is quoted is the user's own text (a topic title, a cell's content).
  const prose = text
    .replace(/"[^"]*"|“[^”]*”/g, " ")
    .replace(/\{\}/g, " ")
    .replace(/(^|\s|\()--?[a-z][a-z0-9-]*(=\S*)?/gi, " ")
    .replace(/\S*\.(xlsx|xlsm|xlsb|xls|docx|doc|ods|odt|json|html|pdf|csv)\b/gi, " ")
    .replace(/\S*[/\\]\S*/g, " ");
  for (const token of prose.split(/[^\p{L}\p{N}]+/u)) {
    if (token === "" || /\d/.test(token)) continue;
    // Words with Vietnamese letters are Vietnamese; ALL-CAPS words are abbreviations
    // (HD, STT, BTCTW, TCVN3) or placeholders (FILE, YYYY).
    if (/[^\x00-\x7f]/.test(token) || token === token.toUpperCase()) continue;
    const word = token.toLowerCase();
    if (PRODUCT_NAMES.has(word) || allowed.has(word)) continue;
    if (ENGLISH_LOOKALIKES.has(word) || !SYLLABLE.test(word)) out.push(token);
  }
  return out;
}

export function voiceProblems(text: string, options: VoiceOptions = {}): string[] {
  const problems: string[] = [];
  if (/\btbl[A-Z]/.test(text)) problems.push("names a table (tbl…)");
  if (/\bE[A-Z]{2,}:|\b(EBUSY|ENOENT|EACCES|EPERM|EROFS|ENOSPC|EEXIST|EISDIR|ENOTDIR|EXDEV)\b/.test(text)) {
    problems.push("shows a system error code");
  }
  if (options.pane && /\bchuyende\s+(?:[a-z-]+|<|\[)/.test(text)) problems.push("names a command of the command line in the pane");
  if (/chi ủy(?! \(hoặc bí thư\)| hoặc bí thư)[^.;]*thông qua|thông qua[^.;]*chi ủy(?! \(hoặc bí thư\)| hoặc bí thư)/.test(text)) {
    problems.push('says "chi ủy" alone where Guidance 09 §2.1 allows "chi ủy hoặc bí thư"');
  }
  if (/không trước ngày sinh hoạt/.test(text)) problems.push('"không trước ngày sinh hoạt" (say "sau ngày sinh hoạt")');
  if (/\bsheet\b/i.test(text)) problems.push('"sheet" (the product says "trang")');
  if (text !== text.normalize("NFC")) problems.push("not NFC");
  const foreign = foreignWords(text, options.allow);
  if (foreign.length > 0) problems.push(`English or internal words: ${foreign.join(", ")}`);
  return problems;
}
