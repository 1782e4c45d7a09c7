// Cell values → meaning (SPEC §3.7). Every parser accepts any CellValue and never throws:
// secretaries type what they type, and a wrong cell must become a finding, not a crash.
// Regexes and lookup tables are built once at module load; the check calls these
// functions tens of thousands of times per workbook.
import { excelSerialToDate, formatDate, isValidDate, localDateFromJsDate } from "./dates";
import type { AttendanceStatus, CellValue, DateCell, MeetingFormat, Quarter, SimpleDate, TimeOfDay, TopicStatus } from "../shared/types";
import { cellText, cleanText, compareKey, isBlank, lookupPhrase, memo, phraseTable } from "./cellText";

export { cellMultilineText, cellText, cleanMultilineText, cleanText, compareKey, isBlank, isExcelError, normalizeKey } from "./cellText";

// ---------------------------------------------------------------------------------
// Dates

// Optional time written after (or before) a date: "8:00", "08h00", "8 giờ 30 phút", "14g30", "8:00 SA".
const TIME_TEXT = String.raw`(?:lúc\s*)?\d{1,2}\s*(?::\s*\d{1,2}(?::\d{1,2}(?:\.\d+)?)?|(?:h|g|giờ)(?:\s*\d{1,2})?(?:\s*(?:phút|p|'))?)(?:\s*(?:am|pm|sa|ch))?`;
const DMY_RE = new RegExp(
  String.raw`^(?:${TIME_TEXT}\s*,?\s*)?(?:ngày\s*)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?:\s*(?:,|t|\s)\s*${TIME_TEXT})?$`,
);
const YMD_RE = new RegExp(
  String.raw`^(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:\s*(?:,|t|\s)\s*${TIME_TEXT}(?:z|[+-]\d{2}:?\d{2})?)?$`,
);
const VN_LONG_RE = new RegExp(
  String.raw`^(?:${TIME_TEXT}\s*,?\s*)?(?:[^\d,]{1,60},\s*)?ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})\s*\.?(?:\s*(?:,|lúc|\s)\s*${TIME_TEXT})?$`,
);

const DIGIT_RE = /\d/;
const PLAIN_DMY_RE = /^(\d{1,2})\/(\d{1,2})\/([1-9]\d{3})$/;
const PLAIN_VN_LONG_RE = /^ngày ?(\d{1,2}) ?tháng ?(\d{1,2}) ?năm ?([1-9]\d{3})$/;
const UNACCENTED_WORDS: Record<string, string> = {
  ngay: "ngày",
  thang: "tháng",
  nam: "năm",
  gio: "giờ",
  phut: "phút",
  luc: "lúc",
};
const UNACCENTED_WORD_RE = /\b(?:ngay|thang|nam|gio|phut|luc)\b/g;

