// Real files and exceljs on a shared machine: allow time.
jest.setTimeout(60_000);
import * as path from "path";
import ExcelJS from "exceljs";
import { renderSheet } from "../../src/xlsx/render";
import { saveWorkbook } from "../../src/cli/io";
import type { SheetModel } from "../../src/core/make/sheetModel";
import { UserError } from "../../src/core/shared/types";
import { makeTempDir, removeTempDir, readXlsx, sheetXml, tableXmls } from "../support/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

const model: SheetModel = {
  name: "Sổ chuyên đề",
  cells: [
    { row: 1, col: 1, value: "SỔ CHUYÊN ĐỀ", style: { bold: true, fontSize: 14, hAlign: "center", fill: "DDEBF7" } },
    { row: 2, col: 1, value: { date: { year: 2021, month: 3, day: 15 } } },
    { row: 2, col: 2, value: { formula: "=1+2" } },
  ],
  merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
  columnWidths: [undefined, 8, 40, 14],
  tables: [
    {
      name: "tblThu",
      top: 4,
      left: 1,
      headers: ["STT", "Tên chuyên đề", "Ngày sinh hoạt"],
      rows: [
        [1, '=HYPERLINK("http://x")', { date: { year: 2021, month: 2, day: 5 } }],
        [2, "+84 912 345 678", null],
        [3, "-Phê bình và tự phê bình", null],
        [4, "@chi bộ", null],
      ],
    },
  ],
  validations: [{ range: { top: 5, left: 2, bottom: 8, right: 2 }, list: ["Dự kiến", "Đã sinh hoạt", "Hoãn", "Hủy"] }],
  numberFormats: [{ range: { top: 5, left: 3, bottom: 8, right: 3 }, format: "dd/mm/yyyy" }],
  conditionalFormats: [{ range: { top: 5, left: 1, bottom: 8, right: 3 }, formula: '=AND($C5<>"",$A5="")', fill: "FFC7CE" }],
  print: {
    paper: "A4",
    orientation: "landscape",
    fitToWidth: true,
    printTitleRows: [4, 4],
    margins: { top: 20, bottom: 20, left: 30, right: 15 },
  },
  freezeRows: 5,
};

describe("renderSheet", () => {
  let file: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    renderSheet(wb, model);
    file = path.join(dir, "render.xlsx");
    await saveWorkbook(wb, file);
  });

  test("user text that looks like a formula stays text (no <f> in the sheet XML)", () => {
    const xml = sheetXml(file, "Sổ chuyên đề");
    // Only the add-in's own formula (B2) is a formula.
    const formulas = xml.match(/<f>[^<]*<\/f>/g) ?? [];
    expect(formulas).toEqual(["<f>1+2</f>"]);
  });

  test("cells, dates, styles, merges, widths read back", async () => {
    const wb = await readXlsx(file);
    const ws = wb.getWorksheet("Sổ chuyên đề")!;
    expect(ws.getCell("A1").value).toBe("SỔ CHUYÊN ĐỀ");
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("A1").font.size).toBe(14);
    expect(ws.getCell("A1").alignment.horizontal).toBe("center");
    expect((ws.getCell("A1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
    const d = ws.getCell("A2").value as Date;
    expect(d.toISOString()).toBe("2021-03-15T00:00:00.000Z");
    expect(ws.getCell("A2").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("C5").numFmt).toBe("dd/mm/yyyy");
    expect((ws.getCell("C5").value as Date).toISOString()).toBe("2021-02-05T00:00:00.000Z");
    expect(ws.getCell("B5").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("B6").value).toBe("+84 912 345 678");
    expect(ws.getCell("B8").value).toBe("@chi bộ");
    expect(ws.model.merges).toContain("A1:C1");
    expect(ws.getColumn(2).width).toBe(40);
  });

  test("table, validation, conditional format, print setup, frozen header", async () => {
    const tables = tableXmls(file);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatch(/name="tblThu"/);
    expect(tables[0]).toMatch(/ref="A4:C8"/);
    expect(tables[0]).toMatch(/headerRowCount="1"/);
    const xml = sheetXml(file, "Sổ chuyên đề");
    expect(xml).toMatch(/<dataValidation [^>]*type="list"[^>]*sqref="B5:B8"|<dataValidation [^>]*sqref="B5:B8"[^>]*type="list"/);
    expect(xml).toContain("<formula1>&quot;Dự kiến,Đã sinh hoạt,Hoãn,Hủy&quot;</formula1>");
    expect(xml).toMatch(/<conditionalFormatting sqref="A5:C8">/);
    expect(xml).toContain("<formula>AND($C5&lt;&gt;&quot;&quot;,$A5=&quot;&quot;)</formula>");
    expect(xml).toMatch(/paperSize="9"/);
    expect(xml).toMatch(/orientation="landscape"/);
    expect(xml).toMatch(/fitToWidth="1"/);
    expect(xml).toMatch(/fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toMatch(/left="1\.18/); // 30 mm
    expect(xml).toMatch(/state="frozen"/);
    expect(xml).toMatch(/ySplit="4"/);
    const wbXml = require("../support/xlsx").zipText(file, "xl/workbook.xml") as string;
    expect(wbXml).toMatch(/_xlnm\.Print_Titles[^<]*<?[^<]*\$4:\$4/);
  });

  test("a long list goes to a hidden list sheet instead of an over-long formula", async () => {
    const wb = new ExcelJS.Workbook();
    const names = Array.from({ length: 40 }, (_, i) => `Đồng chí Nguyễn Văn Số ${i + 1}`);
    renderSheet(wb, { name: "A", cells: [], validations: [{ range: { top: 2, left: 1, bottom: 10, right: 1 }, list: names }] });
    const f = path.join(dir, "long-list.xlsx");
    await saveWorkbook(wb, f);
    const xml = sheetXml(f, "A");
    const formula = /<formula1>([^<]*)<\/formula1>/.exec(xml)![1];
    expect(formula.length).toBeLessThan(255);
    expect(formula).toContain("_DanhSach");
    const back = await readXlsx(f);
    expect(back.getWorksheet("_DanhSach")!.getCell("A40").value).toBe(names[39]);
  });

  test("replace keeps the sheet's position; without replace a clash is a UserError", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Đầu");
    renderSheet(wb, { name: "Báo cáo Quý I-2021", cells: [{ row: 1, col: 1, value: "cũ" }] });
    wb.addWorksheet("Cuối");
    expect(() => renderSheet(wb, { name: "Báo cáo Quý I-2021", cells: [] })).toThrow(UserError);
    renderSheet(wb, { name: "Báo cáo Quý I-2021", cells: [{ row: 1, col: 1, value: "mới" }] }, { replace: true });
    const f = path.join(dir, "replace.xlsx");
    await saveWorkbook(wb, f);
    const back = await readXlsx(f);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Đầu", "Báo cáo Quý I-2021", "Cuối"]);
    expect(back.getWorksheet("Báo cáo Quý I-2021")!.getCell("A1").value).toBe("mới");
  });

  test("an empty table gets one blank row", async () => {
    const wb = new ExcelJS.Workbook();
    renderSheet(wb, { name: "E", cells: [], tables: [{ name: "tblRong", top: 1, left: 1, headers: ["A", "B"], rows: [] }] });
    const f = path.join(dir, "empty-table.xlsx");
    await saveWorkbook(wb, f);
    expect(tableXmls(f)[0]).toMatch(/ref="A1:B2"/);
  });
});
