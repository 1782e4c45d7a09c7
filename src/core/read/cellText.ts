// Cell text (SPEC §3.7): cleaning, blank and error cells, the keys names and phrases are
// compared by, and the phrase tables the enumerations are looked up in. Split out of
// values.ts, which re-exports the public functions.
import { formatDate, localDateFromJsDate } from "./dates";
import type { CellValue } from "../shared/types";

// ---------------------------------------------------------------------------------
// Text

/** Zero-width characters that sneak in from the web and Word; never meaningful here. */
const ZERO_WIDTH_RE = /[\u200b-\u200d\u2060\ufeff]/g;
/** \s covers spaces, tabs, newlines, NBSP (U+00A0), U+2000–U+200A, U+3000 … */
const WHITESPACE_RUN_RE = /\s+/g;
/** Anything cleanText would change apart from NFC: odd spaces, runs, ends, zero-widths. */
const NEEDS_CLEANING_RE = /[^\S ]| {2}|^ | $|[\u200b-\u200d\u2060\ufeff]/;
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const NON_ASCII_RE = /[^\x00-\x7f]/;

/** Trim + NFC + collapse whitespace runs to one space. */
export function cleanText(s: string): string {
  if (!NEEDS_CLEANING_RE.test(s)) return NON_ASCII_RE.test(s) ? s.normalize("NFC") : s;
  return s.normalize("NFC").replace(ZERO_WIDTH_RE, "").replace(WHITESPACE_RUN_RE, " ").trim();
}

/** Free text a document prints (Kết luận, Nhiệm vụ giao, an opinion…): like cleanText
 *  within each line, but the line breaks the secretary typed (Alt+Enter) stay, so the
 *  document shows them; empty lines at either end are dropped. Never used for matching. */
export function cleanMultilineText(s: string): string {
  if (!/[\n\r\u2028\u2029]/.test(s)) return cleanText(s);
  const lines = s.split(/\r\n|[\n\r\u2028\u2029]/).map(cleanText);
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === "") start++;
  while (end > start && lines[end - 1] === "") end--;
  return lines.slice(start, end).join("\n");
}

/** Registers repeat the same few strings (statuses, names) thousands of times: remember
 *  recent results. Bounded so a huge workbook cannot grow it without limit. */
export function memo<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    // Long text (notes) is rarely repeated and would make the cache heavy.
    if (s.length > 200) return f(s);
    let r = cache.get(s);
    if (r === undefined && !cache.has(s)) {
      r = f(s);
      if (cache.size >= 20000) cache.clear();
      cache.set(s, r);
    }
    return r as T;
  };
}

function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (!Number.isFinite(n)) return String(n);
  // Excel keeps 15 significant digits: 0.1+0.2 shows as 0.3.
  return String(parseFloat(n.toPrecision(15)));
}

/** Any cell value as trimmed NFC text with whitespace collapsed. Numbers as JS prints
 *  them (15 significant digits), Dates dd/mm/yyyy (UTC fields), booleans TRUE/FALSE. */
/** cellText keeping the line breaks typed in a text cell (cleanMultilineText). */
export function cellMultilineText(v: CellValue): string {
  return typeof v === "string" ? cleanMultilineText(v) : cellText(v);
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  switch (typeof v) {
    case "string":
      return cleanText(v);
    case "number":
      return numberText(v);
    case "boolean":
      return v ? "TRUE" : "FALSE";
    default:
      if (v instanceof Date) {
        return Number.isNaN(v.getTime()) ? "" : formatDate(localDateFromJsDate(v));
      }
      return cleanText(String(v));
  }
}

const BLANK_RE = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

/** null, undefined, "" or only (any kind of) spaces. */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return BLANK_RE.test(v);
  return false;
}

/** The codes Excel shows for a failed formula; adapters pass them on as this text. */
const EXCEL_ERROR_RE =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

/** An Excel error value (#N/A, #REF!, #VALUE!…): what a broken formula shows, never content. */
export function isExcelError(v: CellValue): boolean {
  return typeof v === "string" && v.length <= 14 && v.charCodeAt(0) === 35 /* # */ && EXCEL_ERROR_RE.test(v.trim());
}

const COMBINING_MARKS_RE = /[\u0300-\u036f]/g;
const NON_ALNUM_RUN_RE = /[^\p{L}\p{N}]+/gu;
const D_STROKE_RE = /đ/g;

/** Header/key form (SPEC §3.6): NFC, lower case, no diacritics (đ→d), every run of
 *  non-letters/digits → one space, trimmed. "Ngày sinh hoạt (dự kiến)" → "ngay sinh hoat du kien". */
