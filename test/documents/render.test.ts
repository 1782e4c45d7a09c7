// Fills both built-in templates from the sample register (written to .xlsx and read back
// the way the CLI does) and from the test fixture, prints them to PDF with LibreOffice,
// and reads the pages back as a user would see them.
import { bienBanData, deDanData } from "../../src/core/make/documentData";
import { readWorkbook } from "../../src/core/read/register";
import { SAMPLE_INFO, SAMPLE_MEMBERS, sampleRows, sampleWorkbook } from "../../src/core/make/sample";
import type { ParsedWorkbook } from "../../src/core/shared/types";
import { fillTemplate } from "../../src/documents/fill";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { loadWorkbookBytes } from "../../src/cli/xlsx";
import { builtInTemplate, docxToPdfText } from "./docx";
import { fixtureBook, TOPIC_1 } from "./fixture";
import { describeNeeding } from "../support/tools";
import { cannotPrint } from "../support/pdf";

const describePdf = describeNeeding(cannotPrint("docx"));

/** Whitespace runs → one space (pdftotext wraps lines where the page does). */
function flat(s: string): string {
  return s.replace(/\s+/g, " ");
}

async function sampleBook(): Promise<ParsedWorkbook> {
  const wb = newWorkbook();
  renderSheets(wb, sampleWorkbook());
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const { grid } = await loadWorkbookBytes(bytes, "so-chuyen-de-mau.xlsx");
  return readWorkbook(grid);
}

