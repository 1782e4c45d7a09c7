// Writing a SheetModel (core's description of a sheet) into the open workbook. Every
// operation is queued; the caller's one context.sync() sends them all, so a sheet of 10
// rows and one of 5,000 cost the same number of round trips.
import { dateToExcelSerial, localDateFromJsDate } from "../core/read/dates";
import { DATE_FORMAT } from "../core/read/layout";
import type { CellStyle, ModelValue, Range1, SheetModel } from "../core/make/sheetModel";
import { looksLikeFormula } from "../core/make/sheetModel";
import { UserError } from "../core/shared/types";
import { a1, columnLetters, type Box } from "./address";
import { MARKER_KEY, type SheetKind } from "./marker";
import type { WorkbookSnapshot } from "./read";

export interface RenderOptions {
  /** What the sheet is (stored in its marker). */
  kind: SheetKind;
  /** Replace an existing sheet of that name — only when the add-in created it. */
  replace?: boolean;
  /** Make the new sheet the active one. */
  activate?: boolean;
}

/** Text Excel would not keep as typed: a formula (= + - @, SPEC §9) or something it would
 *  turn into a number or date ("012", "1/2/2021", "85%"). */
export function needsTextPrefix(text: string): boolean {
  return looksLikeFormula(text) || /^\s*[\d.,:/%\s]+\s*$/.test(text) || /^\s*\(\d/.test(text);
}

/** A user's text as written to a cell: a leading apostrophe makes Excel keep it as text
 *  (the apostrophe itself is not part of the value). */
export function safeText(text: string): string {
  return needsTextPrefix(text) ? `'${text}` : text;
}

/** One model value → what goes into Range.formulas. */
export function toExcelInput(v: ModelValue, date1904: boolean): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return safeText(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) {
    const day = dateToExcelSerial(localDateFromJsDate(v), date1904);
    const fraction = (v.getUTCHours() * 60 + v.getUTCMinutes()) / 1440;
    return day + fraction;
  }
  if ("date" in v) return dateToExcelSerial(v.date, date1904);
  // A formula the add-in itself built (never user text).
  return v.formula.startsWith("=") ? v.formula : `=${v.formula}`;
}

function union(a: Box | null, b: Box): Box {
  if (!a) return { ...b };
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

const addr = (r: Range1): string => a1(r.top, r.left, r.bottom, r.right);

/** Applies a cell style to a range (fonts, alignment, fill, borders; number formats are
 *  written with the values). */
function applyStyle(range: Excel.Range, style: CellStyle, width: number): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.underline !== undefined) f.font.underline = style.underline ? "Single" : "None";
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontName !== undefined) f.font.name = style.fontName;
  if (style.hAlign) f.horizontalAlignment = capital(style.hAlign) as "Left" | "Center" | "Right";
  if (style.vAlign) f.verticalAlignment = style.vAlign === "middle" ? "Center" : (capital(style.vAlign) as "Top");
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.border) {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
    for (const edge of width > 1 ? [...edges, "InsideVertical" as const] : edges) {
      f.borders.getItem(edge).style = "Continuous";
    }
  }
}

/** `name`, or name2, name3… when a table elsewhere in the workbook already has it
 *  (table names are unique per workbook). Records the name it returns. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${name}${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function styleKey(s: CellStyle | undefined): string {
  if (!s) return "";
  const { numberFormat: _ignored, ...rest } = s;
  const keys = Object.keys(rest).sort();
  return keys.length ? JSON.stringify(rest, keys) : "";
}

/** Points for a width in characters (Calibri 11: 7 px a character plus 5 px padding). */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function mmToPoints(mm: number): number {
  return Math.round((mm * 72) / 25.4 * 100) / 100;
}

/**
 * Queues the writes for one sheet: adds it (or replaces the add-in's own sheet of that
 * name), marks it, writes values and number formats in one 2D write each, then styles,
 * merges, tables, validations, conditional formats, widths, freeze panes and print setup.
 * Throws a UserError when a user's sheet of that name exists.
 */
