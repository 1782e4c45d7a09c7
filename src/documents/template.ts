// A user's .docx template, read with the same bounded reader as the registers (src/xlsx/
// package: real inflate limits, parts only through [Content_Types].xml and relationships,
// a linear-time XML scanner) and rebuilt as a new package holding only what a .docx needs:
// the main document, its styles, numbering, settings, fonts table, theme, headers,
// footers, notes, the pictures they show, and the document properties. Everything else —
// macros, embedded objects and packages, external relationships (a remote attached
// template, linked pictures, hyperlinks), comments, custom XML, entries nothing refers to —
// is left behind, and each XML part is rewritten by sanitizePart (field codes other than
// PAGE/NUMPAGES removed). docxtemplater then fills the rebuilt package, never the user's.
import PizZip from "pizzip";
import { UserError } from "../core/shared/types";
import { OpcPackage, relsPartOf, type Relationship } from "../xlsx/package/opc";
import type { FileLabel } from "../xlsx/package/errors";
import { ZipArchive } from "../xlsx/package/zip";
import { note, sanitizePart, type ElementBudget, type Removals } from "./sanitize";

const MiB = 1024 * 1024;

/** Bounds on a template (a real one is 20–200 KB, its document.xml under 1 MB). The XML
 *  bounds are what docxtemplater can compile twice (check, then fill) in well under 10 s
 *  and 1 GB (measured in test/hard/template-bounds.test.ts). */
export const TEMPLATE_LIMITS = {
  fileBytes: 20 * MiB,
  entries: 1000,
  /** One XML part (document.xml, a header, styles…), inflated. */
  xmlPartBytes: 4 * MiB,
  /** One picture, inflated. */
  imageBytes: 10 * MiB,
  /** All parts read, inflated. */
  totalBytes: 40 * MiB,
  relsBytes: 1 * MiB,
  relationships: 2000,
  /** XML elements in all parts together (a 10-page template has ~10,000). */
  elements: 60_000,
  /** Tags ({…}) in all parts together (the richest paper uses ~60). */
  tags: 2000,
  /** A filled document (300 opinions in a biên bản make well under 1 MB). */
  outputBytes: 30 * MiB,
  /** Loops inside loops ({#yKien} in {#nguoiChuanBi}…): no document needs more. */
  loopDepth: 2,
};

const TYPE = "application/vnd.openxmlformats-officedocument.";
const WML = `${TYPE}wordprocessingml.`;
const DOCX_MAIN = `${WML}document.main+xml`;
const MAIN_TYPES = new Set([
  DOCX_MAIN,
  `${WML}template.main+xml`,
  "application/vnd.ms-word.document.macroEnabled.main+xml",
  "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
]);

/** Parts kept from the package's own relationships, with the content type written for them. */
const ROOT_PARTS: Record<string, string> = {
  "core-properties": "application/vnd.openxmlformats-package.core-properties+xml",
  "extended-properties": `${TYPE}extended-properties+xml`,
  "custom-properties": `${TYPE}custom-properties+xml`,
};
/** Parts kept from the main document's relationships. */
const DOCUMENT_PARTS: Record<string, string> = {
  styles: `${WML}styles+xml`,
  stylesWithEffects: "application/vnd.ms-word.stylesWithEffects+xml",
  numbering: `${WML}numbering+xml`,
  settings: `${WML}settings+xml`,
  webSettings: `${WML}webSettings+xml`,
  fontTable: `${WML}fontTable+xml`,
  theme: `${TYPE}theme+xml`,
  header: `${WML}header+xml`,
  footer: `${WML}footer+xml`,
  footnotes: `${WML}footnotes+xml`,
  endnotes: `${WML}endnotes+xml`,
};
/** Where tags may be (docxtemplater fills the same ones). */
const TEXT_TYPES = new Set(["officeDocument", "header", "footer", "footnotes", "endnotes"]);
/** Pictures by extension; anything else (SVG, which may load other files) is left out. */
const IMAGE_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  bmp: "image/bmp",
  tif: "image/tiff",
  tiff: "image/tiff",
  emf: "image/x-emf",
  wmf: "image/x-wmf",
};
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface CleanTemplate {
  /** The rebuilt package, for docxtemplater. */
  zip: PizZip;
  /** What was left out, one Vietnamese line each (for `mau` and the pane). */
  removed: string[];
  /** Each paragraph's text in the parts that hold tags, part by part. */
  paragraphs: string[][];
}

