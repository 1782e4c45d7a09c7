// The WordprocessingML pieces of the Word papers written directly (no template): Báo cáo quý
// (reportDocx.ts) and the đảng ủy's year report (yearReportDocx.ts). The party form comes
// from partyFormat.ts: A4, margins, Times New Roman, the header grid, page numbers from page 2
// centred in the top margin. Every text is escaped; characters XML forbids are dropped.
import PizZip from "pizzip";
import { escapeXml } from "../core/shared/xml";
import { xmlSafeText } from "../core/shared/xmlText";
import { FONT, HEADER_BLOCK, HEADER_DISTANCE_MM, MARGINS_MM, PAGE_MM, SIZES, TEXT_WIDTH_MM } from "../core/shared/partyFormat";
import { headerNameSize, type PartyHeader } from "../core/make/partyHeader";
import { PT_PER_MM } from "../core/make/textFit";
import { stampDocx } from "./properties";

export const mm = (n: number) => Math.round((n * 1440) / 25.4);
export const TEXT_WIDTH = mm(TEXT_WIDTH_MM);

/** Characters XML 1.0 forbids dropped (the one sanitiser), the rest escaped. */
function esc(s: string): string {
  return escapeXml(xmlSafeText(s));
}

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface ParaStyle extends RunStyle {
  align?: "left" | "center" | "both";
  after?: number;
  indent?: boolean;
  /** Left indent in twips (a list under a heading). */
  left?: number;
  keepNext?: boolean;
}

export function run(text: string, o: RunStyle = {}): string {
  const size = o.size ?? SIZES.body;
  const props =
    `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}"/>` +
    (o.bold ? "<w:b/><w:bCs/>" : "") +
    (o.italic ? "<w:i/><w:iCs/>" : "") +
    `<w:sz w:val="${size * 2}"/><w:szCs w:val="${size * 2}"/>` +
    (o.underline ? '<w:u w:val="single"/>' : "");
  // A line break inside a value ("\n") prints as one.
  const parts = text.split("\n").map((t) => `<w:t xml:space="preserve">${esc(t)}</w:t>`);
  return `<w:r><w:rPr>${props}</w:rPr>${parts.join("<w:br/>")}</w:r>`;
}

/** A paragraph of one run, or of several ([text, style] pieces: a bold lead-in). */
export function para(text: string | [string, RunStyle][], o: ParaStyle = {}): string {
  const ind = o.indent || o.left ? `<w:ind${o.left ? ` w:left="${o.left}"` : ""}${o.indent ? ' w:firstLine="567"' : ""}/>` : "";
  const ppr =
    (o.keepNext ? "<w:keepNext/>" : "") +
    `<w:spacing w:before="0" w:after="${o.after ?? 60}" w:line="264" w:lineRule="auto"/>` +
    ind +
    `<w:jc w:val="${o.align ?? "both"}"/>`;
  const runs = typeof text === "string" ? (text === "" ? "" : run(text, o)) : text.map(([t, s]) => run(t, { ...o, ...s })).join("");
  return `<w:p><w:pPr>${ppr}</w:pPr>${runs}</w:p>`;
}

export const NONE =
  '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>';
export const SINGLE =
  '<w:top w:val="single" w:sz="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:color="000000"/>' +
  '<w:bottom w:val="single" w:sz="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:color="000000"/>' +
  '<w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/>';

export function cell(width: number, content: string, span = 1): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}</w:tcPr>${content || "<w:p/>"}</w:tc>`;
}

export function table(widths: number[], rows: string[], borders: string, indent = 0, margins = 0): string {
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${indent ? `<w:tblInd w:w="${-indent}" w:type="dxa"/>` : ""}` +
    `<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:left w:w="${margins}" w:type="dxa"/><w:right w:w="${margins}" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>${rows.join("")}</w:tbl>`
  );
}

export function row(cells: string, header = false): string {
  return `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${cells}</w:tr>`;
}

const centred = (t: string, o: RunStyle = {}) => para(t, { ...o, align: "center", after: 0 });

/** The header block on the templates' grid (partyFormat), reaching into the margins: the
 *  superior upright and the issuer bold over the star, left; the party line right; the
 *  number under the issuer, the place and date under the party line. A name too long for
 *  three lines is set smaller (headerNameSize). */
