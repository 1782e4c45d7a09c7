// The self-test against the stand-in: every item passes where Excel behaves as documented,
// a missing set shows up as a failed item, the date system the functions use and the
// workbook's protection are reported, and the workbook is left exactly as it was. Pages
// followed: requirement sets asked with isSetSupported (learn.microsoft.com/office/dev/add-ins/
// develop/specify-office-hosts-and-api-requirements), no Excel call before Office.onReady
// (…/develop/initialize-add-in), protection (…/excel/excel-add-ins-workbooks, "Protect the
// workbook's structure"; learn.microsoft.com/javascript/api/excel/excel.worksheetprotection).
import { dateSystem } from "../../src/excel/dateSystem";
import { runSelfTest, selfTestText } from "../../src/excel/selfTest";
import { ADDIN_REQUIREMENTS, EXCEL_API, missingRequirement, unavailableMessage } from "../../src/excel/requirements";
import { StandInWorkbook, installExcelStandIn } from "../support/excelStandIn";
import { VERSION } from "../../src/version";

/** A date system for the functions of this test's workbook (what KIEMTRA and QUY use). */
function datesOf(book: StandInWorkbook): ReturnType<typeof dateSystem> {
  return dateSystem(book.run, () => Promise.resolve());
}

function userBook(): StandInWorkbook {
  const book = new StandInWorkbook({
    sheets: [
      {
        name: "Sổ chuyên đề",
        values: [
          ["STT", "Tên chuyên đề"],
          [1, "Học tập Nghị quyết"],
        ],
        merges: [],
      },
      { name: "Ghi chép", values: [["giữ nguyên"]] },
    ],
    tables: [{ name: "tblChuyenDe", sheet: "Sổ chuyên đề", address: "A1:B2" }],
    names: { SoChuyenDe_so_1: "'Sổ chuyên đề'!$A$1" },
  });
  book.activeSheet = "Ghi chép";
  return book;
}

function state(book: StandInWorkbook): string {
  return JSON.stringify({
    sheets: book.sheets.map((s) => ({
      name: s.name,
      cells: s.cells,
      merges: s.merges,
      frozen: s.frozenRows,
      v: s.validations,
      layout: s.pageLayout,
    })),
    tables: book.tables.map((t) => [t.name, t.sheet.name, t.box]),
    names: book.names.map((n) => [n.name, n.formula]),
    active: book.activeSheet,
  });
}

test("every item passes in an Excel that behaves as documented, and the workbook is left as it was", async () => {
  const book = userBook();
  installExcelStandIn(globalThis, book, { version: "16.0.18025.20000", platform: "PC" });
  const before = state(book);
  const report = await runSelfTest(book.run, undefined, datesOf(book));
  expect(report.items.filter((i) => !i.ok)).toEqual([]);
  expect(report.items.map((i) => i.label)).toEqual([
    "Bộ API Excel mà bổ trợ cần",
    "Hệ ngày của sổ (1900 hay 1904)",
    "Bảo vệ sổ và trang tính",
    "Tạo trang tạm",
    "Đánh dấu trang của bổ trợ (tên định nghĩa)",
    "Chữ giống số, ngày giữ nguyên khi ghi và đọc lại",
    "Ghi và đọc lại ngày",
    "Bảng",
    "Danh sách chọn",
    "Đọc ô đã gộp",
    "Cố định dòng tiêu đề",
    "Thiết lập trang in",
    "Ghi một lần gần giới hạn 5 MB của Excel trên web (khoảng 2 MB)",
    "Xóa trang tạm, trả lại trang đang mở",
  ]);
  expect(state(book)).toBe(before);
  // The near-limit write really is near the limit, and under it.
  expect(book.maxRequestBytes).toBeGreaterThan(1_000_000);
  expect(book.maxRequestBytes).toBeLessThan(5_000_000);
  const text = selfTestText(report);
  expect(text).toContain("Nền tảng: PC; phiên bản Office: 16.0.18025.20000");
  // Which Sổ chuyên đề the report is about, from package.json.
  expect(text.split("\n")[0]).toBe(`Tự kiểm tra bổ trợ Sổ chuyên đề · phiên bản ${VERSION}`);
  expect(text).toContain("ExcelApi 1.17");
  expect(text).toContain("Kết quả: tất cả các mục đều đạt.");
});

