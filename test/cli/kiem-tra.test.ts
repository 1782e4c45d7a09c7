// Real files and exceljs on a shared machine: allow time.
jest.setTimeout(60_000);
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runInProcess } from "./helpers/run";
import { makeTempDir, removeTempDir, writeXlsx, sha256 } from "../support/xlsx";

const SAMPLES = path.join(__dirname, "..", "fixtures", "samples");
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

async function checkJson(file: string, ...extra: string[]) {
  const r = await runInProcess(["kiem-tra", file, "--json", ...extra]);
  if (r.code === 2) throw new Error(r.stderr);
  return { ...r, json: JSON.parse(r.stdout) };
}

describe("kiem-tra on the hand-kept sample register", () => {
  const expected = JSON.parse(readFileSync(path.join(SAMPLES, "mau-so-tu-lam-2023.expected.json"), "utf8"));
  const file = path.join(SAMPLES, "mau-so-tu-lam-2023.xlsx");

  test("matches expected.json: exit, year, register, quarters, findings (code, severity, row, order)", async () => {
    const before = sha256(file);
    const { code, json } = await checkJson(file, "--ngay", "2023-12-31");
    expect(code).toBe(expected.exit);
    expect(json.year).toBe(expected.year);
    expect(json.asOf).toBe("2023-12-31");
    expect(json.file).toBe(file);
    expect(json.register).toEqual(expected.register);
    expect(json.quarters).toEqual(expected.quarters);
    const key = Object.keys(expected).find((k) => k.startsWith("findings"))!;
    expect(json.findings.map((f: { code: string; severity: string; row: number | null }) => [f.code, f.severity, f.row])).toEqual(
      expected[key],
    );
    expect(sha256(file)).toBe(before);
  });

  test("JSON keys in the SPEC §8 order", async () => {
    const { json } = await checkJson(file, "--ngay", "2023-12-31");
    expect(Object.keys(json)).toEqual(["file", "year", "asOf", "register", "quarters", "findings"]);
    expect(Object.keys(json.register)).toEqual(["sheet", "headerRow", "topics"]);
    expect(Object.keys(json.quarters[0])).toEqual(["quarter", "held", "planned", "ok"]);
    expect(Object.keys(json.findings[0])).toEqual(["code", "severity", "sheet", "row", "column", "message"]);
    for (const f of json.findings) expect(f.message.normalize("NFC")).toBe(f.message);
  });

  test("readable output: quarters with a verdict, errors before warnings, sheet!row and column", async () => {
    const r = await runInProcess(["kiem-tra", file, "--ngay", "2023-12-31"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Quý I\/2023\s+1 \/ 1\s+Đạt/);
    expect(r.stdout).toMatch(/Quý IV\/2023\s+0 \/ 0\s+Chưa đạt/);
    const iErr = r.stdout.indexOf("Lỗi (");
    const iWarn = r.stdout.indexOf("Cảnh báo (");
    expect(iErr).toBeGreaterThan(0);
    expect(iWarn).toBeGreaterThan(iErr);
    expect(r.stdout).toMatch(/Chuyên đề 2023!7, cột Người phụ trách: .*\[THIEU_PHU_TRACH\]/);
  });

  test("a quarter not yet ended and without a topic is 'Chưa đến hạn'", async () => {
    const r = await runInProcess(["kiem-tra", file, "--ngay", "2023-11-15"]);
    expect(r.stdout).toMatch(/Quý IV\/2023\s+0 \/ 0\s+Chưa đến hạn/);
  });
});

/** A register as secretaries keep them: a cover sheet first, a banner merged over the
 *  title, header on row 3, a Quý merged over its topics, dates as text and as date cells. */
async function handKeptRegister(file: string, opts: { nfd?: boolean } = {}): Promise<void> {
  const t = (s: string) => (opts.nfd ? s.normalize("NFD") : s);
  await writeXlsx(file, (wb) => {
    wb.addWorksheet("Bìa").getCell("B5").value = t("SỔ THEO DÕI SINH HOẠT CHUYÊN ĐỀ");
    const ws = wb.addWorksheet(t("Kế hoạch 2021"));
    ws.getCell("A1").value = t("CHI BỘ PHÒNG TỔ CHỨC — KẾ HOẠCH SINH HOẠT CHUYÊN ĐỀ NĂM 2021");
    ws.mergeCells("A1:G1");
    const header = [
      "Số TT",
      "Quý",
      "Nội dung chuyên đề",
      "Đồng chí phụ trách",
      "Ngày duyệt",
      "Ngày gửi tài liệu",
      "Ngày sinh hoạt (dự kiến)",
      "Tình trạng",
    ];
    header.forEach((h, i) => (ws.getCell(3, i + 1).value = t(h)));
    const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
    const rows: ExcelJS.CellValue[][] = [
      [
        1,
        "I",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Nguyễn Văn An",
        "02/03/2021",
        "05/03/2021",
        d(2021, 3, 10),
        "Đã sinh hoạt",
      ],
      [2, null, "Nâng cao chất lượng sinh hoạt chi bộ", "Trần Thị Bình", d(2021, 3, 1), d(2021, 3, 8), "25/03/2021", "Đã sinh hoạt"],
      [3, "II", "Công tác phát triển đảng viên", "Lê Văn Cường", "", "", "15/06/2021", "Dự kiến"],
      [4, "III", "Phòng chống suy thoái tư tưởng chính trị", "Phạm Thị Dung", "", "", "", "Dự kiến"],
    ];
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v !== null && v !== "") ws.getCell(4 + i, j + 1).value = typeof v === "string" ? t(v) : v;
        if (v instanceof Date) ws.getCell(4 + i, j + 1).numFmt = "dd/mm/yyyy";
      }),
    );
    ws.mergeCells("B4:B5");
    ws.getCell("F10").value = t("Người lập biểu");
  });
}

