// The đề dẫn and the biên bản on the verdict model: an STT two rows share is refused (CLI and
// pane) naming both rows; an opinion from a member marked absent is printed with "(vắng
// mặt)" and named to the secretary; the status is the model's; printed, the page says so.
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { bienBanData, deDanData } from "../../src/core/make/documentData";
import { check } from "../../src/core/check/check";
import { UserError, type WorkbookGrid } from "../../src/core/shared/types";
import { fillTemplate } from "../../src/documents/fill";
import { makeDocument } from "../../src/taskpane/logic/documents";
import { runInProcess } from "../cli/helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { cannotPrint, printFiles, printedText, savePictures } from "../support/pdf";
import { builtInTemplate, docxText } from "./docx";
import { fixtureBook, fixtureGrid } from "./fixture";

async function writeGrid(file: string, grid: WorkbookGrid): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of grid.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.values) ws.addRow((row ?? []).map((v) => (v === undefined ? null : v)));
  }
  await wb.xlsx.writeFile(file);
}

let dir: string;
beforeAll(() => {
  dir = makeTempDir("chuyende-van-ban-");
});
afterAll(() => removeTempDir(dir));

describe("an STT two rows share", () => {
  test("the check reports it; de-dan and bien-ban refuse it, naming both rows; nothing is written", async () => {
    const book = fixtureBook({ duplicateStt: true });
    const f = check(book, { asOf: { year: 2021, month: 12, day: 31 } }).findings.filter((x) => x.code === "TRUNG_STT");
    expect(f.map((x) => [x.row, x.column])).toEqual([[4, "STT"]]);
    const file = path.join(dir, "trung-stt.xlsx");
    await writeGrid(file, fixtureGrid({ duplicateStt: true }));
    for (const cmd of ["de-dan", "bien-ban"]) {
      const out = path.join(dir, `${cmd}-1.docx`);
      const r = await runInProcess([cmd, file, "--stt", "1", "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Lỗi: Sổ có 2 chuyên đề cùng STT 1 (dòng 2 “Nâng cao chất lượng sinh hoạt chi bộ");
      expect(r.stderr).toContain("dòng 4 “Chuyên đề ghi nhầm STT 1”");
      expect(() => readFileSync(out)).toThrow();
      // Another STT still works.
      expect((await runInProcess([cmd, file, "--stt", "2", "-o", path.join(dir, `${cmd}-2.docx`)])).code).toBe(0);
    }
  });

  test("the pane refuses it the same way", () => {
    const book = fixtureBook({ duplicateStt: true });
    for (const kind of ["de-dan", "bien-ban"] as const) {
      expect(() => makeDocument(book, kind, 1, builtInTemplate(kind), { today: { year: 2021, month: 3, day: 1 } })).toThrow(UserError);
      expect(() => deDanData(book, 1, { today: { year: 2021, month: 3, day: 1 } })).toThrow(/cùng STT 1/);
    }
  });
});

describe("an opinion from a member marked absent", () => {
  test("the biên bản prints it with (vắng mặt) and tells the secretary", () => {
    const { data, problems } = bienBanData(fixtureBook({ absentSpeaker: true }), 1, { today: { year: 2021, month: 3, day: 1 } });
    const rows = data.yKien as Record<string, string>[];
    expect(rows.map((r) => r.nguoiPhatBieu)).toEqual(["Dương Văn Minh", "Lý Thị Ngọc", "Hồ Thị Giang (vắng mặt)"]);
    expect(problems.join("\n")).toContain("ý kiến của đồng chí Hồ Thị Giang nhưng điểm danh ghi đồng chí vắng");
    // The check says it too.
    const f = check(fixtureBook({ absentSpeaker: true }), { asOf: { year: 2021, month: 12, day: 31 } }).findings;
    expect(f.filter((x) => x.code === "Y_KIEN_NGUOI_VANG").map((x) => [x.sheet, x.row])).toEqual([["Ý kiến", 4]]);
    expect(data.trangThai).toBe("Đã sinh hoạt");
  });

  test("the biên bản of a topic not yet held says so to the secretary", () => {
    const { data, problems } = bienBanData(fixtureBook(), 2, { today: { year: 2021, month: 3, day: 1 } });
    expect(data.trangThai).toBe("Dự kiến");
    expect(problems.join("\n")).toContain("Chuyên đề STT 2 chưa sinh hoạt (sổ ghi Dự kiến, ngày sinh hoạt 15/04/2021)");
  });

  const why = cannotPrint("docx");
  (why ? test.skip : test)("printed, the page names the speaker as absent", () => {
    const { data } = bienBanData(fixtureBook({ absentSpeaker: true }), 1, { today: { year: 2021, month: 3, day: 1 } });
    const [printed] = printFiles([{ name: "bien-ban-vang.docx", bytes: fillTemplate(builtInTemplate("bien-ban"), data) }]);
    expect(printedText(printed).replace(/\s+/g, " ")).toContain("Hồ Thị Giang (vắng mặt)");
    expect(printedText(printed)).toContain("8/8");
    if (process.env.CHUYENDE_SCREENSHOTS)
      savePictures(printed.pdf, path.resolve(__dirname, "..", "..", "docs", "screenshots"), "bien-ban-vang");
    expect(docxText(fillTemplate(builtInTemplate("bien-ban"), data))).toContain("Hồ Thị Giang (vắng mặt)");
  });
});