test("in an Excel without merged-area reading, that item fails with a Vietnamese reason and nothing is left behind", async () => {
  const book = userBook();
  book.supportedSets = { ...book.supportedSets, ExcelApi: "1.12" };
  installExcelStandIn(globalThis, book);
  const before = state(book);
  const report = await runSelfTest(book.run, undefined, datesOf(book));
  const failed = report.items.filter((i) => !i.ok);
  expect(failed.map((i) => i.label)).toEqual(["Bộ API Excel mà bổ trợ cần", "Đọc ô đã gộp"]);
  expect(failed[0].detail).toMatch(
    /^Thiếu ExcelApi 1\.13\. Chức năng này cần Excel mới hơn bản đang dùng: Microsoft 365 \(bản 2102 trở lên\)/,
  );
  expect(failed[1].detail).toMatch(/^Phiên bản Excel này chưa có chức năng bổ trợ cần/);
  expect(report.sets).toContain("ExcelApi 1.12");
  expect(state(book)).toBe(before);
});

test("a pane command whose set is missing is unavailable, with the Office versions that have it", () => {
  const book = new StandInWorkbook();
  const supports = (set: string, v: string): boolean => book.isSetSupported(set, v);
  expect(missingRequirement(ADDIN_REQUIREMENTS, supports)).toBeNull();
  book.supportedSets = { ...book.supportedSets, ExcelApi: "1.12" };
  const missing = missingRequirement(ADDIN_REQUIREMENTS, supports);
  expect(missing).toEqual(EXCEL_API);
  expect(unavailableMessage(missing!)).toBe(
    "Chức năng này cần Excel mới hơn bản đang dùng: Microsoft 365 (bản 2102 trở lên), Excel 2021 hoặc Excel 2024, Excel cho Mac 16.50 trở lên, hoặc Excel trên web. Hãy cập nhật Office (Tệp → Tài khoản → Tùy chọn cập nhật → Cập nhật ngay) rồi mở lại bổ trợ.",
  );
});

test("the date system: reported, and the functions' own corrected when it differs", async () => {
  const book = userBook();
  book.date1904 = true;
  installExcelStandIn(globalThis, book);
  const dates = datesOf(book);
  dates.set(false); // the functions learned 1900 earlier (the workbook's setting changed since)
  const report = await runSelfTest(book.run, undefined, dates);
  const item = report.items.find((i) => i.label === "Hệ ngày của sổ (1900 hay 1904)")!;
  expect(item.ok).toBe(false);
  expect(item.note).toBe("Sổ tính ngày theo hệ 1904.");
  expect(item.detail).toMatch(/^Các hàm CHUYENDE đang tính theo hệ 1900 trong khi sổ dùng hệ 1904/);
  expect(dates.known()).toBe(true);
  // Run again: the functions now agree with the workbook.
  const again = await runSelfTest(book.run, undefined, dates);
  expect(again.items.find((i) => i.label === "Hệ ngày của sổ (1900 hay 1904)")!.ok).toBe(true);
});

test("protection: protected sheets are named; a protected structure fails and nothing is tried on a temporary sheet", async () => {
  const book = userBook();
  book.sheet("Sổ chuyên đề")!.protected = true;
  installExcelStandIn(globalThis, book);
  const report = await runSelfTest(book.run, undefined, datesOf(book));
  const item = report.items.find((i) => i.label === "Bảo vệ sổ và trang tính")!;
  expect(item.ok).toBe(true);
  expect(item.note).toBe(
    "Các trang đang được bảo vệ (bổ trợ không ghi vào): “Sổ chuyên đề”. Muốn ghi, hãy bỏ bảo vệ ở thẻ Xem lại › Bỏ bảo vệ trang tính.",
  );
  expect(report.items.filter((i) => !i.ok)).toEqual([]);
  expect(selfTestText(report)).toContain("Đạt — Bảo vệ sổ và trang tính");

  const locked = userBook();
  locked.structureProtected = true;
  installExcelStandIn(globalThis, locked);
  const before = state(locked);
  const r = await runSelfTest(locked.run, undefined, datesOf(locked));
  expect(r.items.map((i) => [i.label, i.ok])).toEqual([
    ["Bộ API Excel mà bổ trợ cần", true],
    ["Hệ ngày của sổ (1900 hay 1904)", true],
    ["Bảo vệ sổ và trang tính", false],
    ["Xóa trang tạm, trả lại trang đang mở", true],
  ]);
  expect(r.items[2].detail).toMatch(/^Sổ đang được bảo vệ cấu trúc: bổ trợ không thêm được trang/);
  expect(state(locked)).toBe(before);
});
