// The carried-over write (src/xlsx/addSheets.ts, used for workbooks over CARRY_OVER_CELLS)
// gives the same sheets as the exceljs path it stands in for: on a small register, the
// sheets chuyen-doi and bao-cao add are written both ways and re-read cell by cell (value,
// font, border, alignment, fill, number format), with their merges, widths, heights, print
// setup, drop-downs, tables and names; the user's own parts come out byte for byte.
jest.setTimeout(120_000);
import * as path from "path";
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { loadWorkbookFile } from "../../src/cli/xlsx";
import { runInProcess } from "../cli/helpers/run";
import { addSheetsCarried } from "../../src/xlsx/addSheets";
import { renderSheet } from "../../src/xlsx/render";
import { stampWorkbook } from "../../src/xlsx/properties";
import { proposeMapping, convertRegister } from "../../src/core/make/convert";
import { buildCanonicalWorkbook, type CanonicalSheetKey } from "../../src/core/make/canonical";
import { readWorkbook } from "../../src/core/read/register";
import { check } from "../../src/core/check/check";
import { quarterReport, reportSheet, reportSheetName } from "../../src/core/make/report";
import type { SheetModel } from "../../src/core/make/sheetModel";
import type { SheetKind } from "../../src/core/make/sheetMarker";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { xmlOutline } from "../../src/xlsx/xmlOutline";

interface WriteBench {
  makeRegister(file: string, rows: number): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bench = require("../../bench/largeRegister.js") as WriteBench;

let dir: string;
let file: string;
const asOf = { year: 2024, month: 12, day: 31 };

beforeAll(async () => {
  dir = makeTempDir("chuyende-carried-");
  file = path.join(dir, "so.xlsx");
  await bench.makeRegister(file, 60);
});
afterAll(() => removeTempDir(dir));

async function convertModels(): Promise<SheetModel[]> {
  const { grid } = await loadWorkbookFile(file);
  const plan = proposeMapping(grid);
  if (!plan) throw new Error("no register");
  const only: CanonicalSheetKey[] = ["info", "register", "members", "attendance", "minutes", "opinions"];
  return buildCanonicalWorkbook({
    year: 2024,
    register: convertRegister(grid, plan),
    emptyRows: 10,
    only,
    sheetNames: { register: "Sổ chuyên đề (chuẩn)" },
  });
}

async function reportModel(): Promise<SheetModel> {
  const { grid } = await loadWorkbookFile(file);
  const book = readWorkbook(grid);
  const result = check(book, { asOf });
  return reportSheet(quarterReport(book, result, 4, result.year, { today: asOf }), reportSheetName(4, result.year));
}

/** Both writes of `models` added to the register file: [exceljs path, carried over]. */
async function bothWays(models: () => Promise<SheetModel[]>, kind?: SheetKind): Promise<[Uint8Array, Uint8Array]> {
  const { workbook } = await loadWorkbookFile(file);
  for (const m of await models()) renderSheet(workbook, m, { kind });
  stampWorkbook(workbook); // as saveWorkbook does
  const viaExceljs = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const carried = await addSheetsCarried(new Uint8Array(readFileSync(file)), await models(), { kind });
  if (!carried) throw new Error("the carried-over write refused a plain register");
  return [viaExceljs, carried.bytes];
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** What a sheet shows and prints, in a form two writes can be compared by. */
function sheetFacts(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const s = cell.style;
      const v = cell.value;
      if ((v === null || v === undefined) && Object.keys(s).length === 0) return;
      cells[cell.address] = {
        // An empty text is a blank cell either way (exceljs reads "" back only from its
        // shared strings, which the carried write does not use).
        value: v instanceof Date ? v.toISOString() : v === "" ? null : v,
        font: s.font
          ? { name: s.font.name, size: s.font.size, bold: !!s.font.bold, italic: !!s.font.italic, underline: s.font.underline }
          : null,
        border: s.border ? Object.keys(s.border).sort() : null,
        alignment: s.alignment ?? null,
        fill: s.fill ?? null,
        numFmt: s.numFmt ?? null,
      };
    });
  });
  const heights: Record<number, number | undefined> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.height) heights[n] = row.height;
  });
  const model = ws.model as unknown as { merges: string[]; dataValidations: unknown; conditionalFormattings: unknown };
  return {
    cells,
    heights,
    widths: ws.columns?.map((c) => c.width) ?? [],
    merges: [...(model.merges ?? [])].sort(),
    pageSetup: ws.pageSetup,
    headerFooter: ws.headerFooter,
    views: (ws.views ?? []).map((v) => ({ ...v, tabSelected: undefined })),
    validations: model.dataValidations,
    conditional: model.conditionalFormattings,
    tables: Object.values((ws as unknown as { tables: Record<string, { model: Record<string, unknown> }> }).tables ?? {}).map((t) => ({
      name: t.model.name,
      ref: t.model.tableRef,
      columns: (t.model.columns as { name: string }[]).map((c) => c.name),
    })),
  };
}

