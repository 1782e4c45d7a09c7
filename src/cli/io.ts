// File output and common options of the CLI. Outputs are written atomically (a temp
// file in the same folder, then rename), never over an existing file without --ghi-de,
// and never over an input.
import { promises as fs, realpathSync, rmSync, statSync } from "fs";
import * as path from "path";
import * as crypto from "crypto";
import * as v8 from "v8";
import * as vm from "vm";
import * as zlib from "zlib";
import type ExcelJS from "exceljs";
import type { ParsedArgs, CliIO } from "./command";
import type { Quarter, SimpleDate } from "../core/shared/types";
import { parseDate, parseQuarter } from "../core/read/values";
import { UserError } from "../core/shared/types";
import { xmlSafeData, xmlSafeText } from "../core/shared/xmlText";
import { stampWorkbook } from "../xlsx/properties";
import { addSheetsCarried, type CarryOptions } from "../xlsx/addSheets";
import type { SheetModel } from "../core/make/sheetModel";
import { ZipArchive, writeZip } from "../xlsx/package/zip";

export interface WriteOptions {
  /** Replace an existing file (the --ghi-de flag). */
  overwrite?: boolean;
  /** Input files of the command: the output may never be one of them. */
  inputs?: string[];
}

/** Resolves symlinks where the file exists, so two spellings of one file compare equal. */
function canonicalPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** True when `a` and `b` name the same file. */
export function samePath(a: string, b: string): boolean {
  const ca = canonicalPath(a);
  const cb = canonicalPath(b);
  return process.platform === "win32" || process.platform === "darwin" ? ca.toLowerCase() === cb.toLowerCase() : ca === cb;
}

/** Refuses an output path that is an input or (without overwrite) an existing file. */
export async function checkOutputPath(file: string, options: WriteOptions = {}): Promise<void> {
  for (const input of options.inputs ?? []) {
    if (samePath(file, input)) {
      throw new UserError(
        "GHI_DE_TEP_VAO",
        `Tệp ra ${file} trùng với tệp vào — chương trình không bao giờ sửa tệp vào; hãy chọn tên khác cho -o.`,
        { file },
      );
    }
  }
  let stat: import("fs").Stats | null = null;
  try {
    stat = await fs.stat(file);
  } catch {
    stat = null;
  }
  if (stat) {
    if (stat.isDirectory()) {
      throw new UserError("LA_THU_MUC", `${file} là thư mục; hãy cho -o một tên tệp.`, { file });
    }
    // A device, a pipe or a socket is never replaced by a file, --ghi-de or not.
    if (!stat.isFile()) {
      throw new UserError("KHONG_PHAI_TEP", `${file} không phải tệp thường (là thiết bị hay ống dẫn) — hãy cho -o một tên tệp khác.`, {
        file,
      });
    }
    if (!options.overwrite) {
      throw new UserError("TEP_DA_CO", `Tệp ${file} đã có; thêm --ghi-de để ghi đè.`, { file });
    }
  }
  const dir = path.dirname(path.resolve(file));
  try {
    const d = await fs.stat(dir);
    if (!d.isDirectory()) throw new Error("not a directory");
  } catch {
    throw new UserError(
      "KHONG_CO_THU_MUC",
      `Không có thư mục ${path.dirname(file)} để ghi ${path.basename(file)} — hãy tạo thư mục đó trước hoặc chọn thư mục khác cho -o.`,
      { file },
    );
  }
}

/** Writes bytes to `file` atomically: temp file beside it, then rename. */
export async function writeFileAtomic(file: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  await checkOutputPath(file, options);
  const abs = path.resolve(file);
  await removeStaleTemps(abs);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
  pendingTemps.add(tmp);
  try {
    await fs.writeFile(tmp, data, { flag: "wx" });
    // Re-check right before the rename: another process may have created it meanwhile.
    if (!options.overwrite) {
      const exists = await fs
        .stat(abs)
        .then(() => true)
        .catch(() => false);
      if (exists) throw new UserError("TEP_DA_CO", `Tệp ${file} đã có; thêm --ghi-de để ghi đè.`, { file });
    }
    await fs.rename(tmp, abs);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof UserError) throw err;
    throw writeError(file, (err as NodeJS.ErrnoException).code);
  } finally {
    pendingTemps.delete(tmp);
  }
}