/** What a dropped relationship was, for the secretary. */
function describeDropped(rel: Relationship): string {
  const where = rel.target.length > 80 ? `${rel.target.slice(0, 79)}…` : rel.target;
  switch (rel.type) {
    case "vbaProject":
    case "wordVbaData":
    case "keyMapCustomizations":
    case "attachedToolbars":
      return "macro (mã lệnh VBA) và thanh công cụ riêng";
    case "attachedTemplate":
      return rel.external ? `mẫu đính kèm tải từ ${where}` : "mẫu đính kèm";
    case "oleObject":
    case "package":
    case "control":
    case "aFChunk":
    case "subDocument":
      return `đối tượng nhúng hoặc tệp gói bên trong (${where.slice(where.lastIndexOf("/") + 1)})`;
    case "hyperlink":
      return `siêu liên kết tới ${where} — giữ chữ, bỏ liên kết`;
    case "image":
      return rel.external ? `ảnh lấy từ bên ngoài (${where})` : `ảnh không đọc được (${where})`;
    case "comments":
    case "commentsExtended":
    case "commentsIds":
    case "commentsExtensible":
    case "people":
      return "ghi chú";
    case "customXml":
      return "dữ liệu XML tùy biến";
    case "glossaryDocument":
      return "kho khối dựng sẵn";
    case "font":
      return "phông chữ nhúng";
    case "thumbnail":
      return "ảnh thu nhỏ của tệp";
    case "mailMergeSource":
    case "recipientData":
    case "dataSource":
    case "headerSource":
      return `nguồn dữ liệu trộn thư (${where})`;
    default:
      return rel.external ? `liên kết ra ngoài (${rel.type}) tới ${where}` : `phần ${where} (${rel.type || "không rõ loại"})`;
  }
}

/** A reader refusal worded for a Word template (the reader's words speak of Excel registers). */
function asTemplateError(err: unknown, who: string, file?: string): unknown {
  if (!(err instanceof UserError) || (err.code !== "TEP_QUA_LON" && err.code !== "TEP_HONG")) return err;
  const m = err.message;
  if (err.code === "TEP_QUA_LON") {
    const start = m.indexOf("quá lớn để đọc: ");
    const end = m.indexOf(". ", start);
    const what = start >= 0 ? m.slice(start + 16, end > start ? end : undefined) : m;
    return new UserError(
      "MAU_QUA_LON",
      `${who} quá lớn hoặc bị làm phình: ${what}. Mẫu Word thật chỉ vài trăm KB — không dùng mẫu này; hãy lập lại mẫu trong Word.`,
      { file },
    );
  }
  const start = m.indexOf("bị hỏng: ");
  const end = m.indexOf(" — ", start);
  const what = start >= 0 ? m.slice(start + 9, end > start ? end : undefined) : m;
  return new UserError("MAU_HONG", `${who} bị hỏng: ${what} — hãy mở bằng Word, lưu lại thành tài liệu Word (.docx) rồi chọn lại.`, {
    file,
  });
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">`;
  for (const r of rels) xml += `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"/>`;
  return xml + "</Relationships>";
}

function esc(s: string): string {
  let out = "";
  for (const ch of s) out += ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === '"' ? "&quot;" : ch;
  return out;
}

/** The full relationship type URI written back (transitional namespace). */
function typeUri(type: string): string {
  if (type === "core-properties") return `${PKG_REL_NS}/metadata/core-properties`;
  if (type === "stylesWithEffects") return "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects";
  return `${REL_NS}/${type}`;
}

