// Báo cáo quý: write (or rewrite) the sheet "Báo cáo Quý I-2021". Three syncs: read (2),
// write (1). A sheet of that name is replaced only when the add-in or the CLI wrote it.
import { check } from "../../core/check/check";
import { readWorkbook as parseWorkbook } from "../../core/read/register";
import { buildQuarterReport, isQuarterReportSheet, reportSheetName, withoutReportSheets } from "../../core/make/report";
import type { Quarter, SimpleDate } from "../../core/shared/types";
import type { WorkbookHost } from "../../excel/host";
import type { WorkbookSnapshot } from "../../excel/read";
import { engineGrid } from "./workbookGrid";

/** Report sheets the CLI wrote carry no marker; their title says what they are. */
export function withReportMarkers(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const reports = new Set(snapshot.grid.sheets.filter(isQuarterReportSheet).map((s) => s.name));
  return { ...snapshot, sheets: snapshot.sheets.map((s) => (s.createdBy === null && reports.has(s.name) ? { ...s, createdBy: "bao-cao" } : s)) };
}

export async function writeQuarterReport(
  host: WorkbookHost,
  quarter: Quarter,
  year: number,
  today: SimpleDate,
): Promise<{ sheet: string; replaced: boolean }> {
  return host.session(async (session) => {
    const snapshot = withReportMarkers(await session.read());
    const book = parseWorkbook(withoutReportSheets(engineGrid(snapshot)));
    const result = check(book, { year, asOf: today });
    const model = buildQuarterReport(book, result, quarter, year, { today });
    const name = reportSheetName(quarter, year);
    const replaced = snapshot.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
    await session.write([model], snapshot, { kind: "bao-cao", replace: true, activate: true });
    return { sheet: model.name, replaced };
  });
}
