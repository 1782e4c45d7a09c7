// The register book printed as a secretary prints it: `chuyende demo`'s workbooks (the
// sample register, and the copy with the quarter report) printed whole through
// LibreOffice and measured word by word. Every page A4, no word under 9.5 pt, nothing
// printed over anything else, each sheet's title on its first page, every page numbered,
// each sheet numbered from 1 — the report sheet too, although printed after six others.
// Also what Excel reads from the file (it is not here to print): page setup, print titles,
// footers, stored row heights, the sheet the workbook opens on.
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runInProcess } from "./helpers/run";
import { makeTempDir, removeTempDir, sheetXml, zipText } from "../support/xlsx";
import { A4, cannotPrint, overlappingWords, printFiles, savePictures, type PdfPage, type PrintedFile } from "../support/pdf";
import { SHEETS } from "../../src/core/read/layout";
import { BOOK_HEADER_ROW } from "../../src/core/make/registerBook";
import { newWorkbook, renderSheet } from "../../src/xlsx/render";

const TITLES: Record<string, string> = {
  [SHEETS.info]: "THÔNG TIN SỔ SINH HOẠT CHI BỘ CHUYÊN ĐỀ NĂM 2025",
  [SHEETS.members]: "DANH SÁCH ĐẢNG VIÊN NĂM 2025",
  [SHEETS.register]: "SỔ THEO DÕI SINH HOẠT CHI BỘ CHUYÊN ĐỀ NĂM 2025",
  [SHEETS.attendance]: "ĐIỂM DANH ĐẢNG VIÊN DỰ SINH HOẠT CHUYÊN ĐỀ NĂM 2025",
  [SHEETS.minutes]: "TÓM TẮT BIÊN BẢN SINH HOẠT CHI BỘ CHUYÊN ĐỀ NĂM 2025",
  [SHEETS.opinions]: "Ý KIẾN PHÁT BIỂU TẠI SINH HOẠT CHI BỘ CHUYÊN ĐỀ NĂM 2025",
};
const CHI_BO = "Chi bộ Phòng Kế hoạch – Tài chính";

let dir: string;
beforeAll(async () => {
  dir = makeTempDir("chuyende-so-in-");
  const r = await runInProcess(["demo", "-o", dir], new Date(2025, 9, 5));
  expect(r.code).toBe(0);
}, 120_000);
afterAll(() => removeTempDir(dir));

const sample = () => path.join(dir, "so-chuyen-de-mau.xlsx");
const withReport = () => path.join(dir, "bao-cao-quy-3-2025.xlsx");

describe("what Excel reads from the register book", () => {
  test("the workbook opens on the register sheet", () => {
    const workbook = zipText(sample(), "xl/workbook.xml");
    const active = Number(/activeTab="(\d+)"/.exec(workbook)?.[1]);
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names[active]).toBe(SHEETS.register);
    expect(sheetXml(sample(), SHEETS.register)).toMatch(/<sheetView[^>]*tabSelected="1"/);
    expect(sheetXml(sample(), SHEETS.info)).not.toMatch(/tabSelected="1"/);
  });

  test("each sheet: A4, fit to one page wide, numbered from 1, 'Trang N' footer, its header row repeated", () => {
    const workbook = zipText(sample(), "xl/workbook.xml");
    Object.values(SHEETS).forEach((name, i) => {
      const xml = sheetXml(sample(), name);
      const setup = /<pageSetup [^>]*>/.exec(xml)![0];
      expect([name, setup]).toEqual([name, expect.stringMatching(/paperSize="9"/)]);
      expect(setup).toMatch(/fitToWidth="1"/);
      expect(setup).toMatch(/fitToHeight="0"/);
      expect(setup).toMatch(/firstPageNumber="1"/);
      expect(setup).toMatch(/useFirstPageNumber="1"/);
      expect(setup).toMatch(name === SHEETS.register || name === SHEETS.minutes ? /orientation="landscape"/ : /orientation="portrait"/);
      expect(xml).toMatch(/<oddFooter>&amp;C.*Trang &amp;P<\/oddFooter>/);
      // Print titles: the table's header row (a defined name Excel reads, _xlnm.Print_Titles).
      expect(workbook).toMatch(
        new RegExp(
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">&apos;${name}&apos;!\\$${BOOK_HEADER_ROW}:\\$${BOOK_HEADER_ROW}</definedName>`,
        ),
      );
    });
  });

  test("rows whose text wraps store their height (Excel and LibreOffice do not grow them), one-line rows are left to fit", () => {
    const xml = sheetXml(sample(), SHEETS.register);
    const row = (n: number) => new RegExp(`<row r="${n}"[^>]*>`).exec(xml)![0];
    // The header row and the first topic (a long title) wrap.
    expect(row(BOOK_HEADER_ROW)).toMatch(/ht="\d+(\.\d+)?" customHeight="1"/);
    expect(Number(/ht="([\d.]+)"/.exec(row(BOOK_HEADER_ROW + 1))![1])).toBeGreaterThan(40);
    // An empty pre-numbered row keeps the default height, so Excel fits it when typed into.
    const last = [...xml.matchAll(/<row r="(\d+)"[^>]*>/g)].pop()!;
    expect(last[0]).not.toMatch(/customHeight/);
  });
});

