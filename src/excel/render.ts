// Writing a SheetModel (core's description of a sheet) into the open workbook. Every
// operation is queued; the caller's one context.sync() sends them all, so a sheet of 10
// rows and one of 5,000 cost the same number of round trips.
import { dateToExcelSerial, localDateFromJsDate } from "../core/read/dates";
import { DATE_FORMAT } from "../core/read/layout";
import type { CellStyle, ModelValue, Range1, SheetModel } from "../core/make/sheetModel";
import { looksLikeFormula } from "../core/make/sheetModel";
import { UserError } from "../core/shared/types";
import { a1, columnLetters, type Box } from "./address";
import { ACTION_BYTES, PAYLOAD_BUDGET, errorCode, jsonBytes } from "./limits";
import { queueDateSystemProbe } from "./dateSystem";
import { markerName, markerReference, parseMarker, type SheetKind } from "./marker";
import { assertCanAddSheets, assertCanWriteSheet } from "./protection";
import type { WorkbookSnapshot } from "./read";
import { SHEET_PAGE_NUMBER_HEADER } from "../core/shared/partyFormat";

export interface RenderOptions {
  /** What the sheet is (stored in its marker). */
  kind: SheetKind;
  /** Replace an existing sheet of that name — only when the add-in created it. */
  replace?: boolean;
  /** Make the new sheet the active one. */
  activate?: boolean;
}

/** Text Excel might not keep as typed. Excel parses a string written to Range.values as if
 *  typed (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values):
 *  formulas (= + - @, SPEC §9), numbers in any form ("012", "1E5", "$5", "(5)", "85%"),
 *  dates and times in the host locale ("5-13-2021", "1-2", "15/6", "9:30", "Jan 5", "5 Jan"),
 *  TRUE/FALSE and error literals. Rather than guess one locale's parser, anything that starts
 *  like one of these is written with the apostrophe, which Excel drops from the value. */
