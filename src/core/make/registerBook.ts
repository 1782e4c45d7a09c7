// The register book on paper: how each sheet the tool makes (Thông tin, Đảng viên, Sổ chuyên
// đề, Điểm danh, Biên bản, Ý kiến) prints. Above its table, a title with the year and a line
// with the chi bộ; the table ruled, its header row repeated on every page, its rows as tall
// as their wrapped text, every page numbered at the foot, the sheet's pages from 1.
//
// The title and the chi bộ line are formulas that read Thông tin when the book has the
// tool's Thông tin sheet: a register made before the secretary fills in the chi bộ (the
// usual order) prints the right name once it is typed, and the tool never has to rewrite
// a sheet the secretary works in. Otherwise they are written as text.
//
// Widths are chosen so that every column fits the printable width at 100 %: fit-to-width
// then never shrinks the type (it only would if the secretary widened columns herself).
import { FONT, REGISTER_BOOK, PAGE_MM } from "../shared/partyFormat";
import type { CellStyle, ModelCell, ModelValue, PrintSetup, Range1 } from "./sheetModel";
import { CELL_PADDING_PT, mmForWidthChars, PT_PER_MM, rowHeightFor, wrappedLineCount } from "./textFit";
import { prefixedName } from "./partyHeader";

/** Row of every canonical table's header: the title is row 1, the chi bộ line row 2. */
export const BOOK_HEADER_ROW = 3;
/** First data row of every canonical table. */
export const BOOK_FIRST_DATA_ROW = BOOK_HEADER_ROW + 1;
/** Where the titles look for Thông tin's keys and values: its table's rows (below the titles). */
const INFO_ROWS = { top: BOOK_FIRST_DATA_ROW - 1, bottom: 200 };

export type Orientation = "portrait" | "landscape";

/** Width in Excel column units that prints within the register book's margins at 100 %. */
export function printableWidthChars(orientation: Orientation): number {
  const m = REGISTER_BOOK.marginsMm;
  const paper = orientation === "landscape" ? PAGE_MM.height : PAGE_MM.width;
  return (paper - m.left - m.right) / mmForWidthChars(1);
}

/** The page setup of a register-book sheet whose table header is `headerRow`. */
export function bookPrint(orientation: Orientation, headerRow = BOOK_HEADER_ROW): PrintSetup {
  return {
    paper: "A4",
    orientation,
    fitToWidth: true,
    printTitleRows: [headerRow, headerRow],
    margins: { ...REGISTER_BOOK.marginsMm },
    footer: REGISTER_BOOK.footer,
    firstPageNumber: 1,
  };
}

/** Where the title's chi bộ and year come from. */
export type TitleSource =
  | { kind: "info"; sheet: string; chiBo?: string; year?: number | string | null }
  | { kind: "text"; chiBo?: string; year?: number | string | null };

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The Thông tin value of `key`, as text ("" when missing): an INDEX/MATCH on its two columns. */
function infoLookup(sheet: string, key: string): string {
  const s = quoted(sheet);
  const keys = `${s}!$A$${INFO_ROWS.top}:$A$${INFO_ROWS.bottom}`;
  const values = `${s}!$B$${INFO_ROWS.top}:$B$${INFO_ROWS.bottom}`;
  return `TRIM(IFERROR(INDEX(${values},MATCH("${key}",${keys},0))&"",""))`;
}

const NAME_BLANK = "……";

function yearSuffix(year: number | string | null | undefined): string {
  const y = String(year ?? "").trim();
  return y === "" ? "" : ` NĂM ${y}`;
}

/** The title as it prints: "SỔ THEO DÕI … NĂM 2025". */
export function titleText(title: string, year: number | string | null | undefined): string {
  return title + yearSuffix(year);
}

/** The chi bộ line as it prints: "Chi bộ Phòng Kế toán" ("Chi bộ ……" without a name). */
export function chiBoLine(chiBo: string | undefined): string {
  const v = (chiBo ?? "").trim();
  return v === "" ? `Chi bộ ${NAME_BLANK}` : prefixedName("Chi bộ", v);
}

