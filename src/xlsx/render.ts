// SheetModel → exceljs worksheet. The Office.js renderer (src/excel) does the same for the
// add-in; both write user text as text (exceljs writes strings as strings, never as
// formulas, so "=1+1" typed by a user stays "=1+1").
import ExcelJS from "exceljs";
import type { CellStyle, ModelTable, ModelValue, Range1, SheetModel } from "../core/make/sheetModel";
import type { SimpleDate } from "../core/shared/types";
import { DATE_FORMAT } from "../core/read/layout";
import { columnLetter } from "../core/shared/columnLetters";
import { UserError } from "../core/shared/types";
import { markerName, markerReference, parseMarker, type SheetKind } from "../core/make/sheetMarker";
import { SHEET_PAGE_NUMBER_HEADER } from "../core/shared/partyFormat";
import { PRODUCED_BY } from "../version";

export interface RenderOptions {
  /** Replace a sheet of the same name (only sheets the tool itself made), keeping its
   *  position. Without it an existing name is an error. */
  replace?: boolean;
  /** Mark the sheet as the tool's (the defined name the add-in also reads). */
  kind?: SheetKind;
}

interface DefinedNames {
  model: { name: string; ranges: string[] }[];
  add(locStr: string, name: string): void;
}

const MM_PER_INCH = 25.4;
/** Hidden sheet holding drop-down lists too long for an inline list (Excel's 255-char limit). */
const LIST_SHEET = "_DanhSach";

export { columnLetter };

/** The sheet's headers and footers: the page number centred in the top margin from page 2
 *  on (HD 36-HD/VPTW; the first page gets an empty header of its own), and/or a footer on
 *  every page. */
function headerFooterOf(p: NonNullable<SheetModel["print"]>): Partial<ExcelJS.HeaderFooter> | null {
  if (!p.pageNumbersFromPage2 && !p.footer) return null;
  const hf: Partial<ExcelJS.HeaderFooter> = {};
  if (p.pageNumbersFromPage2) {
    hf.differentFirst = true;
    hf.firstHeader = "";
    hf.oddHeader = SHEET_PAGE_NUMBER_HEADER;
  }
  if (p.footer) {
    hf.oddFooter = p.footer;
    if (hf.differentFirst) hf.firstFooter = p.footer;
  }
  return hf;
}

/** Makes `ws` the sheet the workbook opens on (the workbook view's active tab, and the
 *  sheet's own tab selected). */
function makeActive(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  const index = wb.worksheets.indexOf(ws);
  if (index < 0) return;
  // exceljs writes a view's tabSelected (sheetView xform) though its typings leave it out.
  type View = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };
  for (const other of wb.worksheets) {
    const view = other.views?.[0] as View | undefined;
    if (other !== ws && view?.tabSelected) other.views = [{ ...view, tabSelected: false } as View];
  }
  wb.views = [{ x: 0, y: 0, width: 16000, height: 10000, firstSheet: 0, activeTab: index, visibility: "visible" }];
  ws.views = [{ ...(ws.views?.[0] ?? {}), tabSelected: true } as View];
}

