// The report of one finished topic (chuyende bao-cao --stt N): read back as text (it states what
// the register holds: the topic, drafter, approval, time and place, who chaired, attendance with
// the absent and their reasons, opinions, conclusions, tasks, the finished draft, Nơi nhận and who
// signs), printed through LibreOffice (A4, nothing under 11 pt, nothing overlapping), refused for a
// topic not yet held. And every template keeps its closing block with the text before it.
import * as path from "path";
import { baoCaoData } from "../../src/core/make/topicReport";
import { checkTemplate, fillTemplate } from "../../src/documents/fill";
import { UserError } from "../../src/core/shared/types";
import { deDanData } from "../../src/core/make/documentData";
import { bienBanData } from "../../src/core/make/bienBanData";
import { danhSachData, thongBaoData } from "../../src/core/make/meetingPapers";
import { builtInTemplate, docxText, zipEntry } from "./docx";
import { fixtureBook, fixtureGrid, TOPIC_1 } from "./fixture";
import { runInProcess } from "../cli/helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { A4, cannotPrint, overlappingWords, printFiles, printedText, savePictures, type PrintedFile } from "../support/pdf";
import { writeFileSync } from "fs";

const TODAY = { year: 2021, month: 3, day: 1 };
const flat = (s: string) => s.replace(/\s+/g, " ");

function report(): Uint8Array {
  return fillTemplate(builtInTemplate("bao-cao"), baoCaoData(fixtureBook(), 1, { today: TODAY }).data);
}

test("the built-in template uses only the report's placeholders", () => {
  const result = checkTemplate(builtInTemplate("bao-cao"), "bao-cao");
  expect([...result.errors, ...result.unknownMessages]).toEqual([]);
});

test("it states what the register holds", () => {
  const t = flat(docxText(report()));
  expect(t).toContain("ĐẢNG BỘ TRƯỜNG THPT NGUYỄN DU");
  expect(t).toContain("CHI BỘ TỔ TOÁN – TIN");
  expect(t).toContain("Số ……-BC/CB");
  // Dated its Ngày báo cáo cấp trên.
  expect(t).toContain("Thành phố Hồ Chí Minh, ngày 12 tháng 02 năm 2021");
  expect(t).toContain("BÁO CÁO Kết quả sinh hoạt chi bộ chuyên đề Quý I/2021");
  expect(t).toContain(`1. Chuyên đề: “${TOPIC_1}” (nhóm nội dung: Xây dựng Đảng).`);
  expect(t).toContain(
    "2. Người chuẩn bị đề dẫn: Lê Văn Cường và Phạm Thị Dung. Ngày 20/01/2021, Chi ủy đã thông qua dự thảo đề dẫn, gửi đảng viên ngày 25/01/2021.",
  );
  expect(t).toContain(
    "3. Thời gian, địa điểm: từ 08 giờ 00 đến 10 giờ 30, ngày 05 tháng 02 năm 2021, tại Phòng họp tầng 2, Trường THPT Nguyễn Du; hình thức: sinh hoạt chuyên đề riêng.",
  );
  expect(t).toContain(
    "4. Chủ trì: đồng chí Nguyễn Văn An – Bí thư chi bộ; thư ký: đồng chí Ngô Thị Lan; đại biểu: Đồng chí Vũ Thị Quế, Đảng ủy viên.",
  );
  expect(t).toContain(
    "Tổng số đảng viên của chi bộ: 12 đồng chí (chính thức: 11, dự bị: 1); miễn sinh hoạt: 1 đồng chí; phải dự: 11 đồng chí.",
  );
  expect(t).toContain(
    "Có mặt: 9/11 đồng chí (chính thức: 8, dự bị: 1), đạt tỷ lệ 81,8 %; vắng: 2 đồng chí (có lý do: 1, không có lý do: 1).",
  );
  expect(t).toContain("- Đồng chí Đỗ Văn Em: vắng có lý do (Đi công tác tại Đà Nẵng).");
  expect(t).toContain("- Đồng chí Hồ Thị Giang: vắng không có lý do.");
  expect(t).toContain("có 02 lượt ý kiến phát biểu của các đồng chí Dương Văn Minh và Lý Thị Ngọc.");
  expect(t).toContain("2. Kết luận của chủ trì: Chi bộ thống nhất tiếp thu ý kiến, hoàn thiện chuyên đề");
  expect(t).toContain("3. Nhiệm vụ, giải pháp chi bộ đề ra: Đồng chí Cường hoàn thiện đề dẫn trước ngày 10/02/2021");
  expect(t).toContain("4. Biểu quyết: 8/8 tán thành.");
  expect(t).toContain("chuyên đề đã được gửi đảng viên trong chi bộ ngày 10/02/2021 để nghiên cứu, học tập.");
  expect(t).toContain("Nơi nhận: - Đảng ủy Trường THPT Nguyễn Du (để báo cáo), - Các đảng viên trong chi bộ, - Lưu hồ sơ chi bộ.");
  // A chi ủy viên among the members: the cell has a chi ủy.
  expect(t).toContain("T/M CHI ỦY BÍ THƯ Nguyễn Văn An");
});