function titleValue(title: string, source: TitleSource): ModelValue {
  if (source.kind === "text") return titleText(title, source.year);
  const y = infoLookup(source.sheet, "Năm");
  return { formula: `="${title}"&IF(${y}="",""," NĂM "&${y})` };
}

function chiBoValue(source: TitleSource): ModelValue {
  if (source.kind === "text") return chiBoLine(source.chiBo);
  const c = infoLookup(source.sheet, "Chi bộ");
  // Case-blind prefix test: "Chi bộ 3", "CHI BỘ 3" and "3" all print "Chi bộ 3".
  return { formula: `=IF(${c}="","Chi bộ ${NAME_BLANK}",IF(LOWER(LEFT(${c},7))="chi bộ ",${c},"Chi bộ "&${c}))` };
}

export const TITLE_STYLE: CellStyle = {
  fontName: FONT,
  fontSize: REGISTER_BOOK.titleSize,
  bold: true,
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
};
export const SUBTITLE_STYLE: CellStyle = {
  fontName: FONT,
  fontSize: REGISTER_BOOK.subtitleSize,
  italic: true,
  hAlign: "center",
  vAlign: "top",
  wrap: true,
};

/** Points a cell of `chars` width units offers to text. */
function textWidthPt(chars: number): number {
  return mmForWidthChars(chars) * PT_PER_MM - CELL_PADDING_PT;
}

/** Rows 1–2 of a sheet `width` columns wide: the title and the chi bộ line, each merged across
 *  the table, with heights for the text as it prints today (a name typed later that needs
 *  more lines gets them when the row is fitted in Excel). */
export function titleRows(
  title: string,
  source: TitleSource,
  widths: readonly number[],
): { cells: ModelCell[]; merges: Range1[]; heights: [number, number] } {
  const width = widths.length;
  const total = textWidthPt(widths.reduce((a, b) => a + b, 0));
  const printedTitle = titleText(title, source.year);
  const printedChiBo = chiBoLine(source.chiBo);
  const line = (text: string, style: CellStyle) =>
    rowHeightFor(wrappedLineCount(text, total, style.fontSize ?? 11, style.bold), style.fontSize ?? 11);
  const merges: Range1[] =
    width > 1
      ? [
          { top: 1, left: 1, bottom: 1, right: width },
          { top: 2, left: 1, bottom: 2, right: width },
        ]
      : [];
  return {
    cells: [
      { row: 1, col: 1, value: titleValue(title, source), style: TITLE_STYLE },
      { row: 2, col: 1, value: chiBoValue(source), style: SUBTITLE_STYLE },
    ],
    merges,
    heights: [line(printedTitle, TITLE_STYLE) + 4, line(printedChiBo, SUBTITLE_STYLE) + 4],
  };
}

/** Heights for the header row and data rows of a table whose top-left is (headerRow, 1):
 *  rows whose text wraps to more lines than one get the height it needs; one-line rows are
 *  left to the default, so that Excel still fits them when the secretary types into them. */
export function tableRowHeights(
  headers: readonly string[],
  rows: readonly ModelValue[][],
  widths: readonly number[],
  wrapped: ReadonlySet<number>,
  size: number,
  headerRow = BOOK_HEADER_ROW,
): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  const oneLine = rowHeightFor(1, size);
  const fit = (values: readonly ModelValue[], bold: boolean, all: boolean): number | undefined => {
    let lines = 1;
    values.forEach((v, i) => {
      if (typeof v !== "string" || v === "" || (!all && !wrapped.has(i))) return;
      lines = Math.max(lines, wrappedLineCount(v, textWidthPt(widths[i] ?? 10), size, bold));
    });
    // One line of 10–11 pt fits the default row (15 pt).
    return lines > 1 ? Math.max(rowHeightFor(lines, size), oneLine) : undefined;
  };
  out[headerRow] = fit(headers, true, true);
  rows.forEach((r, i) => {
    const h = fit(r, false, false);
    if (h !== undefined) out[headerRow + 1 + i] = h;
  });
  return out;
}