function dateOf(year: number, month: number, day: number): SimpleDate | null {
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/** Text date, day first. null when it is not one of the accepted forms or not a real day. */
function parseDateText(text: string): SimpleDate | null {
  const d = parseDateTextMemo(text);
  // A copy: callers may keep and change it.
  return d && { year: d.year, month: d.month, day: d.day };
}
const parseDateTextMemo = memo(computeDateText);

function computeDateText(text: string): SimpleDate | null {
  // The everyday forms first, without the general patterns' cost.
  const plain = PLAIN_DMY_RE.exec(text);
  if (plain) return dateOf(+plain[3], +plain[2], +plain[1]);
  // A date needs a digit; most non-date text stops here.
  if (!DIGIT_RE.test(text)) return null;
  let t = text.toLowerCase();
  const long = PLAIN_VN_LONG_RE.exec(t);
  if (long) return dateOf(+long[3], +long[2], +long[1]);
  // The long form typed without diacritics ("ngay 5 thang 2 nam 2021") is the same form.
  t = t.replace(UNACCENTED_WORD_RE, (w) => UNACCENTED_WORDS[w]);
  let m = DMY_RE.exec(t);
  if (m) {
    const yearText = m[4];
    const year = yearText.length === 2 ? 2000 + +yearText : +yearText;
    if (yearText.length === 4 && year < 1000) return null;
    return dateOf(year, +m[3], +m[1]);
  }
  m = YMD_RE.exec(t);
  if (m) {
    const year = +m[1];
    if (year < 1000) return null;
    return dateOf(year, +m[3], +m[4]);
  }
  m = VN_LONG_RE.exec(t);
  if (m) {
    const year = +m[3];
    if (year < 1000) return null;
    return dateOf(year, +m[2], +m[1]);
  }
  return null;
}

/** A date cell: what was there and what it means (SPEC §3.7). Numbers are Excel serials
 *  (a time part is ignored; ≤ 0 is not a date); digits typed as text ("44232") are not. */
export function parseDateCell(v: CellValue, date1904 = false): DateCell {
  if (isBlank(v)) return { text: "", value: null, invalid: false };
  if (typeof v === "number") {
    const value = v > 0 ? excelSerialToDate(v, date1904) : null;
    return value ? { text: formatDate(value), value, invalid: false } : { text: cellText(v), value: null, invalid: true };
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { text: "", value: null, invalid: true };
    const d = localDateFromJsDate(v);
    const value = isValidDate(d.year, d.month, d.day) ? d : null;
    return { text: formatDate(d), value, invalid: value === null };
  }
  const text = cellText(v);
  if (typeof v !== "string") return { text, value: null, invalid: true };
  const value = text === "" ? null : parseDateText(text);
  return { text, value, invalid: value === null };
}

/** The date of a cell, or null when empty or not a date. */
export function parseDate(v: CellValue, date1904 = false): SimpleDate | null {
  return parseDateCell(v, date1904).value;
}

// ---------------------------------------------------------------------------------
// Times

const TIME_RE =
  /^(?:lúc\s*)?(\d{1,2})\s*(?::\s*(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?|(?:h|g|giờ)(?:\s*(\d{1,2}))?(?:\s*(?:phút|p|'))?)?(?:\s*(am|pm|sa|ch))?$/;
/** A date written before the time: "05/02/2021 8:00", "2021-02-05T08:00". */
const LEADING_DATE_RE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})(?:\s*,\s*|\s+|t)/;

function timeOfDayFraction(serial: number): TimeOfDay | null {
  // Round to the second (as Excel shows it), then drop the seconds like an h:mm format.
  const seconds = Math.round((serial - Math.floor(serial)) * 86400);
  return Math.floor(seconds / 60) % 1440;
}

/** Minutes after midnight. Text "8:00", "08h00", "8h", "8h30", "8 giờ 30", "14g30",
 *  "2:30 PM"/"2:30 CH"; a number in [0,1) is an Excel time, a whole number 0–23 is an
 *  hour typed as a number, any other number is a date-time serial (its time is used);
 *  Dates give their UTC hours and minutes. Out of range (25:00, 8:75) → null. */
export function parseTime(v: CellValue): TimeOfDay | null {
  if (v === null || v === undefined || typeof v === "boolean") return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 0) return null;
    if (Number.isInteger(v) && v <= 23) return v * 60;
    return timeOfDayFraction(v);
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return v.getUTCHours() * 60 + v.getUTCMinutes();
  }
  let t = cellText(v).toLowerCase();
  if (t === "") return null;
  t = t.replace(UNACCENTED_WORD_RE, (w) => UNACCENTED_WORDS[w]);
  const lead = LEADING_DATE_RE.exec(t);
  if (lead) t = t.slice(lead[0].length).trim();
  const m = TIME_RE.exec(t);
  if (!m) return null;
  let hours = +m[1];
  const minutes = m[2] !== undefined ? +m[2] : m[4] !== undefined ? +m[4] : 0;
  const seconds = m[3] !== undefined ? +m[3] : 0;
  const ampm = m[5];
  if (ampm) {
    if (hours < 1 || hours > 12) return null;
    const pm = ampm === "pm" || ampm === "ch";
    if (hours === 12) hours = pm ? 12 : 0;
    else if (pm) hours += 12;
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return hours * 60 + minutes;
}

// ---------------------------------------------------------------------------------
// Quarter

const QUARTER_ROMAN: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4 };
const QUARTER_RE =
  /^(?:quý|quí|quy|qui|q)?\s*\.?\s*(0?[1-4]|iv|iii|ii|i)\s*(?:(?:\/|-|,|năm|nam|\s)\s*(?:năm\s*|nam\s*)?(?:\d{4}|\d{2}))?\s*\.?$/;

/** 1–4 (number or text), I–IV, "Quý I", "Quý 2", "Q3", "Quý IV/2021", "quý 1 năm 2021"
 *  (the year is ignored). Anything else → null. */
export function parseQuarter(v: CellValue): Quarter | null {
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= 1 && v <= 4 ? (v as Quarter) : null;
  }
  if (typeof v !== "string") return null;
  const t = cleanText(v).toLowerCase();
  if (t === "") return null;
  const m = QUARTER_RE.exec(t);
  if (!m) return null;
  const g = m[1];
  const roman = QUARTER_ROMAN[g];
  if (roman !== undefined) return roman;
  return +g as Quarter;
}

