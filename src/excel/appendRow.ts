// Appending a planned topic to the register (Kế hoạch năm): the cells of one row, queued and
// sent in one sync. Core chose the row (src/core/plan/addTopic.ts): an empty row inside the
// table, or — when the table is full — a new table row added at its end with
// TableRowCollection.add, so the table (its drop-downs, formats) takes the row in. A
// protected register sheet is refused before anything is queued (protection.ts).
import { DATE_FORMAT } from "../core/read/layout";
import type { PlannedRow } from "../core/plan/addTopic";
import { a1 } from "./address";
import { assertCanWriteSheet, type ProtectionState } from "./protection";
import { toExcelInput } from "./render";

function isDate(v: PlannedRow["cells"][number]["value"]): boolean {
  return v !== null && typeof v === "object" && !(v instanceof Date) && "date" in v;
}

/** Writes the row; `known` is what this session read (its protection is checked first). Without
 *  it, the sheet's protection is read here (one more sync). */
export async function appendPlannedRow(
  context: Excel.RequestContext,
  planned: PlannedRow,
  date1904: boolean,
  known?: ProtectionState,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(planned.sheet);
  if (known) {
    assertCanWriteSheet(known, planned.sheet);
  } else {
    const protection = context.workbook.worksheets.getItem(planned.sheet).protection;
    protection.load("protected");
    await context.sync();
    assertCanWriteSheet({ sheets: [{ name: planned.sheet, protected: protection.protected }] }, planned.sheet);
  }
  if (planned.extendsTable && planned.table) {
    const width = planned.right - planned.left + 1;
    const line: (string | number | boolean)[] = new Array<string | number | boolean>(width).fill("");
    for (const c of planned.cells) line[c.col - planned.left] = toExcelInput(c.value, date1904);
    context.workbook.tables.getItem(planned.table).rows.add(undefined, [line]);
  } else {
    for (const c of planned.cells) ws.getRange(a1(planned.row, c.col)).values = [[toExcelInput(c.value, date1904)]];
  }
  // A date cell shows as a date only with a date format (a new table row has none).
  for (const c of planned.cells) if (isDate(c.value)) ws.getRange(a1(planned.row, c.col)).numberFormat = [[DATE_FORMAT]];
  await context.sync();
}