export function needsTextPrefix(text: string): boolean {
  const t = text.trim();
  return (
    looksLikeFormula(text) || /^[\d.,(#$€£¥]/.test(t) || /^[+-]/.test(t) || /^(true|false)$/i.test(t) || /^[A-Za-z]{3,9}[\s.,/-]*\d/.test(t)
  );
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
function applyStyle(range: Excel.Range, style: CellStyle, width: number, height = 1): void {
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
    const inside = [...(width > 1 ? (["InsideVertical"] as const) : []), ...(height > 1 ? (["InsideHorizontal"] as const) : [])];
    for (const edge of [...edges, ...inside]) {
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
  return Math.round(((mm * 72) / 25.4) * 100) / 100;
}

/** One queued part of a sheet's writing and its estimated request bytes. */
interface Step {
  bytes: number;
  run: () => void;
  /** The same work as two smaller steps (rows of values or formats), when it has rows to halve. */
  split?: () => Step[];
}

/** A step writing rows [top, top + rows.length) with `apply`; it can be halved. */
function rowsStep<T>(top: number, rows: T[][], bytes: number, apply: (top: number, rows: T[][]) => void): Step {
  return {
    bytes: bytes + ACTION_BYTES * 2,
    run: () => apply(top, rows),
    split:
      rows.length > 1
        ? () => {
            const half = Math.ceil(rows.length / 2);
            const first = rows.slice(0, half);
            const second = rows.slice(half);
            return [rowsStep(top, first, jsonBytes(first), apply), rowsStep(top + half, second, jsonBytes(second), apply)];
          }
        : undefined,
  };
}

/** Rows of values (or formats) written per range: keeps each write well under the budget. */
const ROW_CHUNK_BYTES = 400_000;

/** Splits rows [top, bottom] of a 2D block into chunks of about ROW_CHUNK_BYTES each. */
function rowChunks<T>(rows: T[][], top: number): { top: number; rows: T[][]; bytes: number }[] {
  const out: { top: number; rows: T[][]; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const b = jsonBytes(row);
    if (i > start && bytes + b > ROW_CHUNK_BYTES) {
      out.push({ top: top + start, rows: rows.slice(start, i), bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (rows.length > start) out.push({ top: top + start, rows: rows.slice(start), bytes });
  return out;
}

/** Checks that `model` may be written and returns its steps in order (nothing is queued yet).
 *  Throws a UserError when a user's sheet of that name exists. */
function planSheetModel(
  context: Excel.RequestContext,
  model: SheetModel,
  known: WorkbookSnapshot,
  opts: RenderOptions,
  takenNames: Set<string>,
  takenTables: Set<string>,
): { steps: Step[]; sheet: () => Excel.Worksheet } {
  const existing = known.sheets.find((s) => s.name.toLowerCase() === model.name.toLowerCase());
  if (existing && (!opts.replace || existing.createdBy === null)) {
    throw new UserError(
      "TRANG_DA_CO",
      `Sổ đã có trang "${existing.name}" do người dùng tạo — bổ trợ không ghi đè. Hãy đổi tên hoặc xóa trang đó rồi chạy lại.`,
      { sheet: existing.name },
    );
  }
  const steps: Step[] = [];
  let ws: Excel.Worksheet | null = null;
  const sheet = (): Excel.Worksheet => {
    if (!ws) throw new Error("sheet not added yet");
    return ws;
  };
  const marker = markerName(opts.kind, takenNames);
  steps.push({
    bytes: 8 * ACTION_BYTES,
    run: () => {
      const worksheets = context.workbook.worksheets;
      if (existing) {
        for (const n of existing.markerNames ?? []) context.workbook.names.getItem(n).delete();
        worksheets.getItem(existing.name).delete();
      }
      ws = worksheets.add(model.name);
      if (existing) ws.position = existing.position;
      // A defined name both Excel and exceljs keep (see marker.ts).
      context.workbook.names.add(marker, `=${markerReference(model.name)}`);
    },
  });

  // The box covering every value the model writes.
  let box: Box | null = null;
  for (const c of model.cells) box = union(box, { top: c.row, left: c.col, bottom: c.row, right: c.col });
  for (const t of model.tables ?? []) {
    const rows = Math.max(1, t.rows.length);
    box = union(box, { top: t.top, left: t.left, bottom: t.top + rows, right: t.left + t.headers.length - 1 });
  }

  if (box) {
    const b = box;
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    const input: (string | number | boolean)[][] = Array.from({ length: rows }, () => new Array<string | number | boolean>(cols).fill(""));
    // Number formats only where they are not General, by column (sparse: row → format).
    const formats = new Map<number, Map<number, string>>();
    const setFormat = (row: number, col: number, f: string): void => {
      let m = formats.get(col);
      if (!m) formats.set(col, (m = new Map<number, string>()));
      m.set(row, f);
    };
    for (const nf of model.numberFormats ?? []) {
      for (let c = nf.range.left; c <= nf.range.right; c++)
        for (let r = nf.range.top; r <= nf.range.bottom; r++) setFormat(r, c, nf.format);
    }
    const put = (row: number, col: number, v: ModelValue, numberFormat?: string): void => {
      input[row - b.top][col - b.left] = toExcelInput(v, known.date1904);
      if (numberFormat) setFormat(row, col, numberFormat);
      else if (v !== null && typeof v === "object" && ("date" in v || v instanceof Date)) {
        if (!formats.get(col)?.has(row)) setFormat(row, col, DATE_FORMAT);
      }
    };
    for (const t of model.tables ?? []) {
      t.headers.forEach((h, i) => put(t.top, t.left + i, h));
      t.rows.forEach((row, r) => row.forEach((v, i) => put(t.top + 1 + r, t.left + i, v)));
    }
    for (const c of model.cells) put(c.row, c.col, c.value, c.style?.numberFormat);

    // Formats first, so a value written into a date column is shown as a date at once.
    for (const [col, byRow] of [...formats.entries()].sort((x, y) => x[0] - y[0])) {
      const rowsSorted = [...byRow.keys()].sort((x, y) => x - y);
      for (let i = 0; i < rowsSorted.length;) {
        let j = i;
        const f = byRow.get(rowsSorted[i])!;
        while (j + 1 < rowsSorted.length && rowsSorted[j + 1] === rowsSorted[j] + 1 && byRow.get(rowsSorted[j + 1]) === f) j++;
        const run = Array.from({ length: j - i + 1 }, () => [f]);
        for (const chunk of rowChunks(run, rowsSorted[i])) {
          steps.push(
            rowsStep(chunk.top, chunk.rows, chunk.bytes, (top, rows) => {
              sheet().getRange(a1(top, col, top + rows.length - 1, col)).numberFormat = rows;
            }),
          );
        }
        i = j + 1;
      }
    }
    for (const chunk of rowChunks(input, b.top)) {
      steps.push(
        rowsStep(chunk.top, chunk.rows, chunk.bytes, (top, rows) => {
          sheet().getRange(a1(top, b.left, top + rows.length - 1, b.right)).formulas = rows;
        }),
      );
    }
  }

  // Styles: whole ranges first (columns, blocks), then runs of equally styled cells along a row.
  const style = (range: Range1, st: CellStyle): void => {
    steps.push({
      bytes: ACTION_BYTES * (3 + Object.keys(st).length + (st.border ? 5 : 0)),
      run: () => applyStyle(sheet().getRange(addr(range)), st, range.right - range.left + 1, range.bottom - range.top + 1),
    });
  };
  for (const rs of model.rangeStyles ?? []) if (styleKey(rs.style) !== "") style(rs.range, rs.style);
  const styled = model.cells.filter((c) => styleKey(c.style) !== "").sort((x, y) => x.row - y.row || x.col - y.col);
  // Runs of equally styled cells along a row, then the same run on consecutive rows joined
  // into one block: a table styled cell by cell costs a few requests, not one per row.
  const blocks = new Map<string, { range: Range1; style: CellStyle }[]>();
  for (let i = 0; i < styled.length;) {
    let j = i;
    const key = styleKey(styled[i].style);
    while (
      j + 1 < styled.length &&
      styled[j + 1].row === styled[i].row &&
      styled[j + 1].col === styled[j].col + 1 &&
      styleKey(styled[j + 1].style) === key
    )
      j++;
    const row = styled[i].row;
    const id = `${styled[i].col}:${styled[j].col}:${key}`;
    const list = blocks.get(id) ?? [];
    const last = list[list.length - 1];
    if (last && last.range.bottom === row - 1) last.range.bottom = row;
    else list.push({ range: { top: row, left: styled[i].col, bottom: row, right: styled[j].col }, style: styled[i].style! });
    blocks.set(id, list);
    i = j + 1;
  }
  for (const list of blocks.values()) for (const b of list) style(b.range, b.style);

  for (const m of model.merges ?? []) steps.push({ bytes: ACTION_BYTES * 2, run: () => sheet().getRange(addr(m)).merge(false) });

  for (const t of model.tables ?? []) {
    const bottom = t.top + Math.max(1, t.rows.length);
    const name = uniqueName(t.name, takenTables);
    steps.push({
      bytes: ACTION_BYTES * 4,
      run: () => {
        const table = sheet().tables.add(a1(t.top, t.left, bottom, t.left + t.headers.length - 1), true);
        table.name = name;
        table.style = t.style ?? "TableStyleMedium2";
      },
    });
  }
  for (const v of model.validations ?? []) {
    const source = v.list.join(",");
    steps.push({
      bytes: ACTION_BYTES * 3 + jsonBytes(source),
      run: () => {
        sheet().getRange(addr(v.range)).dataValidation.rule = { list: { inCellDropDown: true, source } };
      },
    });
  }
  for (const cf of model.conditionalFormats ?? []) {
    steps.push({
      bytes: ACTION_BYTES * 5 + jsonBytes(cf.formula),
      run: () => {
        const format = sheet().getRange(addr(cf.range)).conditionalFormats.add("Custom");
        format.custom.rule.formula = cf.formula.startsWith("=") ? cf.formula : `=${cf.formula}`;
        format.custom.format.fill.color = `#${cf.fill}`;
      },
    });
  }
  // Row heights: consecutive rows of one height share a request ("4:9"), and a long list is
  // split into steps so that a 5,000-row register still goes in requests under the limit.
  const runs: { top: number; bottom: number; height: number }[] = [];
  (model.rowHeights ?? []).forEach((h, row) => {
    if (row === 0 || h === undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.bottom === row - 1 && last.height === h) last.bottom = row;
    else runs.push({ top: row, bottom: row, height: h });
  });
  const RUNS_PER_STEP = 500;
  for (let i = 0; i < runs.length; i += RUNS_PER_STEP) {
    const part = runs.slice(i, i + RUNS_PER_STEP);
    steps.push({
      bytes: ACTION_BYTES * 3 * part.length,
      run: () => {
        const w = sheet();
        for (const r of part) w.getRange(`${r.top}:${r.bottom}`).format.rowHeight = r.height;
      },
    });
  }
  steps.push({
    bytes: ACTION_BYTES * (2 * (model.columnWidths?.length ?? 0) + 16 + (model.print?.pageBreaksBefore?.length ?? 0) * 2),
    run: () => {
      const w = sheet();
      (model.columnWidths ?? []).forEach((width, col) => {
        const letters = columnLetters(col);
        if (col > 0 && width) w.getRange(`${letters}:${letters}`).format.columnWidth = widthPoints(width);
      });
      // freezeRows(count) freezes `count` rows (Excel.WorksheetFreezePanes reference); the
      // model names the first row below the frozen ones.
      if (model.freezeRows && model.freezeRows > 1) w.freezePanes.freezeRows(model.freezeRows - 1);
      if (model.print) {
        const p = model.print;
        const layout = w.pageLayout;
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
        // Headers and footers (ExcelApi 1.9, HeaderFooterGroup): "FirstAndDefault" gives the
        // first page its own header, empty, when page numbers start on page 2 (HD 36-HD/VPTW).
        if (p.pageNumbersFromPage2 || p.footer) {
          const hf = layout.headersFooters;
          hf.state = p.pageNumbersFromPage2 ? "FirstAndDefault" : "Default";
          if (p.pageNumbersFromPage2) {
            hf.firstPage.centerHeader = "";
            hf.defaultForAllPages.centerHeader = SHEET_PAGE_NUMBER_HEADER.replace(/^&C/, "");
          }
          if (p.footer) {
            // The model's codes carry their section (&C); Excel's centerFooter is that section.
            const footer = p.footer.replace(/^&C/, "");
            hf.defaultForAllPages.centerFooter = footer;
            if (p.pageNumbersFromPage2) hf.firstPage.centerFooter = footer;
          }
        }
        // Its own numbering from this page (ExcelApi 1.9, PageLayout.firstPageNumber).
        if (p.firstPageNumber !== undefined) layout.firstPageNumber = p.firstPageNumber;
        // A break above the given row (ExcelApi 1.9, PageBreakCollection.add).
        for (const row of p.pageBreaksBefore ?? []) if (row > 1) w.horizontalPageBreaks.add(`A${row}`);
      }
      if (opts.activate || model.active) w.activate();
    },
  });
  return { steps, sheet };
}

function takenSets(known: WorkbookSnapshot, replacing: readonly string[]): { names: Set<string>; tables: Set<string> } {
  const gone = new Set(replacing.map((n) => n.toLowerCase()));
  const tables = known.grid.tables?.length
    ? known.grid.tables.filter((t) => !gone.has(t.sheet.toLowerCase())).map((t) => t.name)
    : known.tableNames;
  return {
    names: new Set((known.names ?? []).map((n) => n.toLowerCase())),
    tables: new Set(tables.map((n) => n.toLowerCase())),
  };
}

/**
 * Queues the writes for one sheet without syncing: adds it (or replaces the add-in's own
 * sheet of that name), marks it, writes number formats and values, then styles, merges,
 * tables, validations, conditional formats, widths, freeze panes and print setup.
 * Throws a UserError when a user's sheet of that name exists. For large sheets use
 * writeSheetModels, which keeps each request under Excel on the web's 5 MB.
 */
export function queueSheetModel(
  context: Excel.RequestContext,
  model: SheetModel,
  known: WorkbookSnapshot,
  opts: RenderOptions,
): Excel.Worksheet {
  assertCanAddSheets(known, [model.name]);
  assertCanWriteSheet(known, model.name);
  const taken = takenSets(known, [model.name]);
  const { steps, sheet } = planSheetModel(context, model, known, opts, taken.names, taken.tables);
  for (const s of steps) s.run();
  return sheet();
}

/**
 * Writes sheets in as few syncs as the payload limit allows: one for an ordinary register,
 * more only when the estimated request would pass PAYLOAD_BUDGET (half of Excel on the web's
 * 5 MB). Every model is checked before anything is queued (a user's sheet of that name, a
 * protected workbook or sheet), so a refused write changes nothing. A request Excel refuses
 * as too large did not run at all: its steps are sent again in smaller syncs, as reads are.
 */
export async function writeSheetModels(
  context: Excel.RequestContext,
  models: SheetModel[],
  known: WorkbookSnapshot,
  opts: RenderOptions,
): Promise<void> {
  assertCanAddSheets(
    known,
    models.map((m) => m.name),
  );
  for (const m of models) assertCanWriteSheet(known, m.name);
  const taken = takenSets(
    known,
    models.map((m) => m.name),
  );
  const steps = models.flatMap((m) => planSheetModel(context, m, known, opts, taken.names, taken.tables).steps);
  await sendSteps(context, steps);
}

/** Runs the steps in syncs of at most `budget` estimated bytes; a request refused as too large
 *  halves the budget and is sent again (a lone step that is still too large is split). */
async function sendSteps(context: Excel.RequestContext, steps: Step[]): Promise<void> {
  let budget = PAYLOAD_BUDGET;
  let next = 0;
  while (next < steps.length) {
    const first = next;
    let bytes = 0;
    while (next < steps.length && (next === first || bytes + steps[next].bytes <= budget)) {
      steps[next].run();
      bytes += steps[next].bytes;
      next++;
    }
    try {
      // One sync per ~2.4 MB of queued work: Excel on the web refuses a larger request.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      if (errorCode(err) !== "RequestPayloadSizeLimitExceeded") throw err;
      if (next - first > 1) {
        budget = Math.max(1, Math.floor(bytes / 2));
      } else {
        const parts = steps[first].split?.();
        if (!parts) throw err;
        steps.splice(first, 1, ...parts);
      }
      next = first;
    }
  }
}

/** Writes sheets (see writeSheetModels). Without `known` it first reads sheet names (one
 *  more sync); pane commands pass the snapshot they already read. */
export async function renderSheetModel(
  context: Excel.RequestContext,
  models: SheetModel | SheetModel[],
  opts: RenderOptions & { known?: WorkbookSnapshot },
): Promise<void> {
  const list = Array.isArray(models) ? models : [models];
  const known = opts.known ?? (await readSheetList(context));
  await writeSheetModels(context, list, known, opts);
}

/** Sheet names, positions, markers and workbook protection (one sync), for writers that did
 *  not read. Sheet protection is not read: such writers only add sheets. */
export async function readSheetList(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/position");
  const is1904 = queueDateSystemProbe(context);
  const structure = context.workbook.protection;
  structure.load("protected");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  await context.sync();
  const marks = new Map<string, { kind: string; names: string[] }>();
  for (const n of names.items) {
    const m = parseMarker(n.name, typeof n.formula === "string" ? n.formula : "");
    if (!m) continue;
    const e = marks.get(m.sheet.toLowerCase()) ?? { kind: m.kind, names: [] };
    e.names.push(n.name);
    marks.set(m.sheet.toLowerCase(), e);
  }
  const date1904 = is1904();
  return {
    grid: { sheets: [], tables: [], date1904 },
    sheets: worksheets.items.map((ws) => {
      const m = marks.get(ws.name.toLowerCase());
      return { name: ws.name, position: ws.position, createdBy: m?.kind ?? null, markerNames: m?.names ?? [] };
    }),
    tableNames: tables.items.map((t) => t.name),
    date1904,
    names: names.items.map((n) => n.name),
    structureProtected: structure.protected,
  };
}
