// Error cells in the functions' arguments, against the custom-functions stand-in made strict
// for them: without allowErrorForDataTypeAny Excel never calls the function and one #N/A
// turns DEMQUY, PHANCONG or KIEMTRA(range) into #N/A; with it (dist/functions.json) the
// functions see the error and say, in Vietnamese, which cell it is
// (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors, "Errors as custom
// function inputs"; custom-functions-json#allowerrorfordatatypeany).
import { createWorkbookHost } from "../../src/excel/host";
import { runCheck } from "../../src/taskpane/logic/check";
import { CustomFunctionsHost, type FunctionsJson } from "../support/customFunctionsStandIn";
import { StandInWorkbook, installExcelStandIn } from "../support/excelStandIn";
import { associatedFunctions, buildFunctionsJson, type BuiltFunctions } from "../support/functionsJson";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
let built: BuiltFunctions;
let impl: Record<string, (...args: never[]) => unknown>;

const HEADER = ["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Trạng thái"];

/** Excel's serial of a date (1900 system). */
const serial = (y: number, m: number, d: number): number => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);

function register(): StandInWorkbook {
  const rows: unknown[][] = [
    HEADER,
    [1, "III", "Học tập Nghị quyết", "Nguyễn Văn An", serial(2026, 7, 15), "Đã sinh hoạt"],
    // A lookup that found nothing, filled down the column: Excel's #N/A (typed, it is the error).
    [2, "III", "Chuyên đề về chuyển đổi số", "Trần Thị Bình", "#N/A", "Đã sinh hoạt"],
    [3, "IV", "Chuyên đề về xây dựng Đảng", "Nguyễn Văn An", serial(2026, 10, 10), "Dự kiến"],
  ];
  const filled = new StandInWorkbook({ sheets: [{ name: "Sổ chuyên đề", values: rows }] });
  filled.activeSheet = "Sổ chuyên đề";
  return filled;
}

beforeAll(async () => {
  built = buildFunctionsJson();
  impl = await associatedFunctions(built);
}, 60000);

const hosts: CustomFunctionsHost[] = [];
function hostFor(book: StandInWorkbook, metadata: FunctionsJson): CustomFunctionsHost {
  installExcelStandIn(g, book);
  const host = new CustomFunctionsHost(book, metadata, impl);
  hosts.push(host);
  return host;
}
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

test("the stand-in is strict: with the generated metadata alone, one #N/A makes every range function #N/A", async () => {
  const book = register();
  expect(book.sheet("Sổ chuyên đề")!.valueAt("E3")).toBe("#N/A");
  const excel = hostFor(book, built.generated);
  expect(built.generated.allowErrorForDataTypeAny).toBeUndefined();
  await excel.enter("Sổ chuyên đề", "H1", "DEMQUY", [{ ref: "A1:F4" }, 3]);
  await excel.enter("Sổ chuyên đề", "H2", "PHANCONG", [{ ref: "A1:F4" }]);
  await excel.enter("Sổ chuyên đề", "H6", "KIEMTRA", [{ ref: "A1:F4" }, 2026, "20/12/2026"]);
  await excel.enter("Sổ chuyên đề", "H5", "QUY", [{ ref: "E3" }]);
  expect(excel.shown("Sổ chuyên đề", "H1")).toEqual({ error: "#N/A" });
  expect(excel.shown("Sổ chuyên đề", "H2")).toEqual({ error: "#N/A" });
  expect(excel.shown("Sổ chuyên đề", "H6")).toEqual({ error: "#N/A" });
  expect(excel.shown("Sổ chuyên đề", "H5")).toEqual({ error: "#N/A" });
});

test("with dist/functions.json, DEMQUY and PHANCONG name the error cell in Vietnamese", async () => {
  const book = register();
  const excel = hostFor(book, built.metadata);
  expect(built.metadata.allowErrorForDataTypeAny).toBe(true);
  await excel.enter("Sổ chuyên đề", "H1", "DEMQUY", [{ ref: "A1:F4" }, 3]);
  expect(excel.shown("Sổ chuyên đề", "H1")).toEqual({
    error: "#VALUE!",
    message:
      "Ô ở dòng thứ 3, cột thứ 5 của vùng đã chọn (cột “Ngày sinh hoạt”) đang báo lỗi #N/A nên chưa đếm số chuyên đề được. " +
      "Hãy sửa ô đó (thường là công thức trong ô không tìm được giá trị) rồi Excel sẽ tính lại.",
  });
  // PHANCONG spills a table, so Excel gives it the range's address: the cell is named as the user finds it.
  await excel.enter("Sổ chuyên đề", "H2", "PHANCONG", [{ ref: "A1:F4" }]);
  expect(excel.shown("Sổ chuyên đề", "H2")).toEqual({
    error: "#VALUE!",
    message:
      "Ô E3 trang “Sổ chuyên đề” (cột “Ngày sinh hoạt”) đang báo lỗi #N/A nên chưa lập bảng phân công được. " +
      "Hãy sửa ô đó (thường là công thức trong ô không tìm được giá trị) rồi Excel sẽ tính lại.",
  });
  await excel.enter("Sổ chuyên đề", "H5", "QUY", [{ ref: "E3" }]);
  expect(excel.shown("Sổ chuyên đề", "H5")).toEqual({
    error: "#VALUE!",
    message: "Ô ngày đang báo lỗi #N/A. Hãy sửa ô đó (thường là công thức trong ô không tìm được giá trị) rồi Excel sẽ tính lại.",
  });

  // Fixed, the functions count again (an edit of a cell they read recalculates them).
  await book.run(async (context) => {
    context.workbook.worksheets.getItem("Sổ chuyên đề").getRange("E3").values = [[serial(2026, 8, 20)]];
    await context.sync();
  });
  await excel.recalculate();
  expect(excel.shown("Sổ chuyên đề", "H1")).toBe(2);
  expect(excel.shown("Sổ chuyên đề", "H2")).toEqual([
    ["Họ và tên", "Số chuyên đề"],
    ["Nguyễn Văn An", 2],
    ["Trần Thị Bình", 1],
  ]);
});

test("KIEMTRA(range) reads an error cell as the pane does: a finding naming its row and column", async () => {
  const book = register();
  const excel = hostFor(book, built.metadata);
  await excel.enter("Sổ chuyên đề", "H6", "KIEMTRA", [{ ref: "A1:F4" }, 2026, "20/12/2026"]);
  const table = excel.shown("Sổ chuyên đề", "H6") as (string | number)[][];
  expect(Array.isArray(table)).toBe(true);
  const finding = table.find((r) => r[0] === "NGAY_KHONG_HOP_LE");
  expect(finding?.slice(0, 4)).toEqual(["NGAY_KHONG_HOP_LE", "Lỗi", 3, "Ngày sinh hoạt"]);
  expect(String(finding?.[4])).toContain('"#N/A"');

  // The pane, reading the same workbook through Office.js, finds the same thing.
  const view = await runCheck(createWorkbookHost(book.run), { year: 2026, month: 12, day: 20 });
  const pane = view.result.findings.find((f) => f.code === "NGAY_KHONG_HOP_LE");
  expect(pane && [pane.row, pane.column, pane.message]).toEqual([finding![2], finding![3], finding![4]]);
});
