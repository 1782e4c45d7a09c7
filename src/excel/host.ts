// The pane's door to Excel: a session runs one Excel.run, so a command's reads and writes
// share one request context and its sync count is easy to bound (≤ 3 per command).
import type { SheetModel } from "../core/make/sheetModel";
import { readWorkbook, type ReadOptions, type WorkbookSnapshot } from "./read";
import { queueSheetModel, type RenderOptions } from "./render";
import { selectCell } from "./select";

export interface WorkbookSession {
  /** Every sheet's values, merges, tables and markers (2 syncs). */
  read(opts?: ReadOptions): Promise<WorkbookSnapshot>;
  /** Writes the sheets in one sync; `known` is the snapshot read in this session. */
  write(models: SheetModel[], known: WorkbookSnapshot, opts: RenderOptions): Promise<void>;
  /** Activates the sheet and selects the cell (1 sync); false when the sheet is gone. */
  select(sheet: string, row: number, col: number): Promise<boolean>;
}

export interface WorkbookHost {
  session<T>(fn: (session: WorkbookSession) => Promise<T>): Promise<T>;
}

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Host backed by Office.js (`Excel.run`, looked up when used so a stand-in can take its place). */
export function createWorkbookHost(run?: ExcelRunner): WorkbookHost {
  const runner: ExcelRunner = run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
  return {
    session: (fn) =>
      runner((context) =>
        fn({
          read: (opts) => readWorkbook(context, opts),
          write: async (models, known, opts) => {
            for (const m of models) queueSheetModel(context, m, known, opts);
            await context.sync();
          },
          select: (sheet, row, col) => selectCell(context, sheet, row, col),
        }),
      ),
  };
}
