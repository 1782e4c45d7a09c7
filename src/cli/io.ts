// File output and common options of the CLI. Outputs are written atomically (a temp
// file in the same folder, then rename), never over an existing file without --ghi-de,
// and never over an input.
import { promises as fs, realpathSync } from "fs";
import * as path from "path";
import * as crypto from "crypto";
import type ExcelJS from "exceljs";
import type { ParsedArgs, CliIO } from "./command";
import type { SimpleDate } from "../core/shared/types";
import { UserError } from "../core/shared/types";

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
  return process.platform === "win32" || process.platform === "darwin"
    ? ca.toLowerCase() === cb.toLowerCase()
    : ca === cb;
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
    if (!options.overwrite) {
      throw new UserError("TEP_DA_CO", `Tệp ${file} đã có; thêm --ghi-de để ghi đè.`, { file });
    }
  }
  const dir = path.dirname(path.resolve(file));
  try {
    const d = await fs.stat(dir);
    if (!d.isDirectory()) throw new Error("not a directory");
  } catch {
    throw new UserError("KHONG_CO_THU_MUC", `Không có thư mục ${path.dirname(file)} để ghi ${path.basename(file)}.`, {
      file,
    });
  }
}

/** Writes bytes to `file` atomically: temp file beside it, then rename. */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  options: WriteOptions = {},
): Promise<void> {
  await checkOutputPath(file, options);
  const abs = path.resolve(file);
  const tmp = path.join(
    path.dirname(abs),
    `.${path.basename(abs)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`,
  );
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
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new UserError("KHONG_GHI_DUOC", `Không có quyền ghi tệp ${file}.`, { file });
    }
    if (code === "ENOSPC") throw new UserError("KHONG_GHI_DUOC", `Hết chỗ trên đĩa khi ghi tệp ${file}.`, { file });
    throw new UserError("KHONG_GHI_DUOC", `Không ghi được tệp ${file}: ${(err as Error).message}`, { file });
  }
}

/** Serialises an exceljs workbook and writes it atomically. */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string, options: WriteOptions = {}): Promise<void> {
  // Check first so a refused output costs no serialisation.
  await checkOutputPath(file, options);
  const buffer = await wb.xlsx.writeBuffer();
  await writeFileAtomic(file, new Uint8Array(buffer as ArrayBuffer), options);
}

/** The --ghi-de flag. */
export function overwriteOption(args: ParsedArgs): boolean {
  return args.options["ghi-de"] === true;
}

/** The required -o/--output value. */
export function requireOutput(args: ParsedArgs, example = "KET-QUA.xlsx"): string {
  const o = args.options["o"] ?? args.options["output"];
  if (typeof o !== "string" || o.trim() === "") {
    throw new UserError("THIEU_THAM_SO", `Thiếu tệp ra: thêm -o ${example}.`);
  }
  return o;
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

function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Today's local date from a JS Date (local time zone fields). */
export function localToday(now: Date): SimpleDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** --ngay YYYY-MM-DD, else today's local date (io.now()). */
export function dateOption(args: ParsedArgs, io?: Pick<CliIO, "now">, name = "ngay"): SimpleDate {
  const v = args.options[name];
  if (v === undefined) return localToday(io ? io.now() : new Date());
  if (typeof v !== "string") throw new UserError("SAI_THAM_SO", `--${name} cần một ngày dạng YYYY-MM-DD.`);
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.trim());
  if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new UserError("SAI_THAM_SO", `--${name} "${v}" không phải ngày hợp lệ dạng YYYY-MM-DD (ví dụ 2021-03-31).`);
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
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
    throw new UserError("SAI_THAM_SO", `--${name} "${String(v)}" không hợp lệ: cần một số nguyên từ ${min}${max < Number.MAX_SAFE_INTEGER ? ` đến ${max}` : ""}.`);
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
