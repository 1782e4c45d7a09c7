// A sheet grid with merged areas resolved, shared by every lookup of one read.
// Split out of register.ts; the reading stage's entry point is still register.ts.
import type { CellValue, MergedArea, SheetGrid } from "../shared/types";
import { blank } from "./parsers";

// ---------------------------------------------------------------------------
// Sheet access with merges resolved

/** Excel's column limit; used to key cells by one number. */
const MAX_COLS = 16384;

/** A sheet with merges resolved: the cells under a merged area's top-left cell read
 *  as its value (SPEC §3.6), and the other cells of the area are marked as copies.
 *  Adapters differ here (exceljs repeats the value, Office.js leaves ""), so the
 *  top-left value is always the one used. */
export class SheetView {
  readonly name: string;
  readonly values: CellValue[][];
  /** Number of rows up to the last row holding any non-blank value. */
  readonly rowCount: number;
  /** Non-top-left cells of merged areas → the area. */
  private readonly copies = new Map<number, MergedArea>();
  /** Top-left cells of merged areas → the area. */
  private readonly origins = new Map<number, MergedArea>();

  constructor(readonly sheet: SheetGrid) {
    this.name = sheet.name;
    this.values = sheet.values ?? [];
    let last = -1;
    for (let r = this.values.length - 1; r >= 0 && last < 0; r--) {
      const row = this.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        if (!blank(row[c])) {
          last = r;
          break;
        }
      }
    }
    this.rowCount = last + 1;
    const merges = sheet.merges ?? [];
    let width = 0;
    if (merges.length) for (let r = 0; r < this.rowCount; r++) width = Math.max(width, this.values[r]?.length ?? 0);
    for (const m of merges) {
      if (m.bottom < m.top || m.right < m.left) continue;
      this.origins.set(m.top * MAX_COLS + m.left, m);
      // Only the part that can hold values matters (a merge may span a whole row or column).
      const bottom = Math.min(m.bottom, this.rowCount - 1);
      const right = Math.min(m.right, width - 1);
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= right; c++) {
          if (r !== m.top || c !== m.left) this.copies.set(r * MAX_COLS + c, m);
        }
      }
    }
  }

  /** Length of row r (0-based), 0 when missing. */
  rowLength(r: number): number {
    return this.values[r]?.length ?? 0;
  }

  /** The value a cell shows: its own, or, below the top-left cell of a merged area,
   *  that cell's value (SPEC §3.6 applies a vertically merged value to every row of
   *  the merge). Cells to the right of a merge's first column read as empty, as in
   *  Excel: a banner or footer merged across the table does not fill every column. */
  value(r: number, c: number): CellValue {
    if (c < 0) return null;
    if (this.copies.size) {
      const m = this.copies.get(r * MAX_COLS + c);
      if (m) return c === m.left ? this.values[m.top]?.[m.left] : null;
    }
    return this.values[r]?.[c];
  }

  /** The value a cell holds itself (null for a copy from a merged area). */
  own(r: number, c: number): CellValue {
    if (c < 0) return null;
    if (this.copies.size && this.copies.has(r * MAX_COLS + c)) return null;
    return this.values[r]?.[c];
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(r: number, c: number): MergedArea | undefined {
    const key = r * MAX_COLS + c;
    return this.copies.get(key) ?? this.origins.get(key);
  }
}

/** Views shared during one read (see withViews); none are kept between reads, since
 *  a caller may change a grid's values and read it again. */
let activeViews: Map<SheetGrid, SheetView> | null = null;

/** The SheetView of a sheet: shared within a withViews call, else built afresh. */
export function sheetView(sheet: SheetGrid): SheetView {
  if (!activeViews) return new SheetView(sheet);
  let v = activeViews.get(sheet);
  if (!v) {
    v = new SheetView(sheet);
    activeViews.set(sheet, v);
  }
  return v;
}

/** Runs `fn` with each sheet's view built once for all the lookups it makes. */
export function withViews<T>(fn: () => T): T {
  if (activeViews) return fn();
  activeViews = new Map();
  try {
    return fn();
  } finally {
    activeViews = null;
  }
}
