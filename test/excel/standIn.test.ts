// The stand-in must behave like Office.js where the add-in could get it wrong; these
// tests pin the semantics the adapter tests rely on.
import { StandInWorkbook } from "../support/excelStandIn";

function book(): StandInWorkbook {
  return new StandInWorkbook({
    sheets: [
      {
        name: "Trang",
        values: [
          ["a", "b"],
          [1, 2],
        ],
      },
    ],
  });
}

describe("Excel stand-in", () => {
  test("a property read before load + sync throws PropertyNotLoaded", async () => {
    await book().run(async (context) => {
      const range = context.workbook.worksheets.getItem("Trang").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["a", "b"],
        [1, 2],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("isNullObject is known only after a sync", async () => {
    await book().run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("a 2D write of the wrong shape rejects the sync with InvalidArgument", async () => {
    const b = book();
    await b.run(async (context) => {
      context.workbook.worksheets.getItem("Trang").getRange("A1:B2").values = [["x", "y", "z"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(b.sheet("Trang")!.valueAt("A1")).toBe("a");
  });

  test("text is taken as typed: formulas, numbers, dates — unless '-prefixed or formatted @", async () => {
    const b = book();
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Trang");
      ws.getRange("D1").numberFormat = [["@"]];
      ws.getRange("A1:D3").values = [
        ["=1+2", "'=1+2", "-x", "=SUM(A1)"],
        ["012", "'012", "1/2/2021", "=1+1"],
        ["85%", "+5", "@x", "văn bản"],
      ];
      await context.sync();
    });
    const s = b.sheet("Trang")!;
    expect(s.formulaAt("A1")).toBe("=1+2");
    expect(s.valueAt("A1")).toBe(3);
    expect(s.formulaAt("B1")).toBeUndefined();
    expect(s.valueAt("B1")).toBe("=1+2");
    expect(s.formulaAt("C1")).toBe("=-x");
    expect(s.valueAt("C1")).toBe("#NAME?");
    expect(s.valueAt("D1")).toBe("=SUM(A1)"); // "@" cell keeps text
    expect(s.valueAt("A2")).toBe(12);
    expect(s.valueAt("B2")).toBe("012");
    expect(s.valueAt("C2")).toBe(b.serial(2021, 1, 2)); // en-US month first
    expect(s.valueAt("A3")).toBeCloseTo(0.85);
    expect(s.valueAt("B3")).toBe(5);
    expect(s.formulaAt("C3")).toBe("=@x");
    expect(s.valueAt("D3")).toBe("văn bản");
  });

  test("tables, selection, sheet names and the sync counter", async () => {
    const b = book();
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.add("Mới");
      ws.getRange("A1:B2").values = [
        ["Tên", "Tên"],
        ["x", "y"],
      ];
      const t = ws.tables.add("A1:B2", true);
      t.name = "tblMoi";
      ws.getRange("B2").select();
      await context.sync();
      context.workbook.worksheets.add("mới");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
    expect(b.table("tblMoi")!.sheet.name).toBe("Mới");
    expect(b.sheet("Mới")!.valuesOf("A1:B1")).toEqual([["Tên", "Tên2"]]);
    expect(b.selection).toEqual({ sheet: "Mới", address: "B2" });
    expect(b.syncCount).toBe(2);
  });

  test("a table name must be unique in the workbook", async () => {
    const b = new StandInWorkbook({
      sheets: [
        { name: "A", values: [["h"], ["v"]] },
        { name: "B", values: [["h"], ["v"]] },
      ],
      tables: [{ name: "tblX", sheet: "A", address: "A1:A2" }],
    });
    await b.run(async (context) => {
      context.workbook.worksheets.getItem("B").tables.add("A1:A2", true).name = "TBLX";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });
});