/** Reads, bounds and rebuilds a template. `who` names it in messages ("Mẫu mau.docx"). */
export function openTemplate(bytes: Uint8Array, who: string, file?: string): CleanTemplate {
  const L = TEMPLATE_LIMITS;
  if (bytes.length > L.fileBytes) {
    throw new UserError(
      "MAU_QUA_LON",
      `${who} quá lớn (${Math.round(bytes.length / MiB)} MB; mẫu Word thường dưới 1 MB, giới hạn ${L.fileBytes / MiB} MB).`,
      { file },
    );
  }
  const at: FileLabel = { name: file ?? "mẫu", file: file ?? "" };
  let built = rebuilt.get(bytes);
  if (!built) {
    try {
      built = rebuild(bytes, who, at, file);
    } catch (err) {
      throw asTemplateError(err, who, file);
    }
    rebuilt.set(bytes, built);
  }
  // A new zip each time: docxtemplater writes the filled parts into the one it is given.
  const zip = new PizZip();
  for (const [name, data] of built.files) zip.file(name, data);
  return { zip, removed: built.removed, paragraphs: built.paragraphs };
}

interface Rebuilt {
  files: [string, string | Uint8Array][];
  removed: string[];
  paragraphs: string[][];
}

/** Checking a template and then filling it reads it once (the same bytes, not a copy). */
const rebuilt = new WeakMap<Uint8Array, Rebuilt>();

function notWord(who: string, what: string, file?: string): UserError {
  return new UserError("MAU_KHONG_PHAI_DOCX", `${who} không phải tệp Word .docx${what} — hãy chọn một tệp .docx.`, { file });
}