// ---------------------------------------------------------------------------------
// Enumerations

const STATUS_TABLE = phraseTable<TopicStatus>([
  [
    "held",
    [
      "Đã sinh hoạt",
      "Đã tổ chức",
      "Hoàn thành",
      "Đã hoàn thành",
      "Đã thực hiện",
      "Đã sinh hoạt chuyên đề",
      "Đã tổ chức sinh hoạt",
      "Đã SH",
    ],
  ],
  [
    "planned",
    [
      "Dự kiến",
      "Kế hoạch",
      "Theo kế hoạch",
      "Chưa",
      "Chưa sinh hoạt",
      "Chưa tổ chức",
      "Chưa thực hiện",
      "Chưa SH",
      "Đang chuẩn bị",
      "Sắp tới",
    ],
  ],
  ["postponed", ["Hoãn", "Tạm hoãn", "Đã hoãn", "Hoãn lại", "Lùi lại"]],
  ["cancelled", ["Hủy", "Đã hủy", "Hủy bỏ", "Đã hủy bỏ", "Bỏ", "Không tổ chức"]],
]);

/** Trạng thái (SPEC §3.7) → held / planned / postponed / cancelled; anything else null. */
export function parseStatus(v: CellValue): TopicStatus | null {
  if (typeof v !== "string") return null;
  return lookupPhrase(STATUS_TABLE, v);
}

const YES_NO_TABLE = phraseTable<boolean>([
  [true, ["Có", "x", "TRUE", "1", "✓", "✔", "Yes", "Đúng", "Rồi"]],
  [false, ["Không", "FALSE", "0", "No", "Sai", "Chưa"]],
]);

/** Yes: Có, x, TRUE/true, 1, ✓. Everything else (Không, empty, FALSE, 0, other text) → no. */
export function parseYesNo(v: CellValue): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1;
  if (v instanceof Date || isBlank(v)) return false;
  return lookupPhrase(YES_NO_TABLE, v) === true;
}

/** The explicit yes/no meaning of a cell: true, false, or null when neither. */
export function yesNoOrNull(v: CellValue): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== "string") return null;
  return lookupPhrase(YES_NO_TABLE, v);
}

const FORMAT_TABLE = phraseTable<MeetingFormat>([
  ["rieng", ["Riêng", "Sinh hoạt riêng", "Riêng biệt", "Tổ chức riêng", "Độc lập", "Chuyên đề riêng"]],
  [
    "longGhep",
    [
      "Lồng ghép",
      "Lồng ghép với sinh hoạt thường kỳ",
      "Lồng ghép sinh hoạt thường kỳ",
      "Lồng ghép với SH thường kỳ",
      "Lồng ghép SH thường kỳ",
      "Kết hợp",
      "Kết hợp sinh hoạt thường kỳ",
      "Kết hợp với sinh hoạt thường kỳ",
    ],
  ],
]);
const LONG_GHEP_PREFIX_RE = /^(?:lồng ghép|long ghep)\b/;

/** Hình thức: Riêng → rieng, Lồng ghép (and "Lồng ghép với …") → longGhep. A yes/no
 *  value (a "Lồng ghép" column of Có/x) → longGhep for yes, rieng for an explicit no. */
export function parseFormat(v: CellValue): MeetingFormat | null {
  if (isBlank(v) || v instanceof Date) return null;
  const hit = typeof v === "string" ? lookupPhrase(FORMAT_TABLE, v) : null;
  if (hit) return hit;
  if (typeof v === "string" && LONG_GHEP_PREFIX_RE.test(compareKey(v))) return "longGhep";
  const yn = yesNoOrNull(v);
  return yn === null ? null : yn ? "longGhep" : "rieng";
}

