// The one sanitiser for text written into .xlsx and .docx files: XML 1.0 forbids some
// characters outright (a file holding them is refused by Excel, Word and LibreOffice),
// and a register's cells may carry them (pasted text, other tools' output).

/** What XML 1.0 forbids: C0 controls except tab, line feed and carriage return; U+FFFE,
 *  U+FFFF; and UTF-16 surrogates that are not part of a pair. */
/* eslint-disable no-control-regex -- the control characters XML 1.0 forbids are what is matched */
const FORBIDDEN_RE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const QUICK_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
/* eslint-enable no-control-regex */

/** `s` without the characters XML 1.0 forbids (removed, not replaced: they never mean
 *  anything a reader would see). Returns `s` itself when there is nothing to remove. */
export function xmlSafeText(s: string): string {
  return QUICK_RE.test(s) ? s.replace(FORBIDDEN_RE, "") : s;
}

/** True when `s` holds a character XML 1.0 forbids. */
export function hasXmlForbidden(s: string): boolean {
  return QUICK_RE.test(s) && s.replace(FORBIDDEN_RE, "") !== s;
}

/** A deep copy of plain data (objects, arrays) with every string made XML-safe; other
 *  values (numbers, booleans, dates) are kept as they are. */
export function xmlSafeData<T>(value: T): T {
  if (typeof value === "string") return xmlSafeText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => xmlSafeData(v)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = xmlSafeData(v);
    return out as T;
  }
  return value;
}
