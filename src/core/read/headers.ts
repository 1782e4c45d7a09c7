// Header matching (SPEC §3.6): which canonical column a header cell names, and where a
// block's header row is. Split out of register.ts; the entry point is still register.ts.
import type { ColumnSpec } from "./columns";
import type { SheetGrid, TableGrid } from "../shared/types";
import { cellText, isBlank, normalizeKey } from "./values";
import { blank } from "./parsers";
import { sheetView, type SheetView } from "./sheetView";

/** SPEC §3.6: the header row is looked for within the first 20 rows. */
export const HEADER_SEARCH_ROWS = 20;
// ---------------------------------------------------------------------------
// Header matching

export interface CompiledSpecs {
  specs: readonly ColumnSpec[];
  /** Every accepted wording, normalised, longest first (ties: spec order). */
  keys: { key: string; spec: number }[];
  /** Canonical name → spec index. */
  byName: Map<string, number>;
}

const compiledCache = new WeakMap<readonly ColumnSpec[], CompiledSpecs>();

/** Normalises the specs' names and synonyms once per spec list (they are module
 *  constants, so this happens once per process). */
export function compile(specs: readonly ColumnSpec[]): CompiledSpecs {
  const cached = compiledCache.get(specs);
  if (cached) return cached;
  const keys: { key: string; spec: number }[] = [];
  const byName = new Map<string, number>();
  specs.forEach((s, i) => {
    byName.set(s.name, i);
    const seen = new Set<string>();
    for (const w of [s.name, ...s.synonyms]) {
      const key = normalizeKey(w);
      if (key && !seen.has(key)) {
        seen.add(key);
        keys.push({ key, spec: i });
      }
    }
  });
  keys.sort((a, b) => b.key.length - a.key.length || a.spec - b.spec);
  const compiled = { specs, keys, byName };
  compiledCache.set(specs, compiled);
  return compiled;
}

export interface HeaderMatch {
  /** Index into the specs list. */
  spec: number;
  /** Canonical column name. */
  name: string;
  /** Length of the matched (normalised) wording: longer is a better match. */
  length: number;
}

export function matchNormalized(text: string, c: CompiledSpecs): HeaderMatch | null {
  if (!text) return null;
  for (const { key, spec } of c.keys) {
    if (
      text.length === key.length ? text === key : text.length > key.length && text.startsWith(key) && text.charCodeAt(key.length) === 32
    ) {
      return { spec, name: c.specs[spec].name, length: key.length };
    }
  }
  return null;
}

/** SPEC §3.6 header match: `text` (a header cell) matches a column when, normalised,
 *  it equals the column's name or a synonym, or starts with one followed by a space.
 *  The longest matching wording wins (ties: the earlier column). */
export function matchHeader(text: string, specs: readonly ColumnSpec[]): HeaderMatch | null {
  return matchNormalized(normalizeKey(text), compile(specs));
}

// ---------------------------------------------------------------------------
// Header rows

export interface HeaderRow {
  sheet: string;
  /** Excel row (1-based) of the header row (the top one of a two-row header). */
  row: number;
  /** Excel row of the first data row. */
  firstDataRow: number;
  /** Canonical name → Excel column (1-based). */
  columns: Record<string, number>;
  /** Canonical name → header text as found. */
  headers: Record<string, string>;
  /** Every non-empty header cell, left to right: Excel column and its text. */
  cells: { col: number; text: string }[];
  /** Excel columns (1-based, inclusive) spanned by the header. */
  left: number;
  right: number;
}

export interface HeaderRowOptions {
  /** Fewest columns the row must match (the key included). */
  minMatches: number;
  /** Canonical name of the column the row must have. */
  key?: string;
  /** Rows to search (default 20). */
  maxRows?: number;
}

/** Header texts of each column of rows top..bottom (0-based): its own texts, a value
 *  merged down into the block from above, and "group sub" for a sub-header under a
 *  group header merged across columns. A cell covered by a merge from its left adds
 *  nothing itself (a header merged across columns counts once). */
function blockTexts(view: SheetView, top: number, bottom: number, left: number, right: number): string[][] {
  const out: string[][] = [];
  for (let c = left; c <= right; c++) {
    const texts: string[] = [];
    let group = "";
    for (let r = top; r <= bottom; r++) {
      const m = view.mergeAt(r, c);
      let t = "";
      if (!m) t = cellText(view.values[r]?.[c]);
      else if (m.top === r && m.left === c) t = cellText(view.values[r]?.[c]);
      else if (m.left === c && m.top < top && r === top) t = cellText(view.values[m.top]?.[m.left]);
      else {
        if (m.left < c && m.top >= top && m.bottom < bottom) group = cellText(view.values[m.top]?.[m.left]);
        continue;
      }
      if (!t) continue;
      if (group && r > top) texts.push(`${group} ${t}`);
      texts.push(t);
      if (m && m.left === c && m.right > c && m.bottom < bottom) group = t;
    }
    out.push(texts);
  }
  return out;
}

interface BlockMatch {
  columns: Record<string, number>;
  headers: Record<string, string>;
  cells: { col: number; text: string }[];
  count: number;
}

/** Matches every column of a header block; each canonical column is taken once:
 *  the longest match, then the leftmost (SPEC §3.6). */
