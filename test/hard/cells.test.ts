// Cells as real workbooks hold them: formulas (their cached result counts), Excel errors,
// rich text, hyperlinks, decomposed (NFD) text everywhere, dates before 1900, the 1904
// date system, and titles of Excel's maximum length. Each through the real reader and
// `chuyende kiem-tra`, with the outcome a secretary would see.
jest.setTimeout(120_000);
import * as path from "path";
import ExcelJS from "exceljs";
import { loadWorkbookFile } from "../../src/cli/xlsx";
import { readWorkbook } from "../../src/core/read/register";
import { dateToExcelSerial, formatDate } from "../../src/core/read/dates";
import type { Topic } from "../../src/core/shared/types";
import { runInProcess } from "../cli/helpers/run";
import { makeTempDir, removeTempDir, writeXlsx } from "../support/xlsx";
import { REGISTER_HEADER, utc } from "./support";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("chuyende-hard-cells-");
});
afterAll(() => removeTempDir(dir));

const nfd = (s: string) => s.normalize("NFD");
const AS_OF = "2024-12-31";

interface Finding {
  code: string;
  severity: string;
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

async function kiemTra(file: string, extra: string[] = []) {
  const r = await runInProcess(["kiem-tra", file, "--ngay", AS_OF, "--json", ...extra]);
  expect(r.code === 0 || r.code === 1).toBe(true);
  return {
    ...r,
    json: JSON.parse(r.stdout) as {
      register: { topics: number };
      quarters: { quarter: number; held: number; planned: number }[];
      findings: Finding[];
    },
  };
}

const dateOf = (d: Topic["meetingOn"]) => (d.value ? formatDate(d.value) : null);

describe("formulas, errors, rich text, hyperlinks", () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, "cong-thuc.xlsx");
    await writeXlsx(file, (wb) => {
      const members = wb.addWorksheet("Đảng viên");
      members.addRow(["Họ và tên", "Chức vụ"]);
      members.addRow(["Nguyễn Văn An", "Bí thư"]);
      const ws = wb.addWorksheet("Sổ chuyên đề");
      ws.addRow(REGISTER_HEADER);
      // Row 2: rich-text title, formula date and status (cached results).
      ws.addRow([1, "I", null, "Nguyễn Văn An", utc(2024, 1, 20), null, null]);
      ws.getCell("C2").value = {
        richText: [{ text: "Học tập " }, { text: "nghị quyết", font: { bold: true } }, { text: " Trung ương 4" }],
      };
      ws.getCell("F2").value = { formula: "E2+26", result: utc(2024, 2, 15) };
      ws.getCell("G2").value = { formula: 'IF(F2<>"","Đã sinh hoạt","Dự kiến")', result: "Đã sinh hoạt" };
      // Row 3: hyperlink title, #REF! in the meeting date.
      ws.addRow([2, "II", null, "Nguyễn Văn An", utc(2024, 4, 2), null, "Đã sinh hoạt"]);
      ws.getCell("C3").value = { text: "Chuyên đề có liên kết tài liệu", hyperlink: "https://example.invalid/tai-lieu" };
      ws.getCell("F3").value = { error: "#REF!" };
      // Row 4: the title is a lookup that failed (#N/A), other cells filled.
      ws.addRow([3, "III", null, "Nguyễn Văn An", utc(2024, 7, 2), utc(2024, 8, 2), "Đã sinh hoạt"]);
      ws.getCell("C4").value = { formula: "VLOOKUP(A4,DanhMuc!A:B,2,0)", result: { error: "#N/A" } } as unknown as ExcelJS.CellFormulaValue;
      // Row 5: a shared formula with its cached number, a date serial formula in F.
      ws.addRow([null, "IV", "Chuyên đề quý 4", "Nguyễn Văn An", utc(2024, 10, 2), null, "Đã sinh hoạt"]);
      ws.getCell("A5").value = { formula: "A4+1", result: 4 };
      ws.getCell("F5").value = {
        formula: "DATE(2024,11,5)",
        result: dateToExcelSerial({ year: 2024, month: 11, day: 5 }),
      };
      // Row 6-7: a #N/A lookup filled down below the last topic: footer, not topics.
      ws.getCell("C6").value = { formula: "VLOOKUP(A6,DanhMuc!A:B,2,0)", result: { error: "#N/A" } } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell("C7").value = { formula: "VLOOKUP(A7,DanhMuc!A:B,2,0)", result: { error: "#N/A" } } as unknown as ExcelJS.CellFormulaValue;
      for (const col of [5, 6]) ws.getColumn(col).numFmt = "dd/mm/yyyy";
    });
  });

  test("the reader takes cached results and the visible text", async () => {
    const { grid } = await loadWorkbookFile(file);
    const book = readWorkbook(grid);
    const topics = book.register!.topics;
    expect(topics.map((t) => t.title)).toEqual(["Học tập nghị quyết Trung ương 4", "Chuyên đề có liên kết tài liệu", "Chuyên đề quý 4"]);
    expect(dateOf(topics[0].meetingOn)).toBe("15/02/2024");
    expect(topics[0].status).toBe("held");
    expect(topics[1].meetingOn).toEqual({ text: "#REF!", value: null, invalid: true });
    expect(topics[2].stt).toBe(4);
    expect(dateOf(topics[2].meetingOn)).toBe("05/11/2024");
    // The failed lookup in a title is no topic; the row is reported, the filled-down
    // rows after the last topic are a footer.
    expect(book.register!.untitledRows).toEqual([4]);
  });

  test("kiem-tra: #REF! date → NGAY_KHONG_HOP_LE naming the cell; #N/A title → THIEU_TEN; quarters counted from cached results", async () => {
    const { json, stderr } = await kiemTra(file);
    expect(stderr).toBe("");
    expect(json.register.topics).toBe(3);
    const bad = json.findings.filter((f) => f.code === "NGAY_KHONG_HOP_LE");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ row: 3, column: "Ngày sinh hoạt", severity: "error" });
    expect(bad[0].message).toContain('"#REF!"');
    expect(bad[0].message).toContain("Chuyên đề có liên kết tài liệu");
    const untitled = json.findings.filter((f) => f.code === "THIEU_TEN");
    expect(untitled.map((f) => f.row)).toEqual([4]);
    expect(json.findings.some((f) => f.message.includes("#N/A"))).toBe(false);
    // Quarter II's topic says "Đã sinh hoạt": held by its status even with the broken date.
    expect(json.quarters.map((q) => q.held)).toEqual([1, 1, 0, 1]);
    // The assignee matches the member list: no PHU_TRACH_LA.
    expect(json.findings.filter((f) => f.code === "PHU_TRACH_LA")).toEqual([]);
  });
});

