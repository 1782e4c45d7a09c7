// Reading the open workbook into the neutral WorkbookGrid the engine works from.
// Two context.sync() calls whatever the size: names first, then every sheet's used
// range, merges and marker, and every table's position, all in one batch.
import type { CellValue, MergedArea, SheetGrid, TableGrid, WorkbookGrid } from "../core/shared/types";
import { parseAreas } from "./address";
import { MARKER_KEY } from "./marker";

export interface SheetInfo {
  name: string;
  /** 0-based position in the workbook. */
  position: number;
  /** What the add-in wrote this sheet as ("so", "chuyen-doi", "bao-cao", …), or null when the
   *  add-in did not create it (then it is never deleted or rewritten). */
  createdBy: string | null;
}

/** What a pane command knows about the workbook after reading it. */
export interface WorkbookSnapshot {
  grid: WorkbookGrid;
  sheets: SheetInfo[];
  tableNames: string[];
  date1904: boolean;
}

export interface ReadOptions {
  /** Read values only from these sheets (all sheets are still listed). */
  sheets?: readonly string[];
}

/** Office.js gives "" for an empty cell; the engine wants null. */
function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** Places a used range read at (rowIndex, columnIndex) so that values[0][0] is A1. */
function placeAtA1<T, U>(block: T[][], rowIndex: number, columnIndex: number, map: (v: T) => U, blank: U): U[][] {
  const out: U[][] = new Array(rowIndex);
  for (let r = 0; r < rowIndex; r++) out[r] = [];
  for (const row of block) {
    const line: U[] = new Array(columnIndex + row.length);
    for (let c = 0; c < columnIndex; c++) line[c] = blank;
    for (let c = 0; c < row.length; c++) line[columnIndex + c] = map(row[c]);
    out.push(line);
  }
  return out;
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/position");
  const tables = workbook.tables;
  tables.load("items/name");
  // Office.js has no date-system flag; DATE(1904,1,1) is serial 0 only in the 1904 system.
  const probe = workbook.functions.date(1904, 1, 1);
  probe.load("value");
  await context.sync();

  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  const perSheet = worksheets.items.map((ws) => {
    const marker = ws.customProperties.getItemOrNullObject(MARKER_KEY);
    marker.load("value");
    if (wanted && !wanted.has(ws.name)) return { ws, marker, used: null, merged: null };
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,numberFormat,rowIndex,columnIndex");
    // Not chained on `used`: that may be a null object (an empty sheet).
    const merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load("address");
    return { ws, marker, used, merged };
  });
  const perTable = tables.items.map((t) => {
    const range = t.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    t.worksheet.load("name");
    return { t, range };
  });
  await context.sync();

  const sheets: SheetInfo[] = [];
  const grids: SheetGrid[] = [];
  for (const { ws, marker, used, merged } of perSheet) {
    sheets.push({ name: ws.name, position: ws.position, createdBy: marker.isNullObject ? null : String(marker.value) });
    const grid: SheetGrid = { name: ws.name, values: [] };
    if (used && !used.isNullObject) {
      const r0 = used.rowIndex;
      const c0 = used.columnIndex;
      grid.values = placeAtA1(used.values as unknown[][], r0, c0, toCellValue, null);
      grid.numberFormats = placeAtA1(
        used.numberFormat as unknown[][],
        r0,
        c0,
        (f) => (typeof f === "string" && f !== "General" ? f : undefined),
        undefined,
      );
      if (merged && !merged.isNullObject) {
        grid.merges = parseAreas(merged.address).map(
          (b): MergedArea => ({ top: b.top - 1, left: b.left - 1, bottom: b.bottom - 1, right: b.right - 1 }),
        );
      }
    }
    if (!wanted || wanted.has(ws.name)) grids.push(grid);
  }
  const tableGrids: TableGrid[] = perTable.map(({ t, range }) => ({
    name: t.name,
    sheet: t.worksheet.name,
    top: range.rowIndex,
    left: range.columnIndex,
    bottom: range.rowIndex + range.rowCount - 1,
    right: range.columnIndex + range.columnCount - 1,
  }));
  const date1904 = probe.value === 0;
  return {
    grid: { sheets: grids, tables: tableGrids, date1904 },
    sheets,
    tableNames: tables.items.map((t) => t.name),
    date1904,
  };
}

/** The grid alone (2 syncs). */
export async function readWorkbookGrid(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  return (await readWorkbook(context, opts)).grid;
}
