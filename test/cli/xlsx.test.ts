// Real files and exceljs on a shared machine: allow time.
jest.setTimeout(60_000);
import { writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadWorkbookFile, fixTables, workbookToGrid, loadNotes } from "../../src/cli/xlsx";
import { UserError } from "../../src/core/shared/types";
import { makeTempDir, removeTempDir, writeXlsx, readXlsx, makeTablesExcelStyle, tableXmls, sheetXml, sha256 } from "../support/xlsx";
import PizZip from "pizzip";
import { readFileSync } from "fs";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

async function expectUserError(file: string, pattern: RegExp): Promise<void> {
  const err = await loadWorkbookFile(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect((err as Error).message).toMatch(pattern);
}

describe("loadWorkbookFile: values", () => {
  test("formulas give their cached result, rich text and hyperlinks their text, errors their code", async () => {
    const file = path.join(dir, "values.xlsx");
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet("Dữ liệu");
      ws.getCell("A1").value = { formula: "1+1", result: 2 };
      ws.getCell("B1").value = { richText: [{ text: "Nguyễn " }, { text: "Văn A", font: { bold: true } }] };
      ws.getCell("C1").value = { text: "Trang chủ", hyperlink: "https://example.invalid" };
      ws.getCell("D1").value = { error: "#N/A" };
      ws.getCell("E1").value = new Date(Date.UTC(2021, 2, 15));
      ws.getCell("E1").numFmt = "dd/mm/yyyy";
      ws.getCell("F1").value = "=SUM(A1)";
      ws.getCell("B3").value = true;
    });
    const { grid } = await loadWorkbookFile(file);
    const sheet = grid.sheets[0];
    expect(sheet.name).toBe("Dữ liệu");
    expect(sheet.values[0][0]).toBe(2);
    expect(sheet.values[0][1]).toBe("Nguyễn Văn A");
    expect(sheet.values[0][2]).toBe("Trang chủ");
    expect(sheet.values[0][3]).toBe("#N/A");
    const d = sheet.values[0][4] as Date;
    expect(d).toBeInstanceOf(Date);
    expect([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]).toEqual([2021, 3, 15]);
    expect(sheet.numberFormats?.[0]?.[4]).toBe("dd/mm/yyyy");
    expect(sheet.values[0][5]).toBe("=SUM(A1)");
    expect(sheet.values[1]).toEqual([]);
    expect(sheet.values[2][1]).toBe(true);
    expect(grid.date1904).toBe(false);
  });

  test("merged cells: value only at the top-left, merges 0-based", async () => {
    const file = path.join(dir, "merges.xlsx");
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A2").value = "I";
      ws.mergeCells("A2:A4");
      ws.getCell("B1").value = "Tiêu đề";
      ws.mergeCells("B1:D1");
    });
    const { grid } = await loadWorkbookFile(file);
    const s = grid.sheets[0];
    expect(s.values[1][0]).toBe("I");
    expect(s.values[2]?.[0] ?? null).toBeNull();
    expect(s.merges).toEqual([
      { top: 0, left: 1, bottom: 0, right: 3 },
      { top: 1, left: 0, bottom: 3, right: 0 },
    ]);
  });

  test("sheets in workbook order, tables with their ranges, 1904 date system", async () => {
    const file = path.join(dir, "tables.xlsx");
    await writeXlsx(file, (wb) => {
      wb.properties.date1904 = true;
      wb.addWorksheet("Bìa").getCell("A1").value = "Sổ";
      const ws = wb.addWorksheet("Sổ chuyên đề");
      ws.addTable({
        name: "tblChuyenDe",
        ref: "B3",
        headerRow: true,
        columns: [{ name: "STT" }, { name: "Tên chuyên đề" }],
        rows: [
          [1, "A"],
          [2, "B"],
        ],
      });
    });
    const { grid } = await loadWorkbookFile(file);
    expect(grid.sheets.map((s) => s.name)).toEqual(["Bìa", "Sổ chuyên đề"]);
    expect(grid.tables).toEqual([{ name: "tblChuyenDe", sheet: "Sổ chuyên đề", top: 2, left: 1, bottom: 4, right: 2 }]);
    expect(grid.date1904).toBe(true);
  });

  test("workbookToGrid works on a workbook built in memory", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A").getCell("C2").value = 5;
    const grid = workbookToGrid(wb);
    expect(grid.sheets[0].values[1]).toEqual([null, null, 5]);
  });
});