describe("kiem-tra finds a register kept by hand", () => {
  test.each([
    ["NFC", false],
    ["NFD", true],
  ])("banner, header on row 3, merged quarter, cover sheet first (%s text)", async (_label, nfd) => {
    const file = path.join(dir, `hand-${nfd ? "nfd" : "nfc"}.xlsx`);
    await handKeptRegister(file, { nfd });
    const { json } = await checkJson(file, "--ngay", "2021-07-01");
    expect(json.register).toEqual({ sheet: nfd ? "Kế hoạch 2021".normalize("NFD") : "Kế hoạch 2021", headerRow: 3, topics: 4 });
    expect(json.year).toBe(2021);
    // Q1: two topics held (one date typed as text, one a date cell); Q2 held by date.
    expect(json.quarters.map((q: { held: number }) => q.held)).toEqual([2, 1, 0, 0]);
    // The merged Quý covers row 5, so no SAI_QUY/THIEU_QUY there; topic 3 lacks approval.
    const codes = json.findings.map((f: { code: string; row: number | null }) => `${f.code}@${f.row}`);
    expect(codes).toContain("THIEU_THONG_QUA@6");
    expect(codes).toContain("THIEU_GUI_DU_THAO@6");
    expect(codes.filter((c: string) => c.endsWith("@5") && /QUY/.test(c))).toEqual([]);
    // The signature line below the last topic is a footer, not a THIEU_TEN.
    expect(codes.filter((c: string) => c.startsWith("THIEU_TEN"))).toEqual([]);
  });

  test("--nam overrides the year", async () => {
    const file = path.join(dir, "hand-year.xlsx");
    await handKeptRegister(file);
    const { json } = await checkJson(file, "--ngay", "2021-07-01", "--nam", "2022");
    expect(json.year).toBe(2022);
    expect(json.findings.some((f: { code: string }) => f.code === "NGOAI_NAM")).toBe(true);
  });

  test("exit 0 when there is no error-severity finding", async () => {
    const file = path.join(dir, "clean.xlsx");
    await writeXlsx(file, (wb) => {
      const ws = wb.addWorksheet("Sổ");
      ws.addRow([
        "STT",
        "Quý",
        "Tên chuyên đề",
        "Người phụ trách",
        "Ngày thông qua",
        "Ngày gửi dự thảo",
        "Ngày sinh hoạt",
        "Ngày gửi bản hoàn thiện",
        "Ngày báo cáo cấp trên",
      ]);
      const topics = ["Học tập nghị quyết", "Nâng cao chất lượng sinh hoạt", "Phát triển đảng viên", "Chuyển đổi số"];
      topics.forEach((title, i) =>
        ws.addRow([i + 1, i + 1, title, "Nguyễn Văn An", "", "", `15/${String(3 * i + 2).padStart(2, "0")}/2021`, "", ""]),
      );
    });
    const r = await runInProcess(["kiem-tra", file, "--ngay", "2021-01-10"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  test("a workbook with no register: Lỗi on stderr, exit 2, nothing on stdout", async () => {
    const file = path.join(dir, "no-register.xlsx");
    await writeXlsx(file, (wb) => {
      wb.addWorksheet("Danh sách").addRow(["Họ và tên", "Năm sinh"]);
    });
    const r = await runInProcess(["kiem-tra", file, "--json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Lỗi: Không tìm thấy sổ chuyên đề/);
  });

  test("bad arguments: exit 2", async () => {
    expect((await runInProcess(["kiem-tra"])).stderr).toMatch(/^Lỗi: Thiếu tệp vào/);
    expect((await runInProcess(["kiem-tra", "a.xlsx", "--ngay", "31/12/2023"])).code).toBe(2);
    expect((await runInProcess(["kiem-tra", "a.xlsx", "--xyz"])).stderr).toMatch(/Tùy chọn không biết: --xyz/);
    expect((await runInProcess(["khong-co-lenh"])).stderr).toMatch(/^Lỗi: Không có lệnh "khong-co-lenh"/);
  });
});
