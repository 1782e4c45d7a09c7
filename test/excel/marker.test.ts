// The marker of the sheets the tool made is a defined name, which both Excel and exceljs
// keep: a pane-made sheet stays known as the tool's after the CLI rewrites the file.
import ExcelJS from "exceljs";
import { markerName, markerReference, parseMarker } from "../../src/excel/marker";
import { renderSheet } from "../../src/xlsx/render";
import type { SheetModel } from "../../src/core/make/sheetModel";

type Names = { model: { name: string; ranges: string[] }[]; add(loc: string, name: string): void };
const namesOf = (wb: ExcelJS.Workbook): Names => (wb as unknown as { definedNames: Names }).definedNames;

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(await wb.xlsx.writeBuffer());
  return out;
}

function markers(wb: ExcelJS.Workbook): { kind: string; sheet: string }[] {
  return namesOf(wb)
    .model.map((n) => parseMarker(n.name, `=${n.ranges[0] ?? ""}`))
    .filter((m): m is NonNullable<typeof m> => m !== null);
}

const report: SheetModel = { name: "Báo cáo Quý I-2026", cells: [{ row: 1, col: 1, value: "mới" }] };

test("names and references round-trip through parseMarker", () => {
  const taken = new Set<string>(["sochuyende_bao_cao_1"]);
  expect(markerName("bao-cao", taken)).toBe("SoChuyenDe_bao_cao_2");
  expect(markerName("chuyen-doi", taken)).toBe("SoChuyenDe_chuyen_doi_1");
  expect(parseMarker("SoChuyenDe_chuyen_doi_1", `=${markerReference("Sổ 'mới'")}`)).toEqual({ kind: "chuyen-doi", sheet: "Sổ 'mới'" });
  expect(parseMarker("SoChuyenDe_so_1", "=Sheet1!$A$1")).toEqual({ kind: "so", sheet: "Sheet1" });
  expect(parseMarker("SoChuyenDe_so_1", "=#REF!$A$1")).toBeNull();
  expect(parseMarker("TenKhac", "=Sheet1!$A$1")).toBeNull();
});

test("a marker the pane wrote survives a save by exceljs and a CLI rewrite of the report", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sổ chuyên đề").getCell("A1").value = "STT";
  wb.addWorksheet("Chuyển đổi").getCell("A1").value = "x";
  wb.addWorksheet("Báo cáo Quý I-2026").getCell("A1").value = "cũ";
  // What the pane writes (render.ts): one name per sheet it made.
  namesOf(wb).add(markerReference("Chuyển đổi"), "SoChuyenDe_chuyen_doi_1");
  namesOf(wb).add(markerReference("Báo cáo Quý I-2026"), "SoChuyenDe_bao_cao_1");

  const saved = await roundTrip(wb);
  renderSheet(saved, report, { replace: true, kind: "bao-cao" });
  const again = await roundTrip(saved);
  expect(again.getWorksheet("Báo cáo Quý I-2026")!.getCell("A1").value).toBe("mới");
  expect(markers(again)).toEqual([
    { kind: "chuyen-doi", sheet: "Chuyển đổi" },
    { kind: "bao-cao", sheet: "Báo cáo Quý I-2026" },
  ]);
});

test("the CLI marks a report it writes into a file that had none", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sổ chuyên đề").getCell("A1").value = "STT";
  renderSheet(wb, report, { kind: "bao-cao" });
  expect(markers(await roundTrip(wb))).toEqual([{ kind: "bao-cao", sheet: "Báo cáo Quý I-2026" }]);
});
