// Cells that look alike share one style object while a workbook is built and saved (it
// makes saving a large register several seconds faster); changing one cell's look must
// still change that cell only, and the saved file must keep each cell's own look.
jest.setTimeout(60_000);
import * as path from "path";
import ExcelJS from "exceljs";
import { renderSheet, setNumFmt } from "../../src/xlsx/render";
import { saveWorkbook } from "../../src/cli/io";
import type { SheetModel } from "../../src/core/make/sheetModel";
import { makeTempDir, readXlsx, removeTempDir } from "../support/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

const model: SheetModel = {
  name: "Sổ chuyên đề",
  cells: [
    { row: 1, col: 1, value: "STT", style: { bold: true } },
    { row: 1, col: 2, value: "Tên chuyên đề", style: { bold: true } },
    { row: 2, col: 1, value: 1 },
    { row: 2, col: 2, value: "Chuyên đề một" },
    { row: 3, col: 1, value: 2 },
    { row: 3, col: 2, value: "Chuyên đề hai" },
  ],
  rangeStyles: [{ range: { top: 2, left: 1, bottom: 3, right: 2 }, style: { border: true, wrap: true } }],
};

test("changing one rendered cell's number format leaves its look-alike neighbours alone", () => {
  const wb = new ExcelJS.Workbook();
  const ws = renderSheet(wb, model);
  expect(ws.getCell(2, 1).style).toBe(ws.getCell(3, 1).style);
  setNumFmt(ws.getCell(2, 1), "0.00");
  expect(ws.getCell(2, 1).numFmt).toBe("0.00");
  expect(ws.getCell(3, 1).numFmt).toBeUndefined();
  expect(ws.getCell(3, 1).border?.top?.style).toBe("thin");
  expect(ws.getCell(1, 2).font?.bold).toBe(true);
  expect(ws.getCell(2, 2).font?.bold).toBeUndefined();
});

test("saving shares unstyled cells' styles only for the write: each cell keeps its own look afterwards and in the file", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ghi chép");
  ws.addRow(["một", 1, new Date(Date.UTC(2024, 1, 5))]);
  ws.addRow(["hai", 2, new Date(Date.UTC(2024, 2, 5))]);
  ws.getCell(2, 3).numFmt = "dd/mm/yyyy";
  const file = path.join(dir, "chung-kieu.xlsx");
  await saveWorkbook(wb, file);
  expect(ws.getCell(1, 1).style).not.toBe(ws.getCell(2, 1).style);
  ws.getCell(1, 2).numFmt = "0.0";
  expect(ws.getCell(2, 2).numFmt).toBeUndefined();
  const back = (await readXlsx(file)).getWorksheet("Ghi chép")!;
  expect(back.getCell(2, 3).numFmt).toBe("dd/mm/yyyy");
  // A date without a format of its own still gets Excel's date format, not General.
  expect(back.getCell(1, 3).numFmt).toBe("mm-dd-yy");
  expect(back.getCell(1, 2).numFmt).toBeUndefined();
  expect(back.getCell(1, 1).value).toBe("một");
});
