// The exceljs adapter shared by the CLI (Node) and the pane's Tổng hợp (browser): bytes of
// an .xlsx → {workbook, grid}, with a Vietnamese reason for anything that is not one, plus
// the repairs a loaded workbook needs before it can be saved again without harm.
// No Node APIs — use Uint8Array, not Buffer; Node's zlib is only an optional fast path.
import ExcelJS from "exceljs";
import PizZip from "pizzip";
import type { WorkbookGrid } from "../core/shared/types";
import { UserError } from "../core/shared/types";
import { decodeAddress, encodeAddress, tablesOf, workbookToGrid } from "./grid";
import { boundWorkbook, checkZipEnvelope } from "./limits";

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

/** The last part of a path or a picked file's name (either slash: the CLI runs on Windows too). */
function baseName(file: string): string {
  const parts = file.split(/[\\/]+/).filter(Boolean);
  return parts.length > 0 ? parts[parts.length - 1] : file;
}

/** ".xlsx" for "so.XLSX", "" when there is no extension (as path.extname, lower-cased). */
function extensionOf(file: string): string {
  const name = baseName(file);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

function containsBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Why bytes are not an .xlsx we can open, judged from the first bytes and the name; null
 *  when they look like a zip. */
function sniffProblem(file: string, bytes: Uint8Array): string | null {
  const name = baseName(file);
  const ext = extensionOf(file);
  if (bytes.length === 0) return `Tệp ${name} rỗng (0 byte) — không có gì để đọc.`;
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE (CFB) container: Excel's encrypted .xlsx and the old .xls both are one.
    // Their directories name their streams (UTF-16LE): that tells which it is.
    const has = (stream: string) => containsBytes(bytes, utf16le(stream));
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
      `Không mở được tệp ${name}: đây là tệp Office dạng cũ mà chương trình không nhận ra (có thể bị hỏng) — ` +
      `hãy mở bằng Excel và lưu lại dưới dạng .xlsx (Sổ làm việc Excel).`
    );
  }
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return null;
  // ignoreBOM: a BOM stays in the text (\s matches it), as Buffer#toString kept it.
  const head = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") {
    return `Tệp ${name} là tệp văn bản (${ext}), không phải sổ Excel — hãy mở bằng Excel và lưu dưới dạng .xlsx.`;
  }
  if (/^\s*<(\?xml|html|!doctype|table)/i.test(head)) {
    return `Tệp ${name} là trang HTML/XML đổi tên thành ${ext || "tệp"}, không phải .xlsx — hãy mở bằng Excel và lưu dưới dạng .xlsx.`;
  }
  // Printable text with separators on its first line: a CSV whatever its name.
  const firstLine = head.split(/\r?\n/)[0] ?? "";
  // eslint-disable-next-line no-control-regex -- control bytes mean binary, not CSV text
  if (!/[\x00-\x08\x0e-\x1f]/.test(head) && /[,;\t]/.test(firstLine)) {
    return `Tệp ${name} là tệp văn bản dạng CSV, không phải .xlsx — hãy mở bằng Excel và lưu dưới dạng .xlsx.`;
  }
  return `Tệp ${name} không phải tệp Excel .xlsx (hỏng hoặc sai định dạng) — hãy mở lại bằng Excel và lưu dưới dạng .xlsx.`;
}

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
  env?: Record<string, string | undefined>;
}
/** Node's `process` when running under Node, undefined in a browser (no global there). */
const nodeProcess = (globalThis as { process?: NodeProcess }).process;

/** Node's native inflate when running under Node (the CLI): several times faster than
 *  PizZip's JavaScript inflate for the XML parts the loader looks into before exceljs
 *  loads the file (tong-hop reads a thousand files). The add-in's bundle shares this
 *  module, so zlib is not imported: process.getBuiltinModule (Node ≥ 20.16) finds it at
 *  run time, and without it (a browser, an older Node) PizZip inflates as before. */
const nativeInflateText: ((data: Uint8Array) => string) | null = (() => {
  try {
    const p = nodeProcess;
    const zlib =
      p && typeof p.getBuiltinModule === "function" ? (p.getBuiltinModule("zlib") as typeof import("zlib") | undefined) : undefined;
    if (!zlib || typeof zlib.inflateRawSync !== "function") return null;
    return (data) => zlib.inflateRawSync(data).toString("utf8");
  } catch {
    return null;
  }
})();

/** The text of a zip entry as PizZip would give it, inflated natively when possible. */
function entryText(file: PizZip.ZipObject): string {
  const data = (file as unknown as { _data?: { compressionMethod?: unknown; getCompressedContent?: () => Uint8Array } })._data;
  if (nativeInflateText && data && typeof data.getCompressedContent === "function") {
    try {
      if (data.compressionMethod === "\x08\x00") return nativeInflateText(data.getCompressedContent());
      if (data.compressionMethod === "\x00\x00") return new TextDecoder().decode(data.getCompressedContent());
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

/** Opens the bytes of an .xlsx; anything else (empty, a corrupt zip, a password, an old
 *  .xls, a CSV, a .docx…) becomes a UserError whose message says what to do. `file` is the
 *  path or picked file's name: messages name its last part, the error's details keep it. */
export async function loadWorkbookBytes(bytes: Uint8Array, file: string): Promise<LoadedWorkbook> {
  const problem = sniffProblem(file, bytes);
  if (problem) throw new UserError("TEP_KHONG_HOP_LE", problem, { file });
  const name = baseName(file);
  checkZipEnvelope(bytes, name, file);
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
  // Every entry inflated under a cap, sheets scanned, huge ranges clipped: exceljs only
  // ever sees a bounded workbook (READ_LIMITS).
  const { bytes: toLoad, notes } = await boundWorkbook(zip, bytes, name, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toLoad as unknown as ArrayBuffer);
  } catch (err) {
    throw new UserError(
      "TEP_HONG",
      // exceljs's own message is English and about its internals: kept for CHUYENDE_DEBUG only.
      `Không đọc được tệp ${name}: nội dung bên trong sổ bị hỏng — hãy mở bằng Excel (chọn Có khi Excel hỏi ` +
        `có khôi phục nội dung không), rồi lưu lại dưới dạng .xlsx.` +
        (nodeProcess?.env?.CHUYENDE_DEBUG === "1" ? ` (${(err as Error).message})` : ""),
      { file },
    );
  }
  tableCountsByWorkbook.set(workbook, readTableCounts(zip));
  loadNotesByWorkbook.set(workbook, [...notes, ...unsupportedParts(zip)]);
  return { workbook, grid: workbookToGrid(workbook) };
}

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