describePdf("documents printed through LibreOffice", () => {
  let texts: Record<string, string> = {};
  const rows = sampleRows();
  const heldStt = Number(rows.minutes[0][0]);
  const plannedRow = rows.register.find((r) => r[10] === "Dự kiến")!;
  const plannedStt = Number(plannedRow[0]);

  beforeAll(async () => {
    const book = await sampleBook();
    const files = [
      { name: "bien-ban-mau.docx", bytes: fillTemplate(builtInTemplate("bien-ban"), bienBanData(book, heldStt).data) },
      {
        name: "de-dan-mau.docx",
        bytes: fillTemplate(builtInTemplate("de-dan"), deDanData(book, plannedStt, { today: { year: 2025, month: 11, day: 3 } })),
      },
      { name: "bien-ban-fixture.docx", bytes: fillTemplate(builtInTemplate("bien-ban"), bienBanData(fixtureBook(), 1).data) },
      {
        name: "de-dan-fixture.docx",
        bytes: fillTemplate(builtInTemplate("de-dan"), deDanData(fixtureBook(), 1, { today: { year: 2021, month: 1, day: 8 } })),
      },
    ];
    const out = docxToPdfText(files);
    texts = Object.fromEntries(files.map((f, i) => [f.name, out[i]]));
  }, 120_000);

  test("no page shows 'undefined' or a leftover tag", () => {
    for (const t of Object.values(texts)) {
      expect(t).not.toContain("undefined");
      expect(t).not.toMatch(/[{}]/);
    }
  });

  test("biên bản of the sample: header, title, date, people, counts, absentees, speakers", () => {
    const t = texts["bien-ban-mau.docx"];
    const f = flat(t);
    expect(t).toMatch(/^\s*ĐẢNG BỘ SỞ TÀI CHÍNH\s+ĐẢNG CỘNG SẢN VIỆT NAM\s*$/m);
    expect(f).toContain("CHI BỘ PHÒNG KẾ");
    expect(t).toMatch(/^\s*\*\s*$/m);
    expect(t).toMatch(/^\s*BIÊN BẢN\s*$/m);
    expect(t).toMatch(/^\s*SINH HOẠT CHI BỘ CHUYÊN ĐỀ QUÝ I\/2025\s*$/m);
    expect(f).toContain(`${SAMPLE_INFO.diaDanh}, ngày 14 tháng 3 năm 2025`);
    expect(f).toContain("vào lúc 08 giờ 00, ngày 14 tháng 3 năm 2025");
    expect(f).toContain(`Chủ trì: đồng chí ${SAMPLE_INFO.biThu} – Bí thư chi bộ`);
    const total = SAMPLE_MEMBERS.length;
    const duBi = SAMPLE_MEMBERS.filter((m) => m.kind === "Dự bị").length;
    const exempt = SAMPLE_MEMBERS.filter((m) => m.exempt).length;
    expect(f).toContain(
      `Tổng số đảng viên của chi bộ: ${total} đồng chí (chính thức: ${total - duBi}, dự bị: ${duBi}); miễn sinh hoạt: ${exempt} đồng chí.`,
    );
    const absences = rows.attendance.filter((r) => Number(r[0]) === heldStt && String(r[2]).startsWith("Vắng"));
    const present = rows.attendance.filter((r) => Number(r[0]) === heldStt && r[2] === "Có mặt").length;
    expect(f).toContain(`Có mặt: ${present}/${total - exempt} đồng chí`);
    expect(present + absences.length + exempt).toBe(total);
    for (const a of absences.filter((r) => r[2] === "Vắng có lý do")) expect(f).toContain(`Đồng chí ${a[1]} — lý do: ${a[3]}.`);
    for (const o of rows.opinions.filter((r) => Number(r[0]) === heldStt))
      expect(f).toContain(`Đồng chí ${o[1]}: ${String(o[2]).slice(0, 30)}`);
    expect(t).toMatch(/THƯ KÝ\s+CHỦ TRÌ/);
    expect(f).toContain("Biên bản đã được đọc lại");
  });

  test("đề dẫn of the sample: mark, title with quarter, topic, drafters, outline, signature", () => {
    const t = texts["de-dan-mau.docx"];
    const f = flat(t);
    expect(t).toMatch(/ĐẢNG CỘNG SẢN VIỆT NAM/);
    expect(f).toContain(`${SAMPLE_INFO.diaDanh}, ngày 03 tháng 11 năm 2025`);
    expect(t).toMatch(/^\s*DỰ THẢO\s*$/m);
    expect(t).toMatch(/^\s*ĐỀ DẪN CHUYÊN ĐỀ QUÝ IV\/2025\s*$/m);
    expect(f).toContain(flat(String(plannedRow[2])));
    for (const h of [
      "I. SỰ CẦN THIẾT, MỤC ĐÍCH, YÊU CẦU",
      "II. THỰC TRẠNG",
      "III. NHIỆM VỤ, GIẢI PHÁP",
      "IV. CÁC VẤN ĐỀ ĐỀ NGHỊ CHI BỘ THẢO LUẬN",
    ]) {
      expect(f).toContain(h);
    }
    expect(f).toContain("NGƯỜI CHUẨN BỊ");
    for (const name of String(plannedRow[4]).split(/ và |, /)) expect(f).toContain(name.trim());
  });

  test("fixture documents: upper-case header with Vietnamese letters, 02-style dates, counts and names", () => {
    const bb = texts["bien-ban-fixture.docx"];
    expect(bb).toMatch(/^\s*ĐẢNG BỘ TRƯỜNG THPT/m);
    expect(bb).toMatch(/^\s*CHI BỘ TỔ TOÁN – TIN/m);
    const f = flat(bb);
    expect(f).toContain("Thành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2021");
    expect(f).toContain("Có mặt: 9/11 đồng chí (chính thức: 8, dự bị: 1; tỷ lệ 81,8 %); vắng: 2 đồng chí");
    expect(f).toContain("Đồng chí Đỗ Văn Em — lý do: Đi công tác tại Đà Nẵng.");
    expect(f).toContain("Đồng chí Hồ Thị Giang.");
    expect(f).toContain("Biểu quyết: 8/8 tán thành.");
    const dd = flat(texts["de-dan-fixture.docx"]);
    expect(dd).toContain(flat(TOPIC_1));
    expect(dd).toContain("ngày 08 tháng 01 năm 2021");
    expect(dd).toContain("Dự thảo được Chi ủy thông qua ngày 20/01/2021, gửi đảng viên ngày 25/01/2021.");
    expect(dd).toContain("Lê Văn Cường");
  });
});