export function queueSheetModel(
  context: Excel.RequestContext,
  model: SheetModel,
  known: WorkbookSnapshot,
  opts: RenderOptions,
): Excel.Worksheet {
  const existing = known.sheets.find((s) => s.name.toLowerCase() === model.name.toLowerCase());
  const worksheets = context.workbook.worksheets;
  if (existing) {
    if (!opts.replace || existing.createdBy === null) {
      throw new UserError(
        "TRANG_DA_CO",
        `Sổ đã có trang "${existing.name}" do người dùng tạo — bổ trợ không ghi đè. Hãy đổi tên hoặc xóa trang đó rồi chạy lại.`,
        { sheet: existing.name },
      );
    }
    worksheets.getItem(existing.name).delete();
  }
  const ws = worksheets.add(model.name);
  if (existing) ws.position = existing.position;
  ws.customProperties.add(MARKER_KEY, opts.kind);

  // The box covering every value the model writes.
  let box: Box | null = null;
  for (const c of model.cells) box = union(box, { top: c.row, left: c.col, bottom: c.row, right: c.col });
  for (const t of model.tables ?? []) {
    const rows = Math.max(1, t.rows.length);
    box = union(box, { top: t.top, left: t.left, bottom: t.top + rows, right: t.left + t.headers.length - 1 });
  }
  let formatBox = box;
  for (const nf of model.numberFormats ?? []) formatBox = union(formatBox, nf.range);

  if (box && formatBox) {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    const input: (string | number | boolean)[][] = Array.from({ length: rows }, () => new Array(cols).fill(""));
    const fRows = formatBox.bottom - formatBox.top + 1;
    const fCols = formatBox.right - formatBox.left + 1;
    const formats: string[][] = Array.from({ length: fRows }, () => new Array(fCols).fill("General"));
    const setFormat = (row: number, col: number, f: string): void => {
      formats[row - formatBox!.top][col - formatBox!.left] = f;
    };
    for (const nf of model.numberFormats ?? []) {
      for (let r = nf.range.top; r <= nf.range.bottom; r++)
        for (let c = nf.range.left; c <= nf.range.right; c++) setFormat(r, c, nf.format);
    }
    const put = (row: number, col: number, v: ModelValue, numberFormat?: string): void => {
      input[row - box!.top][col - box!.left] = toExcelInput(v, known.date1904);
      if (numberFormat) setFormat(row, col, numberFormat);
      else if (v !== null && typeof v === "object" && ("date" in v || v instanceof Date)) {
        if (formats[row - formatBox!.top][col - formatBox!.left] === "General") setFormat(row, col, DATE_FORMAT);
      }
    };
    for (const t of model.tables ?? []) {
      t.headers.forEach((h, i) => put(t.top, t.left + i, h));
      t.rows.forEach((row, r) => row.forEach((v, i) => put(t.top + 1 + r, t.left + i, v)));
    }
    for (const c of model.cells) put(c.row, c.col, c.value, c.style?.numberFormat);
    ws.getRange(a1(formatBox.top, formatBox.left, formatBox.bottom, formatBox.right)).numberFormat = formats;
    ws.getRange(a1(box.top, box.left, box.bottom, box.right)).formulas = input;
  }

  // Styles: runs of equally styled cells along a row share one range.
  const styled = model.cells.filter((c) => styleKey(c.style) !== "").sort((a, b) => a.row - b.row || a.col - b.col);
  for (let i = 0; i < styled.length; ) {
    let j = i;
    const key = styleKey(styled[i].style);
    while (
      j + 1 < styled.length &&
      styled[j + 1].row === styled[i].row &&
      styled[j + 1].col === styled[j].col + 1 &&
      styleKey(styled[j + 1].style) === key
    )
      j++;
    applyStyle(
      ws.getRange(a1(styled[i].row, styled[i].col, styled[i].row, styled[j].col)),
      styled[i].style!,
      styled[j].col - styled[i].col + 1,
    );
    i = j + 1;
  }

  for (const m of model.merges ?? []) ws.getRange(addr(m)).merge(false);

  const taken = new Set(
    (known.grid.tables?.length ? known.grid.tables.filter((t) => t.sheet !== existing?.name).map((t) => t.name) : known.tableNames).map(
      (n) => n.toLowerCase(),
    ),
  );
  for (const t of model.tables ?? []) {
    const bottom = t.top + Math.max(1, t.rows.length);
    const table = ws.tables.add(a1(t.top, t.left, bottom, t.left + t.headers.length - 1), true);
    table.name = uniqueName(t.name, taken);
    table.style = t.style ?? "TableStyleMedium2";
  }
  for (const v of model.validations ?? []) {
    ws.getRange(addr(v.range)).dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
  }
  for (const cf of model.conditionalFormats ?? []) {
    const format = ws.getRange(addr(cf.range)).conditionalFormats.add("Custom");
    format.custom.rule.formula = cf.formula.startsWith("=") ? cf.formula : `=${cf.formula}`;
    format.custom.format.fill.color = `#${cf.fill}`;
  }
  (model.columnWidths ?? []).forEach((w, col) => {
    const letters = columnLetters(col);
    if (col > 0 && w) ws.getRange(`${letters}:${letters}`).format.columnWidth = widthPoints(w);
  });
  if (model.freezeRows) ws.freezePanes.freezeRows(model.freezeRows);
  if (model.print) {
    const p = model.print;
    const layout = ws.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (p.printTitleRows) layout.setPrintTitleRows(`$${p.printTitleRows[0]}:$${p.printTitleRows[1]}`);
    if (p.margins) {
      layout.topMargin = mmToPoints(p.margins.top);
      layout.bottomMargin = mmToPoints(p.margins.bottom);
      layout.leftMargin = mmToPoints(p.margins.left);
      layout.rightMargin = mmToPoints(p.margins.right);
    }
  }
  if (opts.activate) ws.activate();
  return ws;
}

/** Writes sheets in one sync. Without `known` it first reads sheet names and markers (one
 *  more sync); pane commands pass the snapshot they already read. */
export async function renderSheetModel(
  context: Excel.RequestContext,
  models: SheetModel | SheetModel[],
  opts: RenderOptions & { known?: WorkbookSnapshot },
): Promise<void> {
  const list = Array.isArray(models) ? models : [models];
  const known = opts.known ?? (await readSheetList(context));
  for (const m of list) queueSheetModel(context, m, known, opts);
  await context.sync();
}

/** Sheet names, positions and markers only (one sync), for writers that did not read. */
export async function readSheetList(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/position");
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  // Markers need the sheets; loading them costs no extra sync when reading the grid, but
  // here a second one would be needed — treat every existing sheet as the user's instead.
  return {
    grid: { sheets: [], tables: [], date1904: probe.value === 0 },
    sheets: worksheets.items.map((ws) => ({ name: ws.name, position: ws.position, createdBy: null })),
    tableNames: tables.items.map((t) => t.name),
    date1904: probe.value === 0,
  };
}