export function headerBlockXml(h: PartyHeader, number: string): string {
  const [a, b2] = HEADER_BLOCK.columnsMm;
  const grid = [mm(a), mm(b2), TEXT_WIDTH + mm(HEADER_BLOCK.outdentLeftMm + HEADER_BLOCK.outdentRightMm) - mm(a + b2)];
  const issuerPt = (a + b2) * PT_PER_MM;
  return table(
    grid,
    [
      row(
        cell(
          grid[0] + grid[1],
          centred(h.committee, { size: headerNameSize(h.committee, issuerPt, false).size }) +
            centred(h.cell, { bold: true, size: headerNameSize(h.cell, issuerPt, true).size }) +
            centred(h.star),
          2,
        ) + cell(grid[2], centred(h.party, { bold: true, size: SIZES.party, underline: true })),
      ),
      row(
        cell(grid[0], centred(number, { size: SIZES.number })) +
          cell(grid[1] + grid[2], centred(h.placeAndDate, { italic: true, size: SIZES.placeAndDate }), 2),
      ),
    ],
    NONE,
    mm(HEADER_BLOCK.outdentLeftMm),
  );
}

/** "Nơi nhận:" and the recipients left, the signature right (title lines, room to sign, the
 *  name), one unsplittable row: the paragraph before it keeps with it (keepNext), so no page
 *  holds the closing block alone. */
export function closingBlockXml(recipients: readonly string[], signature: readonly string[], signer: string): string {
  const half = Math.round(TEXT_WIDTH / 2);
  const leftSide =
    para("Nơi nhận:", { underline: true, size: SIZES.recipientsHeading, align: "left", after: 0 }) +
    recipients.map((r) => para(r, { size: SIZES.recipients, align: "left", after: 0 })).join("");
  const rightSide = signature.map((s) => centred(s, { bold: true })).join("") + para("", { after: 1200 }) + centred(signer, { bold: true });
  return (
    para("", { after: 120, keepNext: true }) +
    table([half, TEXT_WIDTH - half], [row(cell(half, leftSide) + cell(TEXT_WIDTH - half, rightSide))], NONE)
  );
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A .docx of `bodyXml` on A4 with the party margins and page numbers from page 2. */
export function packageDocx(bodyXml: string): Uint8Array {
  const margin = MARGINS_MM;
  const sect =
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdFirst"/>' +
    `<w:pgSz w:w="${mm(PAGE_MM.width)}" w:h="${mm(PAGE_MM.height)}"/><w:pgMar w:top="${mm(margin.top)}" w:right="${mm(margin.right)}" w:bottom="${mm(margin.bottom)}" w:left="${mm(margin.left)}" w:header="${mm(HEADER_DISTANCE_MM)}" w:footer="${mm(HEADER_DISTANCE_MM)}" w:gutter="0"/>` +
    "<w:titlePg/></w:sectPr>";
  const pn = `<w:r><w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}"/><w:sz w:val="${SIZES.pageNumber * 2}"/></w:rPr>`;
  const pageNumber =
    `<w:hdr ${NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
    `${pn}<w:fldChar w:fldCharType="begin"/></w:r>` +
    `${pn}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
    `${pn}<w:fldChar w:fldCharType="separate"/></w:r>` +
    `${pn}<w:t>2</w:t></w:r>` +
    `${pn}<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`;
  const zip = new PizZip();
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  zip.file(
    "[Content_Types].xml",
    xml +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
      '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
      "</Types>",
  );
  zip.file(
    "_rels/.rels",
    xml +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      "</Relationships>",
  );
  zip.file(
    "word/_rels/document.xml.rels",
    xml +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' +
      '<Relationship Id="rIdFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>' +
      "</Relationships>",
  );
  zip.file("word/header1.xml", xml + pageNumber);
  zip.file("word/header2.xml", xml + `<w:hdr ${NS}><w:p/></w:hdr>`);
  zip.file("word/document.xml", xml + `<w:document ${NS}><w:body>${bodyXml}${sect}</w:body></w:document>`);
  stampDocx(zip);
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}