export function normalizeKey(s: string): string {
  return typeof s === "string" ? normalizeKeyMemo(s) : computeNormalizeKey(cellText(s));
}
const normalizeKeyMemo = memo(computeNormalizeKey);
function computeNormalizeKey(s: string): string {
  let t = s.toLowerCase();
  if (NON_ASCII_RE.test(t)) {
    t = t.normalize("NFD").replace(COMBINING_MARKS_RE, "").replace(D_STROKE_RE, "d");
  }
  return t.replace(NON_ALNUM_RUN_RE, " ").trim();
}

// Old ("hòa", "thủy") and new ("hoà", "thuỷ") tone placement. The key uses the new
// placement: the tone moves from o/u to the following a, e or y.
const TONE_PLACEMENT_RE = /[òóỏõọ][ae]|[ùúủũụ]y/g;
const TONE_PLACEMENT: Record<string, string> = (() => {
  const tones = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
  const out: Record<string, string> = {};
  for (const t of tones) {
    for (const [first, second] of [
      ["o", "a"],
      ["o", "e"],
      ["u", "y"],
    ]) {
      out[(first + t).normalize("NFC") + second] = first + (second + t).normalize("NFC");
    }
  }
  return out;
})();

/** Comparison key for text (SPEC §3.7): cleaned, lower case, old/new tone placement
 *  unified. Diacritics still count: compareKey("Hà") ≠ compareKey("Ha"). */
export function compareKey(s: string): string {
  return typeof s === "string" ? compareKeyMemo(s) : computeCompareKey(cellText(s));
}
const compareKeyMemo = memo(computeCompareKey);
function computeCompareKey(s: string): string {
  const t = cleanText(s).toLowerCase();
  if (!NON_ASCII_RE.test(t)) return t;
  return t.replace(TONE_PLACEMENT_RE, (m) => TONE_PLACEMENT[m] ?? m);
}

/** compareKey without punctuation: brackets, dashes, dots, colons → spaces. Used to match
 *  short enumerated phrases ("Vắng (có lý do)" = "vắng có lý do"). */
const PHRASE_PUNCT_RE = /[^\p{L}\p{N}]+/gu;
function phraseKey(v: CellValue): string {
  const k = compareKey(typeof v === "string" ? v : cellText(v));
  const p = k.replace(PHRASE_PUNCT_RE, " ").trim();
  // A symbol on its own ("✓") is its own key.
  return p === "" ? k : p;
}

/** Builds a phrase lookup. Each phrase is matched as a whole (after phraseKey); text
 *  typed entirely without diacritics ("Da sinh hoat") is matched against the same phrases
 *  with their diacritics removed. Throws at load time if two meanings collide there. */
interface PhraseTable<T> {
  exact: Map<string, T>;
  ascii: Map<string, T>;
  /** Memoised lookup of raw cell text. */
  lookup: (raw: string) => T | null;
}

export function phraseTable<T>(entries: ReadonlyArray<readonly [T, readonly string[]]>): PhraseTable<T> {
  const exact = new Map<string, T>();
  const ascii = new Map<string, T>();
  for (const [value, phrases] of entries) {
    for (const p of phrases) {
      exact.set(phraseKey(p), value);
      const a = normalizeKey(p);
      const prev = ascii.get(a);
      if (prev !== undefined && prev !== value) throw new Error(`phrase collision: ${a}`);
      ascii.set(a, value);
    }
  }
  const table: PhraseTable<T> = { exact, ascii, lookup: () => null };
  table.lookup = memo((raw) => lookupText(table, raw));
  return table;
}

/** Without a trailing note in brackets: "Hoãn (sang quý III)" → "Hoãn"; null when there is none. */
function withoutTrailingNote(raw: string): string | null {
  const t = cleanText(raw);
  if (!t.endsWith(")")) return null;
  const open = t.lastIndexOf("(");
  if (open <= 0 || t.indexOf(")") < open) return null;
  return t.slice(0, open);
}

export function lookupPhrase<T>(table: PhraseTable<T>, v: CellValue): T | null {
  if (v === null || v === undefined) return null;
  return table.lookup(typeof v === "string" ? v : cellText(v));
}

function lookupText<T>(table: PhraseTable<T>, raw: string): T | null {
  const key = phraseKey(raw);
  if (key === "") return null;
  let hit = table.exact.get(key);
  if (hit !== undefined) return hit;
  if (!NON_ASCII_RE.test(key)) {
    hit = table.ascii.get(normalizeKey(key));
    if (hit !== undefined) return hit;
  }
  // Retry once without a trailing bracketed note.
  const stripped = withoutTrailingNote(raw);
  if (stripped !== null && stripped.trim() !== "") return lookupText(table, stripped);
  return null;
}
