// Chuyển đổi: find the register-like sheet, let the user adjust the mapping, then write
// the canonical table on a new sheet. The source sheet is only read.
import { buildCanonicalWorkbook } from "../../core/make/canonical";
import { convertRegister, proposeMapping, unmappedColumns, type ConversionPlan } from "../../core/make/convert";
import { SHEETS, TABLES } from "../../core/read/layout";
import { readInfo } from "../../core/read/info";
import { REGISTER_COLUMNS, UserError, type RegisterColumn } from "../../core/shared/types";
import type { WorkbookHost } from "../../excel/host";
import { engineGrid } from "./workbookGrid";

export interface ConversionProposal {
  /** null when no sheet looks like a register. */
  plan: ConversionPlan | null;
  /** Sheet names the user may pick instead. */
  sheets: string[];
}

export async function proposeConversion(host: WorkbookHost, sheetName?: string): Promise<ConversionProposal> {
  return host.session(async (session) => {
    const snapshot = await session.read();
    const grid = engineGrid(snapshot);
    return { plan: proposeMapping(grid, sheetName), sheets: grid.sheets.map((s) => s.name) };
  });
}

/** The plan with canonical column `column` taken from source column `source` (null: none).
 *  A source column feeds one canonical column: it is taken away from any other. */
export function remap(plan: ConversionPlan, column: RegisterColumn, source: number | null): ConversionPlan {
  const columns = { ...plan.columns };
  const headers = { ...plan.headers };
  if (source !== null) {
    for (const name of REGISTER_COLUMNS) {
      if (name !== column && columns[name] === source) {
        columns[name] = null;
        headers[name] = "";
      }
    }
  }
  columns[column] = source;
  headers[column] = source === null ? "" : (plan.sourceColumns.find((s) => s.col === source)?.header ?? "");
  const next = { ...plan, columns, headers };
  next.unmapped = unmappedColumns(next);
  return next;
}

/** "Sổ chuyên đề", or "Sổ chuyên đề (2)", (3)… when taken (sheet names compare without case). */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export interface ConversionResult {
  sheet: string;
  rows: number;
}

export async function runConversion(host: WorkbookHost, plan: ConversionPlan): Promise<ConversionResult> {
  if (plan.columns["Tên chuyên đề"] === null) {
    throw new UserError("THIEU_COT_TEN", "Chưa chọn cột nguồn cho Tên chuyên đề — hãy chọn cột chứa tên chuyên đề rồi bấm Chuyển đổi.", {
      column: "Tên chuyên đề",
    });
  }
  return host.session(async (session) => {
    const snapshot = await session.read();
    // Like `chuyende chuyen-doi`: a workbook that already has the canonical register is
    // not converted again (a second table would be named tblChuyenDe2 and never read).
    const existing = snapshot.grid.tables?.find((t) => t.name.toLowerCase() === TABLES.register.toLowerCase());
    if (existing) {
      throw new UserError(
        "DA_CO_SO_CHUAN",
        `Sổ này đã có sổ chuyên đề theo mẫu chuẩn ở trang "${existing.sheet}", nên không chuyển đổi lại. ` +
          `Nếu muốn chuyển đổi lại từ trang nguồn, hãy đổi tên hoặc xóa trang "${existing.sheet}" trước.`,
        { sheet: existing.sheet },
      );
    }
    const rows = convertRegister(snapshot.grid, plan);
    const name = freeSheetName(
      SHEETS.register,
      snapshot.sheets.map((s) => s.name),
    );
    // The title reads the add-in's own Thông tin when there is one; else it says what the
    // workbook's Thông tin says now.
    const info = snapshot.sheets.find((s) => s.name.toLowerCase() === SHEETS.info.toLowerCase() && s.createdBy !== null);
    const cell = readInfo(snapshot.grid);
    const models = buildCanonicalWorkbook({
      only: ["register"],
      register: rows,
      sheetNames: { register: name },
      infoSheet: info?.name,
      chiBo: cell.chiBo || undefined,
      year: cell.year ?? undefined,
    });
    await session.write(models, snapshot, { kind: "chuyen-doi", activate: true });
    return { sheet: name, rows: rows.length };
  });
}
