// `chuyende tong-hop FOLDER|FILES --nam Y -o OUT.docx [--dang-uy TÊN] [--cap-tren TÊN] [--khoi]`
// — the đảng ủy's year report (src/core/make/yearReport.ts) from the cells Tổng hợp has read.
// Kept apart from tong-hop.ts (which reads the files): this only turns the run into the paper.
import * as path from "path";
import type { CliIO, ParsedArgs } from "../command";
import { stringOption, writeFileAtomic } from "../io";
import { buildYearReport, commonYear, type UnreadableByUnit } from "../../core/make/yearReport";
import { UserError } from "../../core/shared/types";
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
  // Without --nam: the year most registers are of; registers of another year are refused.
  const year = opts.year ?? commonYear(cells) ?? new Date().getFullYear();
  const others = cells.filter((c) => c.year !== year);
  if (others.length > 0) {
    throw new UserError(
      "KHAC_NAM",
      `Có ${others.length} sổ của năm khác năm ${year} (${[...new Set(others.map((c) => c.year))].join(", ")}) — ` +
        `thêm --nam ${year} để tính mọi sổ theo năm ${year}, hoặc tách các sổ năm khác ra thư mục riêng.`,
    );
  }
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
  if (!report.issuerKnown) {
    opts.io.stderr(
      report.committees > 1
        ? `Gợi ý: thêm --khoi để lập báo cáo của Đảng ủy Khối, hoặc --dang-uy "Tên đảng ủy".\n`
        : `Gợi ý: thêm --dang-uy "Tên đảng ủy".\n`,
    );
  }
  opts.io.stdout(`Đã lập báo cáo kết quả sinh hoạt chi bộ chuyên đề năm ${year} (${cells.length} chi bộ) và ghi vào ${output}.\n`);
}
