// KIEMTRA() with no range, against the stand-in: it reads the open workbook, refreshes when
// the workbook changes, recovers after a failed refresh, waits out cell editing, and never
// reads its own spilled table.
import { StandInWorkbook, installExcelStandIn } from "../support/excelStandIn";

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const g = globalThis as Record<string, unknown>;
const book = new StandInWorkbook({
  sheets: [
    {
      name: "Sổ chuyên đề",
      values: [
        ["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Trạng thái"],
        [1, "I", "Chuyên đề 1", "Nguyễn Văn An", "", "Dự kiến"],
        [2, "II", "Chuyên đề 2", "Nguyễn Văn An", "", "Dự kiến"],
      ],
    },
    { name: "Ghi chép", values: [["x"]] },
  ],
});
installExcelStandIn(g, book);
g.CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: "#VALUE!" }, associate: () => undefined };

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Writes a cell the check does not care about: a change event, so KIEMTRA() refreshes. */
async function touch(): Promise<void> {
  await book.run(async (context) => {
    context.workbook.worksheets.getItem("Ghi chép").getRange("A1").values = [[`x${Math.random()}`]];
    await context.sync();
  });
}

test("KIEMTRA() shows its table again after a failed refresh, and waits out cell editing", async () => {
  const { kiemTra } = await import("../../src/functions/functions");
  const results: unknown[] = [];
  const invocation: { setResult: (v: unknown) => void; address: string; onCanceled?: () => void } = {
    setResult: (v: unknown) => results.push(v),
    address: "Sổ chuyên đề!A4",
  };
  kiemTra([[""]], 2026, "05/01/2026", invocation as never);
  await wait(100);
  expect(results).toHaveLength(1);
  const table = results[0] as unknown[][];
  expect(Array.isArray(table)).toBe(true);
  expect(table[0]).toEqual(["Mã", "Mức độ", "Dòng", "Cột", "Nội dung"]);

  // A refresh that fails (here Excel refuses a call) shows #VALUE! with a Vietnamese message…
  const sets = { ...book.supportedSets };
  await touch();
  book.supportedSets = { ...sets, ExcelApi: "1.3" };
  await wait(1000);
  expect(results).toHaveLength(2);
  expect(results[1]).toBeInstanceOf(FakeError);
  expect((results[1] as FakeError).message).toMatch(/^Phiên bản Excel này chưa có chức năng/);

  // …and the next good refresh with the same findings shows the table again.
  book.supportedSets = sets;
  await touch();
  await wait(1000);
  expect(results).toHaveLength(3);
  expect(results[2]).toEqual(table);

  // While the user types in a cell the refresh waits instead of failing.
  await book.run(async (context) => {
    context.workbook.worksheets.getItem("Sổ chuyên đề").getRange("F2").values = [["Hủy"]];
    await context.sync();
  });
  book.editingCell = true;
  await wait(1000);
  expect(results).toHaveLength(3);
  book.editingCell = false;
  await wait(100);
  expect(results).toHaveLength(4);
  expect(results[3]).not.toBeInstanceOf(FakeError);
  expect(results[3]).not.toEqual(table);

  // Its own spilled table (at A4, just below the register's rows) is not read as register data.
  const spill = results[3] as unknown[][];
  await book.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Sổ chuyên đề");
    ws.getRange(`A4:E${3 + spill.length}`).values = spill.map((r) => [...r, "", "", "", ""].slice(0, 5).map((v) => `'${String(v)}`));
    await context.sync();
  });
  await wait(1000);
  expect(results.length).toBe(4); // same findings: nothing new to show

  // A sheet added, deleted or renamed refreshes it too: rename the register away and back.
  book.sheet("Sổ chuyên đề")!.name = "Sổ cũ";
  book.fireSheetEvent("onNameChanged", "{sheet-1}");
  await wait(1000);
  expect(results.length).toBe(5);
  expect(results[4]).not.toEqual(results[3]);

  // Deleting the formula cancels it: no more refreshes, no timer left behind.
  invocation.onCanceled?.();
}, 30000);
