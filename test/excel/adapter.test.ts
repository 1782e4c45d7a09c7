// The Office.js adapter against the stand-in: what it reads, what it writes, and that
// neither depends on the number of rows for its round trips.
import { readWorkbook, readWorkbookGrid } from "../../src/excel/read";
import { queueSheetModel, renderSheetModel, safeText } from "../../src/excel/render";
import { selectCell } from "../../src/excel/select";
import { MARKER_KEY } from "../../src/excel/marker";
import type { SheetModel } from "../../src/core/make/sheetModel";
import { StandInWorkbook } from "../support/excelStandIn";

function registerRows(n: number): unknown[][] {
  const rows: unknown[][] = [["STT", "Quý", "Tên chuyên đề", "Ngày sinh hoạt"]];
  for (let i = 1; i <= n; i++) rows.push([i, "I", `Chuyên đề ${i}`, 44200 + i]);
  return rows;
}

describe("readWorkbook", () => {
  test("places values at A1, keeps formats, merges, tables and the date system", async () => {
    const b = new StandInWorkbook({
      date1904: true,
      sheets: [
        { name: "Trống", values: [] },
        {
          name: "Sổ của tôi",
          at: "B3",
          values: [
            ["SỔ THEO DÕI", null],
            ["Tên chuyên đề", "Ngày"],
            ["Học tập", 43000],
          ],
          numberFormats: [[], [], [undefined, "dd/mm/yyyy"]],
          merges: ["B3:C3"],
        },
      ],
      tables: [{ name: "tblA", sheet: "Sổ của tôi", address: "B4:C5" }],
    });
    const snap = await b.run((context) => readWorkbook(context));
    const sheet = snap.grid.sheets.find((s) => s.name === "Sổ của tôi")!;
    expect(sheet.values[2][1]).toBe("SỔ THEO DÕI");
    expect(sheet.values[2][2]).toBeNull();
    expect(sheet.values[4][1]).toBe("Học tập");
    expect(sheet.values[4][2]).toBe(43000);
    expect(sheet.values[0]).toEqual([]);
    // Number formats are not read: the engine never uses them (and they cost payload).
    expect(sheet.numberFormats).toBeUndefined();
    expect(sheet.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 2 }]);
    expect(snap.grid.tables).toEqual([{ name: "tblA", sheet: "Sổ của tôi", top: 3, left: 1, bottom: 4, right: 2 }]);
    expect(snap.grid.date1904).toBe(true);
    expect(snap.grid.sheets.find((s) => s.name === "Trống")!.values).toEqual([]);
    expect(snap.sheets.map((s) => [s.name, s.position, s.createdBy])).toEqual([
      ["Trống", 0, null],
      ["Sổ của tôi", 1, null],
    ]);
  });

  test("knows the sheets the add-in made by their marker", async () => {
    const b = new StandInWorkbook({
      sheets: [
        { name: "Của người dùng", values: [["x"]] },
        { name: "Báo cáo Quý I-2021", values: [["y"]], customProperties: { [MARKER_KEY]: "bao-cao" } },
      ],
    });
    const snap = await b.run((context) => readWorkbook(context));
    expect(snap.sheets.map((s) => s.createdBy)).toEqual([null, "bao-cao"]);
    expect(snap.grid.date1904).toBe(false);
  });

  test.each([10, 5000])("uses 2 syncs for %i rows", async (n) => {
    const b = new StandInWorkbook({
      sheets: [
        { name: "Sổ", values: registerRows(n), merges: ["B2:B4"] },
        { name: "Khác", values: [["a"]] },
      ],
      tables: [{ name: "tblChuyenDe", sheet: "Sổ", address: `A1:D${n + 1}` }],
    });
    const grid = await b.run((context) => readWorkbookGrid(context));
    expect(b.syncCount).toBe(2);
    expect(grid.sheets[0].values.length).toBe(n + 1);
    expect(grid.sheets[0].values[n][2]).toBe(`Chuyên đề ${n}`);
  });

  test("reads values only from the sheets asked for", async () => {
    const b = new StandInWorkbook({
      sheets: [
        { name: "A", values: [["a"]] },
        { name: "B", values: [["b"]] },
      ],
    });
    const snap = await b.run((context) => readWorkbook(context, { sheets: ["B"] }));
    expect(snap.grid.sheets.map((s) => s.name)).toEqual(["B"]);
    expect(snap.sheets.map((s) => s.name)).toEqual(["A", "B"]);
  });
});