describe("NFD text everywhere (sheet names, headers, statuses, names)", () => {
  let file: string;
  let nfcFile: string;
  const build = (form: (s: string) => string) => (wb: ExcelJS.Workbook) => {
    const info = wb.addWorksheet(form("Thông tin"));
    info.addRow([form("Chi bộ"), form("Chi bộ Trường Tiểu học Hòa Bình")]);
    info.addRow([form("Năm"), 2024]);
    const members = wb.addWorksheet(form("Đảng viên"));
    members.addRow([form("Họ và tên"), form("Chức vụ")]);
    for (const n of ["Nguyễn Văn An", "Trần Thị Thủy", "Lê Hoà"]) members.addRow([form(n), form("Đảng viên")]);
    const ws = wb.addWorksheet(form("Sổ chuyên đề"));
    ws.addRow(REGISTER_HEADER.map(form));
    ws.addRow([
      1,
      form("Quý I"),
      form("Học tập và làm theo tư tưởng Hồ Chí Minh"),
      form("Trần Thị Thủy"),
      utc(2024, 1, 5),
      utc(2024, 2, 20),
      form("Đã sinh hoạt"),
    ]);
    ws.addRow([
      2,
      form("Quý II"),
      form("Đổi mới sinh hoạt chi bộ"),
      form("đ/c Lê Hoà; Nguyễn Văn An"),
      utc(2024, 4, 5),
      utc(2024, 5, 20),
      form("Hoàn thành"),
    ]);
    ws.addRow([3, form("Quý III"), form("Phát triển đảng viên mới"), form("Nguyễn Văn An"), utc(2024, 7, 5), null, form("Hoãn")]);
    ws.addRow([4, form("Quý IV"), form("Đổi mới sinh hoạt chi bộ"), form("Nguyễn Văn Bình"), utc(2024, 10, 5), null, form("Dự kiến")]);
    for (const col of [5, 6]) ws.getColumn(col).numFmt = "dd/mm/yyyy";
    const att = wb.addWorksheet(form("Điểm danh"));
    att.addRow([form("STT chuyên đề"), form("Họ và tên"), form("Tình trạng"), form("Lý do")]);
    for (const stt of [1, 2]) {
      att.addRow([stt, form("Nguyễn Văn An"), form("Có mặt")]);
      att.addRow([stt, form("Trần Thị Thủy"), form("Vắng có lý do"), form("Ốm")]);
      att.addRow([stt, form("Lê Hoà"), form("Có mặt")]);
    }
  };
  beforeAll(async () => {
    file = path.join(dir, "nfd.xlsx");
    nfcFile = path.join(dir, "nfc.xlsx");
    await writeXlsx(file, build(nfd));
    await writeXlsx(
      nfcFile,
      build((s) => s.normalize("NFC")),
    );
  });

  test("the file really holds NFD text", async () => {
    const { grid } = await loadWorkbookFile(file);
    expect(grid.sheets.map((s) => s.name)).toContain(nfd("Sổ chuyên đề"));
    expect(grid.sheets.map((s) => s.name)).not.toContain("Sổ chuyên đề".normalize("NFC"));
  });

  test("reads exactly as the same workbook typed in NFC", async () => {
    const a = readWorkbook((await loadWorkbookFile(file)).grid);
    const b = readWorkbook((await loadWorkbookFile(nfcFile)).grid);
    expect(a.register!.topics.map((t) => [t.title, t.status, t.quarterValue, t.assignees])).toEqual(
      b.register!.topics.map((t) => [t.title, t.status, t.quarterValue, t.assignees]),
    );
    expect(a.register!.topics.map((t) => t.status)).toEqual(["held", "held", "postponed", "planned"]);
    expect(a.register!.topics[1].assignees).toEqual(["Lê Hoà", "Nguyễn Văn An"]);
    expect(a.members!.rows.map((m) => m.name)).toEqual(["Nguyễn Văn An", "Trần Thị Thủy", "Lê Hoà"]);
    expect(a.attendance!.rows).toHaveLength(6);
    expect(a.info.chiBo).toBe("Chi bộ Trường Tiểu học Hòa Bình");
    expect(a.info.year).toBe(2024);
  });

  test("kiem-tra: same findings as NFC; every message and the text report are NFC", async () => {
    const a = await kiemTra(file);
    const b = await kiemTra(nfcFile);
    const strip = (fs: Finding[]) => fs.map((f) => ({ ...f, sheet: f.sheet.normalize("NFC") }));
    expect(strip(a.json.findings)).toEqual(strip(b.json.findings));
    expect(a.json.quarters).toEqual(b.json.quarters);
    // Only the unknown assignee and the duplicate title are found; the NFD names match.
    expect(a.json.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["PHU_TRACH_LA", "TRUNG_TEN"]));
    expect(a.json.findings.find((f) => f.code === "PHU_TRACH_LA")!.message).toContain("Nguyễn Văn Bình");
    for (const f of a.json.findings) expect(f.message).toBe(f.message.normalize("NFC"));
    const text = await runInProcess(["kiem-tra", file, "--ngay", AS_OF]);
    expect(text.stdout).toBe(text.stdout.normalize("NFC"));
    expect(text.stdout).toContain('trang "Sổ chuyên đề"');
  });
});

