// The cells of a sheet model written straight to sheet XML, a batch of rows at a time,
// without an exceljs cell object per cell (what keeps a 200,000-row sheet's write small).
// Each cell gets the style render.ts would give it, in the same order: a table's date
// format, the range styles, the cell's own style (a date's format first), the range
// number formats; a merged area's other cells take its first cell's style, as exceljs
// does. Styles are numbered by exceljs's own style table (StylesXform), rendered at the end.
import ExcelJS from "exceljs";
import type { ModelValue, Range1, SheetModel } from "../core/make/sheetModel";
import { DATE_FORMAT } from "../core/read/layout";
import { columnLetter } from "../core/shared/columnLetters";
import { xmlSafeText } from "../core/shared/xmlText";
import { applyStyle, setNumFmt, toExcelValue } from "./render";
import { xmlEscape } from "./xmlOutline";

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs's style table and XML writer are not in its typings */
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform") as new (init: boolean) => StyleTable;
const XmlStream = require("exceljs/lib/utils/xml-stream") as new () => { xml: string };
/* eslint-enable @typescript-eslint/no-require-imports */

interface StyleTable {
  addStyleModel(style: Partial<ExcelJS.Style>, type: ExcelJS.ValueType): number;
  render(xml: unknown): void;
}

/** The style table of the streamed cells (one for all sheets of a write). */
export class StreamStyles {
  private readonly table: StyleTable = new StylesXform(true);
  /** Unstyled cells share one empty style per value type (exceljs's default format of a
   *  style it sees first goes by the cell's type). */
  private readonly empty = new Map<number, Partial<ExcelJS.Style>>();

  id(style: Partial<ExcelJS.Style>, type: ExcelJS.ValueType): number {
    let s = style;
    if (Object.keys(style).length === 0) {
      s = this.empty.get(type) ?? {};
      this.empty.set(type, s);
    }
    return this.table.addStyleModel(s, type);
  }

  xml(): string {
    const stream = new XmlStream();
    this.table.render(stream);
    return stream.xml;
  }
}

type Slot = { style: Partial<ExcelJS.Style> };

