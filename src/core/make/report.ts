// Báo cáo quý (SPEC §7): the quarter report (QuarterReport, made in quarterReport.ts from
// the verdict model) drawn as a printable sheet (SheetModel, rendered by the CLI with
// exceljs and by the pane with Office.js); src/documents/reportDocx.ts draws the same
// report as a Word document.
//
// Form of a party document, HD 36-HD/VPTW (03/4/2018; font sizes as tabled in its
// Phụ lục 3, https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/40E84-hd-mau-trinh-bay-the-thuc-van-ban-va-ban-sao-van-ban-cua-dang.html;
// A4 and page numbers, https://vpdangdoan.vinhuni.edu.vn/thong-bao-van-ban/seo/huong-dan-ve-the-thuc-va-ky-thuat-trinh-bay-van-ban-cua-dang-86250):
// "ĐẢNG CỘNG SẢN VIỆT NAM" 15 bold; issuer's superior 14 upright, issuer 14 bold; "Số …"
// 14 upright; place and date 14 italic; kind of document ("BÁO CÁO") 15–16 bold; its
// subject line (trích yếu) 14–15 bold, normal case; body 14–15; "Nơi nhận:" 14 underlined,
// recipients 12; page numbers from page 2, centred in the top margin.
import type { QuarterReport, QuarterReportOptions } from "./quarterReport";
import { quarterReport, reportSheetName } from "./quarterReport";
import { headerNameSize } from "./partyHeader";
import { FONT, MARGINS_MM, PAGE_MM, SIZES, TEXT_WIDTH_MM } from "../shared/partyFormat";
import type { CellStyle, ModelCell, ModelValue, Range1, SheetModel } from "./sheetModel";
import { CELL_PADDING_PT, PT_PER_MM, rowHeightFor, widthCharsForMm, wrappedLineCount } from "./textFit";
import type { CheckResult, ParsedWorkbook, Quarter } from "../shared/types";

import { REPORT_TITLE_PREFIX, isQuarterReportSheet, reportSubjectLine, withoutReportSheets } from "./reportSheets";
export { REPORT_TITLE_PREFIX, isQuarterReportSheet, reportSubjectLine, withoutReportSheets };
// What the report says lives in quarterReport.ts; this file draws it.
export {
  TOPIC_HEADERS,
  defaultReportQuarter,
  quarterReport,
  reportFindings,
  reportQuarterFor,
  reportSheetName,
  unconfirmedNotice,
} from "./quarterReport";
export type { QuarterReport, QuarterReportOptions, ReportSection, ReportTopicRow } from "./quarterReport";

// ---- the report as a printable sheet -------------------------------------------

/** A4 portrait within the party margins: 165 mm to print on. */
const PRINT_WIDTH_MM = TEXT_WIDTH_MM;
/** Height left for rows on a page: A4 less the top and bottom margins, less what
 *  LibreOffice takes from the body for the page-number header (about 15 mm). */
const PRINT_HEIGHT_PT = (PAGE_MM.height - MARGINS_MM.top - MARGINS_MM.bottom - 15) * PT_PER_MM;
/** Column widths in mm, summing to the printable width less 1 mm for rounding. */
const COLUMN_MM = [12, 45, 25, 28, 55];
const LAST_COL = COLUMN_MM.length;
/** Header block on the columns (the party's grid, within the margins a sheet cannot leave):
 *  the issuer A–C (82 mm, a long name on at most three lines), "ĐẢNG CỘNG SẢN VIỆT NAM" D–E
 *  (83 mm); under them the number A–B and the place and date C–E (108 mm, "Thành phố Hồ Chí
 *  Minh, ngày 05 tháng 10 năm 2025" on one line). Nơi nhận and the signature: A–B, C–E. */
const ISSUER_END = 3;
const PARTY_START = 4;
const LEFT_END = 2;
const RIGHT_START = 3;

const BODY: CellStyle = { fontName: FONT, fontSize: SIZES.body, wrap: true, vAlign: "top" };
const HEADING: CellStyle = { ...BODY, bold: true };
const TABLE_HEAD: CellStyle = {
  fontName: FONT,
  fontSize: SIZES.table,
  bold: true,
  border: true,
  wrap: true,
  hAlign: "center",
  vAlign: "middle",
};
const TABLE_CELL: CellStyle = { fontName: FONT, fontSize: SIZES.table, border: true, wrap: true, vAlign: "top" };
const TABLE_CENTER: CellStyle = { ...TABLE_CELL, hAlign: "center" };
const TABLE_STEPS: CellStyle = { ...TABLE_CELL, fontSize: SIZES.tableSmall };

class SheetBuilder {
  readonly cells: ModelCell[] = [];
  readonly merges: Range1[] = [];
  /** Height in points of each row, from the text that wraps in it. */
  readonly heights: number[] = [];

  constructor(private readonly columnMm: readonly number[]) {}

  widthPtOf(left: number, right: number): number {
    return this.widthPt(left, right);
  }

