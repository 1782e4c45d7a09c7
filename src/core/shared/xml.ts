// XML text escaping, one module for every place that reads or writes raw XML (sheet names
// in a workbook's workbook.xml, the paragraphs of a .docx template).

const NAMED: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
const ENTITY_RE = /&(?:(lt|gt|quot|apos|amp)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;

/** A character XML 1.0 allows (§2.2 Char); a reference to anything else is not text. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** XML character data or an attribute value → the text it stands for: the five named
 *  entities and numeric references (`&#7853;`, `&#x1EAD;`), in one pass, so "&amp;lt;"
 *  reads as "&lt;". A reference to no allowed character is left as written. */
export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY_RE, (all: string, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return NAMED[name];
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "", 16);
    return isXmlChar(code) ? String.fromCodePoint(code) : all;
  });
}

/** Text → XML character data or a double- or single-quoted attribute value. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
