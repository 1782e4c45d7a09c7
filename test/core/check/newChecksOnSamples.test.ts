// The three checks of SPEC §10 stay silent where nothing is wrong: on the demo's sample
// register (whose biên bản now counts only chính thức members present) and on the hand-kept
// register of test/fixtures/samples; and they fire on the planted cases of their own tests.
import * as path from "path";
import { check } from "../../../src/core/check/check";
import { sampleAsOf, sampleWorkbook } from "../../../src/core/make/sample";
import { readWorkbook } from "../../../src/core/read/register";
import { loadWorkbookBytes, loadWorkbookFile } from "../../../src/cli/xlsx";
import { newWorkbook, renderSheets } from "../../../src/xlsx/render";
import { fixtureBook } from "../../documents/fixture";

const NEW = ["TRUNG_STT", "Y_KIEN_NGUOI_VANG", "BIEU_QUYET_VUOT"];

test("silent on the demo's sample", async () => {
  const wb = newWorkbook();
  renderSheets(wb, sampleWorkbook());
  const { grid } = await loadWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), "so-chuyen-de-mau.xlsx");
  const book = readWorkbook(grid);
  expect(book.minutes?.rows.length).toBe(4);
  expect(book.opinions?.rows.length).toBeGreaterThan(10);
  const codes = check(book, { asOf: sampleAsOf() }).findings.map((f) => f.code);
  expect(codes.filter((c) => NEW.includes(c))).toEqual([]);
});

test("silent on the hand-kept register of the fixtures", async () => {
  const { grid } = await loadWorkbookFile(path.join(__dirname, "..", "..", "fixtures", "samples", "mau-so-tu-lam-2023.xlsx"));
  const codes = check(readWorkbook(grid), { asOf: { year: 2023, month: 12, day: 31 } }).findings.map((f) => f.code);
  expect(codes.filter((c) => NEW.includes(c))).toEqual([]);
});

test("silent on the documents' fixture, firing once each when planted", () => {
  const asOf = { year: 2021, month: 12, day: 31 };
  expect(check(fixtureBook(), { asOf }).findings.filter((f) => NEW.includes(f.code))).toEqual([]);
  const planted = check(fixtureBook({ duplicateStt: true, absentSpeaker: true, dropAttendee: true }), { asOf }).findings;
  expect(
    planted
      .filter((f) => NEW.includes(f.code))
      .map((f) => f.code)
      .sort(),
  ).toEqual(NEW.slice().sort());
});
