// The outline of an XML part: its elements down to a depth, with where each starts and
// ends in the text, found by a streaming parser (saxes, linear time) — never a regular
// expression over the user's XML. Used to insert into a part of the user's workbook
// (a new sheet in workbook.xml, new styles in styles.xml) without rewriting the rest.
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** Local names from the root, joined by "/" ("styleSheet/fonts/font"). */
  path: string;
  /** The name as written, prefix included. */
  qname: string;
  /** Attributes by their written name, values decoded. */
  attrs: Record<string, string>;
  /** Offsets in the text: the "<" of the start tag, just after its ">", the "<" of the
   *  end tag (= openEnd when self-closing) and just after the element. */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

/** Every element of `xml` down to `maxDepth` (the root is depth 1), in document order.
 *  Throws on XML that does not parse. */
export function xmlOutline(xml: string, maxDepth: number): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: { path: string; el: XmlElement | null }[] = [];
  let tagStart = 0;
  const parser = new SaxesParser({ position: true });
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentagstart", () => {
    tagStart = xml.lastIndexOf("<", parser.position - 1);
  });
  parser.on("opentag", (tag) => {
    const local = tag.name.includes(":") ? tag.name.slice(tag.name.indexOf(":") + 1) : tag.name;
    const parent = stack.length ? stack[stack.length - 1].path + "/" : "";
    const path = parent + local;
    let el: XmlElement | null = null;
    if (stack.length < maxDepth) {
      const attrs: Record<string, string> = {};
      // Without the xmlns option saxes gives each attribute as its text.
      for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) attrs[k] = v;
      const pos = parser.position;
      el = { path, qname: tag.name, attrs, start: tagStart, openEnd: pos, closeStart: pos, end: pos, selfClosing: tag.isSelfClosing };
      out.push(el);
    }
    stack.push({ path, el });
  });
  parser.on("closetag", () => {
    const top = stack.pop();
    if (top?.el && !top.el.selfClosing) {
      top.el.end = parser.position;
      top.el.closeStart = xml.lastIndexOf("</", parser.position - 1);
    }
  });
  parser.write(xml).close();
  return out;
}

/** Text escaped for an attribute value or element text. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A start tag written anew from a name and attributes. */
export function startTag(qname: string, attrs: Record<string, string>, selfClosing = false): string {
  const list = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join("");
  return `<${qname}${list}${selfClosing ? "/" : ""}>`;
}

export interface TextEdit {
  /** Replace text[from, to) by `text` (from = to: insert). */
  from: number;
  to: number;
  text: string;
}

/** Applies non-overlapping edits (any order). */
export function applyEdits(xml: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    out += xml.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + xml.slice(at);
}
