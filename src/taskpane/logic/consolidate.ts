// Tổng hợp: read many cells' .xlsx files picked by the user (in the pane, nothing is
// uploaded), check each, and write the consolidated sheets into the open workbook, or the
// đảng ủy's year report as a Word file. Files are read by the CLI's own bounded reader
// (src/xlsx/read, no exceljs),
// so an unusable file gets the same Vietnamese reason here as in `chuyende tong-hop`.
import { check } from "../../core/check/check";
import {
  buildConsolidationSheets,
  consolidateEntry,
  dedupeCells,
  isConsolidationWorkbook,
  type ConsolidatedCell,
  type DuplicateFile,
  type UnreadableFile,
} from "../../core/make/consolidate";
import { readWorkbook as parseWorkbook } from "../../core/read/register";
import { withoutReportSheets } from "../../core/make/reportSheets";
import type { SimpleDate } from "../../core/shared/types";
import { UserError } from "../../core/shared/types";
import { readGridBytes } from "../../xlsx/read";
import type { WorkbookHost } from "../../excel/host";
import { buildYearReport, commonYear } from "../../core/make/yearReport";
import { yearReportDocx } from "../../documents/yearReportDocx";
import { DOCX_MIME, type SavedFile } from "./savedFile";

export interface PickedFile {
  name: string;
  /** File time in ms (File.lastModified), to tell two copies of one cell apart. */
  lastModified?: number;
  bytes(): Promise<Uint8Array>;
}

export interface ConsolidationRun {
  entries: ConsolidatedCell[];
  unreadable: UnreadableFile[];
  /** Older copies of a cell, left out (SPEC §8: each cell counts once). */
  duplicates: DuplicateFile[];
}

function reasonOf(err: unknown): string {
  if (err instanceof UserError || (err instanceof Error && err.name === "UserError")) return err.message;
  return "Không đọc được tệp: nội dung bên trong sổ bị hỏng — hãy mở bằng Excel và lưu lại dưới dạng .xlsx.";
}

/** One cell's file, read and checked: its entry, or why it could not be used. */
export type CellFileResult = { entry: ConsolidatedCell } | { unreadable: UnreadableFile };

export function readCellFile(file: { name: string; bytes: Uint8Array }, asOf: SimpleDate): Promise<CellFileResult> {
  // A promise, as the page's worker answers; the reading itself is synchronous here.
  return Promise.resolve(readCellFileNow(file, asOf));
}

function readCellFileNow(file: { name: string; bytes: Uint8Array }, asOf: SimpleDate): CellFileResult {
  try {
    const grid = readGridBytes(file.bytes, file.name);
    if (isConsolidationWorkbook(grid)) {
      return {
        unreadable: { file: file.name, reason: "Đây là bảng tổng hợp do chương trình lập, không phải sổ của một chi bộ — bỏ qua." },
      };
    }
    const book = parseWorkbook(withoutReportSheets(grid));
    return { entry: consolidateEntry(file.name, book, check(book, { asOf })) };
  } catch (err) {
    return { unreadable: { file: file.name, reason: reasonOf(err) } };
  }
}

/** Reads every file with `read` (readCellFile here; the page's file worker outside Excel). */
export async function consolidateFiles(
  files: readonly PickedFile[],
  asOf: SimpleDate,
  onFile: (index: number, name: string) => void = () => undefined,
  read: (file: { name: string; bytes: Uint8Array }, asOf: SimpleDate) => Promise<CellFileResult> = readCellFile,
): Promise<ConsolidationRun> {
  const results: CellFileResult[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    onFile(i, file.name);
    results.push(await read({ name: file.name, bytes: await file.bytes() }, asOf));
  }
  return runOf(results, files);
}

/** The files' results, in the files' order, each cell counted once (the newer copy). */
export function runOf(results: readonly CellFileResult[], files: readonly { name: string; lastModified?: number }[]): ConsolidationRun {
  const entries: ConsolidatedCell[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const r of results) {
    if ("entry" in r) entries.push(r.entry);
    else unreadable.push(r.unreadable);
  }
  const times = new Map(files.map((f) => [f.name, f.lastModified]));
  const { cells, duplicates } = dedupeCells(entries, (name) => times.get(name));
  return { entries: cells, unreadable, duplicates };
}

/** One cell's result as JSON text, as the page's reading worker answers: the page hands it on
 *  to the worker that writes, never parsing (nor cloning) the thousands of topics itself. */
export function readCellFileText(file: { name: string; bytes: Uint8Array }, asOf: SimpleDate): string {
  return JSON.stringify(readCellFileNow(file, asOf));
}

export function runOfTexts(texts: readonly string[], files: readonly { name: string; lastModified?: number }[]): ConsolidationRun {
  return runOf(
    texts.map((t) => JSON.parse(t) as CellFileResult),
    files,
  );
}

/** What the pane says after Tổng hợp. */
export interface ConsolidationDone {
  sheets: string[];
  cells: number;
  unreadable: UnreadableFile[];
}

export async function consolidateInto(host: WorkbookHost, run: ConsolidationRun, asOf: SimpleDate): Promise<ConsolidationDone> {
  const sheets = await writeConsolidation(host, run, asOf);
  return { sheets, cells: run.entries.length, unreadable: run.unreadable };
}

/** The year report made, what to look at, and how many cells it counts. */
export interface YearReportMade {
  file: SavedFile;
  problems: string[];
  cells: number;
}

export function yearReportMade(run: ConsolidationRun, asOf: SimpleDate, opts: { khoi: boolean }): YearReportMade {
  return { ...yearReportFile(run, asOf, opts), cells: run.entries.length };
}

export async function writeConsolidation(host: WorkbookHost, run: ConsolidationRun, asOf: SimpleDate): Promise<string[]> {
  return host.session(async (session) => {
    const known = await session.read({ sheets: [] });
    const models = buildConsolidationSheets(run.entries, run.unreadable, {
      existingNames: known.sheets.map((s) => s.name),
      asOf,
      duplicates: run.duplicates,
    });
    await session.write(models, known, { kind: "tong-hop", activate: true });
    return models.map((m) => m.name);
  });
}

/** The đảng ủy's year report over the cells read (yearReport.ts), as a Word file to save, and
 *  what to look at before sending it. */
export function yearReportFile(run: ConsolidationRun, asOf: SimpleDate, opts: { khoi: boolean }): { file: SavedFile; problems: string[] } {
  if (run.entries.length === 0) throw new UserError("KHONG_CO_SO", "Không có sổ nào đọc được — chưa lập được báo cáo năm.");
  const year = commonYear(run.entries) ?? asOf.year;
  const report = buildYearReport(run.entries, {
    year,
    asOf,
    khoi: opts.khoi,
    // Picked files carry no folder: their unit is not known.
    unreadable: [
      ...run.unreadable.map((u) => ({ unit: "", file: u.file, reason: u.reason })),
      ...run.duplicates.map((d) => ({
        unit: "",
        file: d.file,
        reason: `Bản trùng của chi bộ đã tính theo tệp ${d.keptFile} — không tính`,
      })),
    ],
  });
  const problems = [...report.problems];
  if (!report.issuerKnown && report.committees > 1 && !opts.khoi)
    problems.push("Nếu lập cho Đảng ủy Khối, hãy chọn “Báo cáo của Đảng ủy Khối”.");
  return {
    file: {
      name: `bao-cao-sinh-hoat-chuyen-de-nam-${year}.docx`,
      bytes: yearReportDocx(report),
      mime: DOCX_MIME,
    },
    problems,
  };
}
