// One worksheet part → the engine's SheetGrid, in one linear pass of the bounded
// tokenizer: values (shared strings, inline text, booleans, errors, numbers, and dates as
// Excel shows them), number formats, merged areas. Bounds: rows, cells, Excel's grid,
// merges. A merged area far past the data is clipped to the used range (it holds nothing
// the engine reads there), so a whole-sheet merge costs nothing.
import { columnLetter } from "../core/shared/columnLetters";
import type { CellValue, MergedArea, SheetGrid } from "../core/shared/types";
import { broken, count, tooLarge, type FileLabel } from "./package/errors";
import { scanXml, type Attrs } from "./package/xml";
import { READ_LIMITS } from "./readLimits";
import { decodeExcelEscapes, type Styles } from "./readParts";
import { serialToCellDate } from "./serialDate";

/** A merged area is clipped to the used range only above this many cells. */
export const MERGE_CLIP_CELLS = 10_000;

export interface SheetContext {
  at: FileLabel;
  strings: string[] | null;
  styles: Styles;
  date1904: boolean;
  /** Running totals over the workbook, for the per-workbook bounds. */
  totals: { cells: number; mergedCells: number };
}

export interface SheetStats {
  cells: number;
  rows: number;
  /** Self-closing rows and cells: formatting only. */
  emptyElements: number;
  /** 1-based last row and column holding a value (0 when none). */
  lastRow: number;
  lastColumn: number;
  /** Merged areas as written (0-based), before clipping. */
  rawMerges: MergedArea[];
  /** A drop-down range or declared dimension larger than the bounds (a save must clip it). */
  hugeRanges: boolean;
}

/** "B3" → 0-based row and column; null for anything else. Hand-written (no regex). */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  if (ref.charCodeAt(0) === 0x24) i++;
  const start = i;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 0x40);
  }
  if (i === start || i - start > 3) return null;
  if (ref.charCodeAt(i) === 0x24) i++;
  const digits = i;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    row = row * 10 + (c - 0x30);
    if (row > 1e9) return null;
  }
  if (i === digits || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** "A1:C3" (or "A1", or "A:C") → 0-based inclusive bounds. */
export function parseRangeRef(ref: string): MergedArea | null {
  const colon = ref.indexOf(":");
  const a = colon < 0 ? ref : ref.slice(0, colon);
  const b = colon < 0 ? ref : ref.slice(colon + 1);
  let p = parseCellRef(a);
  let q = parseCellRef(b);
  if (!p || !q) {
    // Whole columns: rows 1..1048576.
    p = parseCellRef(a + "1");
    q = parseCellRef(b + String(READ_LIMITS.maxRow));
    if (!p || !q || a.length > 4 || b.length > 4) return null;
  }
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function cellRefColumn(ref: string): { col: number; row: number } {
  // Column letters then optional digits; 0s when absent. Validity is checked by the caller.
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 0x40);
    if (col > 1e6) break;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return { col, row: -1 };
    row = row * 10 + (c - 0x30);
    if (row > 1e9) return { col, row: -1 };
  }
  return { col, row };
}

/** Reads one worksheet's XML into a SheetGrid. Throws a UserError naming the sheet for a
 *  bound passed or a cell outside Excel's grid. */
