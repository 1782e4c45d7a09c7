// New sheets added to a user's workbook without loading it into exceljs: every part of the
// user's file is carried over as it is (its stored bytes, never inflated), and only the parts that list
// sheets and styles get the new entries inserted (workbook.xml, its relationships,
// [Content_Types].xml, styles.xml, the last-modified-by stamp). The new sheets themselves
// are rendered by the same renderer as always (render.ts) into a workbook of their own and
// moved in, their style, number-format and table numbers shifted past the user's.
// This is what keeps a 200,000-row workbook's write under 1 GB: exceljs would hold the whole
// user workbook as objects and serialise it again (3–4 GB).
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, type ZipInputFile } from "fflate";
import { ZipArchive, type RawEntry } from "./package/zip";
import { PACKAGE_LIMITS } from "./read";
import { READ_LIMITS } from "./readLimits";
import type { SheetModel } from "../core/make/sheetModel";
import { newWorkbook, renderSheet, type RenderOptions } from "./render";
import { applyEdits, startTag, xmlEscape, xmlOutline, type TextEdit, type XmlElement } from "./xmlOutline";
import { PRODUCED_BY } from "../version";
import { modelExtent, streamSheetData, StreamStyles } from "./streamSheet";
import { rangeAddress } from "./render";

const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const REL_SHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
/** styles.xml's sections in the order the schema wants them. */
const STYLE_SECTIONS = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
/** The sections whose entries the new sheets bring. */
const MERGED_SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as const;
type Merged = (typeof MERGED_SECTIONS)[number];

/** Why the carried-over write could not be used (the caller then saves through exceljs). */
class CannotCarry extends Error {}

function need<T>(v: T | undefined | null, why: string): T {
  if (v === undefined || v === null) throw new CannotCarry(why);
  return v;
}

function children(outline: XmlElement[], path: string): XmlElement[] {
  const prefix = path + "/";
  return outline.filter((e) => e.path.startsWith(prefix) && !e.path.slice(prefix.length).includes("/"));
}

function unprefixedRoot(outline: XmlElement[], what: string): XmlElement {
  const root = need(outline[0], what);
  if (root.qname.includes(":")) throw new CannotCarry(`${what}: prefixed root`);
  return root;
}

/** The new sheets rendered on their own without their cells (those are streamed, see
 *  streamSheet.ts): everything else of a sheet — columns, merges, drop-downs, print setup,
 *  tables, names — as render.ts makes it. Unzipped; strings inline, so no shared-string
 *  table to merge. */
async function renderSkeletons(models: SheetModel[], options: CarryOptions, takenNames: string[]): Promise<Record<string, Uint8Array>> {
  const wb = newWorkbook();
  // The user's defined names, so a marker gets a name of its own (dropped when merging).
  const names = (wb as unknown as { definedNames: { add(loc: string, name: string): void } }).definedNames;
  for (const n of takenNames) if (!n.startsWith("_xlnm.")) names.add("'_'!$A$1", n);
  for (const m of models) {
    const skeleton: SheetModel = {
      ...m,
      cells: [],
      rangeStyles: [],
      numberFormats: [],
      rowHeights: [],
      tables: (m.tables ?? []).map((t) => ({ ...t, rows: [] })),
    };
    renderSheet(wb, skeleton, { kind: options.kind, replace: false });
  }
  options.beforeWrite?.(wb);
  const buffer = await wb.xlsx.writeBuffer({ useSharedStrings: false });
  return unzipSync(new Uint8Array(buffer));
}

/** A streaming zip collected in memory (the compressed file is small; the sheet XML it is
 *  made of never is whole). */
