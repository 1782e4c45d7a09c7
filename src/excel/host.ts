// The pane's door to Excel: a session runs one Excel.run, so a command's reads and writes
// share one request context and its sync count is easy to bound (≤ 3 per command).
import type { PlannedRow } from "../core/plan/addTopic";
import type { SheetModel } from "../core/make/sheetModel";
import { appendPlannedRow } from "./appendRow";
import { readWorkbook, type ReadOptions, type WorkbookSnapshot } from "./read";
import { writeSheetModels, type RenderOptions } from "./render";
import type { ExcelRunner } from "./runner";
import { selectCell } from "./select";

export interface WorkbookSession {
  /** Every sheet's values, merges, tables and markers (2 syncs; more only for a workbook
   *  too large for one 5 MB response). */
  read(opts?: ReadOptions): Promise<WorkbookSnapshot>;
  /** Writes the sheets (one sync unless a request would pass the payload budget); `known`
   *  is the snapshot read in this session. Refused, with nothing written, when the workbook's
   *  structure or a sheet to replace is protected. */
  write(models: SheetModel[], known: WorkbookSnapshot, opts: RenderOptions): Promise<void>;
  /** Activates the sheet and selects the cell (1 sync); false when the sheet is gone. */
  select(sheet: string, row: number, col: number): Promise<boolean>;
  /** Writes a planned topic's row (1 sync); the row is empty or just below the table.
   *  Refused, with nothing written, when its sheet is protected. */
  appendRow(planned: PlannedRow, date1904: boolean): Promise<void>;
}

/** "The workbook I work on": the open workbook in Excel (createWorkbookHost) or an .xlsx
 *  file opened in the browser (src/file/fileHost). Sections use only this. */
export interface WorkbookHost {
  /** False when a finding has no cell to jump to (a file opened in the browser): the pane
   *  shows the cell's value instead. Absent means true. */
  readonly cellsSelectable?: boolean;
  session<T>(fn: (session: WorkbookSession) => Promise<T>): Promise<T>;
}

export type { ExcelRunner };

/** Host backed by Office.js (`Excel.run`, looked up when used so a stand-in can take its place). */
export function createWorkbookHost(run?: ExcelRunner): WorkbookHost {
  const runner: ExcelRunner = run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
  return {
    session: (fn) =>
      runner((context) => {
        // What this session read: its protection is checked before appendRow writes.
        let known: WorkbookSnapshot | undefined;
        return fn({
          read: async (opts) => (known = await readWorkbook(context, opts)),
          write: (models, snapshot, opts) => writeSheetModels(context, models, snapshot, opts),
          select: (sheet, row, col) => selectCell(context, sheet, row, col),
          appendRow: (planned, date1904) => appendPlannedRow(context, planned, date1904, known),
        });
      }),
  };
}
