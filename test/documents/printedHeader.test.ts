// The documents' header and page form, printed through LibreOffice and measured: names
// break only between words and never when short; page numbers from page 2; one signature
// slot per drafter; no internal lines.
import * as path from "path";
import { bienBanData, deDanData } from "../../src/core/make/documentData";
import { fillTemplate } from "../../src/documents/fill";
import { builtInTemplate } from "./docx";
import { fixtureBook } from "./fixture";
import { A4, cannotPrint, overlappingWords, printFiles, savePictures, type PdfPage, type PrintedFile } from "../support/pdf";
import { describeNeeding } from "../support/tools";

const why = cannotPrint("docx");
const describePrinted = describeNeeding(why);

const LONG = "Đảng bộ Trung tâm Y tế thị xã Châu Thành và các trạm y tế xã";

/** The lines (distinct baselines) on which the words of `upper` print in the header. */
function linesOf(page: PdfPage, upper: string): { lines: number; words: string[] } {
  const wanted = upper.split(" ");
  const top = page.words.filter((w) => w.yMax < 200 && w.xMax < 340);
  const found: { y: number; text: string }[] = [];
  let i = 0;
  for (const w of top) {
    if (i < wanted.length && w.text === wanted[i]) {
      found.push({ y: Math.round(w.yMin), text: w.text });
      i++;
    }
  }
  return { lines: new Set(found.map((f) => f.y)).size, words: found.map((f) => f.text) };
}

describePrinted("document header and page form, printed", () => {
  let short: PrintedFile;
  let long: PrintedFile;
  let bienBan: PrintedFile;

  beforeAll(() => {
    expect(LONG.length).toBe(60);
    const today = { year: 2021, month: 1, day: 8 };
    const shortBook = fixtureBook({ dangBoCoSo: "Phường Bến Thành", chiBo: "Chi bộ Phòng Kế toán" });
    const longBook = fixtureBook({ dangBoCoSo: LONG, chiBo: "Chi bộ Phòng Kế toán" });
    const printed = printFiles([
      { name: "de-dan-ngan.docx", bytes: fillTemplate(builtInTemplate("de-dan"), deDanData(shortBook, 1, { today })) },
      { name: "de-dan-dai.docx", bytes: fillTemplate(builtInTemplate("de-dan"), deDanData(longBook, 1, { today })) },
      { name: "bien-ban.docx", bytes: fillTemplate(builtInTemplate("bien-ban"), bienBanData(shortBook, 1).data) },
    ]);
    [short, long, bienBan] = printed;
    if (process.env.CHUYENDE_SCREENSHOTS) {
      const dir = path.resolve(__dirname, "..", "..", "docs", "screenshots");
      savePictures(long.pdf, dir, "de-dan");
      savePictures(bienBan.pdf, dir, "bien-ban");
    }
  }, 240_000);

  test("'CHI BỘ PHÒNG KẾ TOÁN' and 'ĐẢNG BỘ PHƯỜNG BẾN THÀNH' each print on one line", () => {
    expect(linesOf(short.pages[0], "CHI BỘ PHÒNG KẾ TOÁN")).toEqual({ lines: 1, words: ["CHI", "BỘ", "PHÒNG", "KẾ", "TOÁN"] });
    expect(linesOf(short.pages[0], "ĐẢNG BỘ PHƯỜNG BẾN THÀNH").lines).toBe(1);
  });

  test("a 60-character đảng bộ name takes at most two lines, broken between words", () => {
    const upper = LONG.toLocaleUpperCase("vi");
    const r = linesOf(long.pages[0], upper);
    // Every word printed whole (a word broken mid-way would not match).
    expect(r.words).toEqual(upper.split(" "));
    expect(r.lines).toBeLessThanOrEqual(2);
  });

  test("A4, page numbers from page 2 only, nothing overlapping", () => {
    for (const f of [short, long, bienBan]) {
      expect(f.pages.length).toBeGreaterThanOrEqual(2);
      for (const p of f.pages) {
        expect(p.width).toBeCloseTo(A4.short, 0);
        expect(p.height).toBeCloseTo(A4.long, 0);
        expect(overlappingWords(p).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
      }
      // The topmost word: on page 2 the number, centred; on page 1 the header, no number.
      const first = (p: PdfPage) => [...p.words].sort((a, b) => a.yMin - b.yMin)[0];
      expect(first(f.pages[0]).text).not.toMatch(/^\d+$/);
      const n = first(f.pages[1]);
      expect(n.text).toBe("2");
      expect(Math.abs((n.xMin + n.xMax) / 2 - f.pages[1].width / 2)).toBeLessThan(40);
    }
  });

  test("đề dẫn: no internal line, one signature slot per drafter, Nơi nhận", () => {
    const text = long.pages.map((p) => p.words.map((w) => w.text).join(" ")).join(" ");
    expect(text).not.toContain("Nhóm nội dung");
    // The fixture's topic 1 has two drafters: two slots.
    expect(text.match(/NGƯỜI CHUẨN BỊ/g)).toHaveLength(2);
    expect(text).toContain("Nơi nhận:");
  });

  test("biên bản: those present split into chính thức and dự bị", () => {
    const text = bienBan.pages.map((p) => p.words.map((w) => w.text).join(" ")).join(" ");
    expect(text).toContain("Có mặt: 9/11 đồng chí (chính thức: 8, dự bị: 1; tỷ lệ 81,8 %)");
  });
});