  private widthPt(left: number, right: number): number {
    let mm = 0;
    for (let c = left; c <= right; c++) mm += this.columnMm[c - 1] ?? 0;
    return mm * PT_PER_MM - CELL_PADDING_PT;
  }

  private fit(row: number, left: number, right: number, value: ModelValue, style: CellStyle): void {
    const size = style.fontSize ?? 11;
    const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
    const lines =
      text === "" ? 1 : style.wrap ? wrappedLineCount(text, this.widthPt(left, right), size, style.bold) : text.split("\n").length;
    this.heights[row] = Math.max(this.heights[row] ?? 0, rowHeightFor(lines, size));
  }

  set(row: number, col: number, value: ModelValue, style: CellStyle = BODY): void {
    this.cells.push({ row, col, value, style });
    this.fit(row, col, col, value, style);
  }

  /** A value spread over columns left..right of one row. */
  span(row: number, left: number, right: number, value: ModelValue, style: CellStyle): void {
    this.cells.push({ row, col: left, value, style });
    this.fit(row, left, right, value, style);
    if (right > left) {
      // Bordered spans need the border on every covered cell.
      if (style.border) for (let c = left + 1; c <= right; c++) this.cells.push({ row, col: c, value: null, style });
      this.merges.push({ top: row, left, bottom: row, right });
    }
  }

  /** A paragraph across the printable width. */
  paragraph(row: number, value: string, style: CellStyle = BODY): void {
    this.span(row, 1, LAST_COL, value, style);
  }

  /** A table row: one value per column starting at column 1. */
  row(row: number, values: readonly ModelValue[], styles: readonly CellStyle[]): void {
    values.forEach((v, i) => {
      this.set(row, i + 1, v, styles[i] ?? TABLE_CELL);
    });
  }

  /** An empty row of `points`. */
  gap(row: number, points: number): void {
    this.heights[row] = Math.max(this.heights[row] ?? 0, points);
  }
}

/** The page (0-based) each row 1..last prints on, rows of `heights` points filling pages of
 *  PRINT_HEIGHT_PT, with manual breaks before the rows of `breaks` (how the breaks are
 *  planned; the tests read a drawn report's pages with it). */
export function reportPages(heights: readonly (number | undefined)[], last: number, breaks: readonly number[]): number[] {
  const pages: number[] = [];
  let page = 0;
  let y = 0;
  for (let row = 1; row <= last; row++) {
    const h = heights[row] ?? 15;
    if ((breaks.includes(row) && y > 0) || y + h > PRINT_HEIGHT_PT) {
      page++;
      y = 0;
    }
    pages[row] = page;
    y += h;
  }
  return pages;
}

