// A streaming, linear-time XML tokenizer for the parts of an .xlsx/.docx we read. Every
// step moves forward (indexOf to the next "<", quote or end of a comment), so the time is
// proportional to the part's length whatever it holds; no regular expression ever runs
// over the XML. There is no DTD and no entity but XML's five and character references:
// a DOCTYPE is refused, so nothing can expand. Bounds: element depth, attributes per
// element and their length, and the length of one run of text.
//
// Why our own scanner rather than saxes (a dependency, which exceljs uses): consolidating
// a thousand registers is dominated by tokenising their sheets, and this scanner, which
// hands out element names without prefixes and attributes as a plain object, runs several
// times faster than saxes on those sheets (measured in bench/consolidate.js, see
// docs/phat-trien.md); OOXML needs no namespace resolution beyond a prefix, no DTD, no
// entities. saxes stays available for anything that needs a full XML parser.
import { broken, count, tooLarge, type FileLabel } from "./errors";

export interface XmlLimits {
  depth: number;
  attributes: number;
  attributeLength: number;
  textLength: number;
}

export const XML_LIMITS: XmlLimits = {
  /** Real sheets nest ~6 deep, documents ~20. */
  depth: 256,
  attributes: 256,
  attributeLength: 1024 * 1024,
  textLength: 8 * 1024 * 1024,
};

export type Attrs = Record<string, string>;

export interface XmlHandler {
  /** An element opens; `name` without its namespace prefix, attributes by their written
   *  (qualified) names with values decoded. */
  open?(name: string, attrs: Attrs, selfClosing: boolean, qualifiedName: string): void;
  close?(name: string): void;
  /** Character data (decoded), between tags or from CDATA. */
  text?(text: string): void;
  /** Asked before each run of text when given: false skips it undecoded (as text is for a
   *  handler without `text`), for a reader that wants only some elements' text. */
  wantsText?(): boolean;
}

/** One decoder for every part (a decoder made per part costs more than a small part's
 *  decoding). */
const UTF8 = new TextDecoder("utf-8");

/** Bytes of a part → text (UTF-8, or UTF-16 with its byte-order mark). */
export function decodeXmlBytes(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b);
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b);
  return UTF8.decode(b);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** XML's five entities and character references; anything else is not XML we accept. */
export function decodeEntities(s: string, bad: () => Error): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp);
    if (semi < 0 || semi - amp > 12) throw bad();
    out += s.slice(from, amp);
    const ent = s.slice(amp + 1, semi);
    if (ent === "lt") out += "<";
    else if (ent === "gt") out += ">";
    else if (ent === "amp") out += "&";
    else if (ent === "quot") out += '"';
    else if (ent === "apos") out += "'";
    else if (ent.charCodeAt(0) === 0x23) {
      const code = charRef(ent, 0, ent.length);
      if (code < 0) throw bad();
      out += String.fromCodePoint(code);
    } else throw bad();
    from = semi + 1;
    amp = s.indexOf("&", from);
  }
  return out + s.slice(from);
}

/** The code point of a character reference's digits s[from, to) ("#38", "#x26" without
 *  "&" and ";"), or -1 when they are not one (XML wants exact decimal or hex digits). */
function charRef(s: string, from: number, to: number): number {
  const hex = s.charCodeAt(from + 1) === 0x78;
  const start = from + (hex ? 2 : 1);
  if (start >= to) return -1;
  let code = 0;
  for (let i = start; i < to; i++) {
    const c = s.charCodeAt(i);
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && c >= 0x61 && c <= 0x66 ? c - 0x57 : hex && c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (d < 0) return -1;
    code = code * (hex ? 16 : 10) + d;
    if (code > 0x10ffff) return -1;
  }
  return code;
}

function localName(q: string): string {
  const colon = q.indexOf(":");
  return colon < 0 ? q : q.slice(colon + 1);
}

/** Tokenises `xml`, calling the handler for each element and run of text. `label` names
 *  the part for messages (`trang "Sổ chuyên đề"`, `phần xl/styles.xml`). Throws a
 *  UserError for XML that is malformed or passes a bound. */