export function readSheetXml(xml: string, name: string, ctx: SheetContext): { sheet: SheetGrid; stats: SheetStats } {
  const label = `trang "${name}"`;
  const at = ctx.at;
  const values: CellValue[][] = [];
  let formats: (string | undefined)[][] | undefined;
  const stats: SheetStats = { cells: 0, rows: 0, emptyElements: 0, lastRow: 0, lastColumn: 0, rawMerges: [], hugeRanges: false };
  let row = 0;
  let column = 0;
  // The open cell.
  let inCell = false;
  let cellRow = 0;
  let cellCol = 0;
  let cellType = "";
  let cellStyle = 0;
  let inValue = false;
  let inInline = false;
  let inInlineText = false;
  let phonetic = 0;
  let text = "";
  let hasText = false;
  const outside = (where: string) =>
    broken(at, `${label} có ô ở vị trí ${where}, ngoài lưới của Excel (tối đa ${count(READ_LIMITS.maxRow)} dòng, cột XFD)`);
  const sqrefCells = (sqref: string) => {
    let cells = 0;
    for (const part of sqref.split(" ")) {
      if (part === "") continue;
      const r = parseRangeRef(part);
      if (r) cells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
    }
    return cells;
  };
  const finish = () => {
    let v: CellValue = null;
    const raw = text;
    switch (cellType) {
      case "s": {
        if (!hasText) break;
        if (ctx.strings === null) {
          throw broken(at, "thiếu phần chứa chữ của các ô (xl/sharedStrings.xml), nên không đọc được chữ trong sổ");
        }
        const s = ctx.strings[Number(raw)];
        v = s === undefined ? null : s;
        break;
      }
      case "inlineStr":
        v = hasText ? decodeExcelEscapes(raw) : null;
        break;
      case "str":
      case "e":
        v = hasText ? decodeExcelEscapes(raw) : null;
        break;
      case "b":
        v = hasText ? raw.trim() === "1" || raw.trim() === "true" : null;
        break;
      case "d": {
        if (!hasText) break;
        const d = new Date(raw.trim());
        v = Number.isNaN(d.getTime()) ? raw : d;
        break;
      }
      default: {
        if (!hasText || raw.trim() === "") break;
        const n = Number(raw);
        if (!Number.isFinite(n)) break;
        v = ctx.styles.dates[cellStyle] ? serialToCellDate(n, ctx.date1904) : n;
      }
    }
    // Past the rows bound the rest is only counted, for the message (the part is bounded).
    if (v === null || stats.rows > READ_LIMITS.rowsPerSheet) return;
    const r = cellRow;
    const c = cellCol;
    (values[r] ??= [])[c] = v;
    if (r + 1 > stats.lastRow) stats.lastRow = r + 1;
    if (c + 1 > stats.lastColumn) stats.lastColumn = c + 1;
    const fmt = ctx.styles.formats[cellStyle];
    if (fmt !== undefined) ((formats ??= [])[r] ??= [])[c] = fmt;
  };
  scanXml(
    xml,
    {
      open(el: string, a: Attrs, selfClosing: boolean) {
        if (inCell) {
          if (el === "v") {
            inValue = true;
            text = "";
            hasText = true;
          } else if (el === "is") {
            inInline = true;
            text = "";
            hasText = true;
          } else if (el === "rPh") phonetic++;
          else if (el === "t" && inInline && phonetic === 0) inInlineText = true;
          return;
        }
        if (el === "c") {
          const ref = a.r;
          if (ref !== undefined) {
            const p = cellRefColumn(ref);
            if (p.col < 1 || p.col > READ_LIMITS.maxColumn || p.row < 0 || p.row > READ_LIMITS.maxRow) throw outside(ref.slice(0, 20));
            column = p.col;
            cellRow = p.row > 0 ? p.row - 1 : row - 1;
          } else {
            column++;
            cellRow = row - 1;
            if (column > READ_LIMITS.maxColumn) throw outside(`cột ${column}`);
          }
          if (cellRow < 0) cellRow = 0;
          cellCol = column - 1;
          if (selfClosing) {
            stats.emptyElements++;
            return;
          }
          stats.cells++;
          if (++ctx.totals.cells > READ_LIMITS.cells) throw tooLarge(at, `sổ có hơn ${count(READ_LIMITS.cells)} ô có dữ liệu`);
          inCell = true;
          cellType = a.t ?? "n";
          cellStyle = a.s === undefined ? 0 : Number(a.s) || 0;
          text = "";
          hasText = false;
        } else if (el === "row") {
          const r = a.r;
          if (r !== undefined) {
            const n = Number(r);
            if (!Number.isInteger(n) || n < 1 || n > READ_LIMITS.maxRow) throw outside(r.slice(0, 20));
            row = n;
          } else if (++row > READ_LIMITS.maxRow) throw outside(String(row));
          column = 0;
          if (selfClosing) stats.emptyElements++;
          else stats.rows++;
        } else if (el === "mergeCell") {
          const m = a.ref ? parseRangeRef(a.ref) : null;
          if (!m) return;
          if (stats.rawMerges.length >= READ_LIMITS.merges) throw tooLarge(at, `${label} có hơn ${count(READ_LIMITS.merges)} vùng gộp ô`);
          stats.rawMerges.push(m);
        } else if (el === "dataValidation") {
          if (a.sqref && sqrefCells(a.sqref) > MERGE_CLIP_CELLS * 20) stats.hugeRanges = true;
        } else if (el === "dimension") {
          const d = a.ref ? parseRangeRef(a.ref) : null;
          if (d && (d.bottom - d.top + 1) * (d.right - d.left + 1) > READ_LIMITS.cells) stats.hugeRanges = true;
        }
      },
      close(el: string) {
        if (!inCell) return;
        if (el === "c") {
          inCell = false;
          inValue = false;
          inInline = false;
          finish();
        } else if (el === "v") inValue = false;
        else if (el === "is") inInline = false;
        else if (el === "t") inInlineText = false;
        else if (el === "rPh") phonetic--;
      },
      // Only a value's text is read: a formula's (often most of the sheet) is not decoded.
      wantsText: () => inValue || inInlineText,
      text(t: string) {
        text += t;
      },
    },
    at,
    label,
  );
  if (stats.rows > READ_LIMITS.rowsPerSheet) {
    throw tooLarge(at, `${label} có ${count(stats.rows)} dòng có dữ liệu, quá giới hạn ${count(READ_LIMITS.rowsPerSheet)} dòng`);
  }
  const merges = clipMerges(stats, values, label, ctx);
  for (let i = 0; i < values.length; i++) {
    const r = values[i];
    if (r === undefined) values[i] = [];
    else for (let j = 0; j < r.length; j++) if (r[j] === undefined) r[j] = null;
  }
  const sheet: SheetGrid = { name, values, merges };
  if (formats) sheet.numberFormats = formats;
  return { sheet, stats };
}

