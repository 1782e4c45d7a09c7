// Selecting a cell for the user (a finding in the pane → its cell in the sheet).
import { a1 } from "./address";

/** Activates `sheet` and selects the cell at 1-based (row, col), in one sync. Returns false
 *  when the sheet no longer exists (the user may have renamed it since the check). */
export async function selectCell(context: Excel.RequestContext, sheet: string, row: number, col: number): Promise<boolean> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(a1(Math.max(1, row), Math.max(1, col))).select();
  try {
    await context.sync();
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "ItemNotFound") return false;
    throw err;
  }
}
