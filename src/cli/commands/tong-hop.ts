// `chuyende tong-hop FILE|DIR... -o OUT.xlsx [--nam Y] [--ngay D] [--json]` — many cells'
// registers consolidated: sheet "Tổng hợp" (one row per cell) and "Danh sách chuyên đề"
// (every topic). A folder contributes its .xlsx/.xlsm files, subfolders included; a file
// that cannot be used is listed with the reason and the others still go through.
//
// Speed (SPEC §9: 1,000 workbooks in under a minute): each file is read once, parsed
// once (loadWorkbookFile), checked, reduced to its ConsolidatedCell and dropped, so
// memory stays flat whatever the number of files.
import { promises as fs } from "fs";
import * as path from "path";
import type { CliIO, Command } from "../command";
import { loadWorkbookFile } from "../xlsx";
import { newWorkbook, renderSheets } from "../render";
import { checkOutputPath, dateOption, overwriteOption, samePath, saveWorkbook, yearOption } from "../io";
import { createProgress } from "../progress";
import { readWorkbook } from "../../core/register";
import { check } from "../../core/check";
import { formatDate } from "../../core/dates";
import { withoutReportSheets } from "../../core/report";
import {
  buildConsolidationSheets,
  consolidateEntry,
  consolidationJson,
  isConsolidationWorkbook,
  type ConsolidatedCell,
  type UnreadableFile,
} from "../../core/consolidate";
import type { SimpleDate } from "../../core/types";
import { UserError } from "../../core/types";

/** Extensions taken from a folder. .xls is taken too, so that an old-format file is
 *  listed with the advice to re-save it rather than silently left out. */
const FOLDER_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls"]);

function isCandidate(name: string): boolean {
  // ~$… are Excel's lock files of open workbooks; dot-files are hidden/system files.
  if (name.startsWith("~$") || name.startsWith(".")) return false;
  return FOLDER_EXTENSIONS.has(path.extname(name).toLowerCase());
}

const collator = new Intl.Collator("vi", { numeric: true });

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => collator.compare(a.name, b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = await fs.stat(full).catch(() => null);
      isDir = Boolean(st?.isDirectory());
      isFile = Boolean(st?.isFile());
    }
    if (isDir) {
      if (!e.name.startsWith(".")) await walk(full, out);
    } else if (isFile && isCandidate(e.name)) {
      out.push(full);
    }
  }
}

export interface CollectedInputs {
  files: string[];
  /** Paths given that do not exist or cannot be listed. */
  unreadable: UnreadableFile[];
}

/** FILE|DIR arguments → the files to read, in a stable order, each once. */
export async function collectInputs(args: readonly string[], exclude: readonly string[] = []): Promise<CollectedInputs> {
  const files: string[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const arg of args) {
    const st = await fs.stat(arg).catch((err: NodeJS.ErrnoException) => err);
    if (st instanceof Error) {
      const reason =
        st.code === "ENOENT"
          ? `Không tìm thấy tệp hay thư mục ${arg}.`
          : `Không đọc được ${arg} (${st.code ?? st.message}).`;
      unreadable.push({ file: arg, reason });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      try {
        await walk(arg, found);
      } catch (err) {
        unreadable.push({ file: arg, reason: `Không đọc được thư mục ${arg} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).` });
      }
      files.push(...found);
    } else {
      files.push(arg);
    }
  }
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    if (exclude.some((x) => samePath(f, x))) continue;
    const key = path.resolve(f);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(f);
  }
  return { files: kept, unreadable };
}

export interface ConsolidationRun {
  entries: ConsolidatedCell[];
  unreadable: UnreadableFile[];
}

/** Reads and checks every file; never throws for a bad file. */
export async function consolidateFiles(
  files: readonly string[],
  opts: { year?: number; asOf: SimpleDate },
  onFile: (file: string) => void = () => undefined,
): Promise<ConsolidationRun> {
  const entries: ConsolidatedCell[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const file of files) {
    try {
      const { grid } = await loadWorkbookFile(file);
      if (isConsolidationWorkbook(grid)) {
        unreadable.push({ file, reason: "Đây là bảng tổng hợp do chương trình lập, không phải sổ của một chi bộ — bỏ qua." });
      } else {
        const book = readWorkbook(withoutReportSheets(grid));
        const result = check(book, { year: opts.year, asOf: opts.asOf });
        entries.push(consolidateEntry(file, book, result));
      }
    } catch (err) {
      const reason =
        err instanceof UserError || (err instanceof Error && err.name === "UserError")
          ? err.message
          : `Lỗi không mong đợi khi đọc tệp: ${err instanceof Error ? err.message : String(err)}`;
      unreadable.push({ file, reason });
    }
    onFile(file);
  }
  return { entries, unreadable };
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
  usage: "chuyende tong-hop FILE|DIR... -o OUT.xlsx [--nam Y] [--ngay YYYY-MM-DD] [--json] [--ghi-de]",
  valueOptions: ["o", "output", "nam", "ngay"],
  flags: ["json", "ghi-de"],
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
    // With --json the JSON alone is a complete answer; otherwise the workbook is the point.
    if (!output && !json) throw new UserError("THIEU_THAM_SO", "Thiếu tệp ra: thêm -o TONG-HOP.xlsx.");
    const overwrite = overwriteOption(args);
    const asOf = dateOption(args, io);
    const year = yearOption(args);

    const collected = await collectInputs(args.positional, output ? [output] : []);
    if (output) await checkOutputPath(output, { overwrite, inputs: collected.files });
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

    if (run.entries.length === 0) {
      if (json) io.stdout(JSON.stringify(consolidationJson(run.entries, run.unreadable), null, 2) + "\n");
      const list = run.unreadable.map((u) => `\n  - ${u.file}: ${u.reason}`).join("");
      io.stderr(`Lỗi: không đọc được tệp nào, không ghi tệp ra.${list}\n`);
      return 2;
    }

    if (output) {
      const wb = newWorkbook();
      renderSheets(wb, buildConsolidationSheets(run.entries, run.unreadable, { asOf }));
      await saveWorkbook(wb, output, { overwrite, inputs: collected.files });
    }
    if (json) io.stdout(JSON.stringify(consolidationJson(run.entries, run.unreadable), null, 2) + "\n");
    else io.stdout(textSummary(run, output, asOf));

    const anyError = run.entries.some((e) => e.errors > 0);
    return anyError || run.unreadable.length > 0 ? 1 : 0;
  },
};
