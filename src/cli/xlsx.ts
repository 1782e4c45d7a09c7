// The CLI's side of the exceljs adapter: reading an .xlsx from disk (Node only). Everything
// that works on bytes — the Vietnamese reasons for unusable files, workbook → grid, the
// repairs before saving — is in src/xlsx, shared with the pane; re-exported here.
import { promises as fs } from "fs";
import * as zlib from "zlib";
import { UserError } from "../core/shared/types";
import * as path from "path";
import type ExcelJS from "exceljs";
import { saveMemoryFromNowOn } from "./io";
import { fixTables, loadNotes, loadWorkbookBytes, loadWorkbookRead, type LoadedWorkbook } from "../xlsx/load";
import { READ_LIMITS } from "../xlsx/readLimits";
import { readWorkbookBytes, type ReadOptions } from "../xlsx/read";
import type { WorkbookGrid } from "../core/shared/types";
import { useInflater, type Inflater } from "../xlsx/package/zip";

// Node's own zlib inflates the parts the reader asks for: maxOutputLength stops it the
// moment the bytes it really produces pass the reader's cap (a zip's declared sizes are
// never trusted), and it runs several times faster than the portable inflater.
export const nodeInflater: Inflater = (data, limit) => {
  try {
    const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
    return out.length > limit ? null : out;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw err;
  }
};
useInflater(nodeInflater);

/** A reading failure's system code in plain words (never the code itself). */
export function readReason(code: string | undefined): string {
  switch (code) {
    case "ELOOP":
      return " (liên kết tượng trưng vòng quanh chính nó)";
    case "ENAMETOOLONG":
      return " (đường dẫn quá dài)";
    case "ENOTDIR":
      return " (một phần của đường dẫn không phải thư mục)";
    case "EBUSY":
      return " (tệp đang bị chương trình khác khóa; hãy đóng chương trình đó rồi chạy lại)";
    case "EIO":
      return " (lỗi đọc đĩa)";
    case "EISDIR":
      return " (đây là thư mục)";
    case "EMFILE":
    case "ENFILE":
      return " (đang mở quá nhiều tệp; hãy chạy lại)";
    default:
      return "";
  }
}

export { loadWorkbookBytes, loadNotes, fixTables, compactDataValidations, type LoadedWorkbook } from "../xlsx/load";
export { toCellValue, workbookToGrid, decodeRange } from "../xlsx/grid";
export { readWorkbookBytes, readGridBytes, type ReadOptions } from "../xlsx/read";

/** Opens an .xlsx file to save into (exceljs); any problem becomes a UserError whose
 *  message says what to do. */
export async function loadWorkbookFile(file: string): Promise<LoadedWorkbook> {
  return loadWorkbookBytes(await readXlsxFile(file), file);
}

/** Above this many cells in the user's workbook, new sheets are added by carrying the
 *  file's parts over as they are (src/xlsx/addSheets.ts) and exceljs never loads it: a
 *  200,000-row register then writes well under 1 GB (through exceljs: 3–4 GB). Real
 *  registers (a few dozen rows) stay on the exceljs path, byte for byte as before. */
export const CARRY_OVER_CELLS = 100_000;

/** Cells holding something in the grid (the size that decides the write path). */
export function gridCells(grid: WorkbookGrid): number {
  let n = 0;
  for (const s of grid.sheets) for (const row of s.values) if (row) for (const v of row) if (v !== null && v !== undefined && v !== "") n++;
  return n;
}

/** A workbook a command adds sheets to: its grid (our reader), and its exceljs copy only
 *  when it is saved through exceljs — null for a large one (over CARRY_OVER_CELLS), whose
 *  new sheets are added with its parts carried over instead. */
export interface WorkbookToSave {
  /** Taken by the command (takeGrid), so a large grid is let go before the write. */
  grid: WorkbookGrid | null;
  /** The exceljs copy, its tables repaired (fixTables); null for a large workbook. */
  workbook: ExcelJS.Workbook | null;
  /** What the exceljs copy had to leave out or change (loadNotes); none when large. */
  notes: string[];
}

/** Opens `file` to add sheets to: read once by the bounded reader; exceljs is given the
 *  rebuilt package only when the workbook is not large. */
export async function openWorkbookToSave(file: string): Promise<WorkbookToSave> {
  const read = readWorkbookBytes(await readXlsxFile(file), file, { keepSheetXml: true });
  if (gridCells(read.grid) > CARRY_OVER_CELLS) {
    saveMemoryFromNowOn();
    return { grid: read.grid, workbook: null, notes: [] };
  }
  const { workbook, grid } = await loadWorkbookRead(read, file);
  fixTables(workbook);
  return { grid, workbook, notes: loadNotes(workbook) };
}

/** The grid, taken out of `opened` (so the caller's use is the last hold on it). */
export function takeGrid(opened: WorkbookToSave): WorkbookGrid {
  const grid = opened.grid;
  if (!grid) throw new Error("grid already taken");
  opened.grid = null;
  return grid;
}

/** The exceljs copy after all, for a large workbook the carried-over write could not take
 *  (or a sheet to replace, which only exceljs does): loaded now, tables repaired. */
export async function workbookToSaveThroughExceljs(opened: WorkbookToSave, file: string): Promise<ExcelJS.Workbook> {
  if (opened.workbook) return opened.workbook;
  const { workbook } = await loadWorkbookFile(file);
  fixTables(workbook);
  opened.workbook = workbook;
  opened.notes = loadNotes(workbook);
  return workbook;
}

/** Reads an .xlsx file's grid with the bounded reader (no exceljs): for the commands that
 *  only read (kiem-tra, goi-y, de-dan, tong-hop). */
export async function readWorkbookFile(file: string, options: ReadOptions = {}): Promise<{ grid: WorkbookGrid; notes: string[] }> {
  const { grid, notes } = readWorkbookBytes(await readXlsxFile(file), file, options);
  return { grid, notes };
}

/** The bytes of an .xlsx file, after checking it is a plain file within the size bound. */
async function readXlsxFile(file: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) {
      throw new UserError("LA_THU_MUC", `${file} là thư mục, không phải tệp .xlsx.`, { file });
    }
    // A pipe, a device or a socket named .xlsx would block or never end: only files.
    if (!stat.isFile()) {
      throw new UserError("KHONG_PHAI_TEP", `${file} không phải tệp thường (là thiết bị hay ống dẫn) — không đọc.`, { file });
    }
    if (stat.size > READ_LIMITS.fileBytes) {
      throw new UserError(
        "TEP_QUA_LON",
        `Tệp ${path.basename(file)} quá lớn để đọc: tệp nặng ${Math.round(stat.size / 1048576).toLocaleString("vi-VN")} MB, ` +
          `quá giới hạn ${READ_LIMITS.fileBytes / 1048576} MB. Sổ chuyên đề thật nhỏ hơn nhiều — hãy kiểm tra lại tệp.`,
        { file },
      );
    }
    bytes = await fs.readFile(file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError("KHONG_CO_TEP", `Không tìm thấy tệp ${file}.`, { file });
    if (code === "EACCES" || code === "EPERM") {
      throw new UserError("KHONG_DOC_DUOC", `Không có quyền đọc tệp ${file}.`, { file });
    }
    throw new UserError("KHONG_DOC_DUOC", `Không đọc được tệp ${file}${readReason(code)}.`, { file });
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
