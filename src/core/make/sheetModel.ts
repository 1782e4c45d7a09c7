// A sheet described as data, so that one builder in core serves two renderers:
// the Office.js adapter (src/excel) and the exceljs writer (src/cli). Both must
// write user text so that Excel shows it as text (no formula injection, SPEC §9).
import type { CellValue, SimpleDate } from "../shared/types";

/** 1-based inclusive range, like Excel's. */
export interface Range1 {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points. */
  fontSize?: number;
  fontName?: string;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin border on all sides. */
  border?: boolean;
  /** Fill colour, hex without '#', e.g. "DDEBF7". */
  fill?: string;
  numberFormat?: string;
}

/** A value to write: a plain cell value, or a date (written as a real date cell), or a
 *  formula the add-in itself wrote (never user text). */
export type ModelValue = CellValue | { date: SimpleDate } | { formula: string };

export interface ModelCell {
  /** 1-based row and column. */
  row: number;
  col: number;
  value: ModelValue;
  style?: CellStyle;
}

export interface ModelTable {
  name: string;
  /** Top-left of the header row, 1-based. */
  top: number;
  left: number;
  headers: string[];
  /** Data rows (may be empty: the table then gets one blank row). */
  rows: ModelValue[][];
  style?: string;
}

export interface ModelValidation {
  range: Range1;
  /** Allowed values (a drop-down list). */
  list: string[];
}

export interface ModelConditionalFormat {
  range: Range1;
  /** A formula relative to the range's top-left cell, e.g. "=COUNTIF(...)>0". */
  formula: string;
  fill: string;
}

export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  fitToWidth: boolean;
  /** Rows repeated at the top of each printed page, 1-based inclusive. */
  printTitleRows?: [number, number];
  /** Millimetres. */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Page numbers centred at the top of every page but the first (HD 36-HD/VPTW: party
   *  documents number their pages from page 2, in the top margin). */
  pageNumbersFromPage2?: boolean;
  /** Rows that start a new printed page (manual page breaks), 1-based. */
  pageBreaksBefore?: number[];
  /** The number of the sheet's first printed page, so that its pages are numbered from it
   *  also when the whole workbook is printed (otherwise numbering runs on from the sheet
   *  before). */
  firstPageNumber?: number;
  /** Excel header/footer codes for the footer of every page (e.g. "&CTrang &P"). */
  footer?: string;
}

export interface SheetModel {
  name: string;
  cells: ModelCell[];
  merges?: Range1[];
  /** Width in characters, by 1-based column index (index 0 unused). */
  columnWidths?: (number | undefined)[];
  tables?: ModelTable[];
  validations?: ModelValidation[];
  /** Number formats applied to whole ranges (e.g. the date columns of a table). */
  numberFormats?: { range: Range1; format: string }[];
  /** Styles applied to whole ranges (a column of a table, a header row): one request each
   *  in Excel, where per-cell styles would cost one per row. Cell styles are applied after. */
  rangeStyles?: { range: Range1; style: CellStyle }[];
  conditionalFormats?: ModelConditionalFormat[];
  print?: PrintSetup;
  /** Freeze the rows above this 1-based row. */
  freezeRows?: number;
  /** The sheet the workbook opens on (the renderers make it the active sheet). */
  active?: boolean;
  /** Row heights in points, by 1-based row (index 0 unused): set from the wrapped text so
   *  that nothing overlaps when printed (Excel and LibreOffice do not grow rows of merged
   *  or written-by-program cells on their own). */
  rowHeights?: (number | undefined)[];
}

// Column letters live in shared/columnLetters; re-exported for code that took them from here.
export { columnLetter } from "../shared/columnLetters";

/** True when Excel would take this text as a formula if written as a plain value. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