const model = (name: string, extra: Partial<SheetModel> = {}): SheetModel => ({
  name,
  cells: [{ row: 1, col: 1, value: "TIÊU ĐỀ", style: { bold: true, fontSize: 14 } }],
  merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
  tables: [
    {
      name: "tblMau",
      top: 3,
      left: 1,
      headers: ["Tên", "Ngày", "Ghi chú"],
      rows: [
        ['=HYPERLINK("http://x")', { date: { year: 2021, month: 2, day: 5 } }, "-3 người vắng"],
        ["@tag", null, "+84 912"],
        ["012", 7, "1/2/2021"],
      ],
    },
  ],
  validations: [{ range: { top: 4, left: 3, bottom: 6, right: 3 }, list: ["Có", "Không"] }],
  conditionalFormats: [{ range: { top: 4, left: 1, bottom: 6, right: 3 }, formula: '=$B4=""', fill: "FFC7CE" }],
  numberFormats: [{ range: { top: 4, left: 2, bottom: 10, right: 2 }, format: "dd/mm/yyyy" }],
  columnWidths: [undefined, 30, 12],
  print: {
    paper: "A4",
    orientation: "landscape",
    fitToWidth: true,
    printTitleRows: [3, 3],
    margins: { top: 20, bottom: 20, left: 30, right: 15 },
  },
  freezeRows: 3,
  ...extra,
});

