// `chuyende tong-hop FILE|DIR... -o OUT.xlsx [--nam Y] [--ngay D] [--json]` — many cells'
// registers consolidated: sheet "Tổng hợp" (one row per cell) and "Danh sách chuyên đề"
// (every topic). A folder contributes its .xlsx/.xlsm files, subfolders included; a file
// that cannot be used is listed with the reason and the others still go through.
//
// Speed (SPEC §9: 1,000 workbooks in under a minute): each file is read once, parsed
// once (readGridBytes, the bounded reader), checked, reduced to its ConsolidatedCell and dropped, so
// memory stays flat whatever the number of files; each file is read in a worker of a pool
// of two under its own time and memory budget, so one bad file is listed and the rest go on.
import { promises as fs, readFileSync, realpathSync, statSync } from "fs";
import { READ_LIMITS } from "../../xlsx/readLimits";
import * as path from "path";
import { isMainThread, parentPort, workerData } from "worker_threads";
import type { CliIO, Command } from "../command";
import { readGridBytes, readWorkbookFile, readReason } from "../xlsx";
import { newWorkbook, renderSheets } from "../../xlsx/render";
import { checkOutputExtension, checkOutputPath, dateOption, overwriteOption, samePath, saveWorkbook, yearOption } from "../io";
import { createProgress } from "../progress";
import { FILE_SECONDS, WORKER_HEAP_MB, overBudgetReason, runFilePool, type PoolResult, type PoolTask } from "../filePool";
import { readWorkbook } from "../../core/read/register";
import { check } from "../../core/check/check";
import { formatDate } from "../../core/read/dates";
import { withoutReportSheets } from "../../core/make/reportSheets";
import {
  buildConsolidationSheets,
  consolidateEntry,
  consolidationJson,
  dedupeCells,
  type DuplicateFile,
  isConsolidationWorkbook,
  type ConsolidatedCell,
  type UnreadableFile,
} from "../../core/make/consolidate";
import type { SimpleDate } from "../../core/shared/types";
import { UserError } from "../../core/shared/types";
import { writeYearReport, YEAR_REPORT_FLAGS, YEAR_REPORT_VALUE_OPTIONS } from "./tong-hop-bao-cao";

/** Extensions taken from a folder. .xls is taken too, so that an old-format file is
 *  listed with the advice to re-save it rather than silently left out. */
const FOLDER_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls"]);

function isCandidate(name: string): boolean {
  // ~$… are Excel's lock files of open workbooks; dot-files are hidden/system files.
  if (name.startsWith("~$") || name.startsWith(".")) return false;
  return FOLDER_EXTENSIONS.has(path.extname(name).toLowerCase());
}

const collator = new Intl.Collator("vi", { numeric: true });

/** What a folder walk found: candidate files, and what it could not use with the reason. */
interface Walk {
  files: string[];
  unreadable: UnreadableFile[];
  /** Real paths of folders already walked: a symlink loop is followed once at most. */
  folders: Set<string>;
}

function codeOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** Lists `dir` and its subfolders. Never throws: a folder that cannot be listed, a broken
 *  link, a pipe or a device named .xlsx is recorded with its reason and the walk goes on. */
async function walk(dir: string, w: Walk): Promise<void> {
  let entries: import("fs").Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    w.unreadable.push({
      file: dir,
      reason: `Không đọc được thư mục ${dir}${folderReason(codeOf(err))}; các tệp trong đó không được tổng hợp.`,
    });
    return;
  }
  entries.sort((a, b) => collator.compare(a.name, b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      let st: import("fs").Stats;
      try {
        st = await fs.stat(full);
      } catch (err) {
        if (isCandidate(e.name))
          w.unreadable.push({
            file: full,
            reason: `Liên kết tới tệp không dùng được${readReason(codeOf(err)) || " (tệp đích không còn)"} — bỏ qua.`,
          });
        continue;
      }
      isDir = st.isDirectory();
      isFile = st.isFile();
      if (!isDir && !isFile && isCandidate(e.name)) {
        w.unreadable.push({ file: full, reason: "Không phải tệp thường (thiết bị hay ống dẫn) — bỏ qua." });
        continue;
      }
    }
    if (isDir) {
      if (e.name.startsWith(".")) continue;
      const real = await fs.realpath(full).catch(() => null);
      if (real === null) {
        w.unreadable.push({ file: full, reason: `Không đọc được thư mục ${full} — bỏ qua.` });
        continue;
      }
      // A link back to a folder already walked (a loop, or two links to one folder).
      if (w.folders.has(real)) continue;
      w.folders.add(real);
      await walk(full, w);
    } else if (isFile) {
      if (isCandidate(e.name)) w.files.push(full);
    } else if (isCandidate(e.name)) {
      w.unreadable.push({ file: full, reason: "Không phải tệp thường (thiết bị hay ống dẫn) — bỏ qua." });
    }
  }
}