export function rangeAddress(r: Range1): string {
  const a = `${columnLetter(r.left)}${r.top}`;
  const b = `${columnLetter(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

function isDateValue(v: ModelValue): v is { date: SimpleDate } {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "date" in v;
}
function isFormulaValue(v: ModelValue): v is { formula: string } {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "formula" in v;
}

/** A model value as exceljs wants it. Dates become UTC midnight (exceljs's convention). */
export function toExcelValue(v: ModelValue): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (isDateValue(v)) return new Date(Date.UTC(v.date.year, v.date.month - 1, v.date.day));
  if (isFormulaValue(v)) return { formula: v.formula.replace(/^=/, "") };
  if (typeof v === "string") return v.normalize("NFC");
  return v;
}

function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return h.length === 6 ? `FF${h}` : h;
}

/** Cells that look alike share one style object: exceljs remembers the style objects it
 *  has seen and finds each one's id once, instead of re-hashing every cell's font, border
 *  and alignment (most of the cost of writing a 200,000-row register). So a cell's style is
 *  never changed in place, only replaced (restyle). Keyed by the cell's current style (an
 *  empty one stands for all empty ones) and by what is added. */
const EMPTY_STYLE: Partial<ExcelJS.Style> = {};
const STYLE_CACHE = new WeakMap<Partial<ExcelJS.Style>, Map<string, Partial<ExcelJS.Style>>>();

function restyle(cell: ExcelJS.Cell, key: string, make: (base: Partial<ExcelJS.Style>) => Partial<ExcelJS.Style>): void {
  const current: Partial<ExcelJS.Style> = cell.style;
  const base = Object.keys(current).length === 0 ? EMPTY_STYLE : current;
  let byKey = STYLE_CACHE.get(base);
  if (!byKey) {
    byKey = new Map();
    STYLE_CACHE.set(base, byKey);
  }
  let next = byKey.get(key);
  if (!next) {
    next = make(base);
    byKey.set(key, next);
  }
  cell.style = next;
}

/** cell.numFmt = format, without touching a style other cells share. */
export function setNumFmt(cell: ExcelJS.Cell, format: string): void {
  restyle(cell, `numFmt:${format}`, (base) => ({ ...base, numFmt: format }));
}

/** The cache key of a model style, worked out once per style object (a style shared by a
 *  whole table would otherwise be serialised once per cell). */
const STYLE_KEYS = new WeakMap<CellStyle, string>();

function styleKeyOf(style: CellStyle): string {
  let key = STYLE_KEYS.get(style);
  if (key === undefined) {
    key = JSON.stringify(style);
    STYLE_KEYS.set(style, key);
  }
  return key;
}

/** Lays a model style over the cell's (shared style objects, as restyle does). Exported for
 *  the streamed writer, which passes a bare { style } slot for a cell. */
export function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  if (!style) return;
  restyle(cell, styleKeyOf(style), (base) => {
    const next: Partial<ExcelJS.Style> = { ...base };
    const font: Partial<ExcelJS.Font> = { ...(base.font ?? {}) };
    let fontSet = false;
    if (style.bold !== undefined) {
      font.bold = style.bold;
      fontSet = true;
    }
    if (style.italic !== undefined) {
      font.italic = style.italic;
      fontSet = true;
    }
    if (style.underline !== undefined) {
      font.underline = style.underline;
      fontSet = true;
    }
    if (style.fontSize !== undefined) {
      font.size = style.fontSize;
      fontSet = true;
    }
    if (style.fontName !== undefined) {
      font.name = style.fontName;
      fontSet = true;
    }
    if (fontSet) next.font = font;
    if (style.hAlign || style.vAlign || style.wrap !== undefined) {
      const alignment: Partial<ExcelJS.Alignment> = { ...(base.alignment ?? {}) };
      if (style.hAlign) alignment.horizontal = style.hAlign;
      if (style.vAlign) alignment.vertical = style.vAlign;
      if (style.wrap !== undefined) alignment.wrapText = style.wrap;
      next.alignment = alignment;
    }
    if (style.border) {
      const thin = { style: "thin" } as ExcelJS.Border;
      next.border = { top: thin, left: thin, bottom: thin, right: thin };
    }
    if (style.fill) {
      next.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    }
    if (style.numberFormat) next.numFmt = style.numberFormat;
    return next;
  });
}

/** An inline list formula for a data validation, or null when it would pass Excel's
 *  255-character limit. */
function inlineList(values: readonly string[]): string | null {
  if (values.some((v) => v.includes(","))) return null;
  const text = `"${values.map((v) => v.replace(/"/g, '""')).join(",")}"`;
  return text.length - 2 <= 255 ? text : null;
}

/** Puts a long list on the hidden list sheet and returns an absolute reference to it. */
function listReference(wb: ExcelJS.Workbook, values: readonly string[]): string {
  let ws = wb.getWorksheet(LIST_SHEET);
  if (!ws) {
    ws = wb.addWorksheet(LIST_SHEET, { state: "veryHidden" });
  }
  const col = Math.max(1, ws.actualColumnCount + 1);
  values.forEach((v, i) => {
    ws.getCell(i + 1, col).value = v;
  });
  const letter = columnLetter(col);
  return `'${LIST_SHEET}'!$${letter}$1:$${letter}$${Math.max(1, values.length)}`;
}

function addTable(ws: ExcelJS.Worksheet, table: ModelTable): void {
  const width = table.headers.length;
  const rows = table.rows.length > 0 ? table.rows : [new Array<ModelValue>(width).fill(null)];
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: `${columnLetter(table.left)}${table.top}`,
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (table.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: true,
    },
    columns: table.headers.map((name) => ({ name, filterButton: true })),
    rows: rows.map((r) => {
      const out: ExcelJS.CellValue[] = [];
      for (let i = 0; i < width; i++) out.push(toExcelValue(r[i]));
      return out;
    }),
  });
  // A date value in a table row needs a date format to show as a date.
  rows.forEach((r, i) => {
    for (let j = 0; j < width; j++) {
      if (isDateValue(r[j])) {
        const cell = ws.getCell(table.top + 1 + i, table.left + j);
        if (!cell.numFmt || cell.numFmt === "General") setNumFmt(cell, DATE_FORMAT);
      }
    }
  });
}

