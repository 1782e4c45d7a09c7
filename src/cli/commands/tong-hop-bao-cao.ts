// `chuyende tong-hop FOLDER|FILES --nam Y -o OUT.docx [--dang-uy TÊN] [--cap-tren TÊN] [--khoi]`
// — the đảng ủy's year report (src/core/make/yearReport.ts) from the cells Tổng hợp has read.
// Kept apart from tong-hop.ts (which reads the files): this only turns the run into the paper.
import * as path from "path";
import type { CliIO, ParsedArgs } from "../command";
import { stringOption, writeFileAtomic } from "../io";
import { buildYearReport, type UnreadableByUnit } from "../../core/make/yearReport";
import type { ConsolidatedCell, UnreadableFile } from "../../core/make/consolidation";
import { unitOfLabel } from "../../core/make/consolidate";
import type { SimpleDate } from "../../core/shared/types";
import { yearReportDocx } from "../../documents/yearReportDocx";

/** The options tong-hop takes for the year report. */
export const YEAR_REPORT_VALUE_OPTIONS = ["dang-uy", "cap-tren"];
export const YEAR_REPORT_FLAGS = ["khoi"];

/** Writes the year report of `cells`; returns the lines to print. */
export async function writeYearReport(
  output: string,
  cells: readonly ConsolidatedCell[],
  unreadable: readonly UnreadableFile[],
  opts: {
    args: ParsedArgs;
    io: CliIO;
    year: number | undefined;
    asOf: SimpleDate;
    fileLabel: (f: string) => string;
    overwrite: boolean;
    inputs: string[];
  },
): Promise<void> {
  const years = new Map<number, number>();
  for (const c of cells) years.set(c.year, (years.get(c.year) ?? 0) + 1);
  // Without --nam: the year most registers are of (buildYearReport refuses the others).
  const year = opts.year ?? [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  const byUnit: UnreadableByUnit[] = unreadable.map((u) => {
    const label = opts.fileLabel(u.file);
    return { unit: unitOfLabel(label), file: path.basename(label), reason: u.reason };
  });
  const report = buildYearReport(cells, {
    year,
    asOf: opts.asOf,
    issuer: stringOption(opts.args, "dang-uy"),
    superior: stringOption(opts.args, "cap-tren"),
    khoi: opts.args.options["khoi"] === true,
    unreadable: byUnit,
  });
  await writeFileAtomic(output, yearReportDocx(report), { overwrite: opts.overwrite, inputs: opts.inputs });
  for (const p of report.problems) opts.io.stderr(`Cảnh báo: ${p}\n`);
  opts.io.stdout(`Đã lập báo cáo kết quả sinh hoạt chi bộ chuyên đề năm ${year} (${cells.length} chi bộ) và ghi vào ${output}.\n`);
}