class ZipOut {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private error: Error | null = null;
  constructor() {
    this.zip = new Zip((err, data) => {
      if (err) this.error = err;
      else this.chunks.push(data);
    });
  }
  file(name: string, data: Uint8Array): void {
    const f = new ZipDeflate(name, { level: 6 });
    this.zip.add(f);
    f.push(data, true);
  }
  /** An entry of another zip copied as it is stored: never inflated, never compressed
   *  again (fflate's custom-stream interface: the sizes and CRC given, the data pushed). */
  raw(entry: RawEntry): void {
    const file: ZipInputFile = { filename: entry.name, compression: entry.method, crc: entry.crc, size: entry.declaredSize };
    this.zip.add(file);
    need(file.ondata, "zip stream")(null, entry.data as Uint8Array<ArrayBuffer>, true);
  }
  stream(name: string): { push(text: string): void; end(text: string): void } {
    const f = new ZipDeflate(name, { level: 6 });
    this.zip.add(f);
    return { push: (text) => f.push(strToU8(text)), end: (text) => f.push(strToU8(text), true) };
  }
  bytes(): Uint8Array {
    this.zip.end();
    if (this.error) throw this.error;
    const size = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function partText(parts: Record<string, Uint8Array>, name: string): string {
  return strFromU8(need(parts[name], name));
}

/** The user's zip, opened under the reader's limits: only the parts the new sheets change
 *  (the workbook, its relationships, the content types, the styles, the core properties)
 *  and the table parts (for their ids) are inflated, each bounded; every other entry is
 *  carried over as its stored bytes. */
class SourceZip {
  private readonly zip: ZipArchive;
  constructor(bytes: Uint8Array) {
    this.zip = ZipArchive.open(bytes, { name: "", file: "" }, PACKAGE_LIMITS);
  }
  /** Every entry's name, in the zip's order. */
  names(): string[] {
    return this.zip.names();
  }
  /** The stored name of `name` (any case), if the zip has it. */
  find(name: string): string | undefined {
    return this.zip.entry(name)?.name;
  }
  text(name: string): string {
    const stored = need(this.find(name), name);
    return strFromU8(this.zip.read(stored, stored, READ_LIMITS.partBytes));
  }
  raw(name: string): RawEntry {
    return this.zip.raw(name);
  }
}

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

function relsOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

/** The first free "<base><n>.xml" among the zip's entries. */
function freePart(taken: Set<string>, base: string): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n}.xml`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

interface StyleShift {
  fonts: number;
  fills: number;
  borders: number;
  cellXfs: number;
  dxfs: number;
  numFmt: Map<string, string>;
}

/** The user's styles.xml with the new entries appended, and how the new ids move. */
function mergeStyles(user: string, ours: string): { xml: string; shift: StyleShift } {
  const u = xmlOutline(user, 3);
  const o = xmlOutline(ours, 3);
  const uRoot = unprefixedRoot(u, "styles");
  const section = (outline: XmlElement[], name: string) => outline.find((e) => e.path === `styleSheet/${name}`);
  const count = (outline: XmlElement[], name: string) => children(outline, `styleSheet/${name}`).length;
  let maxFmt = 163;
  for (const f of children(u, "styleSheet/numFmts")) maxFmt = Math.max(maxFmt, Number(f.attrs.numFmtId) || 0);
  const numFmt = new Map<string, string>();
  for (const f of children(o, "styleSheet/numFmts")) numFmt.set(f.attrs.numFmtId, String(++maxFmt));
  const shift: StyleShift = {
    fonts: count(u, "fonts"),
    fills: count(u, "fills"),
    borders: count(u, "borders"),
    cellXfs: count(u, "cellXfs"),
    dxfs: count(u, "dxfs"),
    numFmt,
  };
  const added: Record<Merged, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
  for (const name of MERGED_SECTIONS) {
    for (const c of children(o, `styleSheet/${name}`)) {
      let text = ours.slice(c.start, c.end);
      if (name === "numFmts") {
        text = text.replace(/numFmtId="(\d+)"/, (_m, id: string) => `numFmtId="${numFmt.get(id) ?? id}"`);
      } else if (name === "cellXfs") {
        // Our own output: only the xf's start tag holds these ids.
        const tagEnd = text.indexOf(">");
        const tag = text.slice(0, tagEnd).replace(/\b(fontId|fillId|borderId|numFmtId)="(\d+)"/g, (_m, k: string, v: string) => {
          if (k === "numFmtId") return `${k}="${numFmt.get(v) ?? v}"`;
          const by = k === "fontId" ? shift.fonts : k === "fillId" ? shift.fills : shift.borders;
          return `${k}="${Number(v) + by}"`;
        });
        text = tag + text.slice(tagEnd);
      }
      added[name].push(text);
    }
  }
  const edits: TextEdit[] = [];
  for (const name of MERGED_SECTIONS) {
    if (added[name].length === 0) continue;
    const have = section(u, name);
    const total = count(u, name) + added[name].length;
    if (have) {
      const attrs = { ...have.attrs, count: String(total) };
      if (have.selfClosing) {
        edits.push({ from: have.start, to: have.end, text: `${startTag(have.qname, attrs)}${added[name].join("")}</${have.qname}>` });
      } else {
        edits.push({ from: have.start, to: have.openEnd, text: startTag(have.qname, attrs) });
        edits.push({ from: have.closeStart, to: have.closeStart, text: added[name].join("") });
      }
    } else {
      // A section the user's file lacks goes before the first one the schema puts after it.
      const later = STYLE_SECTIONS.slice(STYLE_SECTIONS.indexOf(name) + 1)
        .map((s) => section(u, s))
        .find((e): e is XmlElement => e !== undefined);
      const at = later ? later.start : uRoot.closeStart;
      if (uRoot.selfClosing) throw new CannotCarry("empty styles");
      edits.push({ from: at, to: at, text: `<${name} count="${total}">${added[name].join("")}</${name}>` });
    }
  }
  return { xml: applyEdits(user, edits), shift };
}

/** Our sheet XML with its style and conditional-format ids moved past the user's. Only the
 *  start tags of c, row, col and cfRule carry them (exceljs escapes quotes in text). */
function shiftSheet(xml: string, shift: StyleShift): string {
  return xml.replace(/<(c|row|col|cfRule) [^>]*>/g, (tag: string, name: string) => {
    if (name === "cfRule") return tag.replace(/ dxfId="(\d+)"/, (_m, v: string) => ` dxfId="${Number(v) + shift.dxfs}"`);
    const attr = name === "col" ? "style" : "s";
    return tag.replace(new RegExp(` ${attr}="(\\d+)"`), (_m, v: string) => ` ${attr}="${Number(v) + shift.cellXfs}"`);
  });
}

export interface CarryOptions extends RenderOptions {
  /** Run on the new sheets' workbook before it is serialised (the XML-safe repair). */
  beforeWrite?: (wb: ExcelJS.Workbook) => void;
}

export interface CarryResult {
  bytes: Uint8Array;
  /** The names the new sheets got in the workbook. */
  sheets: string[];
}

/** The user's workbook `source` (the .xlsx bytes) with `models` added as new sheets after
 *  its own, or null when this file's structure is one the carried-over write does not
 *  handle (the caller then writes through exceljs as before). Never replaces a sheet. */
export async function addSheetsCarried(source: Uint8Array, models: SheetModel[], options: CarryOptions = {}): Promise<CarryResult | null> {
  try {
    return await carry(source, models, options);
  } catch (err) {
    if (err instanceof CannotCarry) return null;
    // Anything unexpected in the user's parts (XML that does not parse…): the old path.
    if (err instanceof Error && !(err instanceof RangeError)) return null;
    throw err;
  }
}

async function carry(source: Uint8Array, models: SheetModel[], options: CarryOptions): Promise<CarryResult> {
  const src = new SourceZip(source);
  const taken = new Set(src.names().map((k) => k.toLowerCase()));

  // The workbook part, through the package relationships.
  const rootRels = xmlOutline(src.text("_rels/.rels"), 2);
  const docRel = need(
    children(rootRels, "Relationships").find((r) => r.attrs.Type === REL_OFFICE_DOC),
    "no workbook",
  );
  const workbookPart = need(src.find(need(docRel.attrs.Target, "workbook target").replace(/^\//, "")), "workbook part");
  const wbDir = dirOf(workbookPart);
  const wbXml = src.text(workbookPart);
  const wb = xmlOutline(wbXml, 3);
  const wbRoot = unprefixedRoot(wb, "workbook");
  const userSheets = children(wb, "workbook/sheets");
  const sheetsEl = need(
    wb.find((e) => e.path === "workbook/sheets"),
    "no sheets",
  );
  if (sheetsEl.selfClosing || userSheets.length === 0) throw new CannotCarry("no sheets");
  const idAttr = need(
    Object.keys(userSheets[0].attrs).find((k) => k.endsWith(":id")),
    "sheet r:id",
  );
  const userNames = new Set(userSheets.map((s) => (s.attrs.name ?? "").normalize("NFC").toLowerCase()));
  const definedNamesEl = wb.find((e) => e.path === "workbook/definedNames");
  const userDefined = children(wb, "workbook/definedNames");

  const ours = await renderSkeletons(
    models,
    options,
    userDefined.map((d) => d.attrs.name ?? ""),
  );
  const oWbXml = partText(ours, "xl/workbook.xml");
  const oWb = xmlOutline(oWbXml, 3);
  const oRels = xmlOutline(partText(ours, "xl/_rels/workbook.xml.rels"), 2);
  const oRelTarget = new Map(children(oRels, "Relationships").map((r) => [r.attrs.Id, r.attrs.Target]));
  const oSheets = children(oWb, "workbook/sheets");
  for (const s of oSheets) {
    if (userNames.has((s.attrs.name ?? "").normalize("NFC").toLowerCase())) throw new CannotCarry("sheet name taken");
  }

  // Styles.
  const stylesRel = "xl/styles.xml";
  const stylesPart = need(src.find(`${wbDir}styles.xml`), "no styles");
  const { xml: stylesXml, shift } = mergeStyles(src.text(stylesPart), partText(ours, stylesRel));
  // The streamed cells' styles come after all of these.
  const styleBase = children(xmlOutline(stylesXml, 3), "styleSheet/cellXfs").length;
  const streamStyles = new StreamStyles();
  const modelByName = new Map(models.map((m) => [m.name.normalize("NFC"), m]));
  const zip = new ZipOut();

  // Workbook relationships and content types.
  const wbRelsPart = need(src.find(relsOf(workbookPart)), "workbook rels");
  const wbRelsXml = src.text(wbRelsPart);
  const wbRels = xmlOutline(wbRelsXml, 2);
  const wbRelsRoot = unprefixedRoot(wbRels, "workbook rels");
  const relIds = new Set(children(wbRels, "Relationships").map((r) => r.attrs.Id));
  const ctPart = need(src.find("[Content_Types].xml"), "content types");
  const ctXml = src.text(ctPart);
  const ct = xmlOutline(ctXml, 2);
  const ctRoot = unprefixedRoot(ct, "content types");

  // Table ids are unique in a workbook.
  let maxTableId = 0;
  for (const o of children(ct, "Types")) {
    if (o.attrs.ContentType !== CT_TABLE) continue;
    const part = (o.attrs.PartName ?? "").replace(/^\//, "");
    if (!src.find(part)) continue;
    const root = xmlOutline(src.text(part), 1)[0];
    maxTableId = Math.max(maxTableId, Number(root?.attrs.id) || 0);
  }

  const newParts: Record<string, string> = {};
  const sheetTags: string[] = [];
  const relTags: string[] = [];
  const ctTags: string[] = [];
  let maxSheetId = Math.max(0, ...userSheets.map((s) => Number(s.attrs.sheetId) || 0));
  oSheets.forEach((s) => {
    const oPart = "xl/" + need(oRelTarget.get(s.attrs["r:id"]), "our sheet target").replace(/^\/?xl\//, "");
    const sheetPart = freePart(taken, `${wbDir}worksheets/sheet`);
    let relId = 1;
    while (relIds.has(`rId${relId}`)) relId++;
    relIds.add(`rId${relId}`);
    const attrs: Record<string, string> = { name: s.attrs.name, sheetId: String(++maxSheetId) };
    if (s.attrs.state) attrs.state = s.attrs.state;
    attrs[idAttr] = `rId${relId}`;
    sheetTags.push(startTag("sheet", attrs, true));
    relTags.push(startTag("Relationship", { Id: `rId${relId}`, Type: REL_SHEET, Target: sheetPart.slice(wbDir.length) }, true));
    ctTags.push(startTag("Override", { PartName: `/${sheetPart}`, ContentType: CT_SHEET }, true));
    const model = modelByName.get((s.attrs.name ?? "").normalize("NFC"));
    const sheetXml = shiftSheet(partText(ours, oPart), shift);
    if (model) streamSheet(zip, sheetPart, sheetXml, model, streamStyles, styleBase);
    else newParts[sheetPart] = sheetXml; // the hidden list sheet: small, as rendered
    // The sheet's tables move with it, renumbered.
    const oSheetRels = ours[relsOf(oPart)];
    if (oSheetRels) {
      let relsXml = strFromU8(oSheetRels);
      for (const r of children(xmlOutline(relsXml, 2), "Relationships")) {
        const target = r.attrs.Target ?? "";
        if (!/^\.\.\/tables\/table\d+\.xml$/.test(target)) throw new CannotCarry("unexpected sheet relationship");
        const tablePart = freePart(taken, `${wbDir}tables/table`);
        const tableXml = partText(ours, `xl/tables/${target.slice("../tables/".length)}`);
        newParts[tablePart] = fullTableRef(
          tableXml.replace(/(<table [^>]*?\bid=")(\d+)"/, (_m, head: string) => `${head}${++maxTableId}"`),
          model,
        );
        ctTags.push(startTag("Override", { PartName: `/${tablePart}`, ContentType: CT_TABLE }, true));
        relsXml = relsXml.replace(`Target="${target}"`, `Target="../tables/${tablePart.slice(`${wbDir}tables/`.length)}"`);
      }
      newParts[relsOf(sheetPart)] = relsXml;
    }
  });

  // Our defined names (print titles, the sheet marker), with sheet numbers after the user's.
  const userDefinedNames = new Set(userDefined.map((d) => (d.attrs.name ?? "").toLowerCase()));
  const definedTags: string[] = [];
  for (const d of children(oWb, "workbook/definedNames")) {
    const attrs = { ...d.attrs };
    if (attrs.localSheetId !== undefined) attrs.localSheetId = String(Number(attrs.localSheetId) + userSheets.length);
    else if (userDefinedNames.has((attrs.name ?? "").toLowerCase())) continue;
    definedTags.push(`${startTag("definedName", attrs)}${oWbXml.slice(d.openEnd, d.closeStart)}</definedName>`);
  }

  const wbEdits: TextEdit[] = [{ from: sheetsEl.closeStart, to: sheetsEl.closeStart, text: sheetTags.join("") }];
  if (definedTags.length) {
    if (definedNamesEl && !definedNamesEl.selfClosing) {
      wbEdits.push({ from: definedNamesEl.closeStart, to: definedNamesEl.closeStart, text: definedTags.join("") });
    } else if (definedNamesEl) {
      wbEdits.push({ from: definedNamesEl.start, to: definedNamesEl.end, text: `<definedNames>${definedTags.join("")}</definedNames>` });
    } else {
      // definedNames come after sheets, functionGroups and externalReferences.
      const before = [...wb]
        .reverse()
        .find((e) => ["workbook/sheets", "workbook/functionGroups", "workbook/externalReferences"].includes(e.path));
      const at = need(before, "sheets").end;
      wbEdits.push({ from: at, to: at, text: `<definedNames>${definedTags.join("")}</definedNames>` });
    }
  }
  if (wbRoot.selfClosing || wbRelsRoot.selfClosing || ctRoot.selfClosing) throw new CannotCarry("empty part");

  const core = stampCore(src);
  const changed = new Map<string, string>([
    [workbookPart, applyEdits(wbXml, wbEdits)],
    [wbRelsPart, applyEdits(wbRelsXml, [{ from: wbRelsRoot.closeStart, to: wbRelsRoot.closeStart, text: relTags.join("") }])],
    [ctPart, applyEdits(ctXml, [{ from: ctRoot.closeStart, to: ctRoot.closeStart, text: ctTags.join("") }])],
    ...Object.entries(newParts),
  ]);
  if (core) changed.set(core.part, core.xml);
  // The user's parts as they are stored, in their order; then what changed or is new.
  for (const name of src.names()) if (!changed.has(name) && name !== stylesPart) zip.raw(src.raw(name));
  for (const [name, text] of changed) zip.file(name, strToU8(text));
  // Styles last: the streamed cells' styles are known once every sheet is written.
  zip.file(stylesPart, strToU8(mergeStyles(stylesXml, streamStyles.xml()).xml));
  return { bytes: zip.bytes(), sheets: oSheets.map((s) => s.attrs.name) };
}

