// Bounded reading: before exceljs sees an .xlsx, every zip entry is inflated under a cap
// (never the whole of a bomb), every sheet is scanned as bytes (cells, rows, row numbers),
// and merged areas and drop-down ranges are clipped to the used range, so a hostile or
// broken file ends in a Vietnamese message within seconds and a bounded amount of memory.
// Shared by the CLI and the pane (no Node APIs; Node's zlib is an optional fast path).
import type PizZip from "pizzip";
import { unescapeXml } from "../core/shared/xml";
import { UserError } from "../core/shared/types";
import { decodeRange, encodeAddress } from "./grid";

const MiB = 1024 * 1024;

/** The limits, each far above any real register (a chi bộ's register is a few dozen rows,
 *  a few hundred KB; a register of every topic of 50 years is under 1 MB). */
export const READ_LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 200 * MiB,
  /** Entries in the zip (a real workbook has 10–60). */
  entries: 10_000,
  /** One sheet or other XML part, inflated. */
  partBytes: 128 * MiB,
  /** One picture or other non-XML part, inflated. */
  mediaBytes: 64 * MiB,
  /** All parts together, inflated. */
  totalBytes: 384 * MiB,
  /** Cells holding something, all sheets together. */
  cells: 2_000_000,
  /** Rows holding something, in one sheet. */
  rowsPerSheet: 250_000,
  /** Excel's own grid: row and column numbers past these are not a real workbook. */
  maxRow: 1_048_576,
  maxColumn: 16_384,
  /** Merged cells (area) after clipping, per workbook. */
  mergedCells: 1_000_000,
  /** Cells covered by drop-down lists after clipping, per workbook. */
  validationCells: 2_000_000,
} as const;

/** A drop-down range is clipped only above this many cells (small ones stay as drawn). */
const VALIDATION_CLIP_CELLS = 200_000;
/** Rows kept below the last used row when a drop-down range is clipped. */
const VALIDATION_MARGIN_ROWS = 5000;
/** Columns kept right of the last used column when a drop-down range is clipped. */
const VALIDATION_MARGIN_COLUMNS = 10;
/** A merged area is clipped to the used range only above this many cells. */
const MERGE_CLIP_CELLS = 10_000;
/** Empty rows/cells (formatting only) removed from a sheet above this many: exceljs keeps
 *  an object per element, and a sheet formatted down to row 1,048,576 is common. */
const EMPTY_ELEMENTS_KEPT = 100_000;

function mb(n: number): string {
  return `${Math.round(n / MiB).toLocaleString("vi-VN")} MB`;
}
function count(n: number): string {
  return n.toLocaleString("vi-VN");
}

const ADVICE =
  "Sổ chuyên đề thật nhỏ hơn nhiều; tệp có thể bị hỏng hoặc bị làm phình — hãy mở bằng Excel, xóa phần thừa, lưu lại rồi chạy lại.";

function tooLarge(name: string, file: string, what: string): UserError {
  return new UserError("TEP_QUA_LON", `Tệp ${name} quá lớn để đọc: ${what}. ${ADVICE}`, { file });
}

function broken(name: string, file: string, what: string): UserError {
  return new UserError(
    "TEP_HONG",
    `Tệp ${name} bị hỏng: ${what} — hãy mở bằng Excel (chọn Có khi Excel hỏi có khôi phục nội dung không), lưu lại rồi chạy lại.`,
    { file },
  );
}

/** Refuses a file too large or with too many zip entries, before any parsing: the entry
 *  count is read from the zip's end record (22 bytes near the end of the file). */
export function checkZipEnvelope(bytes: Uint8Array, name: string, file: string): void {
  if (bytes.length > READ_LIMITS.fileBytes) {
    throw tooLarge(name, file, `tệp nặng ${mb(bytes.length)}, quá giới hạn ${mb(READ_LIMITS.fileBytes)}`);
  }
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      const entries = bytes[i + 10] | (bytes[i + 11] << 8);
      if (entries > READ_LIMITS.entries) {
        throw tooLarge(name, file, `tệp nén chứa ${count(entries)} phần, quá giới hạn ${count(READ_LIMITS.entries)}`);
      }
      return;
    }
  }
}

interface NodeZlib {
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number }): Uint8Array;
}
/** Node's zlib when running under Node: inflateRawSync with maxOutputLength stops as soon
 *  as the output passes the cap. Found at run time so the pane's bundle does not need it. */
