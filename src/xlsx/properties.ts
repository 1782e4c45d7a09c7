// The properties of every workbook we write name the version of Sổ chuyên đề that wrote it.
// Its own module (types only from exceljs) so the CLI's file writing need not load exceljs.
import type ExcelJS from "exceljs";
import { PRODUCED_BY } from "../version";

/** Before a workbook is written: "last modified by" is the version writing it, whoever created it. */
export function stampWorkbook(wb: ExcelJS.Workbook): void {
  wb.lastModifiedBy = PRODUCED_BY;
}
