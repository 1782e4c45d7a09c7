// The custom functions learn the workbook's date system after Office.onReady, and again
// after a failure. The stand-in refuses Excel.run before onReady, as Office.js does ("an
// add-in can't successfully call any Office JavaScript APIs until the library has been
// loaded", learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in), so the old
// learn-at-load code got nothing and a 1904 workbook's dates came out 4 years and a day off.
import { CustomFunctionsHost } from "../support/customFunctionsStandIn";
import { NOT_READY_MESSAGE, StandInWorkbook, installExcelStandIn } from "../support/excelStandIn";
import { associatedFunctions, buildFunctionsJson, type BuiltFunctions } from "../support/functionsJson";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
let built: BuiltFunctions;

beforeAll(() => {
  built = buildFunctionsJson();
}, 60000);

const SHEET = "Sổ chuyên đề";

/** A workbook counting dates from 1904 with 01/01/2026 in A1 (read as 1900, the same serial
 *  is 31/12/2021: quarter IV of another year); the functions loaded afresh
 *  (as a new add-in runtime does) once the stand-in is installed. */
async function open1904(): Promise<{ book: StandInWorkbook; excel: CustomFunctionsHost }> {
  const book = new StandInWorkbook({ sheets: [{ name: SHEET }], date1904: true });
  book.sheet(SHEET)!.ensure(0, 0).value = book.serial(2026, 1, 1);
  installExcelStandIn(g, book);
  return { book, excel: new CustomFunctionsHost(book, built.metadata, await associatedFunctions(built, true)) };
}

test("the stand-in refuses Excel.run before Office.onReady, as Office.js does", async () => {
  const book = new StandInWorkbook();
  installExcelStandIn(g, book);
  expect(() => g.Excel.run(async () => undefined)).toThrow(NOT_READY_MESSAGE);
  expect(book.callsBeforeReady).toBe(1);
  await g.Office.onReady();
  await expect(g.Excel.run(async () => "ready")).resolves.toBe("ready");
});

test("in a 1904 workbook QUY and NGAYVN give the date's own quarter and day; nothing called Excel before onReady", async () => {
  const { book, excel } = await open1904();
  expect(book.sheet(SHEET)!.valueAt("A1")).toBe(44561); // 01/01/2026 counted from 1904
  await excel.enter(SHEET, "B1", "QUY", [{ ref: "A1" }]);
  await excel.enter(SHEET, "C1", "NGAYVN", [{ ref: "A1" }]);
  expect(excel.shown(SHEET, "B1")).toBe(1);
  expect(excel.shown(SHEET, "C1")).toBe("ngày 01 tháng 01 năm 2026");
  expect(book.callsBeforeReady).toBe(0);
});

test("a failed first attempt is tried again; when every attempt fails the next call learns it", async () => {
  const { book, excel } = await open1904();
  book.failNextSyncs = { code: "GeneralException", count: 1 };
  await excel.enter(SHEET, "B1", "NGAYVN", [{ ref: "A1" }]);
  expect(excel.shown(SHEET, "B1")).toBe("ngày 01 tháng 01 năm 2026");

  const again = await open1904();
  again.book.failNextSyncs = { code: "GeneralException", count: 3 };
  await again.excel.enter(SHEET, "B1", "NGAYVN", [{ ref: "A1" }]);
  expect(again.excel.shown(SHEET, "B1")).toEqual({
    error: "#VALUE!",
    message: "Excel không thực hiện được thao tác. Hãy thử lại sau giây lát.",
  });
  // Excel calls the function again (the user presses F9, or edits A1): now it works.
  await again.excel.enter(SHEET, "C1", "NGAYVN", [{ ref: "A1" }]);
  expect(again.excel.shown(SHEET, "C1")).toBe("ngày 01 tháng 01 năm 2026");
}, 20000);