describe("loadWorkbookFile: unreadable input says why in Vietnamese", () => {
  test("missing file", async () => {
    await expectUserError(path.join(dir, "khong-co.xlsx"), /Không tìm thấy tệp .*khong-co\.xlsx/);
  });
  test("empty file", async () => {
    const f = path.join(dir, "rong.xlsx");
    writeFileSync(f, "");
    await expectUserError(f, /rỗng/);
  });
  test("corrupt zip", async () => {
    const f = path.join(dir, "hong.xlsx");
    const good = path.join(dir, "good.xlsx");
    await writeXlsx(good, (wb) => void wb.addWorksheet("A"));
    const bytes = require("fs").readFileSync(good) as Buffer;
    writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectUserError(f, /hỏng/);
  });
  test("password-protected or legacy .xls (OLE container)", async () => {
    const f = path.join(dir, "mat-khau.xlsx");
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(f, ole);
    await expectUserError(f, /tệp Office dạng cũ mà chương trình không nhận ra.*lưu lại dưới dạng \.xlsx/);
  });
  test("a CSV, named .csv or renamed .xlsx", async () => {
    const csv = path.join(dir, "so.csv");
    writeFileSync(csv, "STT,Tên chuyên đề\n1,Học tập\n");
    await expectUserError(csv, /mở bằng Excel và lưu dưới dạng \.xlsx/);
    const renamed = path.join(dir, "so-csv.xlsx");
    writeFileSync(renamed, "STT;Tên chuyên đề\n1;Học tập\n");
    await expectUserError(renamed, /CSV.*mở bằng Excel và lưu dưới dạng \.xlsx/);
  });
  test("a zip that is not a workbook", async () => {
    const PizZip = require("pizzip");
    const zip = new PizZip();
    zip.file("word/document.xml", "<w:document/>");
    const f = path.join(dir, "van-ban.xlsx");
    writeFileSync(f, zip.generate({ type: "nodebuffer" }));
    await expectUserError(f, /Word/);
  });
  test("a directory", async () => {
    await expectUserError(dir, /thư mục/);
  });
});

describe("fixTables", () => {
  async function excelStyleBook(file: string): Promise<void> {
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet("Danh sách");
      ws.addTable({
        name: "tblCuaToi",
        ref: "A1",
        headerRow: true,
        columns: [{ name: "Họ và tên" }, { name: "Ghi chú" }],
        rows: [
          ["Nguyễn Văn A", "x"],
          ["Trần Thị B", "y"],
        ],
      });
    });
    makeTablesExcelStyle(file);
  }

  test("the test file really is Excel-style (no headerRowCount)", async () => {
    const file = path.join(dir, "excel-style.xlsx");
    await excelStyleBook(file);
    expect(tableXmls(file)[0]).not.toMatch(/headerRowCount/);
  });

  test("without the fix exceljs would save headerRowCount=0; with it the header survives", async () => {
    const file = path.join(dir, "excel-style2.xlsx");
    await excelStyleBook(file);

    const broken = await loadWorkbookFile(file);
    const brokenOut = path.join(dir, "broken-out.xlsx");
    await broken.workbook.xlsx.writeFile(brokenOut);
    const brokenXml = tableXmls(brokenOut)[0];
    expect(brokenXml).toMatch(/headerRowCount="0"/);

    const { workbook } = await loadWorkbookFile(file);
    fixTables(workbook);
    const out = path.join(dir, "fixed-out.xlsx");
    await workbook.xlsx.writeFile(out);
    const xml = tableXmls(out)[0];
    expect(xml).toMatch(/headerRowCount="1"/);
    expect(xml).toMatch(/ref="A1:B3"/);
    expect(xml).not.toMatch(/totalsRowCount="1"/);
    const again = await readXlsx(out);
    const table = (again.getWorksheet("Danh sách") as unknown as { tables: Record<string, { table: { headerRow: boolean } }> }).tables[
      "tblCuaToi"
    ];
    expect(table.table.headerRow).toBe(true);
    expect(again.getWorksheet("Danh sách")!.getCell("A1").value).toBe("Họ và tên");
  });

  test("a table with a totals row keeps it", async () => {
    const file = path.join(dir, "totals.xlsx");
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet("T");
      ws.addTable({
        name: "tblTong",
        ref: "A1",
        headerRow: true,
        totalsRow: true,
        columns: [
          { name: "Tên", totalsRowLabel: "Cộng" },
          { name: "Số", totalsRowFunction: "sum" },
        ],
        rows: [
          ["a", 1],
          ["b", 2],
        ],
      });
    });
    makeTablesExcelStyle(file);
    const { workbook } = await loadWorkbookFile(file);
    fixTables(workbook);
    const out = path.join(dir, "totals-out.xlsx");
    await workbook.xlsx.writeFile(out);
    const xml = tableXmls(out)[0];
    expect(xml).toMatch(/headerRowCount="1"/);
    expect(xml).toMatch(/totalsRowCount="1"/);
    expect(xml).toMatch(/ref="A1:B4"/);
  });
});

