// Reading the open workbook into the neutral WorkbookGrid the engine works from.
// First sync: sheet names, defined names (markers), tables, the date system and whether the
// workbook's structure is protected. Second: for every sheet whether it is protected, its
// used range's position, and the values and merged areas of its first
// HEAD_ROWS rows × HEAD_COLS columns — all of an ordinary register, so reading costs two
// syncs. Whatever lies beyond is read next, in syncs of at most CELLS_PER_SYNC cells (Excel
// on the web answers at most 5 MB per request). Merged areas are read only over the used
// range, in pieces of at most 512 cells, so none can hold more than 512 merged areas (where
// getMergedAreasOrNullObject fails).
// A sheet Excel refuses to read is retried on its own and, failing that, left out, so one
// odd sheet never stops the others.
import type { CellValue, MergedArea, SheetGrid, TableGrid, WorkbookGrid } from "../core/shared/types";
import { a1, parseAreas } from "./address";
import { queueDateSystemProbe } from "./dateSystem";
import { CELLS_PER_SYNC, MERGED_AREAS_LIMIT, errorCode, isPayloadError } from "./limits";
import { MARKER_KEY, parseMarker } from "./marker";
import { setSupported } from "./office";

export interface SheetInfo {
  name: string;
  /** 0-based position in the workbook. */
  position: number;
  /** What the add-in wrote this sheet as ("so", "chuyen-doi", "bao-cao", …), or null when the
   *  add-in did not create it (then it is never deleted or rewritten). */
  createdBy: string | null;
  /** The defined names marking this sheet (removed when the add-in replaces it). */
  markerNames?: string[];
  /** Protected (Xem lại › Bảo vệ trang tính): nothing is written into it. */
  protected?: boolean;
}

/** What a pane command knows about the workbook after reading it. */
export interface WorkbookSnapshot {
  grid: WorkbookGrid;
  sheets: SheetInfo[];
  tableNames: string[];
  date1904: boolean;
  /** Every defined name in the workbook (to pick free marker names). */
  names?: string[];
  /** Sheets Excel would not let the add-in read (left out of the grid). */
  unreadable?: string[];
  /** The workbook's structure is protected: no sheet can be added or replaced. */
  structureProtected?: boolean;
}

export interface ReadOptions {
  /** Read values only from these sheets (all sheets are still listed). */
  sheets?: readonly string[];
}

/** Office.js gives "" for an empty cell; the engine wants null. A data-type cell (an entity,
 *  a formatted number) gives its plain value or its text, never "[object Object]". */
export function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "object") {
    const o = v as { basicValue?: unknown; text?: unknown };
    if (typeof o.basicValue === "string" || typeof o.basicValue === "number" || typeof o.basicValue === "boolean") return o.basicValue;
    if (typeof o.text === "string") return o.text;
  }
  return null;
}

interface Block {
  top: number; // 0-based row of the sheet
  rows: number;
}