/** Draws a QuarterReport as the sheet `name`, A4 portrait. */
export function reportSheet(report: QuarterReport, name: string): SheetModel {
  const b = new SheetBuilder(COLUMN_MM);
  const center = (size: number, extra: CellStyle = {}): CellStyle => ({
    fontName: FONT,
    fontSize: size,
    hAlign: "center",
    vAlign: "top",
    wrap: true,
    ...extra,
  });

  // Header block: left ĐẢNG BỘ … / CHI BỘ … / * / Số …; right ĐẢNG CỘNG SẢN VIỆT NAM
  // (underlined) and, on the line of the number, place and date. A long name is set
  // smaller rather than take a fourth line; the star stays right under it.
  const h = report.header;
  const issuerPt = b.widthPtOf(1, ISSUER_END);
  const committee = headerNameSize(h.committee, issuerPt, false).size;
  const cell = headerNameSize(h.cell, issuerPt, true).size;
  b.span(1, 1, ISSUER_END, h.committee, center(committee));
  b.span(1, PARTY_START, LAST_COL, h.party, center(SIZES.party, { bold: true, underline: true }));
  b.span(2, 1, ISSUER_END, h.cell, center(cell, { bold: true }));
  b.span(3, 1, ISSUER_END, h.star, center(SIZES.cell));
  b.span(4, 1, LEFT_END, report.number, center(SIZES.number));
  b.span(4, RIGHT_START, LAST_COL, h.placeAndDate, center(SIZES.placeAndDate, { italic: true }));
  b.gap(5, 12);

  // Kind and subject line, then the date of the figures.
  b.paragraph(6, report.kind, center(SIZES.kind, { bold: true }));
  b.paragraph(7, report.subject, center(SIZES.subject, { bold: true }));
  b.paragraph(8, "-----", center(14));
  b.paragraph(9, report.asOfLine, center(13, { italic: true }));

  let r = 10;
  let tableHeaderRow: number | null = null;
  let tableEnd = 0;
  let lastHeading = r;
  const headings: number[] = [];
  for (const section of report.sections) {
    b.gap(r++, 8);
    lastHeading = r;
    headings.push(r);
    b.paragraph(r++, section.heading, HEADING);
    for (const line of section.lines) b.paragraph(r++, line);
    const table = section.table;
    if (!table) continue;
    tableHeaderRow = r;
    b.row(
      r++,
      table.headers,
      table.headers.map(() => TABLE_HEAD),
    );
    if (table.rows.length === 0) b.span(r++, 1, LAST_COL, table.empty, { ...TABLE_CELL, italic: true, hAlign: "center" });
    for (const t of table.rows) {
      b.row(r++, [t.stt, t.topic, t.meetingOn, t.result, t.steps], [TABLE_CENTER, TABLE_CELL, TABLE_CENTER, TABLE_CENTER, TABLE_STEPS]);
    }
    tableEnd = r - 1;
  }

  // Nơi nhận left, T/M CHI BỘ / BÍ THƯ / name right.
  b.gap(r++, 12);
  const sign = center(SIZES.signature, { bold: true });
  b.span(r, 1, LEFT_END, "Nơi nhận:", { fontName: FONT, fontSize: SIZES.recipientsHeading, underline: true, vAlign: "top" });
  b.span(r, RIGHT_START, LAST_COL, report.signature[0], sign);
  b.span(r + 1, 1, LEFT_END, report.recipients[0], { fontName: FONT, fontSize: SIZES.recipients, wrap: true, vAlign: "top" });
  b.span(r + 1, RIGHT_START, LAST_COL, report.signature[1], sign);
  report.recipients.slice(1).forEach((line, i) => {
    b.span(r + 2 + i, 1, LEFT_END, line, { fontName: FONT, fontSize: SIZES.recipients, wrap: true, vAlign: "top" });
  });
  for (let i = 2; i < 6; i++) b.gap(r + i, 18);
  b.span(r + 6, RIGHT_START, LAST_COL, report.signer === "" ? null : report.signer, sign);

  // Repeat the table's header row on the following pages only when the table itself
  // runs past the first page: Excel repeats title rows on every page, and a header above
  // section III or the signature would only confuse the reader.
  let top = 0;
  for (let row = 1; row <= tableEnd; row++) top += b.heights[row] ?? 15;
  const tableCrossesPage = tableHeaderRow !== null && top > PRINT_HEIGHT_PT;
  // Keep Nơi nhận and the signature on one page, and never alone on it: when they would
  // straddle a page end, or would start a page of their own, the last section moves to the
  // next page with them (or, when that section is too long for one page, its last line).
  // A section heading left as the last line of a page goes to the next page with its text.
  const pageBreaksBefore: number[] = [];
  const last = r + 6;
  for (const h of headings) {
    const pages = reportPages(b.heights, last, pageBreaksBefore);
    if (pages[h] !== pages[h + 1]) pageBreaksBefore.push(h);
  }
  const pages = reportPages(b.heights, last, pageBreaksBefore);
  if (pages[r] !== pages[last] || pages[r - 2] !== pages[r]) {
    let tail = 0;
    for (let row = lastHeading; row <= last; row++) tail += b.heights[row] ?? 15;
    const at = tail <= PRINT_HEIGHT_PT ? lastHeading : r - 2;
    if (!pageBreaksBefore.includes(at)) pageBreaksBefore.push(at);
  }
  pageBreaksBefore.sort((a, b) => a - b);

  const heights: (number | undefined)[] = [];
  for (let row = 1; row <= r + 6; row++) heights[row] = b.heights[row] ?? 15;

  return {
    name,
    cells: b.cells,
    merges: b.merges,
    columnWidths: [undefined, ...COLUMN_MM.map((mm) => widthCharsForMm(mm))],
    rowHeights: heights,
    print: {
      paper: "A4",
      orientation: "portrait",
      // The widths already fit; fit-to-width only guards against a renderer's rounding.
      fitToWidth: true,
      printTitleRows: tableCrossesPage && tableHeaderRow !== null ? [tableHeaderRow, tableHeaderRow] : undefined,
      margins: { ...MARGINS_MM },
      pageNumbersFromPage2: true,
      // Its own pages from 1, also when the whole workbook is printed.
      firstPageNumber: 1,
      ...(pageBreaksBefore.length > 0 ? { pageBreaksBefore } : {}),
    },
  };
}

/**
 * The Báo cáo quý sheet for quarter `quarter` of `year` (SPEC §7): header block, number,
 * BÁO CÁO and its subject line, summary, the quarter's topics, shortcomings, next
 * quarter's plan, Nơi nhận and signature. User text goes in as plain values; the
 * renderers keep it text.
 */
export function buildQuarterReport(
  book: ParsedWorkbook,
  result: CheckResult,
  quarter: Quarter,
  year: number,
  opts: QuarterReportOptions,
): SheetModel {
  return reportSheet(quarterReport(book, result, quarter, year, opts), reportSheetName(quarter, year));
}

/** Sum of the report's column widths in mm (the printable width is 165 mm). */
export const REPORT_COLUMNS_MM = { columns: COLUMN_MM, printable: PRINT_WIDTH_MM };