describe("data validations of a loaded workbook survive a save", () => {
  function sqrefs(xml: string): string[] {
    return [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
  }

  test("a list on B2:B13 is written back as B2:B13 (no overlapping ranges)", async () => {
    const file = path.join(dir, "dv.xlsx");
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet("DS");
      ws.getCell("A1").value = "Tên";
      (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add("B2:B13", {
        type: "list",
        allowBlank: true,
        formulae: ['"Có,Không"'],
      });
    });
    const { workbook } = await loadWorkbookFile(file);
    fixTables(workbook);
    const out = path.join(dir, "dv-out.xlsx");
    await workbook.xlsx.writeFile(out);
    expect(sqrefs(sheetXml(out, "DS"))).toEqual(["B2:B13"]);
  });

  test("a whole-column list loads quickly, is clipped in memory only, and the user is told", async () => {
    const file = path.join(dir, "dv-col.xlsx");
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet("Cột");
      for (let r = 1; r <= 30; r++) ws.getCell(r, 1).value = `Dòng ${r}`;
      (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add("B2:B3", {
        type: "list",
        formulae: ['"a,b"'],
      });
    });
    // Widen it to whole columns B:C the way Excel users select them.
    const zip = new PizZip(readFileSync(file));
    const entry = Object.keys(zip.files).find((e) => /^xl\/worksheets\/sheet1\.xml$/.test(e))!;
    zip.file(entry, zip.files[entry].asText().replace('sqref="B2:B3"', 'sqref="B1:C1048576"'));
    writeFileSync(file, zip.generate({ type: "nodebuffer" }));
    const before = sha256(file);

    const t0 = Date.now();
    const { workbook } = await loadWorkbookFile(file);
    expect(Date.now() - t0).toBeLessThan(5000); // unclipped: ~7 s and ~450 MB
    expect(loadNotes(workbook)).toEqual([expect.stringMatching(/trang "Cột" được giới hạn đến dòng 5030/)]);
    fixTables(workbook);
    const out = path.join(dir, "dv-col-out.xlsx");
    await workbook.xlsx.writeFile(out);
    expect(sqrefs(sheetXml(out, "Cột"))).toEqual(["B1:B5030", "C1:C5030"]);
    expect(sha256(file)).toBe(before);
  });
});

test("parts exceljs cannot keep (charts, macros) are reported as load notes", async () => {
  const file = path.join(dir, "chart.xlsx");
  await writeXlsx(file, (wb) => void wb.addWorksheet("A").addRow([1]));
  const zip = new PizZip(readFileSync(file));
  zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
  writeFileSync(file, zip.generate({ type: "nodebuffer" }));
  const { workbook } = await loadWorkbookFile(file);
  expect(loadNotes(workbook)).toEqual([expect.stringMatching(/biểu đồ.*không giữ được.*tệp gốc vẫn nguyên vẹn/)]);
});
