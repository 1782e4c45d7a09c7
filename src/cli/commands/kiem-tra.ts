// `chuyende kiem-tra FILE [--nam Y] [--ngay YYYY-MM-DD] [--json]` — the check of SPEC §4
// on an .xlsx file: a readable summary, or the JSON object of SPEC §8.
import type { Command, CliIO } from "../command";
import { readWorkbookFile } from "../xlsx";
import { dateOption, requireInput, yearOption } from "../io";
import { findLegacyText, legacyTextMessage, readWorkbook, type LegacyTextNotice } from "../../core/read/register";
import { withoutReportSheets } from "../../core/make/reportSheets";
import { check, countBySeverity, findingToJson, NO_REGISTER_CODE, type FindingJson } from "../../core/check/check";
import { computeVerdicts } from "../../core/check/verdicts";
import { formatDate, formatIsoDate, formatQuarter } from "../../core/read/dates";
import type { CheckResult, Finding, ParsedWorkbook, QuarterSummary, SimpleDate } from "../../core/shared/types";
import { UserError } from "../../core/shared/types";

export interface CheckedFile {
  book: ParsedWorkbook;
  result: CheckResult;
  /** Sheets with text typed in a legacy font encoding (shown on stderr, outside the
   *  findings: the JSON of SPEC §8 stays exactly as specified). */
  legacyText: LegacyTextNotice[];
}

/** Loads an .xlsx file and checks it. A file without a register throws the engine's
 *  UserError (exit 2). */
export async function checkFile(file: string, opts: { year?: number; asOf: SimpleDate }): Promise<CheckedFile> {
  const { grid: loaded } = await readWorkbookFile(file);
  // A report sheet that bao-cao wrote into this workbook is output, not a register.
  const grid = withoutReportSheets(loaded);
  const book = readWorkbook(grid);
  const legacyText = findLegacyText(grid);
  // Headers typed in TCVN3/VNI match nothing: say so instead of only "no register".
  if (!book.register && legacyText.length > 0) {
    throw new UserError(NO_REGISTER_CODE, `Không tìm thấy sổ chuyên đề. ${legacyTextMessage(legacyText[0])}`, { file });
  }
  const result = check(book, { year: opts.year, asOf: opts.asOf });
  return { book, result, legacyText };
}

/** The JSON of SPEC §8, keys in the order written there. */
export interface CheckJson {
  file: string;
  year: number;
  asOf: string;
  register: { sheet: string; headerRow: number; topics: number } | null;
  quarters: QuarterSummary[];
  findings: FindingJson[];
}

export function checkResultToJson(file: string, r: CheckResult): CheckJson {
  return {
    file,
    year: r.year,
    asOf: formatIsoDate(r.asOf),
    register: r.register ? { sheet: r.register.sheet, headerRow: r.register.headerRow, topics: r.register.topics } : null,
    quarters: r.quarters.map((q) => ({ quarter: q.quarter, held: q.held, planned: q.planned, ok: q.ok })),
    findings: r.findings.map(findingToJson),
  };
}

function where(f: Finding): string {
  const place = f.row === null ? f.sheet : `${f.sheet}!${f.row}`;
  return f.column ? `${place}, cột ${f.column}` : place;
}

/** The readable summary: the quarters and the year in the verdict model's words (as the
 *  pane's tiles), then the findings. */
export function formatCheckText(file: string, book: ParsedWorkbook, r: CheckResult): string {
  const verdicts = computeVerdicts(book, { year: r.year, asOf: r.asOf });
  const out: string[] = [];
  out.push(`Kiểm tra sổ chuyên đề: ${file}`);
  if (r.register) {
    out.push(
      `Sổ: trang "${r.register.sheet}", dòng tiêu đề ${r.register.headerRow}, ${r.register.topics} chuyên đề. ` +
        `Năm ${r.year}, tính đến ngày ${formatDate(r.asOf)}.`,
    );
  }
  out.push("", "Theo quý (đã sinh hoạt / có kế hoạch):");
  for (const q of r.quarters) {
    const label = formatQuarter(q.quarter, r.year).padEnd(13);
    const counts = `${q.held} / ${q.planned}`.padEnd(8);
    out.push(`  ${label} ${counts} ${verdicts.quarters[q.quarter - 1].label}`);
  }
  out.push(`Cả năm ${r.year}: ${verdicts.yearVerdict.label}. ${verdicts.yearVerdict.sentence}`);
  const { errors, warnings } = countBySeverity(r.findings);
  const groups: [string, Finding[]][] = [
    ["Lỗi", r.findings.filter((f) => f.severity === "error")],
    ["Cảnh báo", r.findings.filter((f) => f.severity === "warning")],
  ];
  for (const [title, list] of groups) {
    if (list.length === 0) continue;
    out.push("", `${title} (${list.length}):`);
    for (const f of list) out.push(`  - ${where(f)}: ${f.message} [${f.code}]`);
  }
  out.push("");
  if (errors === 0 && warnings === 0) out.push("Kết quả: Đạt — không có lỗi, không có cảnh báo.");
  else out.push(`Kết quả: ${errors} lỗi, ${warnings} cảnh báo.`);
  // Sheet names and cell text may come in decomposed (NFD) form; the user reads NFC.
  return (out.join("\n") + "\n").normalize("NFC");
}

export const kiemTra: Command = {
  name: "kiem-tra",
  summary: "Kiểm tra sổ chuyên đề theo HD 09-HD/ĐUK (theo quý, từng chuyên đề, điểm danh, biên bản).",
  usage: "chuyende kiem-tra FILE.xlsx [--nam Y] [--ngay dd/mm/yyyy] [--json]",
  examples: [
    { command: "chuyende kiem-tra so-chuyen-de-2025.xlsx", does: "kiểm tra sổ tính đến hôm nay" },
    { command: "chuyende kiem-tra so-chuyen-de-2025.xlsx --ngay 31/12/2025", does: "kiểm tra như vào ngày cuối năm" },
    { command: "chuyende kiem-tra so-chuyen-de-2025.xlsx --nam 2025 --json", does: "kết quả dạng JSON cho chương trình khác đọc" },
  ],
  valueOptions: ["nam", "ngay"],
  async run(args, io: CliIO) {
    const file = requireInput(args);
    const year = yearOption(args);
    const asOf = dateOption(args, io);
    const { book, result, legacyText } = await checkFile(file, { year, asOf });
    for (const n of legacyText) io.stderr(`Cảnh báo: ${legacyTextMessage(n)}\n`);
    if (args.options["json"] === true) {
      io.stdout(JSON.stringify(checkResultToJson(file, result), null, 2) + "\n");
    } else {
      io.stdout(formatCheckText(file, book, result));
    }
    return countBySeverity(result.findings).errors > 0 ? 1 : 0;
  },
};