describe("renderSheetModel", () => {
  test("writes values, dates, tables, lists, formats and the marker", async () => {
    const b = new StandInWorkbook({ sheets: [{ name: "Của tôi", values: [["giữ nguyên"]] }] });
    await b.run(async (context) => {
      const known = await readWorkbook(context);
      await renderSheetModel(context, model("Mới"), { kind: "so", known });
    });
    const s = b.sheet("Mới")!;
    expect(s.valueAt("A1")).toBe("TIÊU ĐỀ");
    expect(s.merges).toHaveLength(1);
    expect(s.valuesOf("A3:C3")).toEqual([["Tên", "Ngày", "Ghi chú"]]);
    expect(s.valueAt("B4")).toBe(b.serial(2021, 2, 5));
    expect(s.numberFormatAt("B4")).toBe("dd/mm/yyyy");
    expect(s.numberFormatAt("B10")).toBe("dd/mm/yyyy");
    expect(s.valueAt("B6")).toBe(7);
    expect(b.table("tblMau")!.box).toEqual({ top: 2, left: 0, bottom: 5, right: 2 });
    expect(s.validations).toEqual([{ address: "C4:C6", rule: { list: { inCellDropDown: true, source: "Có,Không" } } }]);
    expect(s.conditionalFormats[0]).toMatchObject({
      address: "A4:C6",
      type: "Custom",
      props: { "custom.rule.formula": '=$B4=""', "custom.format.fill.color": "#FFC7CE" },
    });
    expect(s.formats).toEqual(expect.arrayContaining([{ address: "A1", path: "font.bold", value: true }]));
    // freezeRows: 3 in the model = rows above row 3; Excel's freezeRows(count) takes a count.
    expect(s.frozenRows).toBe(2);
    expect(s.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Landscape", setPrintTitleRows: "$3:$3" });
    expect(b.namesOf("Mới")).toEqual(["SoChuyenDe_so_1"]);
    expect(b.sheet("Của tôi")!.valueAt("A1")).toBe("giữ nguyên");
  });

  test("user text that Excel would take as a formula, number or date stays text", async () => {
    const b = new StandInWorkbook({ sheets: [{ name: "X" }] });
    await b.run((context) => renderSheetModel(context, model("Mới"), { kind: "so" }));
    const s = b.sheet("Mới")!;
    for (const [address, text] of [
      ["A4", '=HYPERLINK("http://x")'],
      ["C4", "-3 người vắng"],
      ["A5", "@tag"],
      ["C5", "+84 912"],
      ["A6", "012"],
      ["C6", "1/2/2021"],
    ]) {
      expect([address, s.valueAt(address)]).toEqual([address, text]);
      expect(s.formulaAt(address)).toBeUndefined();
    }
  });

  test("safeText leaves ordinary text alone", () => {
    expect(safeText("Học tập và làm theo")).toBe("Học tập và làm theo");
    expect(safeText("=1")).toBe("'=1");
    expect(safeText("Quý I/2021")).toBe("Quý I/2021");
  });

  test("never replaces a user's sheet; replaces its own sheet in place", async () => {
    const b = new StandInWorkbook({
      sheets: [
        { name: "Đầu", values: [["a"]] },
        { name: "Báo cáo Quý I-2021", values: [["cũ"]], customProperties: { [MARKER_KEY]: "bao-cao" } },
        { name: "Cuối", values: [["b"]] },
      ],
    });
    await b.run(async (context) => {
      const known = await readWorkbook(context);
      expect(() => queueSheetModel(context, model("Cuối"), known, { kind: "bao-cao", replace: true })).toThrow(
        expect.objectContaining({ code: "TRANG_DA_CO" }),
      );
      await renderSheetModel(context, model("Báo cáo Quý I-2021"), { kind: "bao-cao", replace: true, known });
    });
    expect(b.sheets.map((s) => s.name)).toEqual(["Đầu", "Báo cáo Quý I-2021", "Cuối"]);
    expect(b.sheet("Báo cáo Quý I-2021")!.valueAt("A1")).toBe("TIÊU ĐỀ");
    expect(b.sheet("Cuối")!.valueAt("A1")).toBe("b");
  });

  test("gives a table another name when the workbook already has one by that name", async () => {
    const b = new StandInWorkbook({
      sheets: [{ name: "Cũ", values: [["Tên"], ["x"]] }],
      tables: [{ name: "tblMau", sheet: "Cũ", address: "A1:A2" }],
    });
    await b.run(async (context) => {
      const known = await readWorkbook(context);
      await renderSheetModel(context, model("Mới"), { kind: "chuyen-doi", known });
    });
    expect(b.table("tblMau")!.sheet.name).toBe("Cũ");
    expect(b.table("tblMau2")!.sheet.name).toBe("Mới");
  });

  test.each([10, 5000])("read + write of %i rows costs 3 syncs", async (n) => {
    const rows = Array.from({ length: n }, (_, i) => [`Chuyên đề ${i + 1}`, { date: { year: 2021, month: 1, day: 1 + (i % 28) } }, null]);
    const b = new StandInWorkbook({ sheets: [{ name: "X", values: registerRows(n) }] });
    await b.run(async (context) => {
      const known = await readWorkbook(context);
      await renderSheetModel(context, model("Mới", { tables: [{ ...model("M").tables![0], rows }] }), { kind: "so", known });
    });
    expect(b.syncCount).toBe(3);
    expect(b.sheet("Mới")!.valueAt(`A${n + 3}`)).toBe(`Chuyên đề ${n}`);
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const b = new StandInWorkbook({ sheets: [{ name: "A" }, { name: "Sổ chuyên đề" }] });
    const ok = await b.run((context) => selectCell(context, "Sổ chuyên đề", 7, 3));
    expect(ok).toBe(true);
    expect(b.selection).toEqual({ sheet: "Sổ chuyên đề", address: "C7" });
    expect(b.activeSheet).toBe("Sổ chuyên đề");
    expect(b.syncCount).toBe(1);
  });

  test("reports a sheet that is gone instead of throwing", async () => {
    const b = new StandInWorkbook({ sheets: [{ name: "A" }] });
    await expect(b.run((context) => selectCell(context, "Đã xóa", 2, 2))).resolves.toBe(false);
  });
});
