// Báo cáo quý: write (or rewrite) the sheet "Báo cáo Quý I-2021". Three syncs: read (2),
// write (1). A sheet of that name is replaced only when the add-in or the CLI wrote it.
import { check } from "../../core/check/check";
import { readWorkbook as parseWorkbook } from "../../core/read/register";
import {
  isQuarterReportSheet,
  quarterReport,
  reportSheet,
  reportSheetName,
  unconfirmedNotice,
  withoutReportSheets,
} from "../../core/make/report";
import type { QuarterReport } from "../../core/make/report";
import type { Quarter, SimpleDate } from "../../core/shared/types";
import type { WorkbookHost } from "../../excel/host";
import type { WorkbookSnapshot } from "../../excel/read";
import { engineGrid } from "./workbookGrid";

/** Report sheets the CLI wrote carry no marker; their title says what they are. */
export function withReportMarkers(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const reports = new Set(snapshot.grid.sheets.filter(isQuarterReportSheet).map((s) => s.name));
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => (s.createdBy === null && reports.has(s.name) ? { ...s, createdBy: "bao-cao" } : s)),
  };
}

/** The sheet written, whether it replaced one, and what to look at before sending. */
export interface QuarterReportWritten {
  sheet: string;
  replaced: boolean;
  notices: string[];
}

export async function writeQuarterReport(
  host: WorkbookHost,
  quarter: Quarter,
  year: number,
  today: SimpleDate,
): Promise<QuarterReportWritten> {
  return host.session(async (session) => {
    const snapshot = withReportMarkers(await session.read());
    const book = parseWorkbook(withoutReportSheets(engineGrid(snapshot)));
    const result = check(book, { year, asOf: today });
    const report = quarterReport(book, result, quarter, year, { today });
    const name = reportSheetName(quarter, year);
    const model = reportSheet(report, name);
    const replaced = snapshot.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
    await session.write([model], snapshot, { kind: "bao-cao", replace: true, activate: true });
    // Meetings counted only by their date: the secretary confirms them before sending.
    return { sheet: model.name, replaced, notices: unconfirmedNotice(report.unconfirmed) };
  });
}

/** The report as data, read from the open workbook without writing anything (for the
 *  Word file). Two syncs (the read). */
export async function readQuarterReport(
  host: WorkbookHost,
  quarter: Quarter,
  year: number,
  today: SimpleDate,
): Promise<{ report: QuarterReport; notices: string[] }> {
  return host.session(async (session) => {
    const snapshot = withReportMarkers(await session.read());
    const book = parseWorkbook(withoutReportSheets(engineGrid(snapshot)));
    const report = quarterReport(book, check(book, { year, asOf: today }), quarter, year, { today });
    return { report, notices: unconfirmedNotice(report.unconfirmed) };
  });
}