interface SheetPlan {
  name: string;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

interface Piece {
  plan: SheetPlan;
  block: Block;
  withMerges: boolean;
  /** Read in a sync of its own (after a batch failed). */
  alone?: boolean;
}

/** Splits `rows` rows starting at `top` into blocks of at most `size`. */
function blocks(top: number, rows: number, size: number): Block[] {
  const out: Block[] = [];
  for (let r = 0; r < rows; r += size) out.push({ top: top + r, rows: Math.min(size, rows - r) });
  return out;
}

/** Queues one block's values and merged areas; returns how to collect them after the sync. */
function queuePiece(context: Excel.RequestContext, p: Piece): () => { values: unknown[][]; merges: string[] } {
  const ws = context.workbook.worksheets.getItem(p.plan.name);
  const range = ws.getRange(a1(p.block.top + 1, p.plan.c0 + 1, p.block.top + p.block.rows, p.plan.c0 + p.plan.cols));
  range.load("values");
  const merged: Excel.RangeAreas[] = [];
  if (p.withMerges) {
    // Each merged area covers at least one cell of the piece, so a piece of at most 512
    // cells can never hold more than 512 areas.
    const rowsPerPiece = Math.max(1, Math.floor(MERGED_AREAS_LIMIT / p.plan.cols));
    for (const b of blocks(p.block.top, p.block.rows, rowsPerPiece)) {
      const m = ws.getRange(a1(b.top + 1, p.plan.c0 + 1, b.top + b.rows, p.plan.c0 + p.plan.cols)).getMergedAreasOrNullObject();
      m.load("address");
      merged.push(m);
    }
  }
  return () => ({
    values: Array.isArray(range.values) ? (range.values as unknown[][]) : [],
    merges: merged.filter((m) => !m.isNullObject).map((m) => m.address),
  });
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/position");
  const tables = workbook.tables;
  tables.load("items/name");
  const names = workbook.names;
  names.load("items/name,items/formula");
  const is1904 = queueDateSystemProbe(context);
  // Workbook.protection (ExcelApi 1.7): checked before any write (protection.ts).
  const structure = workbook.protection;
  structure.load("protected");
  await context.sync();

  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  // Markers of earlier versions (worksheet custom properties, ExcelApi 1.12).
  const oldMarkers = setSupported("ExcelApi", "1.12");
  const perSheet = worksheets.items.map((ws) => {
    const marker = oldMarkers ? ws.customProperties.getItemOrNullObject(MARKER_KEY) : null;
    marker?.load("value");
    // Worksheet.protection (ExcelApi 1.2).
    const protection = ws.protection;
    protection.load("protected");
    if (wanted && !wanted.has(ws.name)) return { ws, marker, protection, used: null, head: null };
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const head = queueHead(ws);
    return { ws, marker, protection, used, head };
  });
  const perTable = tables.items.map((t) => {
    const range = t.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    t.worksheet.load("name");
    return { t, range };
  });
  let headsRead = true;
  try {
    await context.sync();
  } catch (err) {
    // Too much at once, or a sheet Excel will not read: positions first, then piece by piece.
    headsRead = false;
    for (const { used, marker, protection } of perSheet) {
      used?.load("rowIndex,columnIndex,rowCount,columnCount");
      marker?.load("value");
      protection.load("protected");
    }
    for (const { range, t } of perTable) {
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      t.worksheet.load("name");
    }
    await context.sync().catch(() => {
      throw err;
    });
  }

  const markers = new Map<string, { kind: string; names: string[] }>();
  for (const n of names.items) {
    const m = parseMarker(n.name, typeof n.formula === "string" ? n.formula : "");
    if (!m) continue;
    const key = m.sheet.toLowerCase();
    const entry = markers.get(key) ?? { kind: m.kind, names: [] };
    entry.names.push(n.name);
    markers.set(key, entry);
  }

  const plans: SheetPlan[] = [];
  const done = new Map<string, { values: CellValue[][]; merges: MergedArea[] }>();
  for (const { ws, used, head } of perSheet) {
    if (!used || used.isNullObject) continue;
    const box = { r0: used.rowIndex, c0: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
    if (headsRead && head) {
      done.set(ws.name, head());
      plans.push(...beyondHead(ws.name, box));
    } else {
      plans.push({ name: ws.name, ...box });
    }
  }
  const read = await readPieces(context, plans, done);

  const sheets: SheetInfo[] = [];
  const grids: SheetGrid[] = [];
  for (const { ws, marker, protection, used } of perSheet) {
    const named = markers.get(ws.name.toLowerCase());
    const createdBy = named ? named.kind : marker && !marker.isNullObject ? String(marker.value) : null;
    sheets.push({ name: ws.name, position: ws.position, createdBy, markerNames: named?.names ?? [], protected: protection.protected });
    if (wanted && !wanted.has(ws.name)) continue;
    const grid: SheetGrid = { name: ws.name, values: [] };
    const got = read.sheets.get(ws.name);
    if (used && !used.isNullObject && got) {
      grid.values = got.values;
      if (got.merges.length) grid.merges = got.merges;
    }
    if (!read.unreadable.includes(ws.name)) grids.push(grid);
  }
  const tableGrids: TableGrid[] = perTable.map(({ t, range }) => ({
    name: t.name,
    sheet: t.worksheet.name,
    top: range.rowIndex,
    left: range.columnIndex,
    bottom: range.rowIndex + range.rowCount - 1,
    right: range.columnIndex + range.columnCount - 1,
  }));
  const date1904 = is1904();
  return {
    grid: { sheets: grids, tables: tableGrids, date1904 },
    sheets,
    tableNames: tables.items.map((t) => t.name),
    date1904,
    names: names.items.map((n) => n.name),
    unreadable: read.unreadable,
    structureProtected: structure.protected,
  };
}

interface ReadResult {
  sheets: Map<string, { values: CellValue[][]; merges: MergedArea[] }>;
  unreadable: string[];
}

/** Rows and columns read with the sheet list: an ordinary register fits in them. */
const HEAD_ROWS = 5001;
const HEAD_COLS = 26;

/** Queues the values and merged areas of a sheet's first HEAD_ROWS × HEAD_COLS cells. */
function queueHead(ws: Excel.Worksheet): () => { values: CellValue[][]; merges: MergedArea[] } {
  const used = ws.getRange(a1(1, 1, HEAD_ROWS, HEAD_COLS)).getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  const bandRows = Math.floor(MERGED_AREAS_LIMIT / HEAD_COLS);
  const merged: Excel.RangeAreas[] = [];
  for (let top = 1; top <= HEAD_ROWS; top += bandRows) {
    const m = ws.getRange(a1(top, 1, Math.min(HEAD_ROWS, top + bandRows - 1), HEAD_COLS)).getMergedAreasOrNullObject();
    m.load("address");
    merged.push(m);
  }
  return () => {
    const values: CellValue[][] = [];
    if (!used.isNullObject) {
      for (let r = 0; r < used.rowIndex; r++) values.push([]);
      for (const row of Array.isArray(used.values) ? (used.values as unknown[][]) : []) {
        const line: CellValue[] = new Array<CellValue>(used.columnIndex).fill(null);
        for (const v of Array.isArray(row) ? row : []) line.push(toCellValue(v));
        values.push(line);
      }
    }
    return { values, merges: dedupeMerges(merged.filter((m) => !m.isNullObject).map((m) => m.address)) };
  };
}

/** The parts of a used range outside the head: below it, and right of it. */
function beyondHead(name: string, box: { r0: number; c0: number; rows: number; cols: number }): SheetPlan[] {
  const out: SheetPlan[] = [];
  const bottom = box.r0 + box.rows - 1;
  const right = box.c0 + box.cols - 1;
  if (bottom >= HEAD_ROWS) {
    const r0 = Math.max(box.r0, HEAD_ROWS);
    out.push({ name, r0, c0: box.c0, rows: bottom - r0 + 1, cols: box.cols });
  }
  if (right >= HEAD_COLS && box.r0 < HEAD_ROWS) {
    const c0 = Math.max(box.c0, HEAD_COLS);
    const last = Math.min(bottom, HEAD_ROWS - 1);
    out.push({ name, r0: box.r0, c0, rows: last - box.r0 + 1, cols: right - c0 + 1 });
  }
  return out;
}

function dedupeMerges(addresses: string[], known = new Set<string>(), into: MergedArea[] = []): MergedArea[] {
  for (const address of addresses) {
    for (const b of parseAreas(address)) {
      const key = `${b.top}:${b.left}:${b.bottom}:${b.right}`;
      if (known.has(key)) continue; // an area crossing two pieces comes back twice
      known.add(key);
      into.push({ top: b.top - 1, left: b.left - 1, bottom: b.bottom - 1, right: b.right - 1 });
    }
  }
  return into;
}

/** Reads every planned region's values and merges, packing pieces into syncs of at most
 *  `budget` cells; a payload failure halves the budget, another failure isolates pieces.
 *  `done` holds what was already read (the heads). */
async function readPieces(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  done: Map<string, { values: CellValue[][]; merges: MergedArea[] }>,
): Promise<ReadResult> {
  const out: ReadResult = { sheets: done, unreadable: [] };
  for (const plan of plans) if (!out.sheets.has(plan.name)) out.sheets.set(plan.name, { values: [], merges: [] });
  let budget = CELLS_PER_SYNC;
  let pending: Piece[] = plans.flatMap((plan) =>
    blocks(plan.r0, plan.rows, Math.max(1, Math.floor(budget / plan.cols))).map((block) => ({ plan, block, withMerges: true })),
  );
  const seen = new Map<string, Set<string>>();
  for (const [name, entry] of out.sheets) {
    seen.set(name, new Set(entry.merges.map((m) => `${m.top + 1}:${m.left + 1}:${m.bottom + 1}:${m.right + 1}`)));
  }
  const store = (p: Piece, got: { values: unknown[][]; merges: string[] }): void => {
    const entry = out.sheets.get(p.plan.name)!;
    got.values.forEach((row, i) => {
      const r = p.block.top + i;
      for (let k = entry.values.length; k <= r; k++) entry.values[k] = [];
      const line = entry.values[r];
      for (let c = line.length; c < p.plan.c0; c++) line[c] = null;
      (Array.isArray(row) ? row : []).forEach((v, j) => {
        line[p.plan.c0 + j] = toCellValue(v);
      });
    });
    const known = seen.get(p.plan.name) ?? new Set<string>();
    seen.set(p.plan.name, known);
    dedupeMerges(got.merges, known, entry.merges);
  };

  while (pending.length) {
    // One sync's worth of pieces.
    const batch: Piece[] = [];
    let cells = 0;
    while (
      pending.length &&
      (batch.length === 0 || (!pending[0].alone && cells + pending[0].block.rows * pending[0].plan.cols <= budget))
    ) {
      const p = pending.shift()!;
      batch.push(p);
      cells += p.block.rows * p.plan.cols;
      if (p.alone) break;
    }
    const collect = batch.map((p) => queuePiece(context, p));
    try {
      // One sync per batch that fits Excel on the web's 5 MB response limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      batch.forEach((p, i) => store(p, collect[i]()));
      continue;
    } catch (err) {
      if (isPayloadError(err) && budget > 1000) {
        // Too much for one request: smaller pieces, fewer per sync.
        budget = Math.floor(budget / 2);
        pending = [...batch.flatMap((p) => halve(p)), ...pending];
        continue;
      }
      // Errors about the whole session (the user typing in a cell, a missing set, a busy
      // Excel) are not a sheet's fault: the command fails with its message.
      if (!SHEET_ERRORS.has(errorCode(err))) throw err;
      if (batch.length > 1) {
        // Something in the batch failed: try each piece alone.
        pending = [...batch.map((p) => ({ ...p, alone: true })), ...pending];
        continue;
      }
      const only = batch[0];
      if (only.withMerges) {
        // Read the values without the merged areas rather than not at all.
        pending.unshift({ ...only, withMerges: false });
        continue;
      }
      if (!out.unreadable.includes(only.plan.name)) out.unreadable.push(only.plan.name);
      pending = pending.filter((p) => p.plan.name !== only.plan.name);
    }
  }
  for (const name of out.unreadable) out.sheets.delete(name);
  return out;
}

/** Error codes that can come from one odd range or sheet (and so are isolated, not fatal). */
const SHEET_ERRORS = new Set([
  "InvalidOperation",
  "InvalidArgument",
  "GeneralException",
  "ItemNotFound",
  "UnsupportedOperation",
  "UnsupportedSheet",
  "MergedRangeConflict",
  "NotImplemented",
  "RangeExceedsLimit",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
]);

function halve(p: Piece): Piece[] {
  if (p.block.rows <= 1) return [p];
  const first = Math.ceil(p.block.rows / 2);
  return [
    { ...p, block: { top: p.block.top, rows: first } },
    { ...p, block: { top: p.block.top + first, rows: p.block.rows - first } },
  ];
}

/** The grid alone. */
export async function readWorkbookGrid(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  return (await readWorkbook(context, opts)).grid;
}
