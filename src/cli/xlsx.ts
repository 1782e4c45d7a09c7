// The exceljs adapter: an .xlsx file → a WorkbookGrid the engine reads, plus the
// repairs a loaded workbook needs before it can be saved again without harm.
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import PizZip from "pizzip";
import type { CellValue, MergedArea, SheetGrid, TableGrid, WorkbookGrid } from "../core/types";
import { UserError } from "../core/types";

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

function fileLabel(file: string): string {
  return path.basename(file);
}

/** Why a file is not an .xlsx we can open, judged from its first bytes and name; null when
 *  it looks like a zip. */
function sniffProblem(file: string, bytes: Buffer): string | null {
  const name = fileLabel(file);
  const ext = path.extname(file).toLowerCase();
  if (bytes.length === 0) return `Tệp ${name} rỗng (0 byte) — không có gì để đọc.`;
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    return (
      `Không mở được tệp ${name}: tệp được đặt mật khẩu hoặc là định dạng .xls cũ — ` +
      `hãy bỏ mật khẩu (nếu có) và lưu lại dưới dạng .xlsx (Sổ làm việc Excel).`
    );
  }
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return null;
  const head = bytes.subarray(0, Math.min(bytes.length, 4096)).toString("utf8");
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") {
    return `Tệp ${name} là tệp văn bản (${ext}), không phải sổ Excel — hãy mở bằng Excel và lưu dưới dạng .xlsx.`;
  }
  if (/^\s*<(\?xml|html|!doctype|table)/i.test(head)) {
    return `Tệp ${name} là trang HTML/XML đổi tên thành ${ext || "tệp"}, không phải .xlsx — hãy mở bằng Excel và lưu dưới dạng .xlsx.`;
  }
  // Printable text with separators on its first line: a CSV whatever its name.
  const firstLine = head.split(/\r?\n/)[0] ?? "";
  if (!/[\x00-\x08\x0e-\x1f]/.test(head) && /[,;\t]/.test(firstLine)) {
    return `Tệp ${name} là tệp văn bản dạng CSV, không phải .xlsx — hãy mở bằng Excel và lưu dưới dạng .xlsx.`;
  }
  return `Tệp ${name} không phải tệp Excel .xlsx (hỏng hoặc sai định dạng) — hãy mở lại bằng Excel và lưu dưới dạng .xlsx.`;
}

/** Reads the table parts straight from the zip to learn headerRowCount/totalsRowCount as
 *  written (absent headerRowCount means 1; exceljs reads that as "no header"). */
function readTableCounts(zip: PizZip): Map<string, TableCounts> {
  const counts = new Map<string, TableCounts>();
  for (const entry of Object.keys(zip.files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(entry)) continue;
    const xml = zip.files[entry].asText();
    const open = /<(?:\w+:)?table\b([^>]*)>/.exec(xml);
    if (!open) continue;
    const attrs = open[1];
    const attr = (n: string): string | undefined => {
      const m = new RegExp(`\\b${n}="([^"]*)"`).exec(attrs);
      return m ? m[1] : undefined;
    };
    const name = attr("name") ?? attr("displayName");
    if (!name) continue;
    const h = attr("headerRowCount");
    const t = attr("totalsRowCount");
    counts.set(name, {
      headerRowCount: h === undefined ? 1 : Number(h) || 0,
      totalsRowCount: t === undefined ? 0 : Number(t) || 0,
    });
  }
  return counts;
}

/** Opens an .xlsx file; any problem becomes a UserError whose message says what to do. */
export async function loadWorkbookFile(file: string): Promise<LoadedWorkbook> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) {
      throw new UserError("LA_THU_MUC", `${file} là thư mục, không phải tệp .xlsx.`, { file });
    }
    bytes = await fs.readFile(file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError("KHONG_CO_TEP", `Không tìm thấy tệp ${file}.`, { file });
    if (code === "EACCES" || code === "EPERM") {
      throw new UserError("KHONG_DOC_DUOC", `Không có quyền đọc tệp ${file}.`, { file });
    }
    throw new UserError("KHONG_DOC_DUOC", `Không đọc được tệp ${file}: ${(err as Error).message}`, { file });
  }
  return loadWorkbookBytes(bytes, file);
}

/** Same as loadWorkbookFile, from bytes already read; `file` names it in messages. */
export async function loadWorkbookBytes(bytes: Buffer, file: string): Promise<LoadedWorkbook> {
  const problem = sniffProblem(file, bytes);
  if (problem) throw new UserError("TEP_KHONG_HOP_LE", problem, { file });
  const name = fileLabel(file);
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw new UserError(
      "TEP_HONG",
      `Tệp ${name} bị hỏng (không giải nén được) — hãy mở bằng Excel, sửa nếu được, rồi lưu lại dưới dạng .xlsx.`,
      { file },
    );
  }
  if (!zip.files["xl/workbook.xml"]) {
    let what = "không phải sổ Excel .xlsx";
    if (zip.files["xl/workbook.bin"]) what = "là định dạng .xlsb (nhị phân)";
    else if (zip.files["mimetype"]) what = "là tệp OpenDocument (.ods/.odt)";
    else if (zip.files["word/document.xml"]) what = "là văn bản Word (.docx)";
    throw new UserError("TEP_KHONG_HOP_LE", `Tệp ${name} ${what} — hãy mở bằng Excel và lưu dưới dạng .xlsx.`, {
      file,
    });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new UserError(
      "TEP_HONG",
      `Không đọc được tệp ${name}: nội dung sổ bị hỏng (${(err as Error).message}) — hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
      { file },
    );
  }
  tableCountsByWorkbook.set(workbook, readTableCounts(zip));
  return { workbook, grid: workbookToGrid(workbook) };
}

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
      return t === undefined || t === null ? null : String(t);
    }
  }
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

interface RawTableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  style?: Record<string, unknown>;
  columns?: { name: string }[];
}

function tablesOf(ws: ExcelJS.Worksheet): RawTableModel[] {
  const raw = (ws as unknown as { tables?: Record<string, { table?: RawTableModel }> }).tables ?? {};
  return Object.values(raw)
    .map((t) => t && t.table)
    .filter((t): t is RawTableModel => Boolean(t && t.name));
}

/** "B3:D10" → 0-based inclusive bounds. */
export function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const parts = ref.replace(/\$/g, "").split(":");
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

function decodeAddress(addr: string): { row: number; col: number } | null {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(addr.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** exceljs reads a table whose XML omits headerRowCount (as Excel writes it) as having no
 *  header row, and would save it with headerRowCount="0", which breaks the table. Put
 *  back what the file said (header and totals rows) so the user's tables survive a save. */
export function fixTables(wb: ExcelJS.Workbook): void {
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