const ATTENDANCE_TABLE = phraseTable<AttendanceStatus>([
  ["present", ["Có mặt", "Có", "x", "✓", "✔", "Dự", "Tham dự", "Có tham dự", "Hiện diện", "Đi"]],
  [
    "absentWithReason",
    [
      "Vắng có lý do",
      "Vắng có lí do",
      "Vắng CLD",
      "V CLD",
      "VCLD",
      "CLD",
      "Có lý do",
      "Có lí do",
      "Vắng có phép",
      "Có phép",
      "Nghỉ có lý do",
      "Nghỉ có phép",
    ],
  ],
  [
    "absentWithoutReason",
    [
      "Vắng không lý do",
      "Vắng không lí do",
      "Vắng KLD",
      "V KLD",
      "VKLD",
      "KLD",
      "Không lý do",
      "Không lí do",
      "Vắng không phép",
      "Không phép",
      "Nghỉ không lý do",
      "Nghỉ không phép",
    ],
  ],
  [
    "exempt",
    [
      "Miễn sinh hoạt",
      "Miễn SH",
      "Miễn",
      "Được miễn sinh hoạt",
      "Được miễn",
      "Miễn công tác và sinh hoạt",
      "Miễn công tác và sinh hoạt đảng",
      "Miễn sinh hoạt đảng",
    ],
  ],
]);

/** Tình trạng of an attendance row. Plain "Vắng" (no reason said) → null: the row is
 *  neither present nor known to be without reason. */
export function parseAttendanceStatus(v: CellValue): AttendanceStatus | null {
  if (typeof v === "boolean") return v ? "present" : null;
  if (typeof v !== "string") return null;
  return lookupPhrase(ATTENDANCE_TABLE, v);
}

const MEMBER_KIND_TABLE = phraseTable<"chinhThuc" | "duBi">([
  ["chinhThuc", ["Chính thức", "Đảng viên chính thức", "ĐVCT", "CT"]],
  ["duBi", ["Dự bị", "Đảng viên dự bị", "ĐVDB", "DB"]],
]);

/** Loại: Chính thức / Dự bị. */
export function parseMemberKind(v: CellValue): "chinhThuc" | "duBi" | null {
  if (typeof v !== "string") return null;
  return lookupPhrase(MEMBER_KIND_TABLE, v);
}

// ---------------------------------------------------------------------------------
// Names

/** Applied to one line with its whitespace already collapsed (so no runaway backtracking). */
const NAME_SPLIT_RE = /[,;]| và /iu;
/** Leading "đ/c", "Đ/c.", "đồng chí", "d/c", bullets "-", "•", numbering "1.", "2)". */
const NAME_PREFIX_RE = /^(?:[-–—•+*·]\s*|\d{1,3}\s*[.)]\s+)?(?:(?:đ|d)\s*\/\s*c\.?:?\s*|đ\.\s*c\.?:?\s+|(?:đồng chí|dong chi)\.?:?\s+)?/iu;
// eslint-disable-next-line no-control-regex -- vertical tab is how Word and Excel store a manual line break
const LINE_BREAK_RE = /\r\n?|\u2028|\u2029|\u000b/g;

/** Người phụ trách → names: split on , ; newline and " và "; each without a leading
 *  đ/c or đồng chí; cleaned (NFC, trimmed, collapsed); empties dropped. */
