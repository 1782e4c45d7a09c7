// Where a block is: an Excel table by name, else a sheet whose header row matches.
// Split out of register.ts; the reading stage's entry point is still register.ts.
import { REGISTER_SPECS, type ColumnSpec } from "./columns";
import { SHEETS, TABLES } from "./layout";
import type { RegisterColumn, SheetGrid, TableGrid, WorkbookGrid } from "../shared/types";
import { normalizeKey } from "./values";
import { findHeaderRow, tableHeader, type HeaderRow, type HeaderRowOptions } from "./headers";
import { sheetView } from "./sheetView";

// ---------------------------------------------------------------------------
// Locating blocks

/** A located table: its sheet, header, and the last Excel row that may hold data. */
export interface Located {
  sheet: SheetGrid;
  header: HeaderRow;
  /** Last Excel row of the block (the table's last row, or the sheet's last row with a value). */
  lastRow: number;
  table: TableGrid | null;
}

export function sameName(a: string, b: string): boolean {
  return normalizeKey(a) === normalizeKey(b);
}

export function findTable(grid: WorkbookGrid, name: string): { table: TableGrid; sheet: SheetGrid } | null {
  const lower = name.toLowerCase();
  for (const t of grid.tables ?? []) {
    if (t.name.toLowerCase() !== lower) continue;
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    if (sheet) return { table: t, sheet };
  }
  return null;
}

export function locateTable(grid: WorkbookGrid, tableName: string, specs: readonly ColumnSpec[]): Located | null {
  const found = findTable(grid, tableName);
  if (!found) return null;
  const header = tableHeader(found.sheet, found.table, specs);
  return { sheet: found.sheet, header, lastRow: found.table.bottom + 1, table: found.table };
}

export function locateOnSheet(sheet: SheetGrid, specs: readonly ColumnSpec[], opts: HeaderRowOptions): Located | null {
  const header = findHeaderRow(sheet, specs, opts);
  if (!header) return null;
  return { sheet, header, lastRow: sheetView(sheet).rowCount, table: null };
}

/** Sheet names of the canonical blocks: a sheet named for one block is not taken
 *  for another by the any-sheet search. */
const CANONICAL_SHEETS = Object.values(SHEETS).map((s) => normalizeKey(s));

export function isCanonicalSheetOtherThan(sheet: SheetGrid, own: string): boolean {
  const n = normalizeKey(sheet.name);
  return n !== normalizeKey(own) && CANONICAL_SHEETS.includes(n);
}

export const TITLE: RegisterColumn = "Tên chuyên đề";

/** Where the register is: the table tblChuyenDe, else the first sheet (workbook
 *  order) with a header row matching ≥3 columns including `Tên chuyên đề`. A sheet
 *  named for another block (Điểm danh, …) is only taken when no other sheet has one. */
export function locateRegister(grid: WorkbookGrid): Located | null {
  const t = locateTable(grid, TABLES.register, REGISTER_SPECS);
  if (t) return t;
  const opts = { minMatches: 3, key: TITLE };
  const later: SheetGrid[] = [];
  for (const sheet of grid.sheets) {
    if (isCanonicalSheetOtherThan(sheet, SHEETS.register)) {
      later.push(sheet);
      continue;
    }
    const l = locateOnSheet(sheet, REGISTER_SPECS, opts);
    if (l) return l;
  }
  for (const sheet of later) {
    const l = locateOnSheet(sheet, REGISTER_SPECS, opts);
    if (l) return l;
  }
  return null;
}
