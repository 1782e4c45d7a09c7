// KIEMTRA and DEMQUY depend on today. Against the custom-functions stand-in, which (like
// Excel) evaluates a formula again only when the cells it reads change or when it is
// volatile ("Volatile values in functions", learn.microsoft.com/office/dev/add-ins/excel/
// custom-functions-volatile): DEMQUY is volatile, so the next recalculation after a meeting
// day counts it; KIEMTRA streams (a streaming function cannot be volatile:
// custom-functions-json, "volatile") and sets a new result when the date changes.
import { todayLocal } from "../../src/core/read/dates";
import { kiemTraRange } from "../../src/functions/compute";
import { CustomFunctionsHost, type FunctionsJson } from "../support/customFunctionsStandIn";
import { StandInWorkbook, installExcelStandIn } from "../support/excelStandIn";
import { associatedFunctions, buildFunctionsJson, type BuiltFunctions } from "../support/functionsJson";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
let built: BuiltFunctions;
let impl: Record<string, (...args: never[]) => unknown>;

const serial = (y: number, m: number, d: number): number => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
const SHEET = "Sổ chuyên đề";
const ROWS: unknown[][] = [
  ["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Trạng thái"],
  [1, "III", "Học tập Nghị quyết Đại hội", "Nguyễn Văn An", serial(2026, 8, 12), "Dự kiến"],
  [2, "IV", "Chuyên đề về chuyển đổi số", "Trần Thị Bình", serial(2026, 11, 5), "Dự kiến"],
];

// For KIEMTRA: the quarter III topic has no date yet; on the quarter's last day the check
// says the quarter had no meeting (THIEU_CHUYEN_DE_QUY).
const UNHELD: unknown[][] = [ROWS[0], [1, "III", "Học tập Nghị quyết Đại hội", "Nguyễn Văn An", "", "Dự kiến"], ROWS[2]];

beforeAll(async () => {
  built = buildFunctionsJson();
  impl = await associatedFunctions(built);
}, 60000);

beforeEach(() => {
  jest.useFakeTimers({ now: new Date("2026-08-10T09:00:00+07:00") });
});
const dayBeforeQuarterEnds = (): void => jest.setSystemTime(new Date("2026-09-29T16:00:00+07:00"));
afterEach(() => {
  jest.useRealTimers();
});

/** Lets Office.onReady and the batches run (they wait on timers and promises). */
async function settle<T>(work: Promise<T>): Promise<T> {
  await jest.advanceTimersByTimeAsync(50);
  return work;
}

function excelWith(metadata: FunctionsJson, rows = ROWS): { excel: CustomFunctionsHost; book: StandInWorkbook } {
  const book = new StandInWorkbook({ sheets: [{ name: SHEET, values: rows }] });
  installExcelStandIn(g, book);
  return { excel: new CustomFunctionsHost(book, metadata, impl), book };
}

test("DEMQUY is volatile: the recalculation after the meeting day counts the meeting", async () => {
  const { excel } = excelWith(built.metadata);
  await settle(excel.enter(SHEET, "H1", "DEMQUY", [{ ref: "A1:F3" }, 3]));
  expect(excel.shown(SHEET, "H1")).toBe(0);
  // Nothing in the register changes; three days pass; the user edits any cell (a recalculation).
  await jest.advanceTimersByTimeAsync(3 * 24 * 3_600_000);
  expect(todayLocal()).toEqual({ year: 2026, month: 8, day: 13 });
  await settle(excel.recalculate());
  expect(excel.shown(SHEET, "H1")).toBe(1);
});

test("the stand-in is strict: a DEMQUY that were not volatile would still show 0", async () => {
  const stale = JSON.parse(JSON.stringify(built.metadata)) as FunctionsJson;
  delete stale.functions.find((f) => f.id === "DEMQUY")!.options;
  const { excel } = excelWith(stale);
  await settle(excel.enter(SHEET, "H1", "DEMQUY", [{ ref: "A1:F3" }, 3]));
  await jest.advanceTimersByTimeAsync(3 * 24 * 3_600_000);
  await settle(excel.recalculate());
  expect(excel.shown(SHEET, "H1")).toBe(0);
});

const QUARTER_III_MISSED = /^Quý III\/2026 đã kết thúc/;
const missed = (table: unknown): boolean =>
  (table as unknown[][]).some((r) => r[0] === "THIEU_CHUYEN_DE_QUY" && QUARTER_III_MISSED.test(String(r[4])));

test("KIEMTRA(range) shows the findings of the new day once the date changes, with nothing else changing", async () => {
  dayBeforeQuarterEnds();
  const { excel } = excelWith(built.metadata, UNHELD);
  await settle(excel.enter(SHEET, "H5", "KIEMTRA", [{ ref: "A1:F3" }]));
  const first = excel.shown(SHEET, "H5");
  expect(first).toEqual(kiemTraRange(UNHELD, null, null, { year: 2026, month: 9, day: 29 }, { top: 1, left: 1 }));
  expect(missed(first)).toBe(false);
  // Past midnight (no recalculation, no edit: a streaming function sets its own result).
  await jest.advanceTimersByTimeAsync(9 * 3_600_000);
  const later = excel.shown(SHEET, "H5");
  expect(todayLocal()).toEqual({ year: 2026, month: 9, day: 30 });
  expect(later).toEqual(kiemTraRange(UNHELD, null, null, { year: 2026, month: 9, day: 30 }, { top: 1, left: 1 }));
  expect(missed(later)).toBe(true);
  excel.close();
});

test("KIEMTRA() on the open workbook refreshes on a new day too", async () => {
  dayBeforeQuarterEnds();
  const { excel } = excelWith(built.metadata, UNHELD);
  await settle(excel.enter(SHEET, "H5", "KIEMTRA", [null]));
  expect(missed(excel.shown(SHEET, "H5"))).toBe(false);
  await jest.advanceTimersByTimeAsync(9 * 3_600_000);
  expect(missed(excel.shown(SHEET, "H5"))).toBe(true);
  excel.close();
});