export function parseNames(v: CellValue): string[] {
  if (isBlank(v)) return [];
  if (typeof v !== "string") {
    const t = cellText(v);
    return t ? [t] : [];
  }
  // A copy: callers may keep and change the list.
  return parseNamesMemo(v).slice();
}
const parseNamesMemo = memo(computeNames);
function computeNames(v: string): string[] {
  // Split on newlines before whitespace is collapsed: a newline separates names.
  const out: string[] = [];
  for (const line of v.replace(LINE_BREAK_RE, "\n").split("\n")) {
    for (const part of cleanText(line).split(NAME_SPLIT_RE)) {
      const name = cleanText(cleanText(part).replace(NAME_PREFIX_RE, ""));
      if (name !== "") out.push(name);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Numbers

const NUMBER_TEXT_RE = /^([+-]?)(\d+)(?:[.,](\d+))?\.?$/;

/** A number: numeric cells as they are; text "12", "12,5", "12.5", "1." (STT with a dot).
 *  Everything else (booleans, dates, other text) → null. */
export function parseNumber(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const t = cleanText(v);
  if (t === "") return null;
  const m = NUMBER_TEXT_RE.exec(t);
  if (!m) return null;
  const n = Number(m[1] + m[2] + (m[3] !== undefined ? "." + m[3] : ""));
  return Number.isFinite(n) ? n : null;
}

const PERCENT_TEXT_RE = /^(\d+(?:[.,]\d+)?)\s*%$/;

/** A rate as a fraction 0..1: 0.85, 85 (number or text), "85%", "85,5%". Values that are
 *  no rate (negative, above 100%) → null. */
export function parsePercent(v: CellValue): number | null {
  let n: number | null;
  if (typeof v === "string") {
    const t = cleanText(v);
    const m = PERCENT_TEXT_RE.exec(t);
    if (m) {
      n = Number(m[1].replace(",", ".")) / 100;
      return n >= 0 && n <= 1 ? n : null;
    }
    n = parseNumber(t);
  } else {
    n = parseNumber(v);
  }
  if (n === null || n < 0) return null;
  if (n <= 1) return n;
  if (n <= 100) return n / 100;
  return null;
}

// ---------------------------------------------------------------------------------
// Legacy encodings

/** Characters of real Vietnamese Unicode outside Latin-1: their presence means Unicode text. */
const VIETNAMESE_UNICODE_RE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;
const LATIN1_RE = /[\u00a0-\u00ff\u2212]/;
/** TCVN3 (ABC, .VnTime fonts) puts ă â ê ô ơ ư đ and most toned a's in bytes 0xA1–0xBF,
 *  which Latin-1 shows as symbols (¸ µ ¶ · ¹ ¨ © « ¬ ­ ® §). "−" is how ư often comes out.
 *  Counted only inside a word (letter or legacy character on both sides) or starting a
 *  word, so "ABC®", "© 2021" and «quotes» are not taken for TCVN3. */
const TCVN3_INNER_RE = /(?<=[A-Za-z\u00a1-\u00ff\u2212])[\u00a1-\u00bf\u2212](?=[A-Za-z\u00a1-\u00ff\u2212])/g;
const TCVN3_START_RE = /(?<![A-Za-z\u00a1-\u00ff\u2212])[\u00a1-\u00aa\u00ac-\u00bf\u2212](?=[A-Za-z\u00a1-\u00ff])/g;
/** VNI writes a base letter followed by a mark letter: "aø" (à), "aû" (ả), "eã" (ễ),
 *  "aê" (ă). Unicode Vietnamese never has a/e directly followed by an accented letter.
 *  Plus letters Vietnamese never uses, inside a word (Ñ = Đ, ö = ư, ä = dot + circumflex). */
const VNI_PAIR_RE = /[aeAE][âáàåãäêéèúüëøùûõïÂÁÀÅÃÄÊÉÈÚÜËØÙÛÕÏ]/g;
const VNI_LETTER_RE = /(?:(?<=[A-Za-z])[ñÑöÖäÄåÅøØûÛïÏëËæÆ]|[ñÑöÖ](?=[A-Za-z\u00c0-\u00ff]))/g;

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
}

/** Text typed with a legacy Vietnamese font encoding and read as Latin-1: "TCVN3" for
 *  TCVN3/ABC ("Chi bé Tr−êng"), "VNI" for VNI ("Ñaûng boä"), null for Unicode or ASCII. */
export function detectLegacyEncoding(text: string): "TCVN3" | "VNI" | null {
  if (typeof text !== "string" || !LATIN1_RE.test(text)) return null;
  if (VIETNAMESE_UNICODE_RE.test(text)) return null;
  const tcvn3 = countMatches(TCVN3_INNER_RE, text) + countMatches(TCVN3_START_RE, text);
  if (tcvn3 > 0) return "TCVN3";
  const vni = countMatches(VNI_PAIR_RE, text) + countMatches(VNI_LETTER_RE, text);
  return vni > 0 ? "VNI" : null;
}