/** Why a folder could not be listed, in plain words. */
function folderReason(code: string | undefined): string {
  if (code === "EACCES" || code === "EPERM") return " (không có quyền mở thư mục)";
  return readReason(code);
}

export interface CollectedInputs {
  files: string[];
  /** Paths given that do not exist or cannot be listed. */
  unreadable: UnreadableFile[];
}

/** FILE|DIR arguments → the files to read, in a stable order, each once (by real path). */
export async function collectInputs(args: readonly string[], exclude: readonly string[] = []): Promise<CollectedInputs> {
  const w: Walk = { files: [], unreadable: [], folders: new Set() };
  for (const arg of args) {
    let st: import("fs").Stats;
    try {
      st = await fs.stat(arg);
    } catch (err) {
      const code = codeOf(err);
      const reason = code === "ENOENT" ? `Không tìm thấy tệp hay thư mục ${arg}.` : `Không đọc được ${arg}${readReason(code)}.`;
      w.unreadable.push({ file: arg, reason });
      continue;
    }
    if (st.isDirectory()) {
      const real = await fs.realpath(arg).catch(() => path.resolve(arg));
      if (w.folders.has(real)) continue;
      w.folders.add(real);
      await walk(arg, w);
    } else if (st.isFile()) {
      w.files.push(arg);
    } else {
      w.unreadable.push({ file: arg, reason: "Không phải tệp thường (thiết bị hay ống dẫn) — bỏ qua." });
    }
  }
  const kept: string[] = [];
  const seen = new Set<string>();
  const excludeNames = new Set(exclude.map((x) => path.basename(x).toLowerCase()));
  for (const f of w.files) {
    // samePath resolves symlinks (a stat per call): only for files that could match.
    if (excludeNames.has(path.basename(f).toLowerCase()) && exclude.some((x) => samePath(f, x))) continue;
    // One file reached by two ways (a link, a folder given twice) is read once.
    const key = await fs.realpath(f).catch(() => path.resolve(f));
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(f);
  }
  return { files: kept, unreadable: w.unreadable };
}

export interface ConsolidationRun {
  entries: ConsolidatedCell[];
  unreadable: UnreadableFile[];
  /** Older copies of a cell counted from another file (filled after dedupeCells). */
  duplicates: DuplicateFile[];
}

type FileOutcome = { entry: ConsolidatedCell } | { unreadable: UnreadableFile };

interface ConsolidateOptions {
  year?: number;
  asOf: SimpleDate;
}

/** One file → its ConsolidatedCell, or the reason it cannot be used. Never throws. */
async function consolidateOne(file: string, bytes: Buffer | null, opts: ConsolidateOptions): Promise<FileOutcome> {
  try {
    // A failed read goes through readWorkbookFile for its precise message (no such
    // file, no permission, a folder…).
    const grid = bytes ? readGridBytes(bytes, file) : (await readWorkbookFile(file)).grid;
    if (isConsolidationWorkbook(grid)) {
      return { unreadable: { file, reason: "Đây là bảng tổng hợp do chương trình lập, không phải sổ của một chi bộ — bỏ qua." } };
    }
    const book = readWorkbook(withoutReportSheets(grid));
    const result = check(book, { year: opts.year, asOf: opts.asOf });
    return { entry: consolidateEntry(file, book, result) };
  } catch (err) {
    const reason =
      err instanceof UserError || (err instanceof Error && err.name === "UserError")
        ? err.message
        : // A library's own (English) words help no secretary: kept for CHUYENDE_DEBUG only.
          "Không đọc được tệp: nội dung bên trong sổ bị hỏng — hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi chạy lại." +
          (process.env.CHUYENDE_DEBUG === "1" ? ` (${err instanceof Error ? err.message : String(err)})` : "");
    return { unreadable: { file, reason } };
  }
}

