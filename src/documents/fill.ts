// Fills a .docx template with document data (docxtemplater) and checks a user's
// template. Runs in the browser and in Node: no fs, no path, no Buffer.
//
// Tags are `{name}`, loops/conditions `{#name}…{/name}`, inverted `{^name}…{/name}`
// (docxtemplater defaults). A tag Word split across runs still works: docxtemplater
// joins the runs' text before parsing.
import PizZip from "pizzip";
import Docxtemplater from "docxtemplater";
// The module exports a factory function; `new` on it returns the same instance.
import InspectModule from "docxtemplater/js/inspect-module.js";
import { UserError } from "../core/shared/types";
import type { DocumentData, DocumentKind } from "../core/make/documentData";
import { ALL_TEMPLATE_FIELDS, KIND_LABEL } from "../core/make/meetingPapers";
import { xmlSafeData } from "../core/shared/xmlText";
import { TEMPLATE_LIMITS, openTemplate, type CleanTemplate } from "./template";
import { stampDocx } from "./properties";

export interface TemplateOptions {
  /** The template's file name, for messages ("mau-cua-toi.docx"). */
  name?: string;
}

export interface TemplateCheck {
  /** Syntax errors, one Vietnamese message per bad tag. */
  errors: string[];
  /** Tags not in TEMPLATE_FIELDS for this kind of document (each with a hint). */
  unknownTags: string[];
  /** Every tag the template uses, in order of first use, loops as `#name`. */
  usedTags: string[];
  /** One Vietnamese message per unknown tag (what it is not, what it may be). */
  unknownMessages: string[];
  /** What was left out of the template (macros, field codes, embedded objects…), one
   *  Vietnamese line each: none of it reaches a document made from it. */
  removed: string[];
}

function label(opts: TemplateOptions): string {
  return opts.name ? `Mẫu ${opts.name}` : "Mẫu";
}

/** Opens the template with the bounded reader and rebuilds it from only what a .docx
 *  needs (src/documents/template.ts); UserError when it is not a usable .docx. */
function openDocx(template: Uint8Array | ArrayBuffer, opts: TemplateOptions): CleanTemplate {
  const bytes = template instanceof Uint8Array ? template : new Uint8Array(template);
  const who = label(opts);
  if (bytes.length === 0) {
    throw new UserError("MAU_RONG", `${who} là tệp rỗng (0 byte) — hãy chọn một tệp Word .docx.`, { file: opts.name });
  }
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE container: Word's encrypted .docx or the old .doc. Its directory names its
    // streams in UTF-16LE: "EncryptedPackage" only in the encrypted one.
    const encrypted = new TextDecoder("utf-16le").decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).includes("EncryptedPackage");
    throw new UserError(
      "MAU_KHONG_PHAI_DOCX",
      encrypted
        ? `${who} được đặt mật khẩu (mã hóa) — hãy mở bằng Word, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu › Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi chạy lại.`
        : `${who} là tệp Word 97-2003 (.doc) cũ — hãy mở bằng Word, chọn Lưu thành › Tài liệu Word (.docx), rồi chạy lại.`,
      { file: opts.name },
    );
  }
  return openTemplate(bytes, who, opts.name);
}

interface DxtErrorProperties {
  id?: string;
  xtag?: string;
  context?: string;
  explanation?: string;
  openingtag?: string;
  closingtag?: string;
  lastPair?: { left: string; right: string };
  pair?: { left: string; right: string };
  errors?: { properties?: DxtErrorProperties; message?: string }[];
}

