// Báo cáo quý printed as a user prints it: the sheet written by the CLI's renderer,
// converted to PDF by LibreOffice, measured word by word (pdftotext -bbox-layout).
import * as path from "path";
import { check } from "../../src/core/check/check";
import { readWorkbook } from "../../src/core/read/register";
import { buildQuarterReport } from "../../src/core/make/report";
import { sampleWorkbook } from "../../src/core/make/sample";
import type { ParsedWorkbook } from "../../src/core/shared/types";
import { newWorkbook, renderSheet, renderSheets } from "../../src/xlsx/render";
import { loadWorkbookBytes } from "../../src/cli/xlsx";
import { buildBook, completeTopic, day } from "../support/bookBuilder";
import { A4, cannotPrint, overlappingWords, printFiles, printedText, savePictures, type PrintedFile } from "../support/pdf";
import { describeNeeding } from "../support/tools";

const why = cannotPrint("xlsx");
const describePrinted = describeNeeding(why);

async function sampleBook(): Promise<ParsedWorkbook> {
  const wb = newWorkbook();
  renderSheets(wb, sampleWorkbook());
  const { grid } = await loadWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), "so-chuyen-de-mau.xlsx");
  return readWorkbook(grid);
}

async function xlsxOf(models: Parameters<typeof renderSheet>[1][]): Promise<Uint8Array> {
  const wb = newWorkbook();
  for (const m of models) renderSheet(wb, m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** One cell of 11 pt Times New Roman: the smallest word box any printed word may have. */
async function reference(): Promise<Uint8Array> {
  return xlsxOf([{ name: "Mẫu", cells: [{ row: 1, col: 1, value: "Mẫu chữ", style: { fontName: "Times New Roman", fontSize: 11 } }] }]);
}

describePrinted("Báo cáo quý printed through LibreOffice", () => {
  let sample: PrintedFile;
  let long: PrintedFile;
  let minHeight = 0;

  beforeAll(async () => {
    const book = await sampleBook();
    const asOf = day("2025-10-05");
    const result = check(book, { asOf });
    const model = buildQuarterReport(book, result, 3, 2025, { today: asOf });
    // A quarter with 14 topics: the table runs onto the next page.
    const many = buildBook({
      info: {
        dangBoCoSo: "Đảng bộ Phường Bến Thành",
        chiBo: "Phòng Kế toán",
        biThu: "Nguyễn Văn An",
        diaDanh: "Thành phố Hồ Chí Minh",
        year: 2024,
      },
      topics: Array.from({ length: 14 }, (_, i) =>
        completeTopic(`${String(i + 1).padStart(2, "0")}/02/2024`, {
          title: `Chuyên đề số ${i + 1} về nâng cao năng lực lãnh đạo và sức chiến đấu của chi bộ`,
          group: "Xây dựng Đảng",
          assignees: "Trần Thị Bình",
        }),
      ),
    });
    const manyModel = buildQuarterReport(many, check(many, { asOf: day("2024-04-05") }), 1, 2024, { today: day("2024-04-05") });
    const printed = printFiles([
      { name: "mau-11pt.xlsx", bytes: await reference() },
      { name: "bao-cao-mau.xlsx", bytes: await xlsxOf([model]) },
      { name: "bao-cao-dai.xlsx", bytes: await xlsxOf([manyModel]) },
    ]);
    const ref = printed[0].pages[0].words;
    minHeight = Math.min(...ref.map((w) => w.yMax - w.yMin));
    sample = printed[1];
    long = printed[2];
    if (process.env.CHUYENDE_SCREENSHOTS) {
      const dir = path.resolve(__dirname, "..", "..", "docs", "screenshots");
      savePictures(sample.pdf, dir, "bao-cao-quy");
      savePictures(long.pdf, dir, "bao-cao-quy-nhieu-trang");
    }
  }, 240_000);

  test("every page is A4 portrait", () => {
    for (const file of [sample, long]) {
      expect(file.pages.length).toBeGreaterThan(0);
      for (const p of file.pages) {
        expect(p.width).toBeCloseTo(A4.short, 0);
        expect(p.height).toBeCloseTo(A4.long, 0);
      }
    }
  });

  test("no printed word is smaller than 11 pt text, and no two words overlap", () => {
    expect(minHeight).toBeGreaterThan(10);
    for (const file of [sample, long]) {
      for (const p of file.pages) {
        const small = p.words.filter((w) => w.yMax - w.yMin < minHeight - 0.2);
        expect(small.map((w) => w.text)).toEqual([]);
        expect(overlappingWords(p).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
      }
    }
  });

  test("the party form: number, BÁO CÁO, subject line, Nơi nhận naming the committee, signature", () => {
    const text = printedText(sample);
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain("Số ……-BC/CB");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Kết quả sinh hoạt chi bộ chuyên đề Quý III năm 2025");
    expect(text).toContain("Nơi nhận:");
    expect(text).toMatch(/Đảng ủy Sở Tài chính/);
    expect(text).toContain("T/M CHI ỦY");
    expect(text).toContain("BÍ THƯ");
    // Page numbers from page 2 only, at the top.
    expect(sample.pages.length).toBeGreaterThanOrEqual(2);
    const top = (p: (typeof sample.pages)[number]) => p.words.filter((w) => w.yMax < 56).map((w) => w.text);
    expect(top(sample.pages[0])).toEqual([]);
    expect(top(sample.pages[1])).toEqual(["2"]);
  });

  test("the register's STT, and no cell addresses or instructions", () => {
    const page = sample.pages[0];
    const sttHeader = page.words.find((w) => w.text === "STT")!;
    const column = page.words.filter(
      (w) => w.yMin > sttHeader.yMax && Math.abs((w.xMin + w.xMax) / 2 - (sttHeader.xMin + sttHeader.xMax) / 2) < 12,
    );
    // The sample's Quý III topics are STT 4 and 5 in the register.
    expect(column.slice(0, 2).map((w) => w.text)).toEqual(["4", "5"]);
    const text = printedText(sample);
    expect(text).not.toMatch(/dòng \d|[Cc]ột [A-ZĐ]|Vị trí|Sổ chuyên đề,|[Hh]ãy |[Ss]ửa /);
  });

  test("a table that runs past the first page repeats its header row on the next page", () => {
    expect(long.pages.length).toBeGreaterThanOrEqual(2);
    const headerOn = (p: (typeof long.pages)[number]) => p.words.some((w) => w.text === "bước");
    expect(headerOn(long.pages[0])).toBe(true);
    expect(headerOn(long.pages[1])).toBe(true);
  });
});
