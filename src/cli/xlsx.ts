// The CLI's side of the exceljs adapter: reading an .xlsx from disk (Node only). Everything
// that works on bytes — the Vietnamese reasons for unusable files, workbook → grid, the
// repairs before saving — is in src/xlsx, shared with the pane; re-exported here.
import { promises as fs } from "fs";
import { UserError } from "../core/shared/types";
import { loadWorkbookBytes, type LoadedWorkbook } from "../xlsx/load";

export { loadWorkbookBytes, loadNotes, fixTables, compactDataValidations, type LoadedWorkbook } from "../xlsx/load";
export { toCellValue, workbookToGrid, decodeRange } from "../xlsx/grid";

/** Opens an .xlsx file; any problem becomes a UserError whose message says what to do. */
export async function loadWorkbookFile(file: string): Promise<LoadedWorkbook> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) {
      throw new UserError("LA_THU_MUC", `${file} là thư mục, không phải tệp .xlsx.`, { file });
    }
    bytes = await fs.readFile(file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError("KHONG_CO_TEP", `Không tìm thấy tệp ${file}.`, { file });
    if (code === "EACCES" || code === "EPERM") {
      throw new UserError("KHONG_DOC_DUOC", `Không có quyền đọc tệp ${file}.`, { file });
    }
    throw new UserError("KHONG_DOC_DUOC", `Không đọc được tệp ${file}: ${(err as Error).message}`, { file });
  }
  return loadWorkbookBytes(bytes, file);
}