export function scanXml(xml: string, h: XmlHandler, at: FileLabel, label: string, limits: XmlLimits = XML_LIMITS): void {
  const bad = (what = "không phải XML hợp lệ") => broken(at, `${label} ${what}`);
  const badEntity = () => bad();
  const stack: string[] = [];
  const n = xml.length;
  let p = 0;
  let rootSeen = false;
  const wantText = h.text !== undefined;
  /** The next "&" at or after the last attribute value read (n when there is none). */
  let ampAt = -1;
  /** The first "<" after the last start tag's (n when there is none): where the next
   *  token starts, and how an attribute value is known to hold no "<" without a search. */
  let ltAt = -1;
  while (p < n) {
    const lt = ltAt >= p ? (ltAt === n ? -1 : ltAt) : xml.indexOf("<", p);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > p) {
      if (textEnd - p > limits.textLength) throw tooLarge(at, `${label} có một đoạn chữ dài hơn ${count(limits.textLength)} ký tự`);
      if (stack.length > 0) {
        // Text nobody reads is skipped as it is: never decoded, nothing in it can expand.
        if (wantText && (h.wantsText === undefined || h.wantsText())) h.text!(decodeEntities(xml.slice(p, textEnd), badEntity));
      } else {
        for (let i = p; i < textEnd; i++) if (!isSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== 0xfeff) throw bad();
      }
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw bad();
        p = end + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0 || stack.length === 0) throw bad();
        if (end - lt - 9 > limits.textLength) throw tooLarge(at, `${label} có một đoạn chữ dài hơn ${count(limits.textLength)} ký tự`);
        if (wantText && (h.wantsText === undefined || h.wantsText())) h.text!(xml.slice(lt + 9, end));
        p = end + 3;
        continue;
      }
      // <!DOCTYPE …> and anything else: OOXML has no DTD, and a DTD is how entities expand.
      throw bad("có khai báo DTD hay thực thể (không có trong tệp Office)");
    }
    if (c === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw bad();
      p = end + 2;
      continue;
    }
    if (c === 0x2f /* / */) {
      const end = xml.indexOf(">", lt + 2);
      if (end < 0) throw bad();
      let e = end;
      while (e > lt + 2 && isSpace(xml.charCodeAt(e - 1))) e--;
      const q = xml.slice(lt + 2, e);
      if (stack.length === 0 || stack[stack.length - 1] !== q) throw bad();
      stack.pop();
      h.close?.(localName(q));
      p = end + 1;
      continue;
    }
    // A start tag: its name, then attributes up to ">" or "/>".
    let i = lt + 1;
    while (i < n) {
      const ch = xml.charCodeAt(i);
      if (isSpace(ch) || ch === 0x3e || ch === 0x2f) break;
      if (ch === 0x3c || ch === 0x3d || ch === 0x22 || ch === 0x27) throw bad();
      i++;
    }
    if (i === lt + 1 || i >= n) throw bad();
    const q = xml.slice(lt + 1, i);
    if (stack.length === 0 && rootSeen) throw bad();
    const attrs: Attrs = {};
    ltAt = xml.indexOf("<", lt + 1);
    if (ltAt < 0) ltAt = n;
    let attrCount = 0;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (i >= n) throw bad();
      const ch = xml.charCodeAt(i);
      if (ch === 0x3e) {
        i++;
        break;
      }
      if (ch === 0x2f) {
        if (xml.charCodeAt(i + 1) !== 0x3e) throw bad();
        selfClosing = true;
        i += 2;
        break;
      }
      const nameStart = i;
      while (i < n) {
        const a = xml.charCodeAt(i);
        if (a === 0x3d || isSpace(a) || a === 0x3e || a === 0x2f || a === 0x3c) break;
        i++;
      }
      const an = xml.slice(nameStart, i);
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (an === "" || xml.charCodeAt(i) !== 0x3d) throw bad();
      i++;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 0x22 && quote !== 0x27) throw bad();
      const close = xml.indexOf(quote === 0x22 ? '"' : "'", i + 1);
      if (close < 0) throw bad();
      if (close - i - 1 > limits.attributeLength) {
        throw tooLarge(at, `${label} có thuộc tính dài hơn ${count(limits.attributeLength)} ký tự`);
      }
      if (++attrCount > limits.attributes) throw tooLarge(at, `${label} có phần tử mang hơn ${count(limits.attributes)} thuộc tính`);
      // Nothing before this value holds a "<" (names refuse it), so one in it is ltAt.
      if (ltAt < close) throw bad();
      if (Object.prototype.hasOwnProperty.call(attrs, an)) throw bad();
      if (ampAt < i) {
        ampAt = xml.indexOf("&", i);
        if (ampAt < 0) ampAt = n;
      }
      const raw = xml.slice(i + 1, close);
      attrs[an] = ampAt < close ? decodeEntities(raw, badEntity) : raw;
      i = close + 1;
    }
    rootSeen = true;
    const local = localName(q);
    h.open?.(local, attrs, selfClosing, q);
    if (selfClosing) h.close?.(local);
    else {
      stack.push(q);
      if (stack.length > limits.depth) throw tooLarge(at, `${label} lồng nhau sâu hơn ${count(limits.depth)} tầng`);
    }
    p = i;
  }
  if (stack.length > 0 || !rootSeen) throw bad();
}

