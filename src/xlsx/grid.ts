// The exceljs adapter shared by the CLI (Node) and the pane's Tổng hợp (browser): a loaded
// exceljs workbook → the engine's neutral WorkbookGrid. No Node APIs (no fs, path, Buffer).
import type ExcelJS from "exceljs";
import { columnLetter, columnNumber } from "../core/shared/columnLetters";
import type { CellValue, MergedArea, SheetGrid, TableGrid, WorkbookGrid } from "../core/shared/types";

type RawValue = ExcelJS.CellValue;

/** One exceljs cell value → the engine's CellValue. */
export function toCellValue(value: RawValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    }
    if ("formula" in v || "sharedFormula" in v) {
      // A formula counts as its cached result (what Excel last showed).
      return "result" in v ? toCellValue(v.result as RawValue) : null;
    }
    if ("error" in v) return String(v.error);
    if ("hyperlink" in v || "text" in v) {
      const t = v.text;
      if (t && typeof t === "object") return toCellValue(t as RawValue);
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- exceljs gives scalar link text here
      return t === undefined || t === null ? null : String(t);
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the remaining exceljs cell values print as Excel shows them
  return String(value);
}

const MERGE_TYPE = 1; // ExcelJS.ValueType.Merge

/** A loaded workbook as the engine's neutral grid. Cells covered by a merge (other than
 *  its top-left) are empty; the merges say where values spread. */
export function workbookToGrid(wb: ExcelJS.Workbook): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  const tables: TableGrid[] = [];
  wb.eachSheet((ws) => {
    const values: CellValue[][] = [];
    let formats: (string | undefined)[][] | undefined;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const r = rowNumber - 1;
      const rowValues: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if ((cell.type as number) === MERGE_TYPE) return;
        const v = toCellValue(cell.value);
        if (v === null) return;
        rowValues[colNumber - 1] = v;
        const fmt = cell.numFmt;
        if (fmt && fmt !== "General") {
          if (!formats) formats = [];
          (formats[r] ??= [])[colNumber - 1] = fmt;
        }
      });
      if (rowValues.length > 0) {
        // Fill holes so consumers can index freely.
        for (let i = 0; i < rowValues.length; i++) if (rowValues[i] === undefined) rowValues[i] = null;
        values[r] = rowValues;
      }
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
    const merges: MergedArea[] = [];
    const rawMerges = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
    for (const key of Object.keys(rawMerges ?? {})) {
      const m = rawMerges[key];
      if (!m) continue;
      merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    const sheet: SheetGrid = { name: ws.name, values, merges };
    if (formats) sheet.numberFormats = formats;
    sheets.push(sheet);
    for (const table of tablesOf(ws)) {
      const ref = table.tableRef ?? table.ref;
      const range = ref ? decodeRange(ref) : null;
      if (!range) continue;
      tables.push({ name: table.name, sheet: ws.name, ...range });
    }
  });
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  return { sheets, tables, date1904 };
}

/** A table as exceljs keeps it after loading (its model, not the public API). */
export interface RawTableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  style?: Record<string, unknown>;
  columns?: { name: string }[];
}

export function tablesOf(ws: ExcelJS.Worksheet): RawTableModel[] {
  const raw = (ws as unknown as { tables?: Record<string, { table?: RawTableModel }> }).tables ?? {};
  return Object.values(raw)
    .map((t) => t && t.table)
    .filter((t): t is RawTableModel => Boolean(t && t.name));
}

/** "B3:D10" → 0-based inclusive bounds. */
export function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const clean = ref.replace(/\$/g, "");
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(clean);
  if (cols) {
    // A whole-column reference: rows 1..1048576.
    const a = decodeAddress(`${cols[1]}1`)!;
    const b = decodeAddress(`${cols[2]}1`)!;
    return { top: 0, left: Math.min(a.col, b.col), bottom: 1048575, right: Math.max(a.col, b.col) };
  }
  const parts = clean.split(":");
  const a = decodeAddress(parts[0]);
  const b = decodeAddress(parts[1] ?? parts[0]);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** "B3" → 0-based row and column. */
export function decodeAddress(addr: string): { row: number; col: number } | null {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(addr.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnNumber(m[1]) - 1 };
}

/** 0-based row and column → "B3". */
export function encodeAddress(row0: number, col0: number): string {
  return `${columnLetter(col0 + 1)}${row0 + 1}`;
}
