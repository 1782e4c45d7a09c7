// Protection in file mode (an .xlsx opened in the browser). Nothing is ever written into the
// chosen file; changes go into a copy. Decided here: a protected sheet stays protected in the
// copy and is never written into (Kế hoạch năm on a protected register is refused), and a
// workbook whose structure is locked gets no sheet (exceljs cannot keep the lock, so the copy
// would come out unlocked) — both with the add-in's messages, asking to unprotect in Excel
// and open the file again. What Excel does with the same workbook (and what the messages
// say): learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks, "Protect the
// workbook's structure"; the lock is workbookProtection lockStructure of xl/workbook.xml
// (ECMA-376 Part 1, §18.2.29).
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { SAMPLE_YEAR, sampleAsOf, sampleWorkbook } from "../../src/core/make/sample";
import { UserError } from "../../src/core/shared/types";
import { createFileHost } from "../../src/file/fileHost";
import { createBook } from "../../src/taskpane/logic/createBook";
import { addPlannedTopic } from "../../src/taskpane/logic/plan";
import { writeQuarterReport } from "../../src/taskpane/logic/report";
import { structureLocked } from "../../src/xlsx/protection";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";

jest.setTimeout(60_000);

const AS_OF = sampleAsOf(SAMPLE_YEAR);

async function registerBytes(protect?: string): Promise<Uint8Array> {
  const wb = newWorkbook();
  renderSheets(wb, sampleWorkbook(SAMPLE_YEAR));
  const own = wb.addWorksheet("Ghi chép riêng");
  own.getCell("A1").value = "Việc của chi ủy";
  if (protect) await wb.getWorksheet(protect)!.protect("", {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The bytes with the workbook's structure locked, as Excel writes it (Review › Protect Workbook). */
function lockStructure(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["xl/workbook.xml"]);
  files["xl/workbook.xml"] = strToU8(xml.replace(/<(bookViews|sheets)>/, '<workbookProtection lockStructure="1"/><$1>'));
  return zipSync(files);
}

async function refused(work: Promise<unknown>): Promise<string> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return (err as UserError).message;
}

test("the lock is read from workbook.xml", async () => {
  const bytes = await registerBytes();
  expect(structureLocked(bytes)).toBe(false);
  expect(structureLocked(lockStructure(bytes))).toBe(true);
});

test("a locked structure: no sheet is added, the message says to unprotect in Excel and open the file again", async () => {
  const host = createFileHost();
  await host.open(lockStructure(await registerBytes()), "so.xlsx");
  const message = await refused(writeQuarterReport(host, 3, SAMPLE_YEAR, AS_OF));
  expect(message).toBe(
    `Sổ đang được bảo vệ cấu trúc nên không thêm được trang “Báo cáo Quý III-${SAMPLE_YEAR}”. Hãy mở tệp bằng Excel, bỏ bảo vệ: thẻ Xem lại › bấm Bảo vệ sổ làm việc để tắt (nhập mật khẩu nếu có), lưu lại rồi mở lại tệp ở đây. Sổ chưa bị thay đổi gì.`,
  );
  expect(host.state().changed).toBe(false);
});

test("a protected register: Kế hoạch năm is refused; a report is still added and the copy keeps the protection", async () => {
  const host = createFileHost();
  await host.open(await registerBytes("Sổ chuyên đề"), "so.xlsx");
  const message = await refused(addPlannedTopic(host, { title: "Chuyên đề về chuyển đổi số", group: 2, quarter: 4 }, AS_OF));
  expect(message).toMatch(/^Trang “Sổ chuyên đề” đang được bảo vệ nên không ghi được vào trang này\. Hãy mở tệp bằng Excel/);
  expect(host.state().changed).toBe(false);

  await writeQuarterReport(host, 3, SAMPLE_YEAR, AS_OF);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await host.newFile()).bytes as unknown as ArrayBuffer);
  expect((copy.getWorksheet("Sổ chuyên đề") as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  expect(copy.getWorksheet(`Báo cáo Quý III-${SAMPLE_YEAR}`)).toBeDefined();
});

test("nothing protected: Tạo sổ on an empty page still works", async () => {
  const made = await createBook(createFileHost(), { year: 2026 });
  expect(made.created).toHaveLength(6);
});