function covers(r: Range1, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

function isDate(v: ModelValue): boolean {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "date" in v;
}

/** Where the sheet's cells reach (exceljs's dimension), or null when it has none. */
export function modelExtent(model: SheetModel): Range1 | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const add = (r: Range1) => {
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
    bottom = Math.max(bottom, r.bottom);
    right = Math.max(right, r.right);
  };
  for (const c of model.cells) add({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  for (const t of model.tables ?? []) {
    add({ top: t.top, left: t.left, bottom: t.top + Math.max(1, t.rows.length), right: t.left + t.headers.length - 1 });
  }
  for (const r of model.rangeStyles ?? []) add(r.range);
  for (const r of model.numberFormats ?? []) add(r.range);
  for (const r of model.merges ?? []) add(r);
  return bottom === 0 ? null : { top, left, bottom, right };
}

/** The <sheetData> of `model`, handed to `emit` in pieces of about `batch` rows; style ids
 *  from `styles`, moved by `styleBase` (the workbook's styles before them). */
export function streamSheetData(
  model: SheetModel,
  styles: StreamStyles,
  styleBase: number,
  emit: (xml: string) => void,
  batch = 500,
): void {
  const extent = modelExtent(model);
  if (!extent) {
    emit("<sheetData/>");
    return;
  }
  const byRow = new Map<number, Map<number, ModelValue>>();
  const put = (row: number, col: number, v: ModelValue) => {
    let r = byRow.get(row);
    if (!r) byRow.set(row, (r = new Map<number, ModelValue>()));
    r.set(col, v);
  };
  const tables = model.tables ?? [];
  const cellStyles = new Map<number, Map<number, NonNullable<SheetModel["cells"][number]["style"]>>>();
  for (const c of model.cells) {
    put(c.row, c.col, c.value);
    if (c.style) {
      let r = cellStyles.get(c.row);
      if (!r) cellStyles.set(c.row, (r = new Map<number, NonNullable<SheetModel["cells"][number]["style"]>>()));
      r.set(c.col, c.style);
    }
  }
  const modelCell = new Set(model.cells.map((c) => c.row * 20000 + c.col));
  // Merged areas: every other cell points at its first cell.
  const masterOf = new Map<number, number>();
  for (const m of model.merges ?? []) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) masterOf.set(r * 20000 + c, m.top * 20000 + m.left);
    }
  }
  const masterStyle = new Map<number, Partial<ExcelJS.Style>>();
  const ranges = model.rangeStyles ?? [];
  const formats = model.numberFormats ?? [];

  const valueAt = (row: number, col: number): ModelValue | undefined => {
    const v = byRow.get(row)?.get(col);
    if (v !== undefined) return v;
    for (const t of tables) {
      if (col < t.left || col >= t.left + t.headers.length || row < t.top || row > t.top + Math.max(1, t.rows.length)) continue;
      if (row === t.top) return t.headers[col - t.left];
      return t.rows[row - t.top - 1]?.[col - t.left] ?? null;
    }
    return undefined;
  };
  const inTableBody = (row: number, col: number) =>
    tables.some((t) => col >= t.left && col < t.left + t.headers.length && row > t.top && row <= t.top + Math.max(1, t.rows.length));

  /** The style render.ts leaves on a cell. */
  const styleAt = (row: number, col: number, value: ModelValue | undefined): Partial<ExcelJS.Style> => {
    const slot: Slot = { style: {} };
    const cell = slot as unknown as ExcelJS.Cell;
    if (value !== undefined && isDate(value) && inTableBody(row, col) && !modelCell.has(row * 20000 + col)) setNumFmt(cell, DATE_FORMAT);
    for (const rs of ranges) if (covers(rs.range, row, col)) applyStyle(cell, rs.style);
    const own = cellStyles.get(row)?.get(col);
    if (modelCell.has(row * 20000 + col)) {
      if (value !== undefined && isDate(value) && !own?.numberFormat) setNumFmt(cell, DATE_FORMAT);
      applyStyle(cell, own);
    }
    for (const nf of formats) if (covers(nf.range, row, col)) setNumFmt(cell, nf.format);
    return slot.style;
  };

  const heights = model.rowHeights ?? [];
  const parts: string[] = ["<sheetData>"];
  let rowsInBatch = 0;
  for (let row = extent.top; row <= extent.bottom; row++) {
    const cells: string[] = [];
    let minCol = 0;
    let maxCol = 0;
    for (let col = extent.left; col <= extent.right; col++) {
      const key = row * 20000 + col;
      const master = masterOf.get(key);
      let value = master === undefined ? valueAt(row, col) : undefined;
      const styled =
        master !== undefined ||
        ranges.some((r) => covers(r.range, row, col)) ||
        formats.some((r) => covers(r.range, row, col)) ||
        modelCell.has(key);
      if (value === undefined && !styled) continue;
      let style: Partial<ExcelJS.Style>;
      if (master !== undefined) {
        style =
          masterStyle.get(master) ??
          styleAt(Math.floor(master / 20000), master % 20000, valueAt(Math.floor(master / 20000), master % 20000));
        value = undefined;
      } else {
        style = styleAt(row, col, value);
        if (masterOf.size) masterStyle.set(key, style);
      }
      const xml = cellXml(`${columnLetter(col)}${row}`, value === undefined ? null : value, style, styles, styleBase);
      if (xml === null) continue;
      cells.push(xml);
      if (!minCol) minCol = col;
      maxCol = col;
    }
    const height = heights[row];
    if (cells.length === 0 && height === undefined) continue;
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : "";
    const spans = minCol ? ` spans="${minCol}:${maxCol}"` : "";
    parts.push(`<row r="${row}"${spans}${ht}>${cells.join("")}</row>`);
    if (++rowsInBatch >= batch) {
      emit(parts.join(""));
      parts.length = 0;
      rowsInBatch = 0;
    }
  }
  parts.push("</sheetData>");
  emit(parts.join(""));
}

/** One <c>, or null for a cell with neither value nor style. */
function cellXml(ref: string, v: ModelValue, style: Partial<ExcelJS.Style>, styles: StreamStyles, base: number): string | null {
  const value = toExcelValue(v);
  let type: ExcelJS.ValueType;
  let body = "";
  let t = "";
  if (value === null || value === undefined) type = ExcelJS.ValueType.Null;
  else if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    type = ExcelJS.ValueType.Number;
    body = `<v>${value}</v>`;
  } else if (typeof value === "string") {
    type = ExcelJS.ValueType.String;
    // exceljs's own form without shared strings (an empty text reads back as a blank cell).
    t = ' t="str"';
    body = `<v>${xmlEscape(xmlSafeText(value))}</v>`;
  } else if (typeof value === "boolean") {
    type = ExcelJS.ValueType.Boolean;
    t = ' t="b"';
    body = `<v>${value ? 1 : 0}</v>`;
  } else if (value instanceof Date) {
    type = ExcelJS.ValueType.Date;
    body = `<v>${25569 + value.getTime() / 86_400_000}</v>`;
  } else {
    type = ExcelJS.ValueType.Formula;
    body = `<f>${xmlEscape(xmlSafeText((value as { formula: string }).formula))}</f>`;
  }
  if (type === ExcelJS.ValueType.Null && Object.keys(style).length === 0) return null;
  const id = styles.id(style, type) + base;
  return `<c r="${ref}"${id ? ` s="${id}"` : ""}${t}>${body}</c>`;
}