/** One docxtemplater error as a Vietnamese sentence naming the tag. */
function describeError(p: DxtErrorProperties): string {
  const tag = (p.xtag ?? "").trim();
  const context = (p.context ?? "").trim();
  switch (p.id) {
    case "unclosed_tag":
      return `Thẻ {${tag} chưa đóng — thêm dấu } ngay sau tên thẻ (viết {${tag}}).`;
    case "unopened_tag":
      return `Thẻ không mở: “${context || tag}” có dấu } nhưng thiếu dấu { ở đầu (viết {${tag}}).`;
    case "duplicate_open_tag":
      return `Thẻ “${context || tag}” có hai dấu { liền nhau — mỗi thẻ chỉ một dấu { và một dấu }.`;
    case "duplicate_close_tag":
      return `Thẻ “${context || tag}” có hai dấu } liền nhau — mỗi thẻ chỉ một dấu { và một dấu }.`;
    case "unclosed_loop":
      return `Vòng lặp {#${tag}} chưa đóng — thêm {/${tag}} sau đoạn cần lặp.`;
    case "unopened_loop":
      return `Thẻ đóng {/${tag}} không có thẻ mở {#${tag}} tương ứng ở trước.`;
    case "closing_tag_does_not_match_opening_tag":
      return `Thẻ {#${p.openingtag ?? ""}} lại được đóng bằng {/${p.closingtag ?? ""}} — thẻ đóng phải là {/${p.openingtag ?? ""}}.`;
    case "unbalanced_loop_tags":
      return (
        `Các vòng lặp {#${p.lastPair?.left ?? ""}}…{/${p.lastPair?.right ?? ""}} và {#${p.pair?.left ?? ""}}…{/${p.pair?.right ?? ""}} ` +
        `đan chéo nhau — vòng lặp trong phải đóng trước vòng lặp ngoài.`
      );
    case "loop_position_invalid":
      return `Cặp thẻ {#${tag}}…{/${tag}} đặt sai chỗ: một thẻ nằm trong bảng, thẻ kia ngoài bảng (hoặc ở ô khác) — đặt cả hai cùng một chỗ.`;
    case "raw_xml_tag_should_be_only_text_in_paragraph":
    case "raw_tag_outerxml_invalid":
      return `Thẻ {@${tag}} không dùng được trong mẫu này — hãy bỏ dấu @ (viết {${tag}}).`;
    case "scopeparser_compilation_failed":
      return `Thẻ {${tag}} có tên không hợp lệ — tên thẻ chỉ gồm chữ cái không dấu và chữ số (xem danh sách thẻ).`;
    default:
      return `Thẻ ${tag ? `{${tag}}` : context ? `“${context}”` : ""} không hợp lệ (${p.id ?? "lỗi cú pháp"}).`.replace("Thẻ  ", "Thẻ ");
  }
}