const zlib: NodeZlib | null = (() => {
  try {
    const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const z = p && typeof p.getBuiltinModule === "function" ? (p.getBuiltinModule("zlib") as NodeZlib | undefined) : undefined;
    return z && typeof z.inflateRawSync === "function" ? z : null;
  } catch {
    return null;
  }
})();

const TOO_BIG = Symbol("too big");
const NO_STREAM = Symbol("no capped inflater here");

/** Inflates raw deflate data, giving up (TOO_BIG) once the output passes `cap` bytes:
 *  a bomb is never inflated whole. Throws on damaged data. */
async function inflateCapped(data: Uint8Array, cap: number): Promise<Uint8Array | typeof TOO_BIG | typeof NO_STREAM> {
  if (zlib) {
    try {
      return zlib.inflateRawSync(data, { maxOutputLength: cap });
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) return TOO_BIG;
      throw err;
    }
  }
  // The browser: a stream, read chunk by chunk, cancelled past the cap. An older web view
  // without "deflate-raw" (Safari before 16.4) gets NO_STREAM: the caller falls back to
  // PizZip, trusting the declared sizes already checked.
  let inflater: DecompressionStream;
  try {
    inflater = new DecompressionStream("deflate-raw");
  } catch {
    return NO_STREAM;
  }
  const stream = new Blob([data.slice()]).stream().pipeThrough(inflater);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return TOO_BIG;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

interface RawEntry {
  compressionMethod?: string;
  uncompressedSize?: number;
  getCompressedContent?: () => Uint8Array;
}

/** What PizZip read from the zip's directory about one entry (its private model). */
function rawEntry(file: PizZip.ZipObject): RawEntry {
  return (file as unknown as { _data?: RawEntry })._data ?? {};
}

/** The bytes of one entry, inflated under `cap`. */
async function entryBytesCapped(file: PizZip.ZipObject, cap: number): Promise<Uint8Array | typeof TOO_BIG> {
  const raw = rawEntry(file);
  if (typeof raw.getCompressedContent !== "function") {
    // An entry PizZip made itself (not read from the file): already in memory.
    const b = file.asUint8Array();
    return b.length > cap ? TOO_BIG : b;
  }
  const data = raw.getCompressedContent();
  if (raw.compressionMethod === "\x00\x00") return data.length > cap ? TOO_BIG : data;
  const out = await inflateCapped(data, cap);
  if (out !== NO_STREAM) return out;
  if ((raw.uncompressedSize ?? 0) > cap) return TOO_BIG;
  return file.asUint8Array();
}

