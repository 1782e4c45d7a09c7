// The self-test against the stand-in: every item passes where Excel behaves as documented,
// a missing set shows up as a failed item, and the workbook is left exactly as it was.
import { runSelfTest, selfTestText } from "../../src/excel/selfTest";
import { missingRequirement, READ_REGISTER, unavailableMessage, WRITE_SHEETS } from "../../src/excel/requirements";
import { StandInWorkbook, installExcelStandIn } from "../support/excelStandIn";
import { VERSION } from "../../src/version";

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
  const report = await runSelfTest(book.run);
  expect(report.items.filter((i) => !i.ok)).toEqual([]);
  expect(report.items.map((i) => i.label)).toEqual([
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
  const report = await runSelfTest(book.run);
  const failed = report.items.filter((i) => !i.ok);
  expect(failed.map((i) => i.label)).toEqual(["Đọc ô đã gộp"]);
  expect(failed[0].detail).toMatch(/^Phiên bản Excel này chưa có chức năng bổ trợ cần/);
  expect(report.sets).toContain("ExcelApi 1.12");
  expect(state(book)).toBe(before);
});

test("a pane command whose set is missing is unavailable, with the Office versions that have it", () => {
  const book = new StandInWorkbook();
  book.supportedSets = { ...book.supportedSets, ExcelApi: "1.12" };
  const supports = (set: string, v: string): boolean => book.isSetSupported(set, v);
  expect(missingRequirement([WRITE_SHEETS], supports)).toBeNull();
  const missing = missingRequirement([WRITE_SHEETS, READ_REGISTER], supports);
  expect(missing).toEqual(READ_REGISTER);
  expect(unavailableMessage(missing!)).toBe(
    "Chức năng này cần Excel mới hơn bản đang dùng: Microsoft 365 (bản 2102 trở lên), Excel 2021 hoặc Excel 2024, Excel cho Mac 16.50 trở lên, hoặc Excel trên web. Hãy cập nhật Office (Tệp → Tài khoản → Tùy chọn cập nhật → Cập nhật ngay) rồi mở lại bổ trợ.",
  );
});