/** Turns whatever docxtemplater threw into the list of Vietnamese messages. */
function errorMessages(err: unknown): string[] {
  const props = (err as { properties?: DxtErrorProperties }).properties;
  if (!props) return [];
  const list = props.id === "multi_error" && props.errors ? props.errors.map((e) => e.properties ?? {}) : [props];
  const out: string[] = [];
  for (const p of list) {
    const m = describeError(p);
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

// errorLogging off: docxtemplater would otherwise print its errors as JSON on the console.
const DXT_OPTIONS = { paragraphLoop: true, linebreaks: true, errorLogging: false };

/** Missing values print as nothing: never "undefined". */
function nullGetter(): string {
  return "";
}

function shorten(s: string, max = 40): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Each `{…}` of a paragraph with no brace inside, found in one pass (the text comes from a
 *  user's file: no backtracking pattern runs over it). */
function braced(text: string): { start: number; end: number; inner: string }[] {
  const out: { start: number; end: number; inner: string }[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) open = i;
    else if (c === 0x7d && open >= 0) {
      out.push({ start: open, end: i, inner: text.slice(open + 1, i) });
      open = -1;
    }
  }
  return out;
}

const TAG_CHAR = /^[\p{L}\p{N}_.#/^@-]$/u;

/** Brace errors found paragraph by paragraph. docxtemplater reads the whole document as one
 *  stream, so "{ten" in one paragraph and a "}" three paragraphs later would make one odd
 *  tag; a tag never spans paragraphs, so checking each paragraph names the real culprit. */
function braceErrors(parts: string[][]): string[] {
  const errors: string[] = [];
  const add = (m: string) => {
    if (!errors.includes(m)) errors.push(m);
  };
  for (const texts of parts) {
    loopErrors(texts).forEach(add);
    for (const text of texts) {
      if (!text.includes("{") && !text.includes("}")) continue;
      const tags = braced(text);
      // {@name} inserts the value as raw Word XML: register text would become live markup.
      for (const t of tags) {
        const inner = t.inner.trim();
        if (inner.startsWith("@")) {
          const name = inner.slice(1).trim();
          add(`Thẻ {@${name}} không dùng được — dấu @ chèn nội dung như mã Word; hãy bỏ dấu @ (viết {${name}}).`);
        }
      }
      // {{name}}: another tool's syntax.
      let rest = text;
      for (const t of tags) {
        if (text[t.start - 1] === "{" && text[t.end + 1] === "}") {
          add(`Thẻ {{${t.inner}}} dùng hai dấu ngoặc — mẫu này dùng một dấu: viết {${t.inner.trim()}}.`);
          rest = rest.slice(0, t.start - 1) + " ".repeat(t.inner.length + 4) + rest.slice(t.end + 2);
        }
      }
      let open = -1;
      for (let i = 0; i < rest.length; i++) {
        const c = rest[i];
        if (c === "{") {
          if (open >= 0)
            add(`Thẻ {${shorten(rest.slice(open + 1, i))} chưa đóng — thêm dấu } ngay sau tên thẻ (trong đoạn “${shorten(text)}”).`);
          open = i;
        } else if (c === "}") {
          if (open < 0) {
            let from = i;
            while (from > 0 && i - from < 40 && TAG_CHAR.test(rest[from - 1])) from--;
            add(`Thẻ không mở: “${rest.slice(from, i)}}” thiếu dấu { ở đầu (trong đoạn “${shorten(text)}”).`);
          }
          open = -1;
        }
      }
      if (open >= 0) {
        let to = open + 1;
        while (to < rest.length && to - open < 60 && rest[to] !== "{" && rest[to] !== "}" && rest.charCodeAt(to) > 0x20) to++;
        const tag = rest.slice(open + 1, to);
        add(`Thẻ {${shorten(tag || rest.slice(open + 1))} chưa đóng — thêm dấu } ngay sau tên thẻ (trong đoạn “${shorten(text)}”).`);
      }
    }
  }
  return errors;
}

/** Loops nested deeper than TEMPLATE_LIMITS.loopDepth, or a loop inside itself: each level
 *  multiplies the output ({#yKien} four deep over 300 opinions is 8 billion copies). */
function loopErrors(texts: string[]): string[] {
  const errors: string[] = [];
  const open: string[] = [];
  for (const text of texts) {
    for (const t of braced(text)) {
      const inner = t.inner.trim();
      const mark = inner[0];
      if (mark !== "#" && mark !== "^" && mark !== "/") continue;
      const tag = inner.slice(1).trim();
      if (mark === "/") {
        const i = open.lastIndexOf(tag);
        if (i >= 0) open.length = i;
        continue;
      }
      if (open.includes(tag)) {
        const msg = `Vòng lặp {${mark}${tag}} nằm trong chính nó — mỗi vòng lặp chỉ đặt một lần, đóng {/${tag}} trước khi mở lại.`;
        if (!errors.includes(msg)) errors.push(msg);
      } else if (open.length >= TEMPLATE_LIMITS.loopDepth) {
        const msg = `Vòng lặp {${mark}${tag}} lồng quá ${TEMPLATE_LIMITS.loopDepth} tầng (trong ${open.map((t) => `{#${t}}`).join(" › ")}) — mẫu chỉ cho lồng tối đa ${TEMPLATE_LIMITS.loopDepth} tầng.`;
        if (!errors.includes(msg)) errors.push(msg);
      }
      open.push(tag);
    }
  }
  return errors;
}

/** Compiles the template; every syntax error → one UserError listing them all. */
function compile(template: CleanTemplate, opts: TemplateOptions, modules: InspectModule[] = []): Docxtemplater {
  const zip = template.zip;
  const braces = braceErrors(template.paragraphs);
  if (braces.length) throw syntaxError(braces, opts);
  try {
    return new Docxtemplater(zip, { ...DXT_OPTIONS, nullGetter, modules });
  } catch (err) {
    const messages = errorMessages(err);
    if (messages.length === 0) {
      throw new UserError("MAU_HONG", `${label(opts)} không đọc được: tệp .docx bị hỏng hoặc không phải văn bản Word.`, {
        file: opts.name,
      });
    }
    throw syntaxError(messages, opts, firstTag(err));
  }
}

class TemplateSyntaxError extends UserError {
  constructor(
    public readonly messages: string[],
    opts: TemplateOptions,
    tag?: string,
  ) {
    super("MAU_SAI_THE", `${label(opts)} có thẻ sai:\n${messages.map((m) => `  - ${m}`).join("\n")}`, { file: opts.name, tag });
  }
}

function syntaxError(messages: string[], opts: TemplateOptions, tag?: string): TemplateSyntaxError {
  return new TemplateSyntaxError(messages, opts, tag);
}

function firstTag(err: unknown): string | undefined {
  const props = (err as { properties?: DxtErrorProperties }).properties;
  const first = props?.errors?.[0]?.properties ?? props;
  return first?.xtag;
}

/** Fills `template` with `data`; returns the .docx bytes. Throws UserError for a template
 *  that is not a .docx or has malformed tags. Unknown tags print as nothing (see checkTemplate). */
export function fillTemplate(template: Uint8Array | ArrayBuffer, data: DocumentData, opts: TemplateOptions = {}): Uint8Array {
  const doc = compile(openDocx(template, opts), opts);
  try {
    // Register text may hold characters XML forbids (U+FFFF, controls): never written.
    doc.render(xmlSafeData(data));
  } catch (err) {
    const messages = errorMessages(err);
    throw new UserError(
      "MAU_SAI_THE",
      `${label(opts)}: không điền được — ${messages.length ? messages.join(" ") : String((err as Error)?.message ?? err)}`,
      { file: opts.name },
    );
  }
  // doNotExpandShiftReturn was added when the template was rebuilt (sanitize.ts).
  const filled = doc.getZip() as PizZip;
  // docxtemplater adds folder entries; a .docx has none (PizZip's remove() would take the
  // folder's files with it).
  for (const name of Object.keys(filled.files)) if (filled.files[name].dir) delete filled.files[name];
  stampDocx(filled);
  const out = filled.generate({ type: "uint8array", compression: "DEFLATE" });
  if (out.length > TEMPLATE_LIMITS.outputBytes) {
    throw new UserError(
      "VAN_BAN_QUA_LON",
      `${label(opts)}: văn bản điền ra nặng hơn ${TEMPLATE_LIMITS.outputBytes / 1048576} MB — mẫu lặp quá nhiều lần hoặc chứa phần quá lớn; hãy kiểm tra lại mẫu.`,
      { file: opts.name },
    );
  }
  return out;
}

interface StructuredPart {
  type: string;
  value: string;
  module?: string;
  inverted?: boolean;
  subparsed?: StructuredPart[];
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

function simplify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The known tag closest to `tag`, when close enough to be a typo. */
function suggestion(tag: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  const t = simplify(tag);
  for (const c of candidates) {
    const d = distance(t, simplify(c));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.round(t.length / 3)) ? best : null;
}

/** A template read once: what was removed from it, its syntax errors, and its tags (for
 *  checking it against every kind of paper without reading it again). */
export interface InspectedTemplate {
  removed: string[];
  errors: string[];
  tags: StructuredPart[];
}

/** Reads and compiles a template once. Throws UserError only when the file is not a .docx
 *  (or passes a bound). */
export function inspectTemplate(template: Uint8Array | ArrayBuffer, opts: TemplateOptions = {}): InspectedTemplate {
  const opened = openDocx(template, opts);
  const inspect = new InspectModule();
  try {
    compile(opened, opts, [inspect]);
  } catch (err) {
    if (err instanceof TemplateSyntaxError) return { removed: opened.removed, errors: err.messages, tags: [] };
    if (err instanceof UserError) return { removed: opened.removed, errors: [err.message], tags: [] };
    throw err;
  }
  return { removed: opened.removed, errors: [], tags: inspect.getAllStructuredTags() };
}

/** Checks a template for one kind of document: syntax errors, and tags that the data of
 *  that kind does not have. Throws UserError only when the file is not a .docx. */
export function checkTemplate(template: Uint8Array | ArrayBuffer, kind: DocumentKind, opts: TemplateOptions = {}): TemplateCheck {
  return checkInspected(inspectTemplate(template, opts), kind);
}

/** checkTemplate on a template already inspected. */
export function checkInspected(inspected: InspectedTemplate, kind: DocumentKind): TemplateCheck {
  const removed = inspected.removed;
  if (inspected.errors.length) return { errors: inspected.errors, unknownTags: [], usedTags: [], unknownMessages: [], removed };
  const fields = ALL_TEMPLATE_FIELDS.filter((f) => f.kinds.includes(kind));
  const topLevel = new Set(fields.filter((f) => !f.itemOf).map((f) => f.name));
  const itemsOf = (loop: string) => new Set(fields.filter((f) => f.itemOf === loop).map((f) => f.name));
  /** The other papers a tag belongs to (none when it is nobody's). */
  const otherKinds = (tag: string): DocumentKind[] => [
    ...new Set(ALL_TEMPLATE_FIELDS.filter((f) => f.name === tag && !f.kinds.includes(kind)).flatMap((f) => f.kinds)),
  ];

  const usedTags: string[] = [];
  const unknownTags: string[] = [];
  const unknownMessages: string[] = [];
  const loopNames = new Set(fields.filter((f) => f.type === "loop").map((f) => f.name));
  const conditionNames = new Set(fields.filter((f) => f.type === "loop" || f.type === "condition").map((f) => f.name));

  const report = (tag: string, shown: string, scope: string[]) => {
    if (unknownTags.includes(shown)) return;
    unknownTags.push(shown);
    const candidates = [...topLevel, ...scope.flatMap((l) => [...itemsOf(l)])];
    const hint = suggestion(tag, candidates);
    let message = `Thẻ ${shown} không có trong danh sách thẻ của ${KIND_LABEL[kind]}`;
    const others = otherKinds(tag);
    if (others.length > 0 && !topLevel.has(tag)) message += ` (thẻ này chỉ dùng cho ${others.map((k) => KIND_LABEL[k]).join(", ")})`;
    else if (hint) message += ` — có phải ý là {${hint}}?`;
    unknownMessages.push(`${message}. Xem danh sách: chuyende mau --loai ${kind}.`);
  };

  const walk = (parts: StructuredPart[], scope: string[]) => {
    for (const part of parts) {
      if (part.type !== "placeholder") continue;
      const tag = part.value.trim();
      const isLoop = part.module === "loop";
      const shown = isLoop ? `{${part.inverted ? "^" : "#"}${tag}}` : `{${tag}}`;
      const usedName = isLoop ? `${part.inverted ? "^" : "#"}${tag}` : tag;
      if (!usedTags.includes(usedName)) usedTags.push(usedName);
      const known = isLoop
        ? conditionNames.has(tag) || topLevel.has(tag) || scope.some((l) => itemsOf(l).has(tag))
        : topLevel.has(tag) || scope.some((l) => itemsOf(l).has(tag));
      if (!known) report(tag, shown, scope);
      else if (!isLoop && loopNames.has(tag)) {
        // A list printed as a plain tag would show "[object Object]".
        unknownTags.push(shown);
        unknownMessages.push(`Thẻ ${shown} là một danh sách — phải dùng dạng vòng lặp {#${tag}}…{/${tag}}.`);
      } else if (!isLoop && conditionNames.has(tag)) {
        // A condition printed as a plain tag would show "true"/"false".
        unknownTags.push(shown);
        unknownMessages.push(`Thẻ ${shown} là một điều kiện (đúng/sai) — dùng {#${tag}}…{/${tag}} (hoặc {^${tag}}…{/${tag}} khi sai).`);
      }
      if (part.subparsed) walk(part.subparsed, isLoop && loopNames.has(tag) && !part.inverted ? [...scope, tag] : scope);
    }
  };
  walk(inspected.tags, []);
  return { errors: [], unknownTags, usedTags, unknownMessages, removed };
}
