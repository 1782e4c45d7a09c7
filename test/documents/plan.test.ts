// The annual plan document, filled from registers of 4 and of 9 topics (written to .xlsx and
// read back the way the CLI does), printed through LibreOffice and read back as a user sees
// the pages: A4, Times New Roman, no text under 11 pt, the table inside the page, and the
// register's topics, drafters and dates in it. PLAN_SCREENSHOTS=DIR keeps the PNG pages.
import { execFileSync } from "child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import PizZip from "pizzip";
import { buildCanonicalWorkbook } from "../../src/core/make/canonical";
import { yearPlanData, PLAN_FIELDS } from "../../src/core/plan/yearPlan";
import { readWorkbook } from "../../src/core/read/register";
import type { ModelValue } from "../../src/core/make/sheetModel";
import type { ParsedWorkbook } from "../../src/core/shared/types";
import { fillTemplate } from "../../src/documents/fill";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { loadWorkbookBytes } from "../../src/cli/xlsx";
import { docxParagraphs, sofficePath, TEMPLATES_DIR } from "./docx";
import { readFileSync } from "fs";
import { describeNeeding } from "../support/tools";
import { cannotPrint } from "../support/pdf";

const describePdf = describeNeeding(cannotPrint("docx"));
const template = new Uint8Array(readFileSync(path.join(TEMPLATES_DIR, "ke-hoach.docx")));

const d = (day: number, month: number) => ({ date: { year: 2021, month, day } });
type Row = [string, string, string, string, { date: { year: number; month: number; day: number } } | null, string?];

/** Canonical register rows: Quý, title, group, drafters, meeting date, status. */
function registerRows(rows: Row[]): ModelValue[][] {
  return rows.map(([q, title, group, who, meeting, status], i) => [
    i + 1,
    q,
    title,
    group,
    who,
    null,
    null,
    null,
    meeting,
    "Riêng",
    status ?? "Dự kiến",
    null,
    null,
    null,
  ]);
}

const FOUR: Row[] = [
  ["I", "Ôn truyền thống, kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam", "Xây dựng Đảng", "Nguyễn Văn An", d(25, 2)],
  ["II", "Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ", "Xây dựng Đảng", "Trần Thị Bình", d(20, 5)],
  ["III", "Chi bộ tham gia góp ý, hiến kế với lãnh đạo đơn vị về nhiệm vụ chính trị", "Nhiệm vụ chuyên môn", "Lê Văn Cường", d(19, 8)],
  ["IV", "Lãnh đạo các đoàn thể giới thiệu đoàn viên ưu tú cho Đảng", "Lãnh đạo đoàn thể", "Phạm Thị Dung", d(18, 11)],
];

/** 9 topics to plan, and one cancelled (not printed). */
const NINE: Row[] = [
  ...FOUR,
  [
    "I",
    "Thực hiện Nghị quyết Trung ương 4 – Khóa XII về xây dựng, chỉnh đốn Đảng, giải pháp nâng cao việc ngăn chặn, đẩy lùi sự suy thoái về tư tưởng, chính trị, đạo đức lối sống trong cán bộ, đảng viên của chi bộ",
    "Xây dựng Đảng",
    "Nguyễn Văn An, Trần Thị Bình",
    d(30, 3),
  ],
  ["II", "Nâng cao công tác quản lý đảng viên của chi bộ và tăng chỉ tiêu phát triển đảng viên mới", "Xây dựng Đảng", "", d(24, 6)],
  ["III", "Giải pháp thực hiện tốt quy chế phối hợp giữa chi ủy với các bộ phận", "Nhiệm vụ chuyên môn", "Hoàng Văn Em", null],
  ["IV", "Giải pháp phát huy, tăng cường phát biểu của đảng viên trong sinh hoạt chi bộ", "Xây dựng Đảng", "Võ Thị Phương", d(16, 12)],
  ["III", "Chuyên đề đã hủy không được in", "Xây dựng Đảng", "Ai đó", d(10, 9), "Hủy"],
  ["IV", "Chi bộ lãnh đạo và hỗ trợ các đoàn thể thực hiện nhiệm vụ công tác năm 2021", "Lãnh đạo đoàn thể", "Đỗ Văn Giang", d(28, 10)],
];