describe("dates before 1900 and the 1904 date system", () => {
  test("text 01/01/1899 parses and is outside the year; a date cell of 1899 (a negative serial, which Excel cannot show) is an invalid date", async () => {
    const file = path.join(dir, "truoc-1900.xlsx");
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet("Sổ chuyên đề");
      ws.addRow(REGISTER_HEADER);
      ws.addRow([1, "I", "Chuyên đề ghi năm 1899", "Nguyễn Văn An", "01/01/1899", "15/03/1899", "Đã sinh hoạt"]);
      ws.addRow([2, "II", "Chuyên đề ô ngày 1899", "Nguyễn Văn An", utc(1899, 6, 1), utc(1899, 6, 30), "Đã sinh hoạt"]);
      ws.getColumn(5).numFmt = "dd/mm/yyyy";
      ws.getColumn(6).numFmt = "dd/mm/yyyy";
    });
    const book = readWorkbook((await loadWorkbookFile(file)).grid);
    const [a, b] = book.register!.topics;
    expect([dateOf(a.approvedOn), dateOf(a.meetingOn)]).toEqual(["01/01/1899", "15/03/1899"]);
    expect([dateOf(b.approvedOn), dateOf(b.meetingOn)]).toEqual([null, null]);
    const { json } = await kiemTra(file, ["--nam", "2024"]);
    expect(json.findings.filter((f) => f.code === "NGAY_KHONG_HOP_LE").map((f) => f.row)).toContain(3);
    const outside = json.findings.filter((f) => f.code === "NGOAI_NAM");
    expect(outside.map((f) => f.row)).toEqual([2]);
    expect(outside.map((f) => f.message).join(" ")).toMatch(/15\/03\/1899/);
  });

  test("a workbook on the 1904 date system: date cells and raw serials give the same dates as in a 1900 workbook", async () => {
    const days = [
      { year: 2024, month: 2, day: 15 },
      { year: 2024, month: 5, day: 20 },
      { year: 2024, month: 8, day: 29 },
      { year: 2024, month: 11, day: 30 },
    ];
    const make = (date1904: boolean) => (wb: ExcelJS.Workbook) => {
      if (date1904) (wb.properties as { date1904?: boolean }).date1904 = true;
      const ws = wb.addWorksheet("Sổ chuyên đề");
      ws.addRow(REGISTER_HEADER);
      days.forEach((d, i) => {
        // Approval as a date cell, meeting as the bare serial of the workbook's system.
        ws.addRow([
          i + 1,
          i + 1,
          `Chuyên đề ${i + 1}`,
          "Nguyễn Văn An",
          utc(d.year, d.month, d.day - 10),
          dateToExcelSerial(d, date1904),
          "Đã sinh hoạt",
        ]);
      });
      ws.getColumn(5).numFmt = "dd/mm/yyyy";
    };
    const f1904 = path.join(dir, "1904.xlsx");
    const f1900 = path.join(dir, "1900.xlsx");
    await writeXlsx(f1904, make(true));
    await writeXlsx(f1900, make(false));
    const g1904 = (await loadWorkbookFile(f1904)).grid;
    expect(g1904.date1904).toBe(true);
    // The two files really differ in their serials (1,462 days apart).
    const g1900 = (await loadWorkbookFile(f1900)).grid;
    expect((g1900.sheets[0].values[1][5] as number) - (g1904.sheets[0].values[1][5] as number)).toBe(1462);
    for (const grid of [g1904, g1900]) {
      const topics = readWorkbook(grid).register!.topics;
      expect(topics.map((t) => dateOf(t.meetingOn))).toEqual(["15/02/2024", "20/05/2024", "29/08/2024", "30/11/2024"]);
      expect(topics.map((t) => dateOf(t.approvedOn))).toEqual(["05/02/2024", "10/05/2024", "19/08/2024", "20/11/2024"]);
    }
    const a = await kiemTra(f1904);
    const b = await kiemTra(f1900);
    expect(a.json.quarters.map((q) => q.held)).toEqual([1, 1, 1, 1]);
    expect(a.json.findings).toEqual(b.json.findings);
  });
});