/** A failed write in plain words, with what to do; never the system's code or English. */
export function writeError(file: string, code: string | undefined): UserError {
  const name = path.basename(file);
  const dir = path.dirname(file);
  switch (code) {
    case "EBUSY":
    case "ETXTBSY":
      return new UserError("TEP_DANG_MO", `Tệp ${name} đang mở trong Word hoặc Excel; đóng tệp rồi chạy lại.`, { file });
    case "EACCES":
    case "EPERM":
      return new UserError(
        "KHONG_GHI_DUOC",
        `Không có quyền ghi tệp ${name} vào thư mục ${dir} (thư mục chỉ đọc, hoặc tệp đang mở trong Word hoặc Excel) — ` +
          `hãy đóng tệp nếu đang mở, hoặc chọn thư mục khác cho -o (ví dụ thư mục Tài liệu).`,
        { file },
      );
    case "EROFS":
      return new UserError(
        "KHONG_GHI_DUOC",
        `Thư mục ${dir} nằm trên ổ chỉ đọc (đĩa CD, thẻ nhớ khóa ghi…) — hãy chọn thư mục khác cho -o.`,
        { file },
      );
    case "ENOSPC":
    case "EDQUOT":
      return new UserError(
        "HET_CHO",
        `Hết chỗ trên đĩa khi ghi tệp ${name} — hãy xóa bớt tệp không cần hoặc chọn ổ đĩa khác cho -o, rồi chạy lại.`,
        { file },
      );
    case "ENOENT":
    case "ENOTDIR":
      return new UserError(
        "KHONG_CO_THU_MUC",
        `Không có thư mục ${dir} để ghi ${name} — hãy tạo thư mục đó trước hoặc chọn thư mục khác cho -o.`,
        { file },
      );
    case "ENAMETOOLONG":
      return new UserError("KHONG_GHI_DUOC", `Tên hoặc đường dẫn tệp ${name} quá dài — hãy chọn tên ngắn hơn cho -o.`, { file });
    default:
      return new UserError(
        "KHONG_GHI_DUOC",
        `Không ghi được tệp ${name} vào thư mục ${dir} — hãy kiểm tra ổ đĩa, hoặc chọn thư mục khác cho -o.`,
        { file },
      );
  }
}

// ---- temporary files ----------------------------------------------------------------
// Each output is first written to ".NAME.PID.HEX.tmp" beside it. An interrupted run
// (Ctrl+C, the window closed) removes its own; a run killed outright leaves one, which
// the next write into that folder removes when its process is gone.

const pendingTemps = new Set<string>();
let signalsHooked = false;

function removePendingTempsNow(): void {
  for (const tmp of pendingTemps) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* gone or not ours to remove */
    }
  }
  pendingTemps.clear();
}

/** Removes the temporary files on SIGINT/SIGTERM, then ends as the signal would. */
export function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      removePendingTempsNow();
      process.exit(code);
    });
  }
}

const TEMP_RE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporary files of ours left beside `abs` by a run that no longer exists. */
async function removeStaleTemps(abs: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(path.dirname(abs));
  } catch {
    return;
  }
  for (const n of names) {
    const m = TEMP_RE.exec(n);
    if (!m || processAlive(Number(m[2]))) continue;
    await fs.rm(path.join(path.dirname(abs), n), { force: true }).catch(() => undefined);
  }
}

/** Serialises an exceljs workbook and writes it atomically. */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string, options: WriteOptions = {}): Promise<void> {
  // Check first so a refused output costs no serialisation.
  await checkOutputPath(file, options);
  makeXmlSafe(wb);
  stampWorkbook(wb);
  const shared = shareEmptyStyles(wb);
  // A workbook of ordinary size is written stored by exceljs and deflated by Node's
  // zlib: the same file, in a fraction of the time exceljs's JavaScript deflate takes. A
  // very large one keeps exceljs's own deflate (no uncompressed copy of it in memory).
  const repack = wb.worksheets.reduce((n, ws) => n + ws.rowCount, 0) <= NATIVE_DEFLATE_ROWS;
  let bytes: Uint8Array;
  try {
    const buffer = await wb.xlsx.writeBuffer(repack ? { zip: { compression: "STORE" } } : undefined);
    bytes = new Uint8Array(buffer);
  } finally {
    for (const cell of shared) cell.style = {};
  }
  await writeFileAtomic(file, repack ? deflatePackage(bytes) : bytes, options);
}

/** Rows (all sheets) up to which saveWorkbook deflates with Node's zlib. */
const NATIVE_DEFLATE_ROWS = 50_000;

/** A stored zip (our own output) → the same entries, deflated by Node's zlib. */
export function deflatePackage(stored: Uint8Array): Uint8Array {
  const at = { name: "(tệp ra)", file: "" };
  const zip = ZipArchive.open(stored, at, { entries: 100_000, entryBytes: 2 ** 31, totalBytes: 2 ** 53 });
  const entries = zip.names().map((name) => ({ name, data: zip.read(name, name) }));
  return writeZip(entries, (data) => zlib.deflateRawSync(data));
}