function definedNames(wb: ExcelJS.Workbook): unknown {
  const names = (wb as unknown as { definedNames: { model: { name: string; ranges: string[]; localSheetId?: number }[] } }).definedNames;
  return names.model.map((n) => ({ name: n.name, ranges: n.ranges })).sort((a, b) => a.name.localeCompare(b.name));
}

async function expectSameSheets(models: () => Promise<SheetModel[]>, kind?: SheetKind) {
  const [a, b] = await bothWays(models, kind);
  const [wa, wb] = [await read(a), await read(b)];
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual(wa.worksheets.map((w) => [w.name, w.state]));
  // The new sheets (the user's come out of the carried write byte for byte, where exceljs
  // re-saving them changes details such as useFirstPageNumber).
  for (const ws of wa.worksheets.slice(1)) {
    const other = wb.getWorksheet(ws.name);
    if (!other) throw new Error(`missing ${ws.name}`);
    expect({ sheet: ws.name, ...sheetFacts(other) }).toEqual({ sheet: ws.name, ...sheetFacts(ws) });
  }
  expect(definedNames(wb)).toEqual(definedNames(wa));
  expect(wb.lastModifiedBy).toBe(wa.lastModifiedBy);
  return b;
}

test("the sheets chuyen-doi adds are the same carried over as through exceljs", async () => {
  const bytes = await expectSameSheets(convertModels);
  // The user's own parts, untouched: the register sheet, the theme, the shared strings.
  const before = unzipSync(new Uint8Array(readFileSync(file)));
  const after = unzipSync(bytes);
  for (const part of ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/theme/theme1.xml", "docProps/app.xml"]) {
    expect(Buffer.from(after[part]).equals(Buffer.from(before[part]))).toBe(true);
  }
  // Every part parses, and table ids stay unique.
  const ids: string[] = [];
  for (const [name, data] of Object.entries(after)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const outline = xmlOutline(strFromU8(data), 1);
    if (name.startsWith("xl/tables/")) ids.push(outline[0].attrs.id);
  }
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThan(0);
});

test("the report bao-cao adds is the same carried over as through exceljs, its marker included", async () => {
  const bytes = await expectSameSheets(async () => [await reportModel()], "bao-cao");
  const wb = await read(bytes);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Sổ chuyên đề", "Báo cáo Quý IV-2024"]);
});

test("a sheet name the workbook already has is left to the exceljs path", async () => {
  const models = await convertModels();
  models[1].name = "sổ chuyên đề";
  expect(await addSheetsCarried(new Uint8Array(readFileSync(file)), models)).toBeNull();
});

test("a large workbook's report made again goes through exceljs, loaded only then: one report sheet, every topic", async () => {
  // 15,000 rows × 7 cells: just past CARRY_OVER_CELLS, so the first run carries the parts
  // over and the second (a report to replace) loads exceljs after all.
  const large = path.join(dir, "lon.xlsx");
  await bench.makeRegister(large, 15_000);
  const once = path.join(dir, "bc-1.xlsx");
  const twice = path.join(dir, "bc-2.xlsx");
  const first = await runInProcess(["bao-cao", large, "--quy", "IV", "--ngay", "31/12/2024", "-o", once]);
  expect(first.stdout).toContain('Đã thêm trang "Báo cáo Quý IV-2024"');
  const again = await runInProcess(["bao-cao", once, "--quy", "IV", "--ngay", "31/12/2024", "-o", twice]);
  expect(again.stderr).not.toMatch(/Lỗi/);
  expect(again.stdout).toContain('Đã làm lại trang "Báo cáo Quý IV-2024"');
  const { grid } = await loadWorkbookFile(twice);
  expect(grid.sheets.map((s) => s.name)).toEqual(["Sổ chuyên đề", "Báo cáo Quý IV-2024"]);
  const report = grid.sheets[1].values.filter((row) => row?.some((v) => typeof v === "string" && v.startsWith("Chuyên đề số ")));
  expect(report).toHaveLength(15_000 / 4);
});