describe("titles of Excel's maximum length (32,767 characters)", () => {
  test("no crash; messages quote at most ~80 characters of the title, ending in …", async () => {
    const word = "Nâng cao chất lượng sinh hoạt chi bộ ";
    const long = word.repeat(Math.ceil(32767 / word.length)).slice(0, 32767);
    const file = path.join(dir, "dai.xlsx");
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet("Sổ chuyên đề");
      ws.addRow(REGISTER_HEADER);
      ws.addRow([1, "I", long, "", null, utc(2024, 2, 1), "Đã sinh hoạt"]);
      ws.addRow([2, "I", long, "Nguyễn Văn An", "31/02/2024", null, ""]);
      ws.getColumn(6).numFmt = "dd/mm/yyyy";
    });
    const { grid } = await loadWorkbookFile(file);
    expect((grid.sheets[0].values[1][2] as string).length).toBe(32767);
    const { json } = await kiemTra(file);
    expect(json.register.topics).toBe(2);
    const aboutTitle = json.findings.filter((f) => f.row === 2 || f.row === 3);
    expect(aboutTitle.length).toBeGreaterThanOrEqual(3); // THIEU_PHU_TRACH, TRUNG_TEN, NGAY_KHONG_HOP_LE…
    for (const f of aboutTitle) {
      expect(f.message.length).toBeLessThan(400);
      if (f.message.includes("Nâng cao")) expect(f.message).toMatch(/"Nâng cao chất lượng[^"]{20,80}…"/);
    }
    const text = await runInProcess(["kiem-tra", file, "--ngay", AS_OF]);
    expect(text.stdout.length).toBeLessThan(5000);
  });
});
