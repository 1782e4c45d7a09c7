// Báo cáo quý as a Word file (bao-cao -o OUT.docx), printed through LibreOffice and
// measured like the sheet: A4 portrait, no word under 11 pt, no overlaps, party form.
import * as path from "path";
import { check } from "../../src/core/check/check";
import { readWorkbook } from "../../src/core/read/register";
import { quarterReport } from "../../src/core/make/report";
import { sampleWorkbook } from "../../src/core/make/sample";
import { quarterReportDocx } from "../../src/documents/reportDocx";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { loadWorkbookBytes } from "../../src/cli/xlsx";
import { day } from "../support/bookBuilder";
import { makeDocx, paragraph, run } from "./docx";
import { A4, cannotPrint, overlappingWords, printFiles, printedText, savePictures, type PrintedFile } from "../support/pdf";
import { describeNeeding } from "../support/tools";

const why = cannotPrint("docx");
const describePrinted = describeNeeding(why);

describePrinted("Báo cáo quý as .docx, printed", () => {
  let doc: PrintedFile;
  let minHeight = 0;

  beforeAll(async () => {
    const wb = newWorkbook();
    renderSheets(wb, sampleWorkbook());
    const { grid } = await loadWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), "mau.xlsx");
    const book = readWorkbook(grid);
    const asOf = day("2025-10-05");
    const report = quarterReport(book, check(book, { asOf }), 3, 2025, { today: asOf });
    const ref = makeDocx(paragraph(run("Mẫu chữ", '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="22"/>')));
    const printed = printFiles([
      { name: "mau-11pt.docx", bytes: ref },
      { name: "bao-cao.docx", bytes: quarterReportDocx(report) },
    ]);
    minHeight = Math.min(...printed[0].pages[0].words.map((w) => w.yMax - w.yMin));
    doc = printed[1];
    if (process.env.CHUYENDE_SCREENSHOTS)
      savePictures(doc.pdf, path.resolve(__dirname, "..", "..", "docs", "screenshots"), "bao-cao-quy-word");
  }, 240_000);

  test("A4 portrait, no word under 11 pt, no overlaps", () => {
    expect(minHeight).toBeGreaterThan(10);
    for (const p of doc.pages) {
      expect(p.width).toBeCloseTo(A4.short, 0);
      expect(p.height).toBeCloseTo(A4.long, 0);
      expect(p.words.filter((w) => w.yMax - w.yMin < minHeight - 0.2).map((w) => w.text)).toEqual([]);
      expect(overlappingWords(p).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
    }
  });

  test("party form, register STT, no cell addresses, page number on page 2", () => {
    const text = printedText(doc);
    for (const t of [
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Số ……-BC/CB",
      "BÁO CÁO",
      "Kết quả sinh hoạt chi bộ chuyên đề Quý III năm 2025",
      "Nơi nhận:",
      "Đảng ủy Sở Tài chính",
      "T/M CHI ỦY",
      "BÍ THƯ",
    ]) {
      expect(text).toContain(t);
    }
    expect(text).not.toMatch(/dòng \d|[Cc]ột [A-ZĐ]|Vị trí|[Hh]ãy |[Ss]ửa /);
    const page = doc.pages[0];
    const stt = page.words.find((w) => w.text === "STT")!;
    const column = page.words.filter((w) => w.yMin > stt.yMax && Math.abs((w.xMin + w.xMax) / 2 - (stt.xMin + stt.xMax) / 2) < 12);
    expect(column.slice(0, 2).map((w) => w.text)).toEqual(["4", "5"]);
    expect(doc.pages.length).toBeGreaterThanOrEqual(2);
    const first = [...doc.pages[1].words].sort((a, b) => a.yMin - b.yMin)[0];
    expect(first.text).toBe("2");
  });
});