const why = cannotPrint("xlsx");
if (why) console.warn(`Bỏ qua kiểm tra in sổ: ${why}.`);
const describePrinted = why ? describe.skip : describe;

/** The number in "Trang N" at the foot of a page, or null. */
function footerNumber(page: PdfPage): number | null {
  const foot = page.words.filter((w) => w.yMin > page.height - 60).sort((a, b) => a.xMin - b.xMin);
  const i = foot.findIndex((w) => w.text === "Trang");
  return i >= 0 && /^\d+$/.test(foot[i + 1]?.text ?? "") ? Number(foot[i + 1].text) : null;
}

/** The page's text from the top, words joined by spaces. */
function pageText(page: PdfPage): string {
  return [...page.words]
    .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    .map((w) => w.text)
    .join(" ");
}

describePrinted("the register book printed through LibreOffice", () => {
  let book: PrintedFile;
  let reported: PrintedFile;
  let retitled: PrintedFile;
  let minHeight = 0;

  beforeAll(async () => {
    // A cell of 10 pt Times New Roman gives the smallest word box allowed (9.5 pt: 95 % of it).
    const ref = newWorkbook();
    renderSheet(ref, { name: "Mẫu", cells: [{ row: 1, col: 1, value: "Mẫu chữ", style: { fontName: "Times New Roman", fontSize: 10 } }] });
    // A register made before the chi bộ was known, whose Thông tin is filled in afterwards:
    // the titles follow.
    const fresh = path.join(dir, "moi.xlsx");
    expect((await runInProcess(["khoi-tao", "-o", fresh])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fresh);
    wb.getWorksheet(SHEETS.info)!.eachRow((row) => {
      if (row.getCell(1).value === "Chi bộ") row.getCell(2).value = "Phòng Tổ chức";
      if (row.getCell(1).value === "Năm") row.getCell(2).value = 2027;
    });
    await wb.xlsx.writeFile(fresh);
    const printed = printFiles([
      { name: "mau-10pt.xlsx", bytes: new Uint8Array(await ref.xlsx.writeBuffer()) },
      { name: "so.xlsx", bytes: readFileSync(sample()) },
      { name: "bao-cao.xlsx", bytes: readFileSync(withReport()) },
      { name: "moi.xlsx", bytes: readFileSync(fresh) },
    ]);
    minHeight = Math.min(...printed[0].pages[0].words.map((w) => w.yMax - w.yMin)) * 0.95;
    [, book, reported, retitled] = printed;
    if (process.env.CHUYENDE_SCREENSHOTS) {
      // One picture of each sheet's first page, as printed.
      const shots = path.resolve(__dirname, "..", "..", "docs", "screenshots");
      const names = ["thong-tin", "dang-vien", "so-chuyen-de", "diem-danh", "bien-ban", "y-kien"];
      const titles = Object.values(TITLES);
      book.pages.forEach((p, i) => {
        const t = titles.findIndex((title) => pageText(p).startsWith(title));
        if (t >= 0) savePictures(book.pdf, shots, `so-in-${names[t]}`, 60, i + 1);
      });
    }
  }, 300_000);

  test("every page is A4, no word under 9.5 pt, no two words over each other", () => {
    for (const file of [book, reported]) {
      for (const p of file.pages) {
        const dims = [Math.round(p.width), Math.round(p.height)].sort((a, b) => a - b);
        expect(dims).toEqual([Math.round(A4.short), Math.round(A4.long)]);
        const small = p.words.filter((w) => w.yMax - w.yMin < minHeight - 0.2);
        expect(small.map((w) => `${w.text} ${(w.yMax - w.yMin).toFixed(1)}`)).toEqual([]);
        expect(overlappingWords(p).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
      }
    }
  });

  test("each sheet starts with its title and the chi bộ, in workbook order, and numbers its pages from 1", () => {
    const starts = book.pages
      .map((p, i) => ({ i, text: pageText(p) }))
      .filter((p) => Object.values(TITLES).some((t) => p.text.startsWith(t)));
    expect(starts.map((s) => Object.values(TITLES).find((t) => s.text.startsWith(t)))).toEqual(Object.values(TITLES));
    for (const s of starts) expect(s.text).toContain(CHI_BO);
    // Every page has its number; numbering starts again at each sheet's first page.
    const numbers = book.pages.map(footerNumber);
    expect(numbers.every((n) => n !== null)).toBe(true);
    const firsts = numbers.map((n, i) => (n === 1 ? i : -1)).filter((i) => i >= 0);
    expect(firsts).toEqual(starts.map((s) => s.i));
    numbers.forEach((n, i) => {
      if (n !== 1) expect(n).toBe(numbers[i - 1]! + 1);
    });
  });

  test("a register taller than a page repeats its header row on the next page", () => {
    const registerStart = book.pages.findIndex((p) => pageText(p).startsWith(TITLES[SHEETS.register]));
    const next = book.pages[registerStart + 1];
    expect(footerNumber(next)).toBe(2);
    // The header's words are the page's top band: above every topic's text.
    const firstData = Math.min(...next.words.filter((w) => /^\d+$/.test(w.text) && w.xMin < 80).map((w) => w.yMin));
    const band = next.words.filter((w) => w.yMax <= firstData).map((w) => w.text);
    expect(band).toEqual(expect.arrayContaining(["STT", "Quý", "Tên", "chuyên", "đề", "Ngày", "Trạng", "thái", "Ghi", "chú"]));
    expect(band).not.toContain("SỔ");
  });

  test("the quarter report, printed after the six sheets, numbers its own pages from 1 (none on its first page)", () => {
    const first = reported.pages.findIndex((p) => pageText(p).includes("BÁO CÁO") && pageText(p).includes("ĐẢNG CỘNG SẢN VIỆT NAM"));
    expect(first).toBeGreaterThan(5);
    const topNumber = (p: PdfPage) =>
      p.words
        .filter((w) => w.yMax < 60)
        .map((w) => w.text)
        .join(" ");
    expect(topNumber(reported.pages[first])).toBe("");
    expect(topNumber(reported.pages[first + 1])).toBe("2");
  });

  test("titles read Thông tin: a register made before the chi bộ was typed prints the name typed later", () => {
    const text = retitled.pages.map(pageText).join("\n");
    expect(text).toContain("SỔ THEO DÕI SINH HOẠT CHI BỘ CHUYÊN ĐỀ NĂM 2027");
    expect(text).toContain("Chi bộ Phòng Tổ chức");
    expect(text).not.toContain("Chi bộ ……");
  });
});