test("a topic not yet held is refused in Vietnamese", () => {
  expect(() => baoCaoData(fixtureBook(), 2, { today: TODAY })).toThrow(UserError);
  expect(() => baoCaoData(fixtureBook(), 2, { today: TODAY })).toThrow(/chưa sinh hoạt \(sổ ghi “Dự kiến”, ngày sinh hoạt 15\/04\/2021/);
  expect(() => baoCaoData(fixtureBook(), 5, { today: TODAY })).toThrow(/chưa có ngày sinh hoạt/);
});

describe("the command", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = makeTempDir("chuyende-bao-cao-stt-");
    file = path.join(dir, "so.xlsx");
    // The fixture grid as a workbook: one sheet per grid sheet, values as they are.
    const wb = newWorkbook();
    renderSheets(
      wb,
      fixtureGrid().sheets.map((s) => ({
        name: s.name,
        cells: s.values.flatMap((row, r) =>
          row.map((v, c) => ({
            row: r + 1,
            col: c + 1,
            value:
              v instanceof Date
                ? { date: { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() } }
                : (v as string | number | null),
          })),
        ),
      })),
    );
    await wb.xlsx.writeFile(file);
  });
  afterAll(() => removeTempDir(dir));

  test("--stt writes the report; --stt with --quy is refused", async () => {
    const out = path.join(dir, "bc.docx");
    const ok = await runInProcess(["bao-cao", file, "--stt", "1", "-o", out], new Date(2021, 2, 1));
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("Đã lập báo cáo kết quả chuyên đề STT 1");
    const both = await runInProcess(["bao-cao", file, "--stt", "1", "--quy", "1", "-o", out], new Date(2021, 2, 1));
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Chọn một trong hai: --stt N lập báo cáo kết quả một chuyên đề, --quy Q lập báo cáo quý");
    const early = await runInProcess(["bao-cao", file, "--stt", "2", "-o", path.join(dir, "bc2.docx")], new Date(2021, 2, 1));
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("chuyên đề chưa sinh hoạt");
  });
});

/** The paragraph right before the last table (the closing block: Nơi nhận and the signature). */
function beforeClosing(docx: Uint8Array): string {
  const xml = zipEntry(docx, "word/document.xml");
  const body = xml.slice(0, xml.lastIndexOf("<w:tbl>"));
  return body.slice(body.lastIndexOf("<w:p>"));
}

test.each(["de-dan", "bien-ban", "danh-sach", "thong-bao", "ke-hoach", "bao-cao"] as const)(
  "%s keeps the text before its closing block with it",
  (kind) => {
    expect(beforeClosing(builtInTemplate(kind))).toContain("<w:keepNext/>");
  },
);

const why = cannotPrint("docx");
if (why) console.warn(`Bỏ qua kiểm tra in báo cáo chuyên đề: ${why}.`);
(why ? describe.skip : describe)("printed", () => {
  let printed: PrintedFile[];
  beforeAll(() => {
    const book = fixtureBook();
    printed = printFiles([
      { name: "bao-cao.docx", bytes: report() },
      { name: "de-dan.docx", bytes: fillTemplate(builtInTemplate("de-dan"), deDanData(book, 1, { today: TODAY })) },
      { name: "bien-ban.docx", bytes: fillTemplate(builtInTemplate("bien-ban"), bienBanData(book, 1, { today: TODAY }).data) },
      { name: "danh-sach.docx", bytes: fillTemplate(builtInTemplate("danh-sach"), danhSachData(book, 1).data) },
      { name: "thong-bao.docx", bytes: fillTemplate(builtInTemplate("thong-bao"), thongBaoData(book, 1).data) },
    ]);
    if (process.env.CHUYENDE_SCREENSHOTS)
      savePictures(printed[0].pdf, path.resolve(__dirname, "..", "..", "docs", "hinh"), "bao-cao-chuyen-de", 60, 1);
    if (process.env.CHUYENDE_PAPERS_OUT) writeFileSync(path.join(process.env.CHUYENDE_PAPERS_OUT, "bao-cao-chuyen-de.pdf"), printed[0].pdf);
  }, 240_000);

  test("A4, no word under 11 pt, nothing overlapping; the report's words printed", () => {
    const [bc] = printed;
    for (const p of bc.pages) {
      expect(p.width).toBeCloseTo(A4.short, 0);
      expect(p.height).toBeCloseTo(A4.long, 0);
      expect(p.words.filter((w) => w.yMax - w.yMin < 11.5).map((w) => w.text)).toEqual([]);
      expect(overlappingWords(p).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
    }
    const t = flat(printedText(bc));
    expect(t).toContain("Số ……-BC/CB");
    expect(t).toContain("81,8 %");
    expect(t).toContain("T/M CHI ỦY");
  });

  test("no page holds only the closing block", () => {
    const names = ["bao-cao", "de-dan", "bien-ban", "danh-sach", "thong-bao"];
    printed.forEach((f, i) => {
      const name = `${names[i]} (${f.pages.length} trang)`;
      const last = f.pages[f.pages.length - 1];
      // Words above the closing block's first line on its page (the page number aside).
      const closing = last.words.find((w) => ["Nơi", "THƯ", "NGƯỜI", "T/M"].includes(w.text));
      expect([name, closing !== undefined]).toEqual([name, true]);
      const pageNumber = (w: { text: string; yMax: number }) => /^\d+$/.test(w.text) && w.yMax < 60;
      const body = last.words.filter((w) => w.yMax < closing!.yMin - 2 && !pageNumber(w));
      expect([name, body.length > 5]).toEqual([name, true]);
    });
  });
});
