// The exceljs side of reading, for the commands that save into the user's workbook
// (bao-cao, chuyen-doi, ke-hoach, the page's "Lưu bản mới"): the grid comes from our own
// bounded reader (./read), and exceljs is given a package rebuilt from exactly the parts
// that reader resolved and bounded (./rebuild). Commands that only read use
// readWorkbookBytes (./read) and never load exceljs. No Node APIs — Uint8Array, not Buffer.
import ExcelJS from "exceljs";
import type { WorkbookGrid } from "../core/shared/types";
import { UserError } from "../core/shared/types";
import { decodeAddress, encodeAddress, tablesOf } from "./grid";
import { readWorkbookBytes, type WorkbookRead } from "./read";
import { packageForWriter } from "./rebuild";
import { baseName } from "./sniff";

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  grid: WorkbookGrid;
}

/** What each table's XML really said (exceljs forgets the defaults Excel relies on). */
interface TableCounts {
  headerRowCount: number;
  totalsRowCount: number;
}
const tableCountsByWorkbook = new WeakMap<ExcelJS.Workbook, Map<string, TableCounts>>();
const loadNotesByWorkbook = new WeakMap<ExcelJS.Workbook, string[]>();

/** Node's `process` when running under Node, undefined in a browser (no global there). */
const nodeProcess = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;

/** Opens the bytes of an .xlsx as a grid and an exceljs workbook to save into; anything
 *  else (empty, a corrupt zip, a password, an old .xls, a CSV, a .docx, a hostile or huge
 *  file…) becomes a UserError whose message says what to do. `file` is the path or picked
 *  file's name: messages name its last part, the error's details keep it. */
export async function loadWorkbookBytes(bytes: Uint8Array, file: string): Promise<LoadedWorkbook> {
  return loadWorkbookRead(readWorkbookBytes(bytes, file, { keepSheetXml: true }), file);
}

/** The exceljs copy of a workbook already read (with `keepSheetXml`): for a command that
 *  reads first and only then knows whether it saves through exceljs (src/cli/xlsx.ts). */
export async function loadWorkbookRead(read: WorkbookRead, file: string): Promise<LoadedWorkbook> {
  const rebuilt = packageForWriter(read);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(rebuilt.bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new UserError(
      "TEP_HONG",
      // exceljs's own message is English and about its internals: kept for CHUYENDE_DEBUG only.
      `Không đọc được tệp ${baseName(file)}: nội dung bên trong sổ bị hỏng — hãy mở bằng Excel (chọn Có khi Excel hỏi ` +
        `có khôi phục nội dung không), rồi lưu lại dưới dạng .xlsx.` +
        (nodeProcess?.env?.CHUYENDE_DEBUG === "1" ? ` (${(err as Error).message})` : ""),
      { file },
    );
  }
  const counts = new Map<string, TableCounts>();
  for (const s of read.sheets) for (const { table } of s.tables) counts.set(table.name, table);
  tableCountsByWorkbook.set(workbook, counts);
  loadNotesByWorkbook.set(workbook, [...read.notes, ...rebuilt.notes, ...unsupportedParts(read.pkg.zip.names())]);
  return { workbook, grid: read.grid };
}

/** Parts exceljs drops when it saves a workbook: the user should know before relying on
 *  a saved copy (the input itself is never touched). Judged from the entry names only. */
function unsupportedParts(names: string[]): string[] {
  const lower = names.map((n) => n.toLowerCase());
  const has = (prefix: string) => lower.some((e) => e.startsWith(prefix));
  const lost: string[] = [];
  if (has("xl/charts/chart")) lost.push("biểu đồ");
  if (has("xl/pivottables/")) lost.push("PivotTable");
  if (has("xl/slicers/") || has("xl/slicer")) lost.push("slicer");
  if (lower.includes("xl/vbaproject.bin")) lost.push("macro VBA");
  if (has("xl/externallinks/")) lost.push("liên kết tới sổ khác");
  if (lost.length === 0) return [];
  return [
    `Sổ có ${lost.join(", ")}; bản ra do dòng lệnh ghi không giữ được các phần này (tệp gốc vẫn nguyên vẹn). ` +
      `Nếu cần giữ, hãy dùng bổ trợ Sổ chuyên đề trong Excel.`,
  ];
}

/** What loading had to change in memory (never in the input file) so exceljs can cope;
 *  a command that saves the workbook shows these to the user. */
export function loadNotes(wb: ExcelJS.Workbook): string[] {
  return loadNotesByWorkbook.get(wb) ?? [];
}

/** exceljs reads a table whose XML omits headerRowCount (as Excel writes it) as having no
 *  header row, and would save it with headerRowCount="0", which breaks the table. Put
 *  back what the file said (header and totals rows) so the user's tables survive a save. */
export function fixTables(wb: ExcelJS.Workbook): void {
  compactDataValidations(wb);
  const counts = tableCountsByWorkbook.get(wb);
  wb.eachSheet((ws) => {
    for (const t of tablesOf(ws)) {
      const c = counts?.get(t.name);
      t.headerRow = c ? c.headerRowCount > 0 : true;
      t.totalsRow = c ? c.totalsRowCount > 0 : Boolean(t.totalsRow);
      if (!t.style) t.style = { theme: "TableStyleMedium2", showRowStripes: true };
    }
  });
}

type ValidationModel = Record<string, unknown>;

/** exceljs keeps a loaded sheet's data validations one entry per cell and, when saving,
 *  joins them after sorting addresses as text ("B10" before "B2"), writing overlapping
 *  ranges that Excel "repairs" away. Joining the cells into column runs (by number)
 *  gives exceljs ranges it writes as they are. Safe to call more than once. */
export function compactDataValidations(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => {
    const holder = (ws as unknown as { dataValidations?: { model: ValidationModel } }).dataValidations;
    if (!holder || !holder.model) return;
    const next: ValidationModel = {};
    // Equal validations (by content) form one group; loaded cells of one <dataValidation>
    // share an object, so the JSON is computed once per object.
    const keyOf = new Map<unknown, string>();
    const first = new Map<string, unknown>();
    const groups = new Map<string, Map<number, number[]>>();
    for (const [address, value] of Object.entries(holder.model)) {
      if (value === undefined || value === null) continue;
      const cell = /^[A-Z]{1,3}\d+$/.test(address) ? decodeAddress(address) : null;
      if (!cell) {
        next[address] = value; // already a range
        continue;
      }
      let key = keyOf.get(value);
      if (key === undefined) keyOf.set(value, (key = JSON.stringify(value)));
      if (!first.has(key)) first.set(key, value);
      let cols = groups.get(key);
      if (!cols) groups.set(key, (cols = new Map<number, number[]>()));
      const rows = cols.get(cell.col) ?? [];
      rows.push(cell.row);
      cols.set(cell.col, rows);
    }
    for (const [key, cols] of groups) {
      const value = first.get(key);
      for (const [col, rows] of cols) {
        rows.sort((a, b) => a - b);
        let start = rows[0];
        let prev = rows[0];
        const flush = () => {
          const a = encodeAddress(start, col);
          next[start === prev ? a : `${a}:${encodeAddress(prev, col)}`] = value;
        };
        for (let i = 1; i < rows.length; i++) {
          if (rows[i] === prev + 1) {
            prev = rows[i];
            continue;
          }
          flush();
          start = prev = rows[i];
        }
        flush();
      }
    }
    holder.model = next;
  });
}
