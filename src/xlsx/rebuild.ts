// The package a writer library (exceljs) is given when a command must save into the
// user's workbook: rebuilt from exactly the parts the reader resolved through the
// relationships and bounded, under the fixed names exceljs looks for, stored (no
// compression: every part is already in memory and within the limits). exceljs never sees
// an unreferenced entry, a part past a bound, a whole-sheet merge or an unbounded
// drop-down range: those are clipped to the used range in the rebuilt sheet.
import { columnLetter } from "../core/shared/columnLetters";
import type { MergedArea } from "../core/shared/types";
import type { OpcPackage, Relationship } from "./package/opc";
import { rewriteXml, escapeXmlAttr, type Attrs } from "./package/xml";
import { storeZip } from "./package/zip";
import type { ReadSheet, WorkbookRead } from "./read";
import { READ_LIMITS } from "./readLimits";
import { MERGE_CLIP_CELLS, parseRangeRef } from "./readSheet";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A drop-down range is clipped only above this many cells (small ones stay as drawn). */
const VALIDATION_CLIP_CELLS = 200_000;
/** Rows and columns kept past the used range when a drop-down range is clipped. */
const VALIDATION_MARGIN_ROWS = 5000;
const VALIDATION_MARGIN_COLUMNS = 10;
/** Empty rows/cells (formatting only) dropped from a rebuilt sheet above this many. */
const EMPTY_ELEMENTS_KEPT = 100_000;

interface Out {
  name: string;
  data: Uint8Array;
}

function rangeText(m: MergedArea): string {
  const a = `${columnLetter(m.left + 1)}${m.top + 1}`;
  const b = `${columnLetter(m.right + 1)}${m.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXmlAttr(r.id)}" Type="${escapeXmlAttr(r.type)}" Target="${escapeXmlAttr(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${items}</Relationships>`;
}

/** The extension of a media part, when it is one exceljs takes (letters and digits, 3–4). */
function mediaExtension(part: string): string | null {
  const dot = part.lastIndexOf(".");
  const ext = dot >= 0 ? part.slice(dot + 1).toLowerCase() : "";
  if (ext.length < 3 || ext.length > 4) return null;
  for (let i = 0; i < ext.length; i++) {
    const c = ext.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a))) return null;
  }
  return ext;
}

/** A sheet's XML as exceljs may load it: huge merges and drop-down ranges clipped to the
 *  used range, a huge declared dimension dropped, formatting-only rows and cells dropped
 *  when there are very many. Unchanged (same string) when none of that is needed. */
function boundedSheetXml(pkg: OpcPackage, s: ReadSheet, notes: string[]): string {
  const xml = s.xml!;
  const st = s.stats;
  const hugeMerge = st.rawMerges.some((m) => (m.bottom - m.top + 1) * (m.right - m.left + 1) > MERGE_CLIP_CELLS);
  const dropEmpty = st.emptyElements > EMPTY_ELEMENTS_KEPT;
  if (!hugeMerge && !st.hugeRanges && !dropEmpty) return xml;
  const lastRow = Math.max(1, st.lastRow);
  const lastColumn = Math.max(1, st.lastColumn);
  const label = `trang "${s.entry.name}"`;
  let clippedValidation = false;
  const out = rewriteXml(
    xml,
    (name: string, a: Attrs, _depth: number, selfClosing: boolean) => {
      if (dropEmpty && selfClosing && (name === "row" || name === "c")) return null;
      if (name === "dimension") return null;
      if (name === "mergeCells") {
        const { count: _count, ...rest } = a;
        return rest;
      }
      if (name === "mergeCell") {
        const m = a.ref ? parseRangeRef(a.ref) : null;
        if (!m || (m.bottom - m.top + 1) * (m.right - m.left + 1) <= MERGE_CLIP_CELLS) return a;
        if (m.top + 1 > lastRow || m.left + 1 > lastColumn) return null;
        const kept = { ...m, bottom: Math.min(m.bottom, lastRow - 1), right: Math.min(m.right, lastColumn - 1) };
        if (kept.top === kept.bottom && kept.left === kept.right) return null;
        return { ...a, ref: rangeText(kept) };
      }
      if (name === "dataValidation" && a.sqref) {
        const parts: string[] = [];
        for (const ref of a.sqref.split(" ")) {
          const r = ref ? parseRangeRef(ref) : null;
          if (!r) {
            if (ref) parts.push(ref);
            continue;
          }
          if ((r.bottom - r.top + 1) * (r.right - r.left + 1) <= VALIDATION_CLIP_CELLS) {
            parts.push(ref);
            continue;
          }
          clippedValidation = true;
          const bottom = Math.min(r.bottom, Math.max(r.top, lastRow - 1 + VALIDATION_MARGIN_ROWS));
          const right = Math.min(r.right, Math.max(r.left, lastColumn - 1 + VALIDATION_MARGIN_COLUMNS));
          parts.push(rangeText({ top: r.top, left: r.left, bottom, right }));
        }
        return parts.length > 0 ? { ...a, sqref: parts.join(" ") } : null;
      }
      return a;
    },
    pkg.at,
    label,
  );
  if (clippedValidation) {
    notes.push(
      `Danh sách chọn (Xác thực dữ liệu) phủ cả cột hay cả trang trên ${label} được giới hạn đến dòng ${lastRow + VALIDATION_MARGIN_ROWS} trong tệp ra.`,
    );
  }
  if (dropEmpty) {
    notes.push(
      `Trang "${s.entry.name}" có ${st.emptyElements.toLocaleString("vi-VN")} dòng/ô trống chỉ có định dạng; bản đọc bỏ qua chúng.`,
    );
  }
  return out;
}

