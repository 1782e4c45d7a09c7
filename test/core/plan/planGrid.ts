// A small workbook grid for the plan's tests: Thông tin, and the register as the table
// tblChuyenDe with the given rows (by column name, values as a secretary types them) and
// optional pre-numbered empty rows, as `chuyende khoi-tao` leaves them.
import { SHEETS, TABLES } from "../../../src/core/read/layout";
import type { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/shared/types";
import { REGISTER_COLUMNS, type RegisterColumn } from "../../../src/core/shared/types";

export type RowSpec = Partial<Record<RegisterColumn, CellValue>>;

export interface PlanGridSpec {
  rows: RowSpec[];
  /** Pre-numbered empty rows inside the table after the data. */
  emptyRows?: number;
  info?: Record<string, CellValue>;
  /** Extra sheets (e.g. Gợi ý chuyên đề). */
  sheets?: SheetGrid[];
  /** Text below the table (a footer the add must not overwrite). */
  below?: CellValue[][];
}

export function planGrid(spec: PlanGridSpec): WorkbookGrid {
  const info: CellValue[][] = [["Mục", "Giá trị"], ...Object.entries(spec.info ?? { Năm: 2021 })];
  const values: CellValue[][] = [[...REGISTER_COLUMNS]];
  spec.rows.forEach((r, i) => values.push(REGISTER_COLUMNS.map((c) => (c === "STT" ? (r.STT ?? i + 1) : (r[c] ?? null)))));
  for (let i = 0; i < (spec.emptyRows ?? 0); i++) {
    values.push(REGISTER_COLUMNS.map((c) => (c === "STT" ? spec.rows.length + i + 1 : null)));
  }
  const bottom = values.length - 1;
  for (const line of spec.below ?? []) values.push(line);
  const sheets: SheetGrid[] = [{ name: SHEETS.info, values: info }, { name: SHEETS.register, values }, ...(spec.sheets ?? [])];
  return {
    sheets,
    tables: [
      { name: TABLES.info, sheet: SHEETS.info, top: 0, left: 0, bottom: info.length - 1, right: 1 },
      { name: TABLES.register, sheet: SHEETS.register, top: 0, left: 0, bottom: Math.max(1, bottom), right: REGISTER_COLUMNS.length - 1 },
    ],
    date1904: false,
  };
}
