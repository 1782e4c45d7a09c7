// The papers of one meeting and the header block for long names, printed through
// LibreOffice and read back word by word:
// - the sign-in sheet and the notice: A4, nothing under 11 pt, nothing overlapping, and they
//   state what the register holds (members, kinds, the excused one, topic, date, time, place;
//   drafter, approval, the sending date in the header, the number);
// - a đảng bộ name of 60 and of 89 characters and a chi bộ name of 84 take at most three lines
//   in every header (the four templates, the Word report, the report sheet), broken between
//   words, with the star right under the name.
import * as path from "path";
import { check } from "../../src/core/check/check";
import { deDanData } from "../../src/core/make/documentData";
import { danhSachData, thongBaoData } from "../../src/core/make/meetingPapers";
import { buildQuarterReport, quarterReport } from "../../src/core/make/report";
import { yearPlanData } from "../../src/core/plan/yearPlan";
import { fillTemplate } from "../../src/documents/fill";
import { quarterReportDocx } from "../../src/documents/reportDocx";
import { newWorkbook, renderSheet } from "../../src/xlsx/render";
import type { ParsedWorkbook } from "../../src/core/shared/types";
import { builtInTemplate, makeDocx, paragraph, run } from "./docx";
import { fixtureBook, MEMBERS, TOPIC_1 } from "./fixture";
import { A4, cannotPrint, overlappingWords, printFiles, printedText, savePictures, type PdfPage, type PrintedFile } from "../support/pdf";

const why = cannotPrint("docx") ?? cannotPrint("xlsx");
if (why) console.warn(`Bỏ qua kiểm tra in danh sách, thông báo, tiêu đề tên dài: ${why}.`);
const describePrinted = why ? describe.skip : describe;

const DB_60 = "Đảng bộ Trung tâm Y tế thị xã Châu Thành và các trạm y tế xã";
const DB_89 = "Đảng bộ Cơ quan Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu và các đơn vị sự nghiệp trực thuộc";
const CB_84 = "Chi bộ Phòng Quản lý đô thị và Tài nguyên môi trường Ủy ban nhân dân quận Bình Thạnh";
const TODAY = { year: 2021, month: 1, day: 8 };
const upper = (s: string) => s.toLocaleUpperCase("vi");

/** The lines on which the words of `name` print, in order, in the header (top left of page 1),
 *  and the star under them. */
function headerLines(page: PdfPage, name: string): { lines: number[]; words: string[]; star: { dy: number; dx: number } | null } {
  const wanted = upper(name).split(" ");
  // The issuer block: from the left margin less its outdent to 115 mm (326 pt).
  const area = page.words.filter((w) => w.yMax < 260 && w.xMax < 330).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const found: typeof area = [];
  let i = 0;
  for (const w of area) if (i < wanted.length && w.text === wanted[i]) (found.push(w), i++);
  const lines: number[] = [];
  for (const w of found) if (!lines.some((y) => Math.abs(y - w.yMin) < 3)) lines.push(w.yMin);
  const last = found[found.length - 1];
  const star = last ? area.find((w) => w.text === "*" && w.yMin > last.yMin) : undefined;
  const left = Math.min(...found.map((w) => w.xMin));
  const right = Math.max(...found.map((w) => w.xMax));
  return {
    lines,
    words: found.map((w) => w.text),
    star: star && last ? { dy: star.yMin - last.yMax, dx: Math.abs((star.xMin + star.xMax) / 2 - (left + right) / 2) } : null,
  };
}

function reportOf(book: ParsedWorkbook) {
  const asOf = { year: 2021, month: 4, day: 5 };
  return quarterReport(book, check(book, { asOf }), 1, 2021, { today: asOf });
}