/** Text for an XML element's content. */
export function escapeXmlText(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const rep = c === 0x26 ? "&amp;" : c === 0x3c ? "&lt;" : c === 0x3e ? "&gt;" : null;
    if (rep) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Text for a double-quoted attribute value. */
export function escapeXmlAttr(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const rep =
      c === 0x26
        ? "&amp;"
        : c === 0x3c
          ? "&lt;"
          : c === 0x22
            ? "&quot;"
            : c === 0x0a
              ? "&#10;"
              : c === 0x0d
                ? "&#13;"
                : c === 0x09
                  ? "&#9;"
                  : null;
    if (rep) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Where a rewrite is: what a hook may look at, and write at. */
export interface RewriteContext {
  /** 1 for the root element. */
  depth: number;
  selfClosing: boolean;
  qname: string;
  /** Local name of the nearest ancestor that is written or unwrapped ("" at the root). */
  parent: string;
  /** Writes a self-closing element here (after the open tag of the element being closed
   *  or before the element being opened): the way to insert one. */
  empty(qname: string, attrs?: Attrs): void;
}

/** What becomes of an element: written with these attributes, "unwrap" (its content is
 *  written, not its tags) or null (dropped with everything inside it). */
export type RewriteDecision = Attrs | "unwrap" | null;

export interface RewriteHooks {
  open(name: string, attrs: Attrs, at: RewriteContext): RewriteDecision;
  /** A written or unwrapped element is about to close (its end tag not yet written). */
  close?(name: string, at: RewriteContext): void;
  /** Text of a kept element → the text written (before escaping); may collect it. */
  text?(text: string): string;
  /** Applied to every attribute value written (e.g. dropping characters XML cannot hold). */
  attrValue?(value: string): string;
  /** The XML declaration to start with; the input's own when absent. */
  declaration?: string;
}

/** The older form of a rewrite: an element's attributes, or null to drop it. */
export type ElementRewrite = (name: string, attrs: Attrs, depth: number, selfClosing: boolean) => Attrs | null;

/** Re-writes a part token by token, the one walker of every rewrite (a sheet or workbook
 *  rebuilt for saving, a template's parts cleaned): each element is written (its
 *  attributes possibly changed), unwrapped, or dropped with its content; text may be
 *  rewritten; hooks may insert elements. Everything else is written back as parsed, so
 *  the output is well-formed XML whatever the input was (a malformed input throws). */
export function rewriteXml(xml: string, rewrite: RewriteHooks | ElementRewrite, at: FileLabel, label: string): string {
  const hooks: RewriteHooks =
    typeof rewrite === "function" ? { open: (name, attrs, c) => rewrite(name, attrs, c.depth, c.selfClosing) } : rewrite;
  const out: string[] = [];
  /** The written or unwrapped elements open: qualified name, local name, unwrapped. */
  const kept: { qname: string; local: string; unwrap: boolean }[] = [];
  let dropDepth = -1;
  let pendingOpen = false;
  let depth = 0;
  const flush = () => {
    if (pendingOpen) {
      out.push(">");
      pendingOpen = false;
    }
  };
  const tagOf = (qname: string, attrs: Attrs) => {
    let tag = "<" + qname;
    for (const k of Object.keys(attrs)) {
      const v = hooks.attrValue ? hooks.attrValue(attrs[k]) : attrs[k];
      tag += " " + k + '="' + escapeXmlAttr(v) + '"';
    }
    return tag;
  };
  const ctx: RewriteContext = {
    depth: 0,
    selfClosing: false,
    qname: "",
    parent: "",
    empty(qname, attrs = {}) {
      flush();
      out.push(tagOf(qname, attrs) + "/>");
    },
  };
  const head = hooks.declaration ?? (xml.startsWith("<?xml") ? xml.slice(0, xml.indexOf("?>") + 2) : "");
  if (head) out.push(head);
  scanXml(
    xml,
    {
      open(name, attrs, selfClosing, qname) {
        depth++;
        if (dropDepth >= 0) return;
        ctx.depth = depth;
        ctx.selfClosing = selfClosing;
        ctx.qname = qname;
        ctx.parent = kept.length ? kept[kept.length - 1].local : "";
        const d = hooks.open(name, attrs, ctx);
        if (d === null) {
          dropDepth = depth;
          return;
        }
        kept.push({ qname, local: name, unwrap: d === "unwrap" });
        if (d === "unwrap") return;
        flush();
        out.push(tagOf(qname, d));
        pendingOpen = true;
      },
      close(name) {
        if (dropDepth >= 0) {
          if (depth === dropDepth) dropDepth = -1;
          depth--;
          return;
        }
        const el = kept[kept.length - 1];
        if (hooks.close) {
          ctx.depth = depth;
          ctx.qname = el.qname;
          ctx.parent = kept.length > 1 ? kept[kept.length - 2].local : "";
          hooks.close(name, ctx);
        }
        depth--;
        kept.pop();
        if (el.unwrap) return;
        if (pendingOpen) {
          out.push("/>");
          pendingOpen = false;
        } else out.push("</" + el.qname + ">");
      },
      text(t) {
        if (dropDepth >= 0 || kept.length === 0) return;
        const written = hooks.text ? hooks.text(t) : t;
        if (written === "") return;
        flush();
        out.push(escapeXmlText(written));
      },
    },
    at,
    label,
  );
  return out.join("");
}
