// Báo cáo quý as a Word file: read without writing anything, then the document writer (its
// own chunk in the pane: it loads only when a Word file is made; in the page's file worker).
import { romanQuarter } from "../../core/read/dates";
import type { Quarter, SimpleDate } from "../../core/shared/types";
import { quarterReportDocx } from "../../documents/reportDocx";
import type { WorkbookHost } from "../../excel/host";
import { readQuarterReport } from "./report";
import { DOCX_MIME, type SavedFile } from "./savedFile";

export interface QuarterReportWord {
  file: SavedFile;
  /** What to look at before sending (topics counted as held only by their date). */
  notices: string[];
}

export async function quarterReportWord(host: WorkbookHost, quarter: Quarter, year: number, today: SimpleDate): Promise<QuarterReportWord> {
  const r = await readQuarterReport(host, quarter, year, today);
  return {
    file: { name: `Bao-cao-Quy-${romanQuarter(quarter)}-${year}.docx`, bytes: quarterReportDocx(r.report), mime: DOCX_MIME },
    notices: r.notices,
  };
}
