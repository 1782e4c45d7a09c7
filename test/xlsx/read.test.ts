// The reader we own gives the grid exceljs gave (values, dates, formats, merges, tables),
// except where exceljs was wrong: dates before 01/03/1900 and serials Excel cannot show.
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { readGridBytes, readWorkbookBytes } from "../../src/xlsx/read";
import { workbookToGrid } from "../../src/xlsx/grid";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { sampleWorkbook, scaledWorkbook } from "../../src/core/make/sample";
import { readWorkbook } from "../../src/core/read/register";
import { parseDateCell } from "../../src/core/read/values";

async function viaExceljs(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbookToGrid(wb);
}

async function rendered(models: ReturnType<typeof sampleWorkbook>): Promise<Uint8Array> {
  const wb = newWorkbook();
  renderSheets(wb, models);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("same grid as exceljs", () => {
  test("the sample workbook", async () => {
    const bytes = await rendered(sampleWorkbook());
    expect(readGridBytes(bytes, "mau.xlsx")).toEqual(await viaExceljs(bytes));
  });
  test("a scaled workbook", async () => {
    const bytes = await rendered(scaledWorkbook({ topics: 300, members: 40 } as Parameters<typeof scaledWorkbook>[0]));
    expect(readGridBytes(bytes, "lon.xlsx")).toEqual(await viaExceljs(bytes));
  });
  test("the sample saved by Excel", async () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, "../fixtures/samples/mau-so-tu-lam-2023.xlsx")));
    const ours = readGridBytes(bytes, "mau-so-tu-lam-2023.xlsx");
    expect(ours).toEqual(await viaExceljs(bytes));
    expect(readWorkbook(ours).register?.topics.length).toBeGreaterThan(0);
  });
  test("a workbook with rich text, merges, booleans, errors, formulas and a table", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sổ chuyên đề");
    ws.addRow(["STT", "Tên chuyên đề", "Ngày sinh hoạt", "Có", "Lỗi"]);
    ws.addRow([
      1,
      { richText: [{ text: "Học " }, { font: { bold: true }, text: "tập" }] },
      new Date(Date.UTC(2024, 1, 5)),
      true,
      { error: "#N/A" },
    ]);
    ws.addRow([
      2,
      { formula: 'B2&"!"', result: "Học tập!" },
      { formula: "C2+1", result: new Date(Date.UTC(2024, 1, 6)) },
      false,
      "x_x000D_y",
    ]);
    ws.getColumn(3).numFmt = "dd/mm/yyyy";
    ws.mergeCells("A5:C6");
    ws.getCell("A5").value = "gộp";
    ws.addTable({ name: "tblX", ref: "A8", columns: [{ name: "a" }, { name: "b" }], rows: [[1, "x"]] });
    wb.addWorksheet("Trống");
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(readGridBytes(bytes, "x.xlsx")).toEqual(await viaExceljs(bytes));
  });
  test("only the sheets asked for are read", async () => {
    const bytes = await rendered(sampleWorkbook());
    const all = readGridBytes(bytes, "mau.xlsx");
    const one = readWorkbookBytes(bytes, "mau.xlsx", { sheets: (n) => n === all.sheets[0].name });
    expect(one.grid.sheets.map((s) => s.name)).toEqual([all.sheets[0].name]);
    expect(one.grid.sheets[0]).toEqual(all.sheets[0]);
  });
});

/** A one-sheet workbook written by hand: cells of A1.. with the given serials, date-formatted. */
function serialBook(serials: number[], date1904 = false): Uint8Array {
  const cells = serials.map((s, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"><v>${s}</v></c></row>`).join("");
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`,
    ),
  });
}

describe("dates as Excel shows them", () => {
  const dateText = (bytes: Uint8Array, date1904 = false) =>
    readGridBytes(bytes, "d.xlsx").sheets[0].values.map((r) => parseDateCell(r[0], date1904));
  test("1900 system: serials below 61, the 29/02/1900 that never was, negatives, past 9999", () => {
    const got = dateText(serialBook([1, 59, 60, 61, 45000, -1, 2958465, 2958466]));
    expect(got.map((d) => (d.invalid ? "invalid" : d.text))).toEqual([
      "01/01/1900",
      "28/02/1900",
      "invalid",
      "01/03/1900",
      "15/03/2023",
      "invalid",
      "31/12/9999",
      "invalid",
    ]);
  });
  test("1904 system from workbookPr date1904", () => {
    const bytes = serialBook([0, 1, -1], true);
    expect(readGridBytes(bytes, "d.xlsx").date1904).toBe(true);
    expect(dateText(bytes, true).map((d) => (d.invalid ? "invalid" : d.text))).toEqual(["01/01/1904", "02/01/1904", "invalid"]);
  });
});