// ---- byte scanning -------------------------------------------------------------

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length): number {
  const first = needle[0];
  for (let i = hay.indexOf(first, from); i >= 0 && i + needle.length <= to; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function lastIndexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  for (let i = hay.lastIndexOf(first, hay.length - needle.length); i >= 0; i = i > 0 ? hay.lastIndexOf(first, i - 1) : -1) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const SHEET_DATA = ascii("sheetData");
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;

/** What a scan of one sheet's <sheetData> found. */
interface SheetScan {
  /** Byte offsets of <sheetData…> and just after </sheetData> (or <sheetData/>). */
  dataStart: number;
  dataEnd: number;
  cells: number;
  rows: number;
  emptyElements: number;
  /** Largest 1-based row / column of a cell holding something. */
  lastRow: number;
  lastColumn: number;
  /** A row or cell number beyond Excel's grid (the first one met), or null. */
  badNumber: string | null;
  sharedStrings: boolean;
}

/** Value of attribute `attr` (one ASCII letter name, e.g. r or t) inside a tag's bytes. */
function attrValue(b: Uint8Array, from: number, to: number, attr: number): [number, number] | null {
  for (let j = from; j + 3 < to; j++) {
    if (
      b[j] === attr &&
      b[j + 1] === 0x3d &&
      b[j + 2] === QUOTE &&
      (b[j - 1] === 0x20 || b[j - 1] === 0x09 || b[j - 1] === 0x0a || b[j - 1] === 0x0d)
    ) {
      const start = j + 3;
      let end = start;
      while (end < to && b[end] !== QUOTE) end++;
      return [start, end];
    }
  }
  return null;
}

/** Scans one sheet's XML as bytes: the sheet may be hundreds of MB, so it is never turned
 *  into one string here. Counts <row> and <c> elements and checks their numbers. */
function scanSheet(b: Uint8Array): SheetScan {
  const first = indexOfBytes(b, SHEET_DATA);
  const last = lastIndexOfBytes(b, SHEET_DATA);
  const scan: SheetScan = {
    dataStart: 0,
    dataEnd: 0,
    cells: 0,
    rows: 0,
    emptyElements: 0,
    lastRow: 0,
    lastColumn: 0,
    badNumber: null,
    sharedStrings: false,
  };
  if (first < 0) return scan;
  scan.dataStart = b.lastIndexOf(LT, first);
  const close = b.indexOf(GT, last);
  scan.dataEnd = close < 0 ? b.length : close + 1;
  let row = 0;
  let column = 0;
  for (let p = b.indexOf(LT, scan.dataStart + 1); p >= 0 && p < scan.dataEnd; p = b.indexOf(LT, p + 1)) {
    // Element name, with any namespace prefix skipped (x:row).
    let n = p + 1;
    if (b[n] === SLASH || b[n] === 0x3f || b[n] === 0x21) continue;
    let nameStart = n;
    while (n < scan.dataEnd && b[n] !== 0x20 && b[n] !== GT && b[n] !== SLASH && b[n] !== 0x09 && b[n] !== 0x0a && b[n] !== 0x0d) {
      if (b[n] === 0x3a) nameStart = n + 1;
      n++;
    }
    const len = n - nameStart;
    const isRow = len === 3 && b[nameStart] === 0x72 && b[nameStart + 1] === 0x6f && b[nameStart + 2] === 0x77;
    const isCell = len === 1 && b[nameStart] === 0x63;
    if (!isRow && !isCell) continue;
    const end = b.indexOf(GT, n);
    if (end < 0) break;
    const selfClosing = b[end - 1] === SLASH;
    const r = attrValue(b, n, end, 0x72);
    if (isRow) {
      if (r) {
        let v = 0;
        for (let k = r[0]; k < r[1]; k++) v = v * 10 + (b[k] - 0x30);
        row = v;
      } else row++;
      column = 0;
      if (row > READ_LIMITS.maxRow || row < 1)
        scan.badNumber ??= r ? String.fromCharCode(...b.subarray(r[0], Math.min(r[1], r[0] + 20))) : String(row);
      if (selfClosing) scan.emptyElements++;
      else scan.rows++;
    } else {
      let cellRow = row;
      if (r) {
        let k = r[0];
        let col = 0;
        while (k < r[1] && b[k] >= 0x41 && b[k] <= 0x5a) col = col * 26 + (b[k++] - 0x40);
        let v = 0;
        const digits = k;
        for (; k < r[1]; k++) v = v * 10 + (b[k] - 0x30);
        column = col;
        if (k > digits) cellRow = v;
        if (cellRow > READ_LIMITS.maxRow || col > READ_LIMITS.maxColumn) {
          scan.badNumber ??= String.fromCharCode(...b.subarray(r[0], Math.min(r[1], r[0] + 20)));
        }
      } else column++;
      if (selfClosing) {
        scan.emptyElements++;
      } else {
        scan.cells++;
        if (cellRow > scan.lastRow) scan.lastRow = cellRow;
        if (column > scan.lastColumn) scan.lastColumn = column;
        if (!scan.sharedStrings) {
          const t = attrValue(b, n, end, 0x74);
          if (t && t[1] - t[0] === 1 && b[t[0]] === 0x73) scan.sharedStrings = true;
        }
      }
      p = end;
    }
  }
  return scan;
}

// ---- the pass before exceljs ---------------------------------------------------------

export interface BoundedBytes {
  /** The bytes to hand to exceljs: the input, or a copy with clipped sheets. */
  bytes: Uint8Array;
  /** What had to be clipped, for the user (the input file itself is never changed). */
  notes: string[];
}

function isXmlPart(entry: string): boolean {
  return /\.(xml|rels|vml)$/i.test(entry);
}

/** Checks every entry of an opened zip against READ_LIMITS and clips what exceljs would
 *  blow up (merged areas, drop-down ranges, empty formatted rows). Throws a UserError
 *  naming the file and what was too large. */
export async function boundWorkbook(zip: PizZip, bytes: Uint8Array, name: string, file: string): Promise<BoundedBytes> {
  const entries = Object.keys(zip.files).filter((e) => !zip.files[e].dir);
  // Declared sizes first: a liar is caught below by the real inflate.
  for (const entry of entries) {
    const declared = rawEntry(zip.files[entry]).uncompressedSize ?? 0;
    const cap = isXmlPart(entry) ? READ_LIMITS.partBytes : READ_LIMITS.mediaBytes;
    if (declared > cap) throw tooLarge(name, file, `phần ${entry} giải nén ra ${mb(declared)}, quá giới hạn ${mb(cap)}`);
  }
  const names = await sheetNamesByPart(zip);
  const sheetLabel = (entry: string) => {
    const n = names.get(entry);
    return n ? `trang "${n}"` : `phần ${entry}`;
  };
  let total = 0;
  let cells = 0;
  let merged = 0;
  let validated = 0;
  let usesSharedStrings = false;
  const notes: string[] = [];
  let changed = false;
  // Worksheets first (their rewrite needs the scan), in a stable order.
  const isSheet = (e: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e);
  for (const entry of [...entries.filter(isSheet), ...entries.filter((e) => !isSheet(e))]) {
    const cap = isXmlPart(entry) ? READ_LIMITS.partBytes : READ_LIMITS.mediaBytes;
    const remaining = READ_LIMITS.totalBytes - total;
    let data: Uint8Array | typeof TOO_BIG;
    try {
      data = await entryBytesCapped(zip.files[entry], Math.min(cap, remaining));
    } catch {
      throw broken(name, file, `phần ${entry} không giải nén được`);
    }
    if (data === TOO_BIG) {
      if (remaining < cap) throw tooLarge(name, file, `các phần giải nén ra hơn ${mb(READ_LIMITS.totalBytes)} tổng cộng`);
      throw tooLarge(name, file, `${isSheet(entry) ? sheetLabel(entry) : `phần ${entry}`} giải nén ra hơn ${mb(cap)}`);
    }
    total += data.length;
    if (!isSheet(entry)) continue;
    const scan = scanSheet(data);
    if (scan.badNumber !== null) {
      throw broken(
        name,
        file,
        `${sheetLabel(entry)} có ô ở vị trí ${scan.badNumber}, ngoài lưới của Excel (tối đa ${count(READ_LIMITS.maxRow)} dòng, cột XFD)`,
      );
    }
    if (scan.rows > READ_LIMITS.rowsPerSheet) {
      throw tooLarge(
        name,
        file,
        `${sheetLabel(entry)} có ${count(scan.rows)} dòng có dữ liệu, quá giới hạn ${count(READ_LIMITS.rowsPerSheet)} dòng`,
      );
    }
    cells += scan.cells;
    if (cells > READ_LIMITS.cells) {
      throw tooLarge(name, file, `sổ có hơn ${count(READ_LIMITS.cells)} ô có dữ liệu`);
    }
    usesSharedStrings ||= scan.sharedStrings;
    const clipped = clipSheet(data, scan, sheetLabel(entry), notes);
    merged += clipped.merged;
    validated += clipped.validated;
    if (merged > READ_LIMITS.mergedCells) {
      throw tooLarge(name, file, `${sheetLabel(entry)} có vùng gộp ô phủ hơn ${count(READ_LIMITS.mergedCells)} ô trong phần có dữ liệu`);
    }
    if (validated > READ_LIMITS.validationCells) {
      throw tooLarge(name, file, `danh sách chọn (Xác thực dữ liệu) phủ hơn ${count(READ_LIMITS.validationCells)} ô trong phần có dữ liệu`);
    }
    if (clipped.xml !== null) {
      zip.file(entry, clipped.xml);
      changed = true;
    }
  }
  if (usesSharedStrings && !entries.some((e) => /^xl\/sharedStrings\.xml$/i.test(e))) {
    throw broken(name, file, "thiếu phần chứa chữ của các ô (xl/sharedStrings.xml), nên không đọc được chữ trong sổ");
  }
  if (!changed) return { bytes, notes };
  return { bytes: zip.generate({ type: "uint8array", compression: "DEFLATE" }), notes };
}

interface Clipped {
  xml: string | null;
  merged: number;
  validated: number;
}

/** Clips one sheet's merged areas and drop-down ranges to its used range (both
 *  dimensions) and drops empty formatted rows/cells when there are very many. Returns the
 *  new XML when something changed, else null. */
function clipSheet(b: Uint8Array, scan: SheetScan, label: string, notes: string[]): Clipped {
  const decoder = new TextDecoder();
  const tail = decoder.decode(b.subarray(scan.dataEnd));
  const lastRow = Math.max(1, scan.lastRow);
  const lastColumn = Math.max(1, scan.lastColumn);
  let merged = 0;
  let validated = 0;
  let tailChanged = false;
  let mergesDropped = 0;
  let newTail = tail.replace(
    /<(\w+:)?mergeCell\b[^>]*\bref="([^"]*)"[^>]*\/>/g,
    (whole: string, _prefix: string | undefined, ref: string) => {
      const r = decodeRange(ref);
      if (!r) return whole;
      const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      // Ordinary merges (a title across a few columns) stay as drawn, even past the data.
      if (area <= MERGE_CLIP_CELLS) {
        merged += area;
        return whole;
      }
      // A huge merge holds nothing the reader needs outside the used range.
      tailChanged = true;
      mergesDropped++;
      if (r.top + 1 > lastRow || r.left + 1 > lastColumn) return "";
      const bottom = Math.min(r.bottom, lastRow - 1);
      const right = Math.min(r.right, lastColumn - 1);
      merged += (bottom - r.top + 1) * (right - r.left + 1);
      if (bottom === r.top && right === r.left) return "";
      return whole.replace(ref, `${encodeAddress(r.top, r.left)}:${encodeAddress(bottom, right)}`);
    },
  );
  if (mergesDropped > 0) {
    newTail = newTail.replace(/(<(?:\w+:)?mergeCells\b[^>]*?)\s*\bcount="\d+"/, "$1");
    notes.push(`Vùng gộp ô vượt ra ngoài phần có dữ liệu trên ${label} được thu lại trong bản đọc.`);
  }
  let validationsClipped = false;
  const rowLimit = lastRow + VALIDATION_MARGIN_ROWS;
  newTail = newTail.replace(/(<(?:\w+:)?dataValidation\b[^>]*\bsqref=")([^"]*)(")/g, (_m, pre: string, sqref: string, post: string) => {
    const parts = sqref
      .split(/\s+/)
      .filter(Boolean)
      .map((ref) => {
        const r = decodeRange(ref);
        if (!r) return ref;
        const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
        if (cells <= VALIDATION_CLIP_CELLS) {
          validated += cells;
          return ref;
        }
        const bottom = Math.min(r.bottom, Math.max(r.top, rowLimit - 1));
        const right = Math.min(r.right, Math.max(r.left, lastColumn - 1 + VALIDATION_MARGIN_COLUMNS));
        validated += (bottom - r.top + 1) * (right - r.left + 1);
        validationsClipped = true;
        return `${encodeAddress(r.top, r.left)}:${encodeAddress(bottom, right)}`;
      });
    return pre + parts.join(" ") + post;
  });
  if (validationsClipped) {
    tailChanged = true;
    notes.push(`Danh sách chọn (Xác thực dữ liệu) phủ cả cột hay cả trang trên ${label} được giới hạn đến dòng ${rowLimit} trong tệp ra.`);
  }
  const dropEmpty = scan.emptyElements > EMPTY_ELEMENTS_KEPT;
  const head = decoder.decode(b.subarray(0, scan.dataStart));
  // A declared range (dimension) far past the data: exceljs needs no such promise.
  const dimension = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(head);
  let newHead = head;
  if (dimension) {
    const r = decodeRange(dimension[1]);
    if (r && (r.bottom - r.top + 1) * (r.right - r.left + 1) > READ_LIMITS.cells) {
      newHead = head.replace(dimension[0], dimension[0].replace(dimension[1], `A1:${encodeAddress(lastRow - 1, lastColumn - 1)}`));
    }
  }
  if (!tailChanged && !dropEmpty && newHead === head) return { xml: null, merged, validated };
  let data = decoder.decode(b.subarray(scan.dataStart, scan.dataEnd));
  if (dropEmpty) {
    data = data.replace(/<(?:\w+:)?(?:row|c)\b[^>]*\/>/g, "");
    notes.push(
      `${label[0].toUpperCase()}${label.slice(1)} có ${count(scan.emptyElements)} dòng/ô trống chỉ có định dạng; bản đọc bỏ qua chúng.`,
    );
  }
  return { xml: newHead + data + newTail, merged, validated };
}

/** Worksheet part path → sheet name, from workbook.xml and its relationships (read under
 *  a small cap: these parts are a few KB). */
export async function sheetNamesByPart(zip: PizZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const text = async (entry: string): Promise<string> => {
    const f = zip.files[entry];
    if (!f) return "";
    try {
      const b = await entryBytesCapped(f, 16 * MiB);
      return b === TOO_BIG ? "" : new TextDecoder().decode(b);
    } catch {
      return "";
    }
  };
  const wb = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const sheetName = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (sheetName && target) out.set(`xl/${target}`, unescapeXml(sheetName));
  }
  return out;
}
