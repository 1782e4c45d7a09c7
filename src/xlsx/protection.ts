// Protection recorded in an .xlsx file, for the page's file mode: which sheets are protected
// (<sheetProtection sheet="1"/>, which exceljs keeps as worksheet.sheetProtection and writes
// back) and whether the workbook's structure is locked (<workbookProtection
// lockStructure="1"/> in xl/workbook.xml, which exceljs neither reads nor writes — a copy
// saved through it would silently lose the lock). Browser-safe: fflate and saxes, no Node.
import type ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";

/** workbook.xml is a list of sheets and names: far below this in any real workbook. */
const WORKBOOK_XML_LIMIT = 16 * 1024 * 1024;

/** True when xl/workbook.xml locks the structure (lockStructure="1" or "true"). */
export function structureLocked(bytes: Uint8Array): boolean {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" && f.originalSize <= WORKBOOK_XML_LIMIT });
  } catch {
    return false; // not a zip: the loader has said so already
  }
  const xml = files["xl/workbook.xml"];
  if (!xml) return false;
  let locked = false;
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    if (tag.name.split(":").pop() !== "workbookProtection") return;
    const value = tag.attributes.lockStructure;
    locked = value === "1" || value === "true";
  });
  try {
    parser.write(new TextDecoder().decode(xml)).close();
  } catch {
    return false;
  }
  return locked;
}

/** Names of the sheets protected in the file. */
export function protectedSheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets
    .filter((ws) => (ws as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet === true)
    .map((ws) => ws.name);
}