describePrinted("the sign-in sheet and the notice, printed", () => {
  let danhSach: PrintedFile;
  let thongBao: PrintedFile;
  let minHeight = 0;

  beforeAll(() => {
    const book = fixtureBook();
    const ref = makeDocx(paragraph(run("Mẫu chữ", '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="22"/>')));
    const printed = printFiles([
      { name: "mau-11pt.docx", bytes: ref },
      { name: "danh-sach.docx", bytes: fillTemplate(builtInTemplate("danh-sach"), danhSachData(book, 1).data) },
      { name: "thong-bao.docx", bytes: fillTemplate(builtInTemplate("thong-bao"), thongBaoData(book, 1).data) },
    ]);
    minHeight = Math.min(...printed[0].pages[0].words.map((w) => w.yMax - w.yMin));
    [, danhSach, thongBao] = printed;
    if (process.env.CHUYENDE_SCREENSHOTS) {
      const dir = path.resolve(__dirname, "..", "..", "docs", "screenshots");
      savePictures(danhSach.pdf, dir, "danh-sach", 70, 1);
      savePictures(thongBao.pdf, dir, "thong-bao", 70, 1);
    }
  }, 240_000);

  test("A4 portrait, no word under 11 pt, nothing overlapping", () => {
    expect(minHeight).toBeGreaterThan(10);
    for (const f of [danhSach, thongBao]) {
      for (const p of f.pages) {
        expect(p.width).toBeCloseTo(A4.short, 0);
        expect(p.height).toBeCloseTo(A4.long, 0);
        expect(p.words.filter((w) => w.yMax - w.yMin < minHeight - 0.2).map((w) => w.text)).toEqual([]);
        expect(overlappingWords(p).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
      }
    }
  });

  test("the sign-in sheet states the register: every member with kind, the excused one, the topic, time and place", () => {
    const text = printedText(danhSach).replace(/\s+/g, " ");
    expect(text).toContain("DANH SÁCH");
    expect(text).toContain("ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ CHUYÊN ĐỀ QUÝ I/2021");
    expect(text).toContain("Thời gian: 08 giờ 00, thứ Sáu, ngày 05 tháng 02 năm 2021; địa điểm: Phòng họp tầng 2, Trường THPT Nguyễn Du");
    expect(text).toContain(
      "Tổng số đảng viên của chi bộ: 12 đồng chí (chính thức: 11, dự bị: 1); miễn sinh hoạt: 1 đồng chí; phải dự: 11 đồng chí.",
    );
    for (const word of TOPIC_1.split(" ")) expect(text).toContain(word);
    // One table row per member: number, name and kind on one line.
    const page = danhSach.pages[0];
    MEMBERS.forEach(([name, , kind], i) => {
      const first = page.words.find(
        (w) => w.text === name.split(" ")[0] && page.words.some((n) => n.text === String(i + 1) && Math.abs(n.yMin - w.yMin) < 2),
      );
      expect([name, first !== undefined]).toEqual([name, true]);
      // The row: its words centred on it (a wrapped "Miễn sinh hoạt" sits a little higher).
      const line = page.words
        .filter((w) => Math.abs(w.yMin - first!.yMin) < 10)
        .map((w) => w.text)
        .join(" ");
      expect(line).toContain(name);
      expect(line).toContain(kind);
      if (name === "Đặng Văn Khoa") expect(line).toContain("Miễn");
    });
    expect(text).toContain("THƯ KÝ");
    expect(text).toContain("CHỦ TRÌ");
  });

  test("the notice states the register: number, sending date, approval, topic, drafters, time, place", () => {
    const text = printedText(thongBao).replace(/\s+/g, " ");
    expect(text).toContain("Số ……-TB/CB");
    expect(text).toContain("Thành phố Hồ Chí Minh, ngày 25 tháng 01 năm 2021");
    expect(text).toContain("THÔNG BÁO");
    expect(text).toContain("Về việc gửi dự thảo đề dẫn sinh hoạt chi bộ chuyên đề Quý I/2021");
    expect(text).toContain("Ngày 20/01/2021, Chi ủy đã thông qua dự thảo đề dẫn");
    expect(text).toContain("do các đồng chí Lê Văn Cường và Phạm Thị Dung chuẩn bị");
    expect(text).toContain("1. Thời gian: 08 giờ 00, thứ Sáu, ngày 05 tháng 02 năm 2021.");
    expect(text).toContain("2. Địa điểm: Phòng họp tầng 2, Trường THPT Nguyễn Du.");
    expect(text).toContain("5. Tài liệu nghiên cứu trước:");
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain("T/M CHI ỦY");
    expect(text).toContain("Nguyễn Văn An");
  });
});

describePrinted("long names in every header, printed", () => {
  const cases: { name: string; file: PrintedFile; names: string[] }[] = [];

  beforeAll(async () => {
    const files: { name: string; bytes: Uint8Array; names: string[] }[] = [];
    for (const [label, dangBo, chiBo] of [
      ["60", DB_60, "Chi bộ Phòng Kế toán"],
      ["89", DB_89, CB_84],
    ]) {
      const book = fixtureBook({ dangBoCoSo: dangBo, chiBo });
      const names = [dangBo, chiBo];
      files.push(
        { name: `de-dan-${label}.docx`, bytes: fillTemplate(builtInTemplate("de-dan"), deDanData(book, 1, { today: TODAY })), names },
        { name: `danh-sach-${label}.docx`, bytes: fillTemplate(builtInTemplate("danh-sach"), danhSachData(book, 1).data), names },
        { name: `thong-bao-${label}.docx`, bytes: fillTemplate(builtInTemplate("thong-bao"), thongBaoData(book, 1).data), names },
        {
          name: `ke-hoach-${label}.docx`,
          bytes: fillTemplate(builtInTemplate("ke-hoach"), yearPlanData(book, { year: 2021, today: TODAY })),
          names,
        },
        { name: `bao-cao-${label}.docx`, bytes: quarterReportDocx(reportOf(book)), names },
      );
      const wb = newWorkbook();
      const asOf = { year: 2021, month: 4, day: 5 };
      renderSheet(wb, buildQuarterReport(book, check(book, { asOf }), 1, 2021, { today: asOf }));
      files.push({ name: `bao-cao-sheet-${label}.xlsx`, bytes: new Uint8Array(await wb.xlsx.writeBuffer()), names });
    }
    const printed = printFiles(files.map(({ name, bytes }) => ({ name, bytes })));
    printed.forEach((file, i) => cases.push({ name: files[i].name, file, names: files[i].names }));
    if (process.env.CHUYENDE_SCREENSHOTS) {
      const dir = path.resolve(__dirname, "..", "..", "docs", "screenshots");
      savePictures(cases.find((c) => c.name === "bao-cao-sheet-89.xlsx")!.file.pdf, dir, "tieu-de-ten-dai", 70, 1);
    }
  }, 300_000);

  test("each name on at most three lines, every word whole, the star right under it", () => {
    expect(cases).toHaveLength(12);
    for (const c of cases) {
      const page = c.file.pages[0];
      for (const name of c.names) {
        const r = headerLines(page, name);
        expect([c.name, name, r.words]).toEqual([c.name, name, upper(name).split(" ")]);
        expect([c.name, name, r.lines.length <= 3]).toEqual([c.name, name, true]);
      }
      const star = headerLines(page, c.names[1]).star;
      expect([c.name, star !== null]).toEqual([c.name, true]);
      // Directly below the chi bộ line (less than a line's gap), centred under the block.
      expect([c.name, star!.dy < 12, star!.dx < 20]).toEqual([c.name, true, true]);
      expect(overlappingWords(page).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
    }
  });

  test("a short name stays on one line", () => {
    for (const c of cases.filter((x) => x.name.includes("-60"))) {
      expect([c.name, headerLines(c.file.pages[0], "Chi bộ Phòng Kế toán").lines.length]).toEqual([c.name, 1]);
    }
  });
});