/** The stored zip exceljs loads, and notes of what was clipped for it. `read` must come
 *  from readWorkbookBytes with keepSheetXml and every sheet. */
export function packageForWriter(read: WorkbookRead): { bytes: Uint8Array; notes: string[] } {
  const { pkg, workbook } = read;
  const enc = new TextEncoder();
  const out: Out[] = [];
  const notes: string[] = [];
  const overrides: [string, string][] = [];
  const part = (name: string, data: Uint8Array | string, contentType?: string) => {
    out.push({ name, data: typeof data === "string" ? enc.encode(data) : data });
    if (contentType) overrides.push([name, contentType]);
  };
  const copy = (source: string, name: string, contentType?: string, media = false): boolean => {
    if (!pkg.canRead(source)) return false;
    part(
      name,
      pkg.read(source, `phần ${source}`, media ? READ_LIMITS.mediaBytes : READ_LIMITS.partBytes),
      contentType ?? pkg.contentType(source),
    );
    return true;
  };

  // Package: the workbook and its document properties.
  const rootRels = [{ id: "rId1", type: `${REL}/officeDocument`, target: "xl/workbook.xml" }];
  for (const r of pkg.relationships("")) {
    if (r.external) continue;
    if (r.type === "core-properties" && copy(r.target, "docProps/core.xml")) {
      rootRels.push({
        id: "rId2",
        type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        target: "docProps/core.xml",
      });
    }
    if (r.type === "extended-properties" && copy(r.target, "docProps/app.xml")) {
      rootRels.push({ id: "rId3", type: `${REL}/extended-properties`, target: "docProps/app.xml" });
    }
  }
  part("_rels/.rels", relsXml(rootRels));

  // Workbook: only the worksheets read (a chart sheet's or a dropped part's <sheet> goes).
  const sheetIds = new Map<string, number>();
  const wbRels: Relationship[] = pkg.relationships(workbook.part);
  const kept = new Set(read.sheets.map((s) => s.entry.part));
  const rels: { id: string; type: string; target: string }[] = [];
  read.sheets.forEach((s, i) => sheetIds.set(s.entry.part, i + 1));
  const ridOf = new Map<string, string>();
  for (const r of wbRels) if (r.type === "worksheet" && kept.has(r.target)) ridOf.set(r.id, r.target);
  part(
    "xl/workbook.xml",
    rewriteXml(
      pkg.text(workbook.part, "phần nội dung chính của sổ", READ_LIMITS.relsBytes),
      (name, a) => {
        if (name === "externalReferences" || name === "pivotCaches" || name === "fileRecoveryPr") return null;
        if (name !== "sheet") return a;
        const rid = a["r:id"];
        return rid !== undefined && ridOf.has(rid) ? a : null;
      },
      pkg.at,
      "phần nội dung chính của sổ",
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  );
  for (const [rid, target] of ridOf) {
    rels.push({ id: rid, type: `${REL}/worksheet`, target: `worksheets/sheet${sheetIds.get(target)}.xml` });
  }
  let n = 0;
  const fixed: [string, string, string][] = [
    ["styles", "styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"],
    ["sharedStrings", "sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"],
    ["theme", "theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"],
  ];
  for (const [type, target, ct] of fixed) {
    const source = workbook.related.get(type);
    if (source && copy(source, `xl/${target}`, ct)) rels.push({ id: `rIdW${++n}`, type: `${REL}/${type}`, target });
  }
  part("xl/_rels/workbook.xml.rels", relsXml(rels));

  // Sheets with their tables, drawings (pictures only), comments and links.
  let tables = 0;
  let drawings = 0;
  let comments = 0;
  let vml = 0;
  let media = 0;
  const mediaName = new Map<string, string>();
  const mediaOf = (source: string): string | null => {
    const known = mediaName.get(source);
    if (known) return known;
    const ext = mediaExtension(source);
    if (!ext) return null;
    const name = `image${++media}.${ext}`;
    if (!copy(source, `xl/media/${name}`, undefined, true)) return null;
    mediaName.set(source, name);
    return name;
  };
  for (const s of read.sheets) {
    const i = sheetIds.get(s.entry.part)!;
    part(
      `xl/worksheets/sheet${i}.xml`,
      boundedSheetXml(pkg, s, notes),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    );
    const sheetRels: { id: string; type: string; target: string; external?: boolean }[] = [];
    for (const r of pkg.relationships(s.entry.part)) {
      if (r.external) {
        if (r.type === "hyperlink") sheetRels.push({ id: r.id, type: `${REL}/hyperlink`, target: r.target, external: true });
        continue;
      }
      if (r.type === "table" && copy(r.target, `xl/tables/table${tables + 1}.xml`)) {
        sheetRels.push({ id: r.id, type: `${REL}/table`, target: `../tables/table${++tables}.xml` });
      } else if (r.type === "comments" && copy(r.target, `xl/comments${comments + 1}.xml`)) {
        sheetRels.push({ id: r.id, type: `${REL}/comments`, target: `../comments${++comments}.xml` });
      } else if (r.type === "vmlDrawing" && copy(r.target, `xl/drawings/vmlDrawing${vml + 1}.vml`)) {
        sheetRels.push({ id: r.id, type: `${REL}/vmlDrawing`, target: `../drawings/vmlDrawing${++vml}.vml` });
      } else if (r.type === "image") {
        const m = mediaOf(r.target);
        if (m) sheetRels.push({ id: r.id, type: `${REL}/image`, target: `../media/${m}` });
      } else if (r.type === "drawing" && copy(r.target, `xl/drawings/drawing${drawings + 1}.xml`)) {
        const d = ++drawings;
        sheetRels.push({ id: r.id, type: `${REL}/drawing`, target: `../drawings/drawing${d}.xml` });
        const drawingRels: { id: string; type: string; target: string }[] = [];
        for (const dr of pkg.relationships(r.target)) {
          if (dr.external || dr.type !== "image") continue;
          const m = mediaOf(dr.target);
          if (m) drawingRels.push({ id: dr.id, type: `${REL}/image`, target: `../media/${m}` });
        }
        part(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(drawingRels));
      }
    }
    if (sheetRels.length > 0) part(`xl/worksheets/_rels/sheet${i}.xml.rels`, relsXml(sheetRels));
  }

  const types =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
    overrides
      .filter(([, ct]) => ct)
      .map(([name, ct]) => `<Override PartName="/${escapeXmlAttr(name)}" ContentType="${escapeXmlAttr(ct)}"/>`)
      .join("") +
    `</Types>`;
  out.unshift({ name: "[Content_Types].xml", data: enc.encode(types) });
  return { bytes: storeZip(out), notes };
}