/** A sheet part: the rendered sheet around the streamed cells, its dimension set from them. */
function streamSheet(zip: ZipOut, part: string, xml: string, model: SheetModel, styles: StreamStyles, base: number): void {
  let open = xml.indexOf("<sheetData/>");
  let close = open + "<sheetData/>".length;
  if (open < 0) {
    open = need(xml.indexOf("<sheetData>") >= 0 ? xml.indexOf("<sheetData>") : null, "sheetData");
    close = xml.indexOf("</sheetData>") + "</sheetData>".length;
  }
  let head = xml.slice(0, open);
  const extent = modelExtent(model);
  const dim = head.indexOf("<dimension ");
  if (dim >= 0 && extent) head = `${head.slice(0, dim)}<dimension ref="${rangeAddress(extent)}"/>${head.slice(head.indexOf(">", dim) + 1)}`;
  const out = zip.stream(part);
  out.push(head);
  streamSheetData(model, styles, base, (text) => out.push(text));
  out.end(xml.slice(close));
}

/** A table part rendered without its rows, given the reach of its rows. */
function fullTableRef(xml: string, model: SheetModel | undefined): string {
  const root = xmlOutline(xml, 1)[0];
  const table = model?.tables?.find((t) => t.name === root?.attrs.name);
  if (!root || !table) return xml;
  const ref = rangeAddress({
    top: table.top,
    left: table.left,
    bottom: table.top + Math.max(1, table.rows.length),
    right: table.left + table.headers.length - 1,
  });
  return xml.split(`ref="${root.attrs.ref}"`).join(`ref="${ref}"`);
}

const CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";

/** The core properties with lastModifiedBy = this program (what stampWorkbook does for
 *  exceljs), or null when the file has no core properties part. */
function stampCore(src: SourceZip): { part: string; xml: string } | null {
  const part = src.find("docProps/core.xml");
  if (!part) return null;
  const xml = src.text(part);
  const outline = xmlOutline(xml, 2);
  const root = need(outline[0], "core");
  const prefix = root.qname.includes(":") ? root.qname.slice(0, root.qname.indexOf(":")) : "";
  const declared = prefix ? root.attrs[`xmlns:${prefix}`] : root.attrs.xmlns;
  if (declared !== CORE_NS || root.selfClosing) return null;
  const q = prefix ? `${prefix}:lastModifiedBy` : "lastModifiedBy";
  const el = children(outline, root.path).find((e) => e.qname === q);
  const text = `<${q}>${xmlEscape(PRODUCED_BY)}</${q}>`;
  const edit: TextEdit = el ? { from: el.start, to: el.end, text } : { from: root.closeStart, to: root.closeStart, text };
  return { part, xml: applyEdits(xml, [edit]) };
}
