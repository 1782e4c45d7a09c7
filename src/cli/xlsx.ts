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
    // An OLE (CFB) container: Excel's encrypted .xlsx and the old .xls both are one.
    // Their directories name their streams (UTF-16LE): that tells which it is.
    const has = (stream: string) => bytes.indexOf(Buffer.from(stream, "utf16le")) >= 0;
    if (has("EncryptedPackage")) {
      return (
        `Không mở được tệp ${name}: tệp được đặt mật khẩu (mã hóa). Hãy mở bằng Excel, gỡ mật khẩu ` +
        `(Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu rồi bấm OK), lưu lại, rồi chạy lại.`
      );
    }
    if (has("Workbook") || has("Book")) {
      return (
        `Không mở được tệp ${name}: đây là định dạng Excel 97-2003 (.xls) cũ${ext === ".xlsx" ? " dù tên là .xlsx" : ""} — ` +
        `hãy mở bằng Excel, chọn Lưu thành › Sổ làm việc Excel, lưu lại dưới dạng .xlsx rồi chạy lại.`
      );
    }
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

/** Node's native inflate when running under Node (the CLI): several times faster than
 *  PizZip's JavaScript inflate for the XML parts the loader looks into before exceljs
 *  loads the file (tong-hop reads a thousand files). The add-in's bundle shares this
 *  module, so zlib is not imported: process.getBuiltinModule (Node ≥ 20.16) finds it at
 *  run time, and without it (a browser, an older Node) PizZip inflates as before. */
const nativeInflateRaw: ((data: Uint8Array) => Buffer) | null = (() => {
  try {
    const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const zlib = p && typeof p.getBuiltinModule === "function" ? (p.getBuiltinModule("zlib") as typeof import("zlib") | undefined) : undefined;
    return zlib && typeof zlib.inflateRawSync === "function" ? zlib.inflateRawSync : null;
  } catch {
    return null;
  }
})();

/** The text of a zip entry as PizZip would give it, inflated natively when possible. */
function entryText(file: PizZip.ZipObject): string {
  const data = (file as unknown as { _data?: { compressionMethod?: unknown; getCompressedContent?: () => Uint8Array } })._data;
  if (nativeInflateRaw && data && typeof data.getCompressedContent === "function") {
    try {
      if (data.compressionMethod === "\x08\x00") return nativeInflateRaw(data.getCompressedContent()).toString("utf8");
      if (data.compressionMethod === "\x00\x00") return Buffer.from(data.getCompressedContent()).toString("utf8");
    } catch {
      // A damaged entry: PizZip's own reading below says what it says.
    }
  }
  return file.asText();
}

/** Reads the table parts straight from the zip to learn headerRowCount/totalsRowCount as
 *  written (absent headerRowCount means 1; exceljs reads that as "no header"). */
function readTableCounts(zip: PizZip): Map<string, TableCounts> {
  const counts = new Map<string, TableCounts>();
  for (const entry of Object.keys(zip.files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(entry)) continue;
    const xml = entryText(zip.files[entry]);
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
  const { bytes: toLoad, notes } = clipHugeValidations(zip, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toLoad as unknown as ArrayBuffer);
  } catch (err) {
    throw new UserError(
      "TEP_HONG",
      // exceljs's own message is English and about its internals: kept for CHUYENDE_DEBUG only.
      `Không đọc được tệp ${name}: nội dung bên trong sổ bị hỏng — hãy mở bằng Excel (chọn Có khi Excel hỏi ` +
        `có khôi phục nội dung không), rồi lưu lại dưới dạng .xlsx.` +
        (process.env.CHUYENDE_DEBUG === "1" ? ` (${(err as Error).message})` : ""),
      { file },
    );
  }
  tableCountsByWorkbook.set(workbook, readTableCounts(zip));
  loadNotesByWorkbook.set(workbook, [...notes, ...unsupportedParts(zip)]);
  return { workbook, grid: workbookToGrid(workbook) };
}

const loadNotesByWorkbook = new WeakMap<ExcelJS.Workbook, string[]>();

/** Parts exceljs drops when it saves a workbook: the user should know before relying on
 *  a saved copy (the input itself is never touched). */
