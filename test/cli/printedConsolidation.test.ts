// Tổng hợp printed as a user prints it (LibreOffice → PDF → word boxes).
import * as path from "path";
import { check } from "../../src/core/check/check";
import { buildConsolidationSheets, consolidateEntry } from "../../src/core/make/consolidate";
import { newWorkbook, renderSheet } from "../../src/xlsx/render";
import { buildBook, completeTopic, day } from "../support/bookBuilder";
import { A4, cannotPrint, overlappingWords, printFiles, printedText, savePictures, type PrintedFile } from "../support/pdf";
import { describeNeeding } from "../support/tools";

const why = cannotPrint("xlsx");
const describePrinted = describeNeeding(why);

describePrinted("Tổng hợp printed through LibreOffice", () => {
  let files: PrintedFile[] = [];
  let minHeight = 0;

  beforeAll(async () => {
    const asOf = day("2024-12-31");
    const entries = Array.from({ length: 12 }, (_, i) => {
      const b = buildBook({
        info: {
          dangBoCoSo: "Đảng bộ Phường Bến Thành",
          chiBo: i % 2 === 0 ? `Khu phố ${i + 1}` : `Chi bộ Trường Tiểu học Kim Đồng số ${i + 1}`,
          year: 2024,
        },
        topics: ["10/02/2024", "10/05/2024", "10/08/2024"].map((m) =>
          completeTopic(m, { title: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" }),
        ),
      });
      return consolidateEntry(`phuong-ben-thanh/khu-pho-${i + 1}/so-chuyen-de-2024.xlsx`, b, check(b, { asOf }));
    });
    const sheets = buildConsolidationSheets(
      entries,
      [{ file: "cu/so-2019.xls", reason: "Tệp .xls cũ: hãy mở bằng Excel và lưu lại dưới dạng .xlsx." }],
      {
        asOf,
        duplicates: [{ file: "gui-lai/khu-pho-1.xlsx", keptFile: "phuong-ben-thanh/khu-pho-1/so-chuyen-de-2024.xlsx" }],
      },
    );
    const ref = newWorkbook();
    renderSheet(ref, { name: "Mẫu", cells: [{ row: 1, col: 1, value: "Mẫu chữ", style: { fontName: "Times New Roman", fontSize: 11 } }] });
    const one = async (i: number) => {
      const wb = newWorkbook();
      renderSheet(wb, sheets[i]);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const printed = printFiles([
      { name: "mau.xlsx", bytes: new Uint8Array(await ref.xlsx.writeBuffer()) },
      { name: "tong-hop.xlsx", bytes: await one(0) },
      { name: "danh-sach.xlsx", bytes: await one(1) },
      { name: "chua-tong-hop.xlsx", bytes: await one(2) },
    ]);
    minHeight = Math.min(...printed[0].pages[0].words.map((w) => w.yMax - w.yMin));
    files = printed.slice(1);
    if (process.env.CHUYENDE_SCREENSHOTS) {
      const dir = path.resolve(__dirname, "..", "..", "docs", "screenshots");
      savePictures(files[0].pdf, dir, "tong-hop");
      savePictures(files[1].pdf, dir, "tong-hop-danh-sach");
      savePictures(files[0].pdf, path.resolve(__dirname, "..", "..", "docs", "hinh"), "tong-hop-in", 50, 1);
    }
  }, 240_000);

  test("A4 landscape, one page wide, no word under 11 pt, no overlaps", () => {
    for (const f of files) {
      for (const p of f.pages) {
        expect(p.width).toBeCloseTo(A4.long, 0);
        expect(p.height).toBeCloseTo(A4.short, 0);
        expect(p.words.filter((w) => w.yMax - w.yMin < minHeight - 0.2).map((w) => w.text)).toEqual([]);
        expect(overlappingWords(p).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
      }
    }
    // One page wide: the last column's header is on the first page; every page numbered.
    expect(files[0].pages[0].words.some((w) => w.text === "chuyên" && w.xMin > 700)).toBe(true);
    for (const f of files) f.pages.forEach((p, i) => expect(p.words.map((w) => w.text).join(" ")).toContain(`Trang ${i + 1}`));
  });

  test("headers are printed whole, every chi bộ reads 'Chi bộ …', duplicates are listed", () => {
    const text = printedText(files[0]);
    for (const h of ["Tổng số đã sinh hoạt", "Quý không sinh hoạt chuyên đề", "Kết quả cả năm"]) {
      for (const word of h.split(" ")) expect(text).toContain(word);
    }
    expect(text).toContain("Chi bộ Khu phố 1");
    expect(text).not.toMatch(/(^|[^ộ]) Khu phố 3/);
    // No file names, no checker counts on the page: the files left out are on their own sheet.
    expect(text).not.toMatch(/\.xlsx?\b/);
    expect(text).not.toContain("Số lỗi");
    expect(text).not.toContain("cảnh báo");
    expect(text).toContain("2 sổ chưa tổng hợp được");
    const leftOut = printedText(files[2]);
    expect(leftOut).toContain("DANH SÁCH SỔ CHƯA TỔNG HỢP ĐƯỢC");
    expect(leftOut).toContain("gui-lai/khu-pho-1.xlsx");
    expect(leftOut).toContain("cu/so-2019.xls");
  });
});