/** Merges as the grid needs them: large ones clipped to the used range, the covered cells
 *  (all but the top-left) emptied as Excel shows them. */
function clipMerges(stats: SheetStats, values: CellValue[][], label: string, ctx: SheetContext): MergedArea[] {
  const lastRow = Math.max(1, stats.lastRow);
  const lastColumn = Math.max(1, stats.lastColumn);
  const out: MergedArea[] = [];
  for (const m of stats.rawMerges) {
    const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    let kept = m;
    if (area > MERGE_CLIP_CELLS) {
      if (m.top + 1 > lastRow || m.left + 1 > lastColumn) continue;
      kept = { top: m.top, left: m.left, bottom: Math.min(m.bottom, lastRow - 1), right: Math.min(m.right, lastColumn - 1) };
      if (kept.bottom === kept.top && kept.right === kept.left) continue;
    }
    ctx.totals.mergedCells += (kept.bottom - kept.top + 1) * (kept.right - kept.left + 1);
    if (ctx.totals.mergedCells > READ_LIMITS.mergedCells) {
      throw tooLarge(ctx.at, `${label} có vùng gộp ô phủ hơn ${count(READ_LIMITS.mergedCells)} ô trong phần có dữ liệu`);
    }
    out.push(kept);
    for (let r = kept.top; r <= kept.bottom && r < values.length; r++) {
      const row = values[r];
      if (!row) continue;
      for (let c = kept.left; c <= kept.right && c < row.length; c++) {
        if (r === kept.top && c === kept.left) continue;
        row[c] = undefined;
      }
      trimRow(values, r);
    }
  }
  while (values.length > 0 && (values[values.length - 1] === undefined || values[values.length - 1].length === 0)) values.length--;
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

function trimRow(values: CellValue[][], r: number): void {
  const row = values[r];
  let n = row.length;
  while (n > 0 && (row[n - 1] === undefined || row[n - 1] === null)) n--;
  row.length = n;
}

/** "A1:C3" for 0-based bounds (messages and the rebuilt sheet). */
export function rangeText(m: MergedArea): string {
  return `${columnLetter(m.left + 1)}${m.top + 1}:${columnLetter(m.right + 1)}${m.bottom + 1}`;
}