/** Runs consolidateOne over `files` in order. Each file (a register is tens of KB) is
 *  read in one call: an asynchronous read costs more CPU in its four round trips than
 *  it saves in waiting; a file that fails is read again by readWorkbookFile for the
 *  precise reason. */
async function consolidateSequential(
  files: readonly string[],
  opts: ConsolidateOptions,
  onOutcome: (index: number, outcome: FileOutcome) => void,
): Promise<void> {
  for (let i = 0; i < files.length; i++) {
    let bytes: Buffer | null;
    try {
      // Past the size bound the file is not read here: readWorkbookFile says so.
      bytes = statSync(files[i]).size <= READ_LIMITS.fileBytes ? readFileSync(files[i]) : null;
    } catch {
      bytes = null;
    }
    onOutcome(i, await consolidateOne(files[i], bytes, opts));
  }
}

// ---- one budget per file ------------------------------------------------------------
// Each file is read in a worker thread of a small pool (2) with its own heap limit, under
// a time budget: a file that takes too long is stopped with its worker, one that needs too
// much memory ends its worker; either is listed with its reason, a fresh worker takes the
// next file, and the rest are consolidated. The worker runs this very module; it exists
// only in the compiled CLI (under ts-jest the module is TypeScript and files are read
// in-process, one after another).

const WORKER_KIND = "chuyende-tong-hop";
const POOL_SIZE = 2;

interface WorkerJob {
  kind: typeof WORKER_KIND;
  opts: ConsolidateOptions;
}

/** How many workers to use: CHUYENDE_WORKERS when set (0 = none, files read in-process
 *  without a budget), else POOL_SIZE; none outside the compiled CLI. */
export function workerCount(fileCount: number): number {
  if (!__filename.endsWith(".js")) return 0;
  const env = process.env.CHUYENDE_WORKERS;
  if (env !== undefined && /^\d+$/.test(env.trim())) return Math.min(Number(env), fileCount);
  return Math.min(POOL_SIZE, fileCount);
}

async function consolidateInWorkers(
  files: readonly string[],
  opts: ConsolidateOptions,
  workers: number,
  onOutcome: (index: number, outcome: FileOutcome) => void,
): Promise<void> {
  const job: WorkerJob = { kind: WORKER_KIND, opts };
  await runFilePool<FileOutcome>({
    files,
    workers,
    script: __filename,
    workerData: job,
    heapMb: WORKER_HEAP_MB,
    seconds: FILE_SECONDS,
    overBudget: (file, what) => ({ unreadable: { file, reason: overBudgetReason(file, what) } }),
    inProcess: (left, settle) =>
      consolidateSequential(
        left.map((f) => f.file),
        opts,
        (i, outcome) => settle(left[i].index, outcome),
      ),
    onOutcome,
  });
}

function workerMain(job: WorkerJob): void {
  const port = parentPort!;
  port.on("message", (task: PoolTask) => {
    void consolidateOne(task.file, null, job.opts).then((outcome) =>
      port.postMessage({ index: task.index, outcome } satisfies PoolResult<FileOutcome>),
    );
  });
}

if (!isMainThread && (workerData as WorkerJob | undefined)?.kind === WORKER_KIND) {
  workerMain(workerData as WorkerJob);
}

/** Reads and checks every file, on several threads when there are many; never throws for
 *  a bad file. Results keep the order of `files`; `onFile` is called as each finishes. */
export async function consolidateFiles(
  files: readonly string[],
  opts: ConsolidateOptions,
  onFile: (file: string) => void = () => undefined,
  workers: number = workerCount(files.length),
): Promise<ConsolidationRun> {
  const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(files.length);
  const record = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    onFile(files[index]);
  };
  if (workers >= 1) await consolidateInWorkers(files, opts, workers, record);
  else await consolidateSequential(files, opts, record);
  const entries: ConsolidatedCell[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const o of outcomes) {
    if (!o) continue;
    if ("entry" in o) entries.push(o.entry);
    else unreadable.push(o.unreadable);
  }
  return { entries, unreadable, duplicates: [] };
}

/** How Tổng hợp names a file: relative to the folder given on the command line, or its
 *  bare name for a file given directly (never a full path). */
