// Báo cáo quý as a Word document, drawn from the same QuarterReport as the sheet
// (src/core/make/report.ts), in the party form of HD 36-HD/VPTW (SPEC §7): A4, margins 20/20/
// 30/15 mm, Times New Roman; header block, "Số …-BC/CB", BÁO CÁO and its subject line,
// body 14, the topic table 12 with borders (its header row repeated on every page),
// "Nơi nhận:" 14 underlined with recipients 12, T/M CHI ỦY (or CHI BỘ) / BÍ THƯ; page numbers from
// page 2, centred in the top margin. The XML pieces are docxXml.ts's.
import type { QuarterReport } from "../core/make/report";
import { SIZES } from "../core/shared/partyFormat";
import { cell, closingBlockXml, headerBlockXml, mm, packageDocx, para, row, SINGLE, table, TEXT_WIDTH, type RunStyle } from "./docxXml";

function body(report: QuarterReport): string {
  const out: string[] = [];
  out.push(headerBlockXml(report.header, report.number));
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
  out.push(closingBlockXml(report.recipients, report.signature, report.signer));
  return out.join("");
}

/** The report as .docx bytes. */
export function quarterReportDocx(report: QuarterReport): Uint8Array {
  return packageDocx(body(report));
}
