// Protection recorded in an .xlsx file, for the page's file mode: which sheets are protected
// (<sheetProtection sheet="1"/>, which exceljs keeps as worksheet.sheetProtection and writes
// back) and whether the workbook's structure is locked (<workbookProtection
// lockStructure="1"/> in xl/workbook.xml, which exceljs neither reads nor writes — a copy
// saved through it would silently lose the lock). Browser-safe: the bounded reader, no Node.
import type ExcelJS from "exceljs";
import { OpcPackage } from "./package/opc";
import { PACKAGE_LIMITS } from "./read";
import { readWorkbookPart } from "./readParts";

/** True when the workbook part locks the structure (lockStructure="1" or "true"), read
 *  through the same bounded package as everything else. */
export function structureLocked(bytes: Uint8Array): boolean {
  try {
    return readWorkbookPart(OpcPackage.open(bytes, { name: "", file: "" }, PACKAGE_LIMITS)).structureLocked;
  } catch {
    return false; // not a workbook: the loader has said so already
  }
}

/** Names of the sheets protected in the file. */
export function protectedSheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets
    .filter((ws) => (ws as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet === true)
    .map((ws) => ws.name);
}