async function bookOf(rows: Row[]): Promise<ParsedWorkbook> {
  const wb = newWorkbook();
  renderSheets(
    wb,
    buildCanonicalWorkbook({
      year: 2021,
      info: {
        dangBoCapTren: "Đảng bộ Khối Cơ sở",
        dangBoCoSo: "Đảng bộ Trường THPT Nguyễn Du",
        chiBo: "Chi bộ Tổ Toán – Tin",
        biThu: "Nguyễn Văn An",
        diaDanh: "Thành phố Hồ Chí Minh",
      },
      register: registerRows(rows),
      emptyRows: 3,
    }),
  );
  const { grid } = await loadWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), "so.xlsx");
  return readWorkbook(grid);
}

interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
  page: number;
}

function words(bboxHtml: string): Word[] {
  const out: Word[] = [];
  let page = 0;
  for (const m of bboxHtml.matchAll(
    /<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[0].startsWith("<page")) {
      page++;
      continue;
    }
    out.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5], page });
  }
  return out;
}

interface Printed {
  text: string;
  words: Word[];
  pageSizes: string[];
  pngs: string[];
  docx: Uint8Array;
}

describePdf("Kế hoạch năm printed through LibreOffice", () => {
  const printed: Record<string, Printed> = {};
  const dir = mkdtempSync(path.join(os.tmpdir(), "chuyende-plan-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const today = { year: 2021, month: 1, day: 5 };
    const files = [
      { name: "ke-hoach-4", book: await bookOf(FOUR) },
      { name: "ke-hoach-9", book: await bookOf(NINE) },
    ].map((f) => {
      const docx = fillTemplate(template, yearPlanData(f.book, { year: 2021, today }));
      const p = path.join(dir, `${f.name}.docx`);
      writeFileSync(p, docx);
      return { ...f, p, docx };
    });
    execFileSync(
      sofficePath()!,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...files.map((f) => f.p),
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    for (const f of files) {
      const pdf = f.p.replace(/\.docx$/, ".pdf");
      const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", pdf], { encoding: "utf8" });
      const pageSizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1]);
      const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8" }).normalize("NFC");
      const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).normalize("NFC");
      execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(dir, f.name)]);
      const pngs = readdirSync(dir)
        .filter((n) => n.startsWith(`${f.name}-`) && n.endsWith(".png"))
        .sort()
        .map((n) => path.join(dir, n));
      printed[f.name] = { text, words: words(html), pageSizes, pngs, docx: f.docx };
    }
    const keep = process.env.PLAN_SCREENSHOTS;
    if (keep)
      for (const f of Object.values(printed)) for (const png of f.pngs) copyFileSync(png, path.join(keep, `13-${path.basename(png)}`));
  }, 180_000);

  const flat = (s: string) => s.replace(/\s+/g, " ");

  test.each(["ke-hoach-4", "ke-hoach-9"])("%s: A4 pages, Times New Roman, nothing under 11 pt", (name) => {
    const p = printed[name];
    expect(p.pageSizes.length).toBeGreaterThan(0);
    for (const s of p.pageSizes) expect(s).toBe("595.304 x 841.89");
    const xml = new PizZip(p.docx).file("word/document.xml")!.asText();
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    const sizes = [...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    // A printed word box is ~1.3× its font size (Liberation Serif / Times New Roman): 11 pt → 14.3.
    const smallest = Math.min(...p.words.filter((w) => /[A-Za-zÀ-ỹ0-9]/.test(w.text)).map((w) => w.yMax - w.yMin));
    expect(smallest).toBeGreaterThanOrEqual(11 * 1.25);
  });

  test.each(["ke-hoach-4", "ke-hoach-9"])("%s: every word within the page's margins (the table fits)", (name) => {
    const p = printed[name];
    // Left margin 30 mm (85 pt) less the header block's 10 mm outdent; right margin 15 mm (42.5 pt), its 5 mm.
    for (const w of p.words) {
      expect(w.xMin).toBeGreaterThanOrEqual(85 - 28.4);
      expect(w.xMax).toBeLessThanOrEqual(595.3 - 42.5 + 15);
    }
    // The table's grid is the text width: 210 − 30 − 15 = 165 mm.
    const xml = new PizZip(p.docx).file("word/document.xml")!.asText();
    const grid = /<w:tblGrid>((?:<w:gridCol w:w="\d+"\/>)+)<\/w:tblGrid>/g;
    const widths = [...xml.matchAll(grid)].map((m) => [...m[1].matchAll(/w:w="(\d+)"/g)].reduce((a, x) => a + Number(x[1]), 0));
    // 11906 twips of A4 less the margins as the template rounds them (1701 + 850).
    expect(widths).toContain(11906 - 1701 - 850);
  });

  test("4 topics: header, title, one row per quarter with the register's values, signature, Nơi nhận", () => {
    const t = flat(printed["ke-hoach-4"].text);
    // The header's two columns interleave in the text: each line is checked on its own.
    expect(t).toContain("ĐẢNG BỘ TRƯỜNG THPT");
    expect(t).toContain("NGUYỄN DU");
    expect(t).toContain("CHI BỘ TỔ TOÁN – TIN");
    expect(t).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(t).toContain("Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2021");
    expect(t).toContain("KẾ HOẠCH");
    expect(t).toContain("sinh hoạt chi bộ chuyên đề năm 2021");
    expect(t).toContain("Chi bộ thống nhất 04 chuyên đề");
    // The table's cells wrap on the page: their values are read from the filled document,
    // and each of their words must be on the printed page.
    const cells = docxParagraphs(printed["ke-hoach-4"].docx);
    const printedWords = new Set(printed["ke-hoach-4"].words.map((w) => w.text));
    for (const [q, title, group, who, m] of FOUR) {
      const date = `${String(m!.date.day).padStart(2, "0")}/${String(m!.date.month).padStart(2, "0")}/2021`;
      const at = cells.indexOf(`Quý ${q}`);
      expect(cells.slice(at, at + 6)).toEqual([`Quý ${q}`, expect.any(String), title, group, who, date]);
      for (const word of [title, group, who, date].join(" ").split(" ")) expect(printedWords).toContain(word);
    }
    expect(t).toMatch(/T\/M CHI BỘ\s.*BÍ THƯ/);
    expect(t).toContain("Nguyễn Văn An");
    expect(t).toContain("- Đảng ủy Trường THPT Nguyễn Du (để báo");
    expect(t).toContain("Kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2021)");
    for (const part of ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG VÀ THỜI GIAN", "III. CÁCH THỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"])
      expect(t).toContain(part);
    for (const step of ["Chuẩn bị", "Thông qua và gửi dự thảo", "Tiến hành sinh hoạt", "Hoàn thiện và báo cáo"]) expect(t).toContain(step);
    expect(t).not.toMatch(/undefined|\{|\}/);
  });

  test("9 topics: all 9 live ones in quarter order, the cancelled one left out, blanks to fill by hand", () => {
    const t = flat(printed["ke-hoach-9"].text);
    const doc = docxParagraphs(printed["ke-hoach-9"].docx).join("\n");
    expect(t).toContain("Chi bộ thống nhất 09 chuyên đề");
    expect(t).not.toContain("Chuyên đề đã hủy");
    // Quarter order: Q I topics before Q II's … (titles' first words, as they wrap in the table).
    const at = (s: string) => doc.indexOf(s);
    expect(at("Ôn truyền thống")).toBeLessThan(at("Thực hiện Nghị quyết Trung ương 4"));
    expect(at("Thực hiện Nghị quyết Trung ương 4")).toBeLessThan(at("Giải pháp tăng cường công tác"));
    expect(at("Giải pháp thực hiện tốt quy chế")).toBeLessThan(at("Chi bộ lãnh đạo và hỗ trợ"));
    // Q IV by date: 28/10 before 18/11 before 16/12.
    expect(at("28/10/2021")).toBeLessThan(at("18/11/2021"));
    expect(at("18/11/2021")).toBeLessThan(at("16/12/2021"));
    expect(doc).toContain("Nguyễn Văn An, Trần Thị Bình");
    expect(t).toContain("16/12/2021");
    // The topic with no drafter and the one with no date print a line to fill in.
    expect((t.match(/………/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(t).not.toMatch(/undefined|\{|\}/);
  });

  test("the plan's number under the chi bộ, page numbers from page 2 only", () => {
    for (const name of ["ke-hoach-4", "ke-hoach-9"]) {
      const p = printed[name];
      expect(flat(p.text)).toContain("Số ……-KH/CB");
      const top = (page: number) =>
        p.words
          .filter((w) => w.page === page && w.yMax < 60)
          .map((w) => w.text)
          .join(" ");
      expect(p.pageSizes.length).toBeGreaterThanOrEqual(2);
      expect(top(1)).toBe("");
      expect(top(2)).toBe("2");
    }
  });

  test("every tag of the template is documented in PLAN_FIELDS", () => {
    const xml = new PizZip(template)
      .file("word/document.xml")!
      .asText()
      .replace(/<[^>]+>/g, "");
    const tags = new Set([...xml.matchAll(/\{[#/^]?([A-Za-z]+)\}/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(PLAN_FIELDS.map((f) => f.name).sort());
  });
});