/** Writes `model` as a worksheet of `wb` and returns it. */
export function renderSheet(wb: ExcelJS.Workbook, model: SheetModel, options: RenderOptions = {}): ExcelJS.Worksheet {
  const name = model.name.normalize("NFC");
  const existing = wb.getWorksheet(name);
  let orderNo: number | undefined;
  if (existing) {
    if (!options.replace) {
      throw new UserError("TRUNG_TEN_TRANG", `Sổ đã có trang tính "${name}".`, { sheet: name });
    }
    orderNo = (existing as unknown as { orderNo: number }).orderNo;
    wb.removeWorksheet(existing.id);
  }
  const ws = wb.addWorksheet(name);
  // exceljs orders sheets by orderNo (not in its typings): take the old sheet's place.
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;

  for (const table of model.tables ?? []) addTable(ws, table);

  if (options.kind) {
    const names = (wb as unknown as { definedNames: DefinedNames }).definedNames;
    const taken = new Set(names.model.map((n) => n.name.toLowerCase()));
    // A replaced sheet keeps the marker that already names it.
    const marked = names.model.some((n) => parseMarker(n.name, n.ranges[0] ?? "")?.sheet.toLowerCase() === name.toLowerCase());
    if (!marked) names.add(markerReference(name), markerName(options.kind, taken));
  }

  // Range styles first (a whole column or header row), then each cell's own style on top.
  for (const rs of model.rangeStyles ?? []) {
    for (let r = rs.range.top; r <= rs.range.bottom; r++) {
      for (let c = rs.range.left; c <= rs.range.right; c++) applyStyle(ws.getCell(r, c), rs.style);
    }
  }

  for (const c of model.cells) {
    const cell = ws.getCell(c.row, c.col);
    const v = c.value;
    cell.value = toExcelValue(v);
    if (isDateValue(v) && !c.style?.numberFormat) setNumFmt(cell, DATE_FORMAT);
    applyStyle(cell, c.style);
  }

  for (const nf of model.numberFormats ?? []) {
    for (let r = nf.range.top; r <= nf.range.bottom; r++) {
      for (let col = nf.range.left; col <= nf.range.right; col++) setNumFmt(ws.getCell(r, col), nf.format);
    }
  }

  for (const m of model.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);

  (model.columnWidths ?? []).forEach((w, i) => {
    if (i > 0 && w !== undefined) ws.getColumn(i).width = w;
  });
  (model.rowHeights ?? []).forEach((h, i) => {
    if (i > 0 && h !== undefined) ws.getRow(i).height = h;
  });

  for (const v of model.validations ?? []) {
    const formula = inlineList(v.list) ?? listReference(wb, v.list);
    const validation: ExcelJS.DataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      // A warning, not a stop: old registers may hold other spellings the reader accepts.
      errorStyle: "warning",
      errorTitle: "Giá trị ngoài danh sách",
      error: `Nên chọn một trong: ${v.list.join(", ")}`.slice(0, 225),
    };
    (ws as unknown as { dataValidations: { add(addr: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(
      rangeAddress(v.range),
      validation,
    );
  }

  (model.conditionalFormats ?? []).forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: rangeAddress(cf.range),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula.replace(/^=/, "")],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } },
        },
      ],
    });
  });

  if (model.print) {
    const p = model.print;
    const setup: Partial<ExcelJS.PageSetup> = {
      paperSize: 9, // A4
      orientation: p.orientation,
    };
    if (p.fitToWidth) {
      setup.fitToPage = true;
      setup.fitToWidth = 1;
      setup.fitToHeight = 0;
    }
    if (p.margins) {
      setup.margins = {
        top: p.margins.top / MM_PER_INCH,
        bottom: p.margins.bottom / MM_PER_INCH,
        left: p.margins.left / MM_PER_INCH,
        right: p.margins.right / MM_PER_INCH,
        header: 0.3,
        footer: 0.3,
      };
    }
    if (p.printTitleRows) setup.printTitlesRow = `${p.printTitleRows[0]}:${p.printTitleRows[1]}`;
    // exceljs writes useFirstPageNumber with it, so Excel and LibreOffice start there.
    if (p.firstPageNumber !== undefined) setup.firstPageNumber = p.firstPageNumber;
    Object.assign(ws.pageSetup, setup);
    const hf = headerFooterOf(p);
    if (hf) ws.headerFooter = hf;
    // exceljs breaks after the row it is called on.
    for (const row of p.pageBreaksBefore ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();
  }

  if (model.freezeRows && model.freezeRows > 1) {
    ws.views = [{ state: "frozen", xSplit: 0, ySplit: model.freezeRows - 1, topLeftCell: `A${model.freezeRows}` }];
  }
  if (model.active) makeActive(wb, ws);
  return ws;
}

/** Renders several sheets in order. */
export function renderSheets(wb: ExcelJS.Workbook, models: SheetModel[], options: RenderOptions = {}): void {
  for (const m of models) renderSheet(wb, m, options);
}

/** A fresh workbook with the tool's defaults (creator, calc on load). */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = PRODUCED_BY;
  wb.created = new Date();
  wb.calcProperties = { fullCalcOnLoad: true };
  return wb;
}