/** Percent the heap may grow by between two full collections once a workbook is large:
 *  V8's own choice lets the garbage of checking and drawing 200,000 rows pile up to more
 *  than twice the live heap (bao-cao peaked at 1.1 GB without exceljs at all); at 10 % the
 *  peak stays near the live size (~0.65 GB) for ~25 % more processor time, at 20 % ~0.75 GB
 *  (bench/write200k.js). */
const LARGE_HEAP_GROWING_PERCENT = 10;

/** For a large workbook (src/cli/xlsx.ts, CARRY_OVER_CELLS): memory is given back sooner
 *  from now on — the heap grows by at most LARGE_HEAP_GROWING_PERCENT between full
 *  collections (starting with one now), and collectGarbage may ask for one. A V8 setting
 *  of this process only. */
export function saveMemoryFromNowOn(): void {
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${LARGE_HEAP_GROWING_PERCENT}`);
    v8.setFlagsFromString("--expose-gc");
    gcNow ??= vm.runInNewContext("gc") as () => void;
    // A full collection now sets the heap's next limit by the new rule.
    gcNow();
  } catch {
    /* not offered: memory is collected as usual */
  }
}

/** A full garbage collection now, where saveMemoryFromNowOn made one available: called
 *  before a carried-over write, once the large workbook's grid is let go, so the memory it
 *  held is given back before the write grows the heap again. */
function collectGarbage(): void {
  gcNow?.();
}
let gcNow: (() => void) | null = null;

/** Writes `source`'s workbook with `models` added as new sheets, the user's parts carried
 *  over untouched. False (nothing written) when this file needs the exceljs path. */
export async function saveAddedSheets(
  source: string,
  models: SheetModel[],
  file: string,
  options: WriteOptions & Pick<CarryOptions, "kind"> = {},
): Promise<boolean> {
  await checkOutputPath(file, options);
  collectGarbage();
  const bytes = new Uint8Array(await fs.readFile(source));
  const result = await addSheetsCarried(bytes, models, { kind: options.kind, beforeWrite: makeXmlSafe });
  if (!result) return false;
  await writeFileAtomic(file, result.bytes, options);
  return true;
}

/** exceljs gives every unstyled cell its own empty style object and, on writing, looks
 *  each one's style up afresh: most of the time and garbage of saving a large register.
 *  Cells of one value type share one empty object for the write (exceljs remembers the
 *  style objects it has seen; the value type decides the default number format, and a
 *  formula's by its result, so formulas are left alone). Returns the cells to give their
 *  own empty style back after the write, so nothing later changes them all at once. */
function shareEmptyStyles(wb: ExcelJS.Workbook): ExcelJS.Cell[] {
  const byType = new Map<number, Partial<ExcelJS.Style>>();
  const cells: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const type: number = cell.type;
        if (type === 6 /* ValueType.Formula */ || Object.keys(cell.style).length !== 0) return;
        let empty = byType.get(type);
        if (!empty) {
          empty = {};
          byType.set(type, empty);
        }
        cell.style = empty;
        cells.push(cell);
      });
    });
  });
  return cells;
}

/** Every string a saved workbook will hold (cell text, rich text runs, hyperlink text,
 *  cached formula results, notes, sheet names) through the one XML sanitiser: a register's
 *  cell may carry U+FFFF or a control character, and exceljs writes them as they are,
 *  making a file Excel refuses to open. */
export function makeXmlSafe(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => {
    const name = xmlSafeText(ws.name);
    if (name !== ws.name) ws.name = name;
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v: unknown = cell.value;
        if (typeof v === "string") {
          const safe = xmlSafeText(v);
          if (safe !== v) cell.value = safe;
        } else if (v !== null && typeof v === "object" && !(v instanceof Date)) {
          const safe = xmlSafeData(v);
          if (JSON.stringify(safe) !== JSON.stringify(v)) cell.value = safe as ExcelJS.CellValue;
        }
        const note: unknown = cell.note;
        if (typeof note === "string" && xmlSafeText(note) !== note) cell.note = xmlSafeText(note);
      });
    });
  });
}

/** The --ghi-de flag. */
export function overwriteOption(args: ParsedArgs): boolean {
  return args.options["ghi-de"] === true;
}

/** The required -o/--output value. `example`'s extension is the one the command writes
 *  unless `extensions` lists several; another extension is refused (a .docx written under
 *  an .xlsx name opens nowhere). */
export function requireOutput(args: ParsedArgs, example = "KET-QUA.xlsx", extensions: readonly string[] = [path.extname(example)]): string {
  const o = args.options["o"] ?? args.options["output"];
  if (typeof o !== "string" || o.trim() === "") {
    throw new UserError("THIEU_THAM_SO", `Thiếu tệp ra: thêm -o ${example}.`);
  }
  checkOutputExtension(o, extensions);
  return o;
}

function existsButNotFile(file: string): boolean {
  try {
    return !statSync(file).isFile();
  } catch {
    return false;
  }
}

const EXTENSION_KIND: Record<string, string> = { ".xlsx": "sổ Excel", ".docx": "văn bản Word" };

/** Refuses `-o` whose extension is not one of `extensions` (compared without case). */
export function checkOutputExtension(file: string, extensions: readonly string[]): void {
  const ext = path.extname(file).toLowerCase();
  if (extensions.some((e) => e.toLowerCase() === ext)) return;
  // A folder or a device given as -o gets its own, plainer message from checkOutputPath.
  if (existsButNotFile(file)) return;
  const wanted = extensions.map((e) => `${e} (${EXTENSION_KIND[e] ?? "tệp"})`).join(" hoặc ");
  const suggestion = `${file.slice(0, file.length - path.extname(file).length) || "KET-QUA"}${extensions[0]}`;
  throw new UserError(
    "SAI_DUOI_TEP",
    `Tệp ra ${file} ${ext ? `có đuôi ${ext}` : "chưa có đuôi"}, nhưng lệnh này ghi ${wanted}. ` +
      `Hãy đặt tên tệp ra có đuôi ${extensions.join(" hoặc ")}, ví dụ -o ${suggestion}.`,
    { file },
  );
}

/** The one required positional FILE. */
export function requireInput(args: ParsedArgs, what = "FILE.xlsx"): string {
  const f = args.positional[0];
  if (!f) throw new UserError("THIEU_THAM_SO", `Thiếu tệp vào: chỉ ra ${what}.`);
  if (args.positional.length > 1) {
    throw new UserError("THUA_THAM_SO", `Thừa tham số: ${args.positional.slice(1).join(" ")} (chỉ nhận một tệp vào).`);
  }
  return f;
}

/** Today's local date from a JS Date (local time zone fields). */
export function localToday(now: Date): SimpleDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** --ngay in any form a date cell of the sheets accepts (20/11/2025, 20-11-2025, 20.11.2025,
 *  20/11/25, 2025-11-20, "ngày 20 tháng 11 năm 2025"), else today's local date (io.now()). */
export function dateOption(args: ParsedArgs, io?: Pick<CliIO, "now">, name = "ngay"): SimpleDate {
  const v = args.options[name];
  if (v === undefined) return localToday(io ? io.now() : new Date());
  const date = typeof v === "string" ? parseDate(v.normalize("NFC").trim()) : null;
  if (!date) {
    throw new UserError(
      "SAI_THAM_SO",
      `--${name} "${String(v)}" không phải ngày hợp lệ. Ghi ngày/tháng/năm như trong sổ, ví dụ --${name} 20/11/2025 (cũng nhận 2025-11-20).`,
    );
  }
  return date;
}

/** --quy as a secretary writes it: 1–4, I–IV, "Quý II", "Q3"; undefined when absent. */
export function quarterOption(args: ParsedArgs, name = "quy"): Quarter | undefined {
  const v = args.options[name];
  if (v === undefined) return undefined;
  const q = typeof v === "string" ? parseQuarter(v.normalize("NFC")) : null;
  if (q === null) {
    throw new UserError(
      "SAI_THAM_SO",
      `--${name} "${String(v)}" không phải quý hợp lệ: ghi 1, 2, 3, 4 hoặc I, II, III, IV (ví dụ --${name} II).`,
    );
  }
  return q;
}

/** --nam Y (1900–9999), or undefined when absent. */
export function yearOption(args: ParsedArgs, name = "nam"): number | undefined {
  const v = args.options[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !/^\d{4}$/.test(v.trim()) || Number(v) < 1900) {
    throw new UserError("SAI_THAM_SO", `--${name} "${String(v)}" không phải năm hợp lệ (ví dụ --${name} 2021).`);
  }
  return Number(v);
}

/** A positive whole number option (--stt N, --quy Q…); undefined when absent. */
export function intOption(args: ParsedArgs, name: string, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const v = args.options[name];
  if (v === undefined) return undefined;
  const n = typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UserError(
      "SAI_THAM_SO",
      `--${name} "${String(v)}" không hợp lệ: cần một số nguyên từ ${min}${max < Number.MAX_SAFE_INTEGER ? ` đến ${max}` : ""}.`,
    );
  }
  return n;
}

/** A text option (--chi-bo TEN); undefined when absent. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new UserError("SAI_THAM_SO", `--${name} cần một giá trị.`);
  return v.normalize("NFC").trim();
}
