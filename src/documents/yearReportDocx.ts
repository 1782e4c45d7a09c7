// The đảng ủy's year report (src/core/make/yearReport.ts) as a Word document in the party
// form (HD 36-HD/VPTW): header block with "Số …-BC/ĐU", BÁO CÁO and its subject, body 14,
// ruled tables 12 with their header row repeated on every page, Nơi nhận and T/M ĐẢNG ỦY kept
// with the last lines before them; page numbers from page 2.
import type { YearReport, YearReportTable } from "../core/make/yearReport";
import { SIZES } from "../core/shared/partyFormat";
import { cell, closingBlockXml, headerBlockXml, mm, packageDocx, para, row, SINGLE, table, TEXT_WIDTH } from "./docxXml";

function tableXml(t: YearReportTable): string {
  const widths = t.widthsMm.map(mm);
  widths[widths.length - 1] = TEXT_WIDTH - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const cc = (text: string, o: { bold?: boolean; italic?: boolean; center?: boolean } = {}) =>
    para(text, { size: SIZES.table, after: 0, align: o.center ? "center" : "left", bold: o.bold, italic: o.italic });
  const rows = [row(t.headers.map((h, i) => cell(widths[i], cc(h, { bold: true, center: true }))).join(""), true)];
  if (t.rows.length === 0) rows.push(row(cell(TEXT_WIDTH, cc(t.empty, { italic: true, center: true }), widths.length)));
  for (const r of t.rows) {
    if (r.group || r.cells.length === 1) {
      // A đảng bộ's or chi bộ's line across the table; the total row keeps its columns.
      if (r.cells.length === 1) {
        rows.push(row(cell(TEXT_WIDTH, cc(r.cells[0], { bold: true }), widths.length)));
        continue;
      }
    }
    const bold = r.group === false;
    rows.push(row(r.cells.map((v, i) => cell(widths[i], cc(v, { center: t.centred[i], bold }))).join("")));
  }
  return table(widths, rows, SINGLE, 0, 57);
}

function body(report: YearReport): string {
  const out: string[] = [headerBlockXml(report.header, report.number)];
  out.push(para("", { after: 120 }));
  out.push(para(report.kind, { align: "center", bold: true, size: SIZES.kind, after: 0 }));
  out.push(para(report.subject, { align: "center", bold: true, size: SIZES.subject, after: 0 }));
  out.push(para("-----", { align: "center", after: 0 }));
  out.push(para(report.asOfLine, { align: "center", italic: true, size: 13, after: 160 }));
  report.sections.forEach((s, i) => {
    // The last section keeps with Nơi nhận and the signature: they never stand alone on a page.
    const keepNext = i === report.sections.length - 1;
    out.push(para(s.heading, { bold: true, keepNext: true, indent: true, after: 60 }));
    s.lines.forEach((line, j) =>
      out.push(para(line, { indent: true, keepNext: keepNext || (s.table !== undefined && j === s.lines.length - 1) })),
    );
    if (s.table) {
      out.push(tableXml(s.table));
      out.push(para("", { after: 60, keepNext }));
    }
    for (const line of s.after ?? []) out.push(para(line, { indent: true, keepNext }));
  });
  out.push(closingBlockXml(report.recipients, report.signature, report.signer));
  return out.join("");
}

/** The year report as .docx bytes. */
export function yearReportDocx(report: YearReport): Uint8Array {
  return packageDocx(body(report));
}