export function fileLabelFor(args: readonly string[]): (file: string) => string {
  const dirs = args.map((a) => path.resolve(a));
  return (file) => {
    const full = path.resolve(file);
    for (const d of dirs) {
      const rel = path.relative(d, full);
      if (rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel)) return rel.split(path.sep).join("/");
    }
    return path.basename(file);
  };
}

/** The output may not be an input, nor lie inside an input folder (it would be read as a
 *  register on the next run, and replacing a folder's file while reading it is unsafe). */
function refuseOutputAmongInputs(output: string, inputs: readonly string[]): void {
  const out = canonical(output);
  for (const input of inputs) {
    const inp = canonical(input);
    if (out === inp || out.startsWith(inp.endsWith(path.sep) ? inp : inp + path.sep)) {
      throw new UserError(
        "TEP_RA_TRONG_TEP_VAO",
        out === inp
          ? `Tệp ra ${output} trùng với ${input} đang được tổng hợp — hãy ghi tệp ra ở chỗ khác (ví dụ -o TONG-HOP.xlsx ở thư mục ngoài).`
          : `Tệp ra ${output} nằm trong thư mục ${input} đang được tổng hợp — hãy ghi tệp ra ở thư mục khác.`,
        { file: output },
      );
    }
  }
}

/** The real path (links resolved) of a file or folder, or of its folder when it does not
 *  exist yet; lower-cased where the file system ignores case. */
function canonical(p: string): string {
  const abs = path.resolve(p);
  let real = abs;
  try {
    real = realpathSync(abs);
  } catch {
    try {
      real = path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      real = abs;
    }
  }
  return process.platform === "win32" || process.platform === "darwin" ? real.toLowerCase() : real;
}

function textSummary(run: ConsolidationRun, output: string | null, asOf: SimpleDate): string {
  const lines: string[] = [];
  const met = run.entries.filter((e) => e.meetsMinimum).length;
  const withErrors = run.entries.filter((e) => e.errors > 0).length;
  lines.push(
    `Tổng hợp ${run.entries.length} sổ chi bộ (số liệu đến ngày ${formatDate(asOf)}): ` +
      `${met} chi bộ đạt số chuyên đề tối thiểu/năm, ${withErrors} chi bộ có lỗi.`,
  );
  const missing = run.entries.filter((e) => e.missingQuarters.length > 0);
  if (missing.length > 0) {
    lines.push(`Chi bộ có quý đã hết mà chưa sinh hoạt chuyên đề: ${missing.length}.`);
  }
  if (run.duplicates.length > 0) {
    lines.push(`Tệp trùng chi bộ, không tính (${run.duplicates.length}):`);
    for (const d of run.duplicates) lines.push(`  - ${d.file}: đã tính theo ${d.keptFile}`);
  }
  if (run.unreadable.length > 0) {
    lines.push(`Tệp không đọc được (${run.unreadable.length}):`);
    for (const u of run.unreadable) lines.push(`  - ${u.file}: ${u.reason}`);
  }
  if (output) lines.push(`Đã ghi ${output} (trang "Tổng hợp" và "Danh sách chuyên đề").`);
  return lines.join("\n") + "\n";
}