function unsupportedParts(zip: PizZip): string[] {
  const entries = Object.keys(zip.files);
  const has = (re: RegExp) => entries.some((e) => re.test(e));
  const lost: string[] = [];
  if (has(/^xl\/charts\/chart/i)) lost.push("biểu đồ");
  if (has(/^xl\/pivotTables\//i)) lost.push("PivotTable");
  if (has(/^xl\/slicers?\//i)) lost.push("slicer");
  if (has(/^xl\/vbaProject\.bin$/i)) lost.push("macro VBA");
  if (has(/^xl\/externalLinks\//i)) lost.push("liên kết tới sổ khác");
  if (lost.length === 0) return [];
  return [
    `Sổ có ${lost.join(", ")}; bản ra do dòng lệnh ghi không giữ được các phần này (tệp gốc vẫn nguyên vẹn). ` +
      `Nếu cần giữ, hãy dùng add-in trong Excel.`,
  ];
}

/** What loading had to change in memory (never in the input file) so exceljs can cope;
 *  a command that saves the workbook shows these to the user. */
export function loadNotes(wb: ExcelJS.Workbook): string[] {
  return loadNotesByWorkbook.get(wb) ?? [];
}

/** Cells a drop-down range may cover before it is clipped (exceljs keeps one entry per
 *  cell: a whole-column list is a million entries, hundreds of MB, seconds to load). */
const MAX_VALIDATION_CELLS = 200_000;
/** Rows kept below the last used row when a huge validation range is clipped. */
const VALIDATION_MARGIN_ROWS = 5000;

/** Clips data-validation ranges that cover whole columns (common in hand-made sheets) to
 *  the used rows plus a margin, in the bytes handed to exceljs. */
function clipHugeValidations(zip: PizZip, bytes: Buffer): { bytes: Buffer; notes: string[] } {
  const notes: string[] = [];
  let changed = false;
  let names: Map<string, string> | null = null; // only needed when a sheet is clipped
  for (const entry of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(entry)) continue;
    const xml = entryText(zip.files[entry]);
    if (!xml.includes("<dataValidation")) continue;
    const lastRow = lastUsedRow(xml);
    const limit = lastRow + VALIDATION_MARGIN_ROWS;
    let sheetChanged = false;
    const fixed = xml.replace(/(<dataValidation\b[^>]*\bsqref=")([^"]*)(")/g, (_m, pre: string, sqref: string, post: string) => {
      const parts = sqref.split(/\s+/).filter(Boolean).map((ref) => {
        const r = decodeRange(ref);
        if (!r) return ref;
        const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
        if (cells <= MAX_VALIDATION_CELLS || r.bottom + 1 <= limit) return ref;
        sheetChanged = true;
        const bottom = Math.max(r.top + 1, limit);
        return `${encodeAddress(r.top, r.left)}:${encodeAddress(bottom - 1, r.right)}`;
      });
      return pre + parts.join(" ") + post;
    });
    if (sheetChanged) {
      changed = true;
      zip.file(entry, fixed);
      names ??= sheetNamesByPart(zip);
      const sheet = names.get(entry) ?? entry;
      notes.push(
        `Danh sách chọn (Data Validation) phủ cả cột trên trang "${sheet}" được giới hạn đến dòng ${limit} trong tệp ra.`,
      );
    }
  }
  if (!changed) return { bytes, notes };
  return { bytes: zip.generate({ type: "nodebuffer", compression: "DEFLATE" }) as Buffer, notes };
}

function lastUsedRow(xml: string): number {
  const i = xml.lastIndexOf("<row ");
  if (i < 0) return 1;
  const m = /\br="(\d+)"/.exec(xml.slice(i, i + 200));
  return m ? Number(m[1]) : 1;
}

function encodeAddress(row0: number, col0: number): string {
  let s = "";
  for (let n = col0 + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row0 + 1}`;
}

/** Worksheet part path → sheet name, from workbook.xml and its relationships. */
function sheetNamesByPart(zip: PizZip): Map<string, string> {
  const out = new Map<string, string>();
  const wbFile = zip.files["xl/workbook.xml"];
  const relsFile = zip.files["xl/_rels/workbook.xml.rels"];
  const wb = wbFile ? entryText(wbFile) : "";
  const rels = relsFile ? entryText(relsFile) : "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name && target) out.set(`xl/${target}`, decodeXml(name));
  }
  return out;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
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
      if (!cols) groups.set(key, (cols = new Map()));
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