function matchBlock(view: SheetView, top: number, bottom: number, left: number, right: number, c: CompiledSpecs): BlockMatch {
  const texts = blockTexts(view, top, bottom, left, right);
  const best: { col: number; length: number; text: string }[] = [];
  const cells: { col: number; text: string }[] = [];
  for (let i = 0; i < texts.length; i++) {
    const col = left + i;
    let found: HeaderMatch | null = null;
    let foundText = "";
    for (const t of texts[i]) {
      const m = matchNormalized(normalizeKey(t), c);
      if (m && (!found || m.length > found.length)) {
        found = m;
        foundText = t;
      }
    }
    if (texts[i].length) {
      // An unmatched sub-header keeps its group for context ("Ngày: Dự kiến").
      cells.push({ col: col + 1, text: foundText || texts[i][0] });
    }
    if (!found) continue;
    const cur = best[found.spec];
    if (!cur || found.length > cur.length) best[found.spec] = { col, length: found.length, text: foundText };
  }
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  let count = 0;
  best.forEach((b, spec) => {
    if (!b) return;
    columns[c.specs[spec].name] = b.col + 1;
    headers[c.specs[spec].name] = b.text;
    count++;
  });
  return { columns, headers, cells, count };
}

/** Whether row r (0-based) continues the header block ending at r-1: its own
 *  values all sit under horizontally merged cells of the block (sub-headers of
 *  a group header), and there is at least one. */
function isSubHeaderRow(view: SheetView, r: number, top: number): boolean {
  const len = view.rowLength(r);
  let any = false;
  for (let c = 0; c < len; c++) {
    if (isBlank(view.own(r, c))) continue;
    let grouped = false;
    for (let rr = r - 1; rr >= top && !grouped; rr--) {
      const m = view.mergeAt(rr, c);
      if (m && m.right > m.left && m.bottom < r) grouped = true;
    }
    if (!grouped) return false;
    any = true;
  }
  return any;
}

function rowExtent(view: SheetView, r: number): number {
  return view.rowLength(r) - 1;
}

/** SPEC §3.6: the first row within the first 20 rows of a sheet that matches at
 *  least `minMatches` columns including `key`. A header cell merged across columns
 *  counts once; a group header merged above its sub-headers makes a two-row header. */
export function findHeaderRow(sheet: SheetGrid, specs: readonly ColumnSpec[], opts: HeaderRowOptions): HeaderRow | null {
  const view = sheetView(sheet);
  const c = compile(specs);
  const rows = Math.min(opts.maxRows ?? HEADER_SEARCH_ROWS, view.rowCount);
  for (let r = 0; r < rows; r++) {
    const right = rowExtent(view, r);
    if (right < 0) continue;
    let m = matchBlock(view, r, r, 0, right, c);
    if (m.count < opts.minMatches || (opts.key !== undefined && !(opts.key in m.columns))) continue;
    let bottom = r;
    // A group header row: take the sub-header rows below it into the block.
    while (bottom + 1 < view.rowCount && bottom - r < 3 && isSubHeaderRow(view, bottom + 1, r)) bottom++;
    let extent = right;
    if (bottom > r) {
      for (let rr = r + 1; rr <= bottom; rr++) extent = Math.max(extent, rowExtent(view, rr));
      const mm = matchBlock(view, r, bottom, 0, extent, c);
      if (mm.count >= m.count && (opts.key === undefined || opts.key in mm.columns)) m = mm;
      else bottom = r;
    }
    // A header cell merged down over the rows below belongs to the header too.
    for (const cell of m.cells) {
      const area = view.mergeAt(r, cell.col - 1);
      if (area && area.top === r && area.bottom > bottom && area.bottom - r < 4) bottom = area.bottom;
    }
    const h = toHeaderRow(sheet.name, r, bottom, m);
    // Official forms number their columns on the row under the header: (1) (2) (3) …
    if (isColumnNumberRow(view, bottom + 1, h.left - 1, h.right - 1)) h.firstDataRow++;
    return h;
  }
  return null;
}

const COLUMN_NUMBER_RE = /^\(?(\d{1,2})\)?$/;

/** A row holding only consecutive column numbers, 1 2 3 … or (1) (2) (3) …. */
function isColumnNumberRow(view: SheetView, r: number, left: number, right: number): boolean {
  let prev = -1;
  let count = 0;
  for (let c = left; c <= right; c++) {
    const v = view.own(r, c);
    if (blank(v)) continue;
    let n: number;
    if (typeof v === "number") n = v;
    else if (typeof v === "string") {
      const m = COLUMN_NUMBER_RE.exec(v.trim());
      if (!m) return false;
      n = +m[1];
    } else return false;
    if (prev >= 0 && n !== prev + 1) return false;
    prev = n;
    count++;
  }
  return count >= 3;
}

function toHeaderRow(sheet: string, top: number, bottom: number, m: BlockMatch): HeaderRow {
  const cols = m.cells.map((x) => x.col);
  return {
    sheet,
    row: top + 1,
    firstDataRow: bottom + 2,
    columns: m.columns,
    headers: m.headers,
    cells: m.cells,
    left: cols.length ? Math.min(...cols) : 1,
    right: cols.length ? Math.max(...cols) : 1,
  };
}

/** The header of an Excel table: its first row, matched without a minimum. */
export function tableHeader(sheet: SheetGrid, table: TableGrid, specs: readonly ColumnSpec[]): HeaderRow {
  const view = sheetView(sheet);
  const m = matchBlock(view, table.top, table.top, table.left, table.right, compile(specs));
  const h = toHeaderRow(sheet.name, table.top, table.top, m);
  h.left = table.left + 1;
  h.right = table.right + 1;
  return h;
}
