// Báo cáo quý as a Word document, drawn from the same QuarterReport as the sheet
// (src/core/make/report.ts), in the party form of HD 36-HD/VPTW (SPEC §7): A4, margins 20/20/
// 30/15 mm, Times New Roman; header block, "Số …-BC/CB", BÁO CÁO and its subject line,
// body 14, the topic table 12 with borders (its header row repeated on every page),
// "Nơi nhận:" 14 underlined with recipients 12, T/M CHI ỦY (or CHI BỘ) / BÍ THƯ; page numbers from
// page 2, centred in the top margin. The XML is written directly (pizzip, a run-time
// dependency already), every text escaped.
import PizZip from "pizzip";
import { escapeXml } from "../core/shared/xml";
import { xmlSafeText } from "../core/shared/xmlText";
import type { QuarterReport } from "../core/make/report";
import { FONT, HEADER_BLOCK, HEADER_DISTANCE_MM, MARGINS_MM, PAGE_MM, SIZES, TEXT_WIDTH_MM } from "../core/shared/partyFormat";
import { headerNameSize } from "../core/make/partyHeader";
import { PT_PER_MM } from "../core/make/textFit";
import { stampDocx } from "./properties";

const mm = (n: number) => Math.round((n * 1440) / 25.4);
const TEXT_WIDTH = mm(TEXT_WIDTH_MM);

/** Characters XML 1.0 forbids dropped (the one sanitiser), the rest escaped. */
function esc(s: string): string {
  return escapeXml(xmlSafeText(s));
}

interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function run(text: string, o: RunStyle = {}): string {
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

function para(
  text: string,
  o: RunStyle & { align?: "left" | "center" | "both"; after?: number; indent?: boolean; keepNext?: boolean } = {},
): string {
  const ppr =
    (o.keepNext ? "<w:keepNext/>" : "") +
    `<w:spacing w:before="0" w:after="${o.after ?? 60}" w:line="264" w:lineRule="auto"/>` +
    (o.indent ? '<w:ind w:firstLine="567"/>' : "") +
    `<w:jc w:val="${o.align ?? "both"}"/>`;
  return `<w:p><w:pPr>${ppr}</w:pPr>${text === "" ? "" : run(text, o)}</w:p>`;
}

const NONE =
  '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>';
const SINGLE =
  '<w:top w:val="single" w:sz="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:color="000000"/>' +
  '<w:bottom w:val="single" w:sz="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:color="000000"/>' +
  '<w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/>';

function cell(width: number, content: string, span = 1): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}</w:tcPr>${content || "<w:p/>"}</w:tc>`;
}

function table(widths: number[], rows: string[], borders: string, indent = 0, margins = 0): string {
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${indent ? `<w:tblInd w:w="${-indent}" w:type="dxa"/>` : ""}` +
    `<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:left w:w="${margins}" w:type="dxa"/><w:right w:w="${margins}" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>${rows.join("")}</w:tbl>`
  );
}

function row(cells: string, header = false): string {
  return `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${cells}</w:tr>`;
}

function body(report: QuarterReport): string {
  const out: string[] = [];
  const h = report.header;
  // Header block on the templates' grid (partyFormat), reaching into the margins; a name too
  // long for three lines is set smaller.
  const [a, b2] = HEADER_BLOCK.columnsMm;
  const grid = [mm(a), mm(b2), TEXT_WIDTH + mm(HEADER_BLOCK.outdentLeftMm + HEADER_BLOCK.outdentRightMm) - mm(a + b2)];
  const issuerPt = (a + b2) * PT_PER_MM;
  const c = (t: string, o: RunStyle = {}) => para(t, { ...o, align: "center", after: 0 });
  out.push(
    table(
      grid,
      [
        row(
          cell(
            grid[0] + grid[1],
            c(h.committee, { size: headerNameSize(h.committee, issuerPt, false).size }) +
              c(h.cell, { bold: true, size: headerNameSize(h.cell, issuerPt, true).size }) +
              c(h.star),
            2,
          ) + cell(grid[2], c(h.party, { bold: true, size: SIZES.party, underline: true })),
        ),
        row(
          cell(grid[0], c(report.number, { size: SIZES.number })) +
            cell(grid[1] + grid[2], c(h.placeAndDate, { italic: true, size: SIZES.placeAndDate }), 2),
        ),
      ],
      NONE,
      mm(HEADER_BLOCK.outdentLeftMm),
    ),
  );
  out.push(para("", { after: 120 }));
  out.push(para(report.kind, { align: "center", bold: true, size: SIZES.kind, after: 0 }));
  out.push(para(report.subject, { align: "center", bold: true, size: SIZES.subject, after: 0 }));
  out.push(para("-----", { align: "center", after: 0 }));
  out.push(para(report.asOfLine, { align: "center", italic: true, size: 13, after: 160 }));
  const widths = [mm(12), mm(45), mm(25), mm(28), TEXT_WIDTH - mm(110)];
  report.sections.forEach((section, i) => {
    // The last section keeps with Nơi nhận and the signature: they never stand alone on a page.
    const keepNext = i === report.sections.length - 1;
    out.push(para(section.heading, { bold: true, keepNext: true, indent: true, after: 60 }));
    for (const line of section.lines) out.push(para(line, { indent: true, keepNext }));
    const t = section.table;
    if (!t) return;
    const cc = (text: string, o: RunStyle & { align?: "left" | "center" } = {}) =>
      para(text, { size: SIZES.table, after: 0, align: o.align ?? "left", ...o });
    const rows = [row(t.headers.map((x, i) => cell(widths[i], cc(x, { bold: true, align: "center" }))).join(""), true)];
    if (t.rows.length === 0) rows.push(row(cell(TEXT_WIDTH, cc(t.empty, { italic: true, align: "center" }), 5)));
    for (const r of t.rows) {
      rows.push(
        row(
          cell(widths[0], cc(r.stt, { align: "center" })) +
            cell(widths[1], cc(r.topic)) +
            cell(widths[2], cc(r.meetingOn, { align: "center" })) +
            cell(widths[3], cc(r.result, { align: "center" })) +
            cell(widths[4], cc(r.steps, { size: SIZES.tableSmall })),
        ),
      );
    }
    out.push(table(widths, rows, SINGLE, 0, 57));
    out.push(para("", { after: 60 }));
  });
  // Nơi nhận left, signature right, kept together.
  const half = Math.round(TEXT_WIDTH / 2);
  const leftSide =
    para("Nơi nhận:", { underline: true, size: SIZES.recipientsHeading, align: "left", after: 0 }) +
    report.recipients.map((r) => para(r, { size: SIZES.recipients, align: "left", after: 0 })).join("");
  const rightSide =
    c(report.signature[0], { bold: true }) +
    c(report.signature[1], { bold: true }) +
    para("", { after: 1200 }) +
    c(report.signer, { bold: true });
  out.push(para("", { after: 120, keepNext: true }));
  out.push(table([half, TEXT_WIDTH - half], [row(cell(half, leftSide) + cell(TEXT_WIDTH - half, rightSide))], NONE));
  return out.join("");
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The report as .docx bytes. */
export function quarterReportDocx(report: QuarterReport): Uint8Array {
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
  zip.file("word/document.xml", xml + `<w:document ${NS}><w:body>${body(report)}${sect}</w:body></w:document>`);
  stampDocx(zip);
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}