export const tongHop: Command & { flags: string[] } = {
  name: "tong-hop",
  summary: "Tổng hợp sổ chuyên đề của nhiều chi bộ (tệp hoặc thư mục) vào một tệp Excel.",
  usage:
    "chuyende tong-hop FILE|THU-MUC... -o OUT.xlsx|OUT.docx [--nam Y] [--ngay dd/mm/yyyy] [--dang-uy TÊN] [--cap-tren TÊN] [--khoi] [--json] [--ghi-de]",
  examples: [
    { command: "chuyende tong-hop cac-chi-bo -o tong-hop-2025.xlsx --nam 2025", does: "mọi sổ trong thư mục cac-chi-bo" },
    {
      command: "chuyende tong-hop cac-chi-bo --nam 2025 -o bao-cao-nam-2025.docx",
      does: "báo cáo kết quả sinh hoạt chi bộ chuyên đề năm 2025 của đảng ủy (văn bản Word; --khoi: của Đảng ủy Khối)",
    },
    { command: "chuyende tong-hop cac-chi-bo --json", does: "chỉ in kết quả dạng JSON, không ghi tệp" },
  ],
  valueOptions: ["o", "output", "nam", "ngay", ...YEAR_REPORT_VALUE_OPTIONS],
  flags: ["json", "ghi-de", ...YEAR_REPORT_FLAGS],
  async run(args, io: CliIO) {
    if (args.positional.length === 0) {
      throw new UserError("THIEU_THAM_SO", "Thiếu tệp vào: chỉ ra các tệp .xlsx hoặc thư mục chứa sổ của các chi bộ.");
    }
    const json = args.options["json"] === true;
    const o = args.options["o"] ?? args.options["output"];
    if (o !== undefined && (typeof o !== "string" || o.trim() === "")) {
      throw new UserError("THIEU_THAM_SO", "Tùy chọn -o cần tên tệp ra, ví dụ -o TONG-HOP.xlsx.");
    }
    const output = typeof o === "string" ? o : null;
    if (output) checkOutputExtension(output, [".xlsx", ".docx"]);
    // With --json the JSON alone is a complete answer; otherwise the workbook is the point.
    if (!output && !json) throw new UserError("THIEU_THAM_SO", "Thiếu tệp ra: thêm -o TONG-HOP.xlsx.");
    const overwrite = overwriteOption(args);
    const asOf = dateOption(args, io);
    const year = yearOption(args);

    if (output) refuseOutputAmongInputs(output, args.positional);
    const collected = await collectInputs(args.positional, output ? [output] : []);
    // Inputs that could be the output: only those of the same name need the (stat-costly) check.
    const clashing = output ? collected.files.filter((f) => path.basename(f).toLowerCase() === path.basename(output).toLowerCase()) : [];
    if (output) await checkOutputPath(output, { overwrite, inputs: clashing });
    if (collected.files.length === 0) {
      const why = collected.unreadable.map((u) => ` ${u.reason}`).join("");
      throw new UserError("KHONG_CO_TEP", `Không có tệp .xlsx nào để tổng hợp.${why}`);
    }

    const progress = createProgress(io, collected.files.length, "Đang đọc");
    let run: ConsolidationRun;
    try {
      run = await consolidateFiles(collected.files, { year, asOf }, (f) => progress.tick(path.basename(f)));
    } finally {
      progress.done();
    }
    run.unreadable.unshift(...collected.unreadable);
    // Each cell once: an older copy of a cell's register is listed, not counted. File
    // times are read only to break a tie of entry dates.
    const mtimes = new Map<string, number>();
    await Promise.all(
      run.entries.map(async (e) => {
        const st = await fs.stat(e.file).catch(() => null);
        if (st) mtimes.set(e.file, st.mtimeMs);
      }),
    );
    const { cells, duplicates } = dedupeCells(run.entries, (f) => mtimes.get(f));
    run.entries = cells;
    run.duplicates = duplicates;

    if (run.entries.length === 0) {
      if (json) io.stdout(JSON.stringify(consolidationJson(run.entries, run.unreadable), null, 2) + "\n");
      const list = run.unreadable.map((u) => `\n  - ${u.file}: ${u.reason}`).join("");
      io.stderr(`Lỗi: không đọc được tệp nào, không ghi tệp ra.${list}\n`);
      return 2;
    }

    if (output && /\.docx$/i.test(output)) {
      // The đảng ủy's year report (tong-hop-bao-cao.ts).
      await writeYearReport(output, run.entries, run.unreadable, {
        args,
        io,
        year,
        asOf,
        fileLabel: fileLabelFor(args.positional),
        overwrite,
        inputs: clashing,
      });
    } else if (output) {
      const wb = newWorkbook();
      renderSheets(
        wb,
        buildConsolidationSheets(run.entries, run.unreadable, { asOf, duplicates, fileLabel: fileLabelFor(args.positional) }),
      );
      await saveWorkbook(wb, output, { overwrite, inputs: clashing });
    }
    if (json) io.stdout(JSON.stringify(consolidationJson(run.entries, run.unreadable, duplicates), null, 2) + "\n");
    else io.stdout(textSummary(run, output && !/\.docx$/i.test(output) ? output : null, asOf));

    const anyError = run.entries.some((e) => e.errors > 0);
    return anyError || run.unreadable.length > 0 ? 1 : 0;
  },
};