function rebuild(bytes: Uint8Array, who: string, at: FileLabel, file?: string): Rebuilt {
  const L = TEMPLATE_LIMITS;
  let pkg: OpcPackage;
  try {
    pkg = OpcPackage.open(bytes, at, { ...L, entryBytes: Math.max(L.xmlPartBytes, L.imageBytes) });
  } catch (err) {
    if (err instanceof UserError && err.code !== "TEP_QUA_LON") {
      let what = "";
      try {
        const zip = ZipArchive.open(bytes, at, { ...L, entryBytes: L.xmlPartBytes });
        if (zip.has("xl/workbook.xml")) what = " (đây là tệp Excel)";
        else if (zip.has("ppt/presentation.xml")) what = " (đây là tệp PowerPoint)";
      } catch {
        // not a zip at all: the sentence above says so
      }
      if (!what) {
        throw new UserError("MAU_KHONG_PHAI_DOCX", `${who} không phải tệp Word .docx (không đọc được như một tệp .docx).`, { file });
      }
      throw notWord(who, what, file);
    }
    throw err;
  }
  const removed: Removals = new Map();
  const budget: ElementBudget = { left: L.elements, limit: L.elements };
  const files = new Map<string, string | Uint8Array>();
  const out = { file: (name: string, data: string | Uint8Array) => void files.set(name, data) };
  const overrides: [string, string][] = [];
  const imageExts = new Set<string>();
  const paragraphs: string[][] = [];
  const written = new Set<string>();

  const root = pkg.relationships("");
  const mainRel = root.find((r) => r.type === "officeDocument" && !r.external);
  const main = mainRel?.target ?? "";
  const mainType = main ? pkg.contentType(main) : undefined;
  if (!mainRel || !pkg.canRead(main) || !mainType || !MAIN_TYPES.has(mainType)) {
    const lower = main.toLowerCase() || (pkg.zip.has("xl/workbook.xml") ? "xl/" : pkg.zip.has("ppt/presentation.xml") ? "ppt/" : "");
    throw notWord(who, lower.startsWith("xl/") ? " (đây là tệp Excel)" : lower.startsWith("ppt/") ? " (đây là tệp PowerPoint)" : "", file);
  }
  if (mainType.includes("macroEnabled")) removed.set("macro (mã lệnh VBA) — tệp được lưu lại thành .docx thường", 1);

  /** One XML part, sanitised, with its own relationships filtered by `keep`. */
  const addXml = (part: string, type: string, contentType: string, keep: (r: Relationship) => boolean) => {
    if (written.has(part.toLowerCase())) return;
    written.add(part.toLowerCase());
    const label = `phần ${part}`;
    const rels = pkg.relationships(part);
    const keptRels: { id: string; type: string; target: string }[] = [];
    for (const r of rels) {
      if (!r.external && keep(r) && pkg.canRead(r.target) && (r.type !== "image" || addImage(r.target))) {
        keptRels.push({ id: r.id, type: typeUri(r.type), target: relativeTarget(part, r.target) });
      } else note(removed, describeDropped(r));
    }
    const xml = pkg.text(part, label, L.xmlPartBytes);
    const clean = sanitizePart(
      xml,
      { keptIds: new Set(keptRels.map((r) => r.id)), textPart: TEXT_TYPES.has(type), compatShiftReturn: type === "settings" },
      budget,
      removed,
      at,
      label,
    );
    if (TEXT_TYPES.has(type)) paragraphs.push(clean.paragraphs);
    out.file(part, clean.xml);
    if (keptRels.length) out.file(relsPartOf(part), relsXml(keptRels));
    overrides.push([part, contentType]);
  };

  /** A picture part (only images are ever targets of kept relationships below the
   *  document); false when its kind is not one Word shows without loading anything. */
  const addImage = (part: string): boolean => {
    const key = part.toLowerCase();
    if (written.has(key)) return true;
    const ext = key.slice(key.lastIndexOf(".") + 1);
    if (!Object.prototype.hasOwnProperty.call(IMAGE_TYPES, ext)) return false;
    out.file(part, pkg.read(part, `ảnh ${part}`, L.imageBytes));
    written.add(key);
    imageExts.add(ext);
    return true;
  };
  const isImage = (r: Relationship) => r.type === "image";

  // The main part first: its rels decide which parts exist.
  const docRels = pkg.relationships(main);
  addXml(main, "officeDocument", DOCX_MAIN, (r) => r.type === "image" || Object.prototype.hasOwnProperty.call(DOCUMENT_PARTS, r.type));
  for (const r of docRels) {
    if (r.external || !pkg.canRead(r.target) || !Object.prototype.hasOwnProperty.call(DOCUMENT_PARTS, r.type)) continue;
    // Headers, footers, notes, styles, numbering and the theme may show pictures; settings
    // and the fonts table keep nothing of their own (a remote template, embedded fonts).
    addXml(r.target, r.type, DOCUMENT_PARTS[r.type], r.type === "settings" || r.type === "fontTable" ? () => false : isImage);
  }
  const rootKept: { id: string; type: string; target: string }[] = [{ id: mainRel.id, type: typeUri("officeDocument"), target: main }];
  for (const r of root) {
    if (r === mainRel) continue;
    if (!r.external && pkg.canRead(r.target) && Object.prototype.hasOwnProperty.call(ROOT_PARTS, r.type)) {
      addXml(r.target, r.type, ROOT_PARTS[r.type], () => false);
      rootKept.push({ id: r.id, type: typeUri(r.type), target: r.target });
    } else note(removed, describeDropped(r));
  }
  out.file("_rels/.rels", relsXml(rootKept));

  let types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`;
  types += `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`;
  types += `<Default Extension="xml" ContentType="application/xml"/>`;
  for (const ext of imageExts) types += `<Default Extension="${ext}" ContentType="${IMAGE_TYPES[ext]}"/>`;
  for (const [part, type] of overrides) types += `<Override PartName="/${esc(part)}" ContentType="${type}"/>`;
  out.file("[Content_Types].xml", types + "</Types>");

  // Entries no relationship reached are never read; they are simply not in the new package.
  const leftOver = pkg.zip.names().filter((n) => {
    const k = n.toLowerCase();
    return !written.has(k) && k !== "[content_types].xml" && !k.endsWith(".rels");
  }).length;
  const lines = [...removed].map(([what, n]) => (n > 1 ? `${what} (${n} chỗ)` : what));
  if (leftOver > 0) lines.push(`${leftOver} phần khác trong tệp không được văn bản dùng tới (không đọc, không chép)`);
  let tags = 0;
  for (const part of paragraphs) for (const text of part) for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x7b) tags++;
  if (tags > L.tags) {
    throw new UserError(
      "MAU_QUA_LON",
      `${who} có ${tags.toLocaleString("vi-VN")} thẻ {…}, quá giới hạn ${L.tags.toLocaleString("vi-VN")} (mẫu thật dùng vài chục thẻ) — không dùng mẫu này.`,
      { file },
    );
  }
  return { files: [...files], removed: lines, paragraphs };
}

/** `target` (a part name) as written in the relationships of `source`: relative when it is
 *  in the same folder or below, absolute otherwise. */
function relativeTarget(source: string, target: string): string {
  const dir = source.slice(0, source.lastIndexOf("/") + 1);
  return dir && target.startsWith(dir) ? target.slice(dir.length) : `/${target}`;
}
