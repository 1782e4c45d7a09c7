// A planned topic's row (Kế hoạch năm) written into an exceljs workbook: the CLI's
// ke-hoach and the pane's file mode share it. Browser-safe, like the rest of src/xlsx.
import type ExcelJS from "exceljs";
import { DATE_FORMAT } from "../core/read/layout";
import type { PlannedRow } from "../core/plan/addTopic";
import { columnLetter } from "../core/make/sheetModel";
import { UserError } from "../core/shared/types";
import { decodeRange, tablesOf } from "./grid";
import { setNumFmt, toExcelValue } from "./render";

/** Writes the planned row into the exceljs sheet; grows the table when the row is below it. */
export function writePlannedRow(wb: ExcelJS.Workbook, planned: PlannedRow): void {
  const ws = wb.getWorksheet(planned.sheet);
  if (!ws) throw new UserError("KHONG_CO_TRANG", `Không thấy trang "${planned.sheet}" để ghi.`);
  for (const c of planned.cells) {
    const cell = ws.getCell(planned.row, c.col);
    cell.value = toExcelValue(c.value);
    if (c.value !== null && typeof c.value === "object" && "date" in c.value) setNumFmt(cell, DATE_FORMAT);
  }
  if (planned.extendsTable && planned.table) {
    const table = tablesOf(ws).find((t) => t.name === planned.table);
    const ref = table ? (table.tableRef ?? table.ref) : undefined;
    const range = ref ? decodeRange(ref) : null;
    if (table && range) {
      const next = `${columnLetter(range.left + 1)}${range.top + 1}:${columnLetter(range.right + 1)}${planned.row}`;
      table.ref = next;
      table.tableRef = next;
    }
  }
}
