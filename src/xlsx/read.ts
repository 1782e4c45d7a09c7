// The reader we own: bytes of an .xlsx → the engine's WorkbookGrid, with no library
// deciding what to parse. The zip is opened under real inflate limits, parts are reached
// only through [Content_Types].xml and the relationships, and each is tokenised by the
// bounded linear scanner (src/xlsx/package). Only the sheets asked for are read; media,
// drawings, comments and anything no relationship names are never inflated. Shared by the
// CLI, the page's file mode and the pane (no Node APIs).
import type { SheetGrid, TableGrid, WorkbookGrid } from "../core/shared/types";
import { UserError } from "../core/shared/types";
import { broken, mb, tooLarge, type FileLabel } from "./package/errors";
import { OpcPackage } from "./package/opc";
import { READ_LIMITS } from "./readLimits";
import {
  readSharedStrings,
  readStyles,
  readTable,
  readWorkbookPart,
  type SheetEntry,
  type TablePart,
  type WorkbookPart,
} from "./readParts";
import { MERGE_CLIP_CELLS, parseRangeRef, readSheetXml, type SheetStats } from "./readSheet";
import { baseName, sniffProblem } from "./sniff";

export interface ReadOptions {
  /** Which sheets to read (by name); the others are left out of the grid unread. */
  sheets?: (name: string) => boolean;
  /** Keep each read sheet's XML (a command that saves the workbook rebuilds from it). */
  keepSheetXml?: boolean;
}

export interface ReadSheet {
  entry: SheetEntry;
  stats: SheetStats;
  xml?: string;
  tables: { part: string; table: TablePart }[];
}

export interface WorkbookRead {
  grid: WorkbookGrid;
  /** What reading had to leave out or clip (the file itself is never changed). */
  notes: string[];
  pkg: OpcPackage;
  workbook: WorkbookPart;
  sheets: ReadSheet[];
}

/** The package limits from READ_LIMITS. */
export const PACKAGE_LIMITS = {
  entries: READ_LIMITS.entries,
  entryBytes: Math.max(READ_LIMITS.partBytes, READ_LIMITS.mediaBytes),
  totalBytes: READ_LIMITS.totalBytes,
  relsBytes: READ_LIMITS.relsBytes,
  relationships: READ_LIMITS.relationships,
};

/** Opens the bytes of an .xlsx as a grid; anything else (empty, a corrupt zip, a password,
 *  an old .xls, a CSV, a .docx, a hostile or huge file…) becomes a UserError whose
 *  Vietnamese message names the file and says what to do. */
export function readWorkbookBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): WorkbookRead {
  const problem = sniffProblem(file, bytes);
  if (problem) throw new UserError("TEP_KHONG_HOP_LE", problem, { file });
  const at: FileLabel = { name: baseName(file), file, saveAs: ".xlsx" };
  if (bytes.length > READ_LIMITS.fileBytes) {
    throw tooLarge(at, `tệp nặng ${mb(bytes.length)}, quá giới hạn ${mb(READ_LIMITS.fileBytes)}`);
  }
  const pkg = OpcPackage.open(bytes, at, PACKAGE_LIMITS);
  const workbook = readWorkbookPart(pkg);
  const styles = readStyles(pkg, workbook.related.get("styles"));
  const stringsPart = workbook.related.get("sharedStrings");
  const strings = stringsPart && pkg.canRead(stringsPart) ? readSharedStrings(pkg, stringsPart) : null;
  const totals = { cells: 0, mergedCells: 0 };
  const sheets: SheetGrid[] = [];
  const tables: TableGrid[] = [];
  const read: ReadSheet[] = [];
  const notes: string[] = [];
  for (const entry of workbook.sheets) {
    if (options.sheets && !options.sheets(entry.name)) continue;
    const label = `trang "${entry.name}"`;
    if (!pkg.canRead(entry.part)) throw broken(at, `thiếu phần chứa ${label}`);
    const xml = pkg.text(entry.part, label, READ_LIMITS.partBytes);
    const { sheet, stats } = readSheetXml(xml, entry.name, { at, strings, styles, date1904: workbook.date1904, totals });
    sheets.push(sheet);
    const sheetTables: ReadSheet["tables"] = [];
    for (const rel of pkg.relationships(entry.part)) {
      if (rel.external || rel.type !== "table" || !pkg.canRead(rel.target)) continue;
      const t = readTable(pkg, rel.target);
      const range = t ? parseRangeRef(t.ref) : null;
      if (!t || !range) continue;
      sheetTables.push({ part: rel.target, table: t });
      tables.push({ name: t.name, sheet: entry.name, ...range });
    }
    if (stats.rawMerges.some((m) => (m.bottom - m.top + 1) * (m.right - m.left + 1) > MERGE_CLIP_CELLS)) {
      notes.push(`Vùng gộp ô vượt ra ngoài phần có dữ liệu trên ${label} được thu lại trong bản đọc.`);
    }
    read.push({ entry, stats, tables: sheetTables, xml: options.keepSheetXml ? xml : undefined });
  }
  return { grid: { sheets, tables, date1904: workbook.date1904 }, notes, pkg, workbook, sheets: read };
}

/** The grid alone (what checking, Tổng hợp and documents need). */
export function readGridBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): WorkbookGrid {
  return readWorkbookBytes(bytes, file, options).grid;
}
