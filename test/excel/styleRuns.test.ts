// Styled cells are written in runs (one range per run of equal styles along a row); a cell
// between two equally styled cells that has no style of its own must stay as the user sees
// a plain cell: not bold, no fill, no border.
import { renderSheetModel } from "../../src/excel/render";
import type { SheetModel } from "../../src/core/make/sheetModel";
import { StandInWorkbook, parseAddress } from "../support/excelStandIn";

const heading = { bold: true, fill: "DDEBF7", border: true };

const model: SheetModel = {
  name: "Mới",
  cells: [
    { row: 1, col: 1, value: "STT", style: heading },
    { row: 1, col: 2, value: "ghi tay" },
    { row: 1, col: 3, value: "Tên chuyên đề", style: heading },
    { row: 1, col: 4, value: "Ngày", style: heading },
    { row: 2, col: 1, value: 1, style: heading },
    { row: 2, col: 4, value: "x", style: heading },
  ],
};

/** The format properties written over the cell at `address`. */
function formatsOver(formats: { address: string; path: string }[], address: string): string[] {
  const cell = parseAddress(address);
  return formats
    .filter((f) => {
      const b = parseAddress(f.address);
      return b.top <= cell.top && cell.top <= b.bottom && b.left <= cell.left && cell.left <= b.right;
    })
    .map((f) => f.path);
}

test("cells between two styled runs stay unstyled", async () => {
  const b = new StandInWorkbook({ sheets: [{ name: "X" }] });
  await b.run((context) => renderSheetModel(context, model, { kind: "so" }));
  const s = b.sheet("Mới")!;
  expect(s.valueAt("B1")).toBe("ghi tay");
  for (const plain of ["B1", "B2", "C2"]) expect([plain, formatsOver(s.formats, plain)]).toEqual([plain, []]);
  for (const styled of ["A1", "C1", "D1", "A2", "D2"]) {
    expect(formatsOver(s.formats, styled)).toEqual(expect.arrayContaining(["font.bold", "fill.color"]));
  }
});
