// Recognising the quarter-report sheets this tool wrote, kept apart from report.ts so
// that the check (custom functions, kiem-tra) can skip them without loading the report
// builder.
import type { SheetGrid, WorkbookGrid } from "../shared/types";
import { cellText } from "../read/values";

/** The one-line title reports had before the subject line; still recognised so that
 *  regenerating replaces them. */
export const REPORT_TITLE_PREFIX = "BÁO CÁO KẾT QUẢ SINH HOẠT CHI BỘ CHUYÊN ĐỀ";

/** The subject line (trích yếu) under "BÁO CÁO": "Kết quả sinh hoạt chi bộ chuyên đề
 *  Quý I năm 2024". */
export function reportSubjectLine(quarter: 1 | 2 | 3 | 4, year: number): string {
  return `Kết quả sinh hoạt chi bộ chuyên đề Quý ${["I", "II", "III", "IV"][quarter - 1]} năm ${year}`;
}

const REPORT_SUBJECT_RE = /^Kết quả sinh hoạt chi bộ chuyên đề Quý (I|II|III|IV) năm \d{4}$/;

const REPORT_NAME_RE = /^Báo cáo Quý (I|II|III|IV)-\d{4}$/i;
const REPORT_TITLE_RE = /^BÁO CÁO KẾT QUẢ SINH HOẠT CHI BỘ CHUYÊN ĐỀ QUÝ (I|II|III|IV) NĂM \d{4}$/;

/** True when `sheet` is a report this tool wrote — its name is a report name and its
 *  title is the report title — so that regenerating never replaces a user's own sheet
 *  that happens to share the name, and a user's register with a similar banner is never
 *  taken for a report. */
export function isQuarterReportSheet(sheet: SheetGrid): boolean {
  if (!REPORT_NAME_RE.test(sheet.name.normalize("NFC").trim())) return false;
  const rows = sheet.values.slice(0, 12);
  // The one-line title of earlier versions, or today's subject line.
  return rows.some((row) =>
    (row ?? []).some((v) => REPORT_TITLE_RE.test(cellText(v)) || REPORT_SUBJECT_RE.test(cellText(v).normalize("NFC"))),
  );
}

/** The grid without the report sheets this tool wrote, so that a report (whose topic
 *  table has register-like headers) can never be read as the register itself. */
export function withoutReportSheets(grid: WorkbookGrid): WorkbookGrid {
  if (!grid.sheets.some(isQuarterReportSheet)) return grid;
  const sheets = grid.sheets.filter((s) => !isQuarterReportSheet(s));
  const names = new Set(sheets.map((s) => s.name));
  return { ...grid, sheets, tables: grid.tables?.filter((t) => names.has(t.sheet)) };
}
