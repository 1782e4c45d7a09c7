// `chuyende de-dan`, `bien-ban` and `mau` as a user runs them: a child process on real files.
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { sampleRows, sampleWorkbook } from "../../src/core/make/sample";
import { ensureBuilt, runBin, runInProcess } from "../cli/helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { docxParagraphs, docxText, makeDocx, paragraph, run } from "./docx";

let dir: string;
let sample: string;
const rows = sampleRows();
const heldStt = String(rows.minutes[0][0]);

beforeAll(async () => {
  ensureBuilt();
  dir = makeTempDir("chuyende-docs-");
  sample = path.join(dir, "so.xlsx");
  const wb = newWorkbook();
  renderSheets(wb, sampleWorkbook());
  await wb.xlsx.writeFile(sample);
}, 120_000);

afterAll(() => removeTempDir(dir));

const out = (name: string) => path.join(dir, name);

describe("chuyende de-dan", () => {
  test("writes the đề dẫn dated --ngay; exit 0", () => {
    const r = runBin(["de-dan", sample, "--stt", "1", "--ngay", "2025-03-02", "-o", out("dd1.docx")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Đã lập đề dẫn chuyên đề STT 1");
    const text = docxText(new Uint8Array(readFileSync(out("dd1.docx"))));
    expect(text).toContain("ngày 02 tháng 3 năm 2025");
    expect(text).toContain("ĐỀ DẪN CHUYÊN ĐỀ QUÝ I/2025");
    expect(text).toContain(String(rows.register[0][2]));
  });

  test("an existing output is kept without --ghi-de, replaced with it", () => {
    const file = out("dd-exists.docx");
    writeFileSync(file, "cũ");
    const refused = runBin(["de-dan", sample, "--stt", "1", "-o", file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Lỗi: .*--ghi-de/);
    expect(readFileSync(file, "utf8")).toBe("cũ");
    const replaced = runBin(["de-dan", sample, "--stt", "1", "-o", file, "--ghi-de"]);
    expect(replaced.code).toBe(0);
    expect(docxText(new Uint8Array(readFileSync(file)))).toContain("DỰ THẢO");
  });

  test("unknown STT: exit 2, the message lists the STTs, nothing written", () => {
    const r = runBin(["de-dan", sample, "--stt", "99", "-o", out("dd99.docx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Không có chuyên đề STT 99 .*các STT có trong sổ: 1, 2, 3/);
    expect(existsSync(out("dd99.docx"))).toBe(false);
  });

  test("missing --stt and a bad --ngay are argument errors", async () => {
    expect((await runInProcess(["de-dan", sample, "-o", out("x.docx")])).stderr).toContain("--stt");
    const bad = await runInProcess(["de-dan", sample, "--stt", "1", "--ngay", "2025-02-30", "-o", out("x.docx")]);
    expect(bad.code).toBe(2);
    expect(existsSync(out("x.docx"))).toBe(false);
  });
});

describe("chuyende bien-ban", () => {
  test("the held topic's minutes: counts add up, no warning", () => {
    const r = runBin(["bien-ban", sample, "--stt", heldStt, "-o", out("bb.docx")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const text = docxText(new Uint8Array(readFileSync(out("bb.docx"))));
    expect(text).toContain("SINH HOẠT CHI BỘ CHUYÊN ĐỀ QUÝ I/2025");
    expect(text).toContain("ngày 14 tháng 3 năm 2025");
  });

  test("counts that do not add up: document made, 'Cảnh báo:' on stderr, exit 0", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const ws = wb.getWorksheet("Điểm danh")!;
    // Drop the last attendance row of the held topic.
    let last = 0;
    ws.eachRow((row, n) => {
      if (String(row.getCell(1).value) === heldStt) last = n;
    });
    const dropped = String(ws.getRow(last).getCell(2).value);
    ws.getRow(last).getCell(1).value = 999;
    const broken = out("so-thieu.xlsx");
    await wb.xlsx.writeFile(broken);
    const r = runBin(["bien-ban", broken, "--stt", heldStt, "-o", out("bb-thieu.docx")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Cảnh báo: Số liệu không khớp/m);
    expect(r.stderr).toContain(dropped);
    expect(existsSync(out("bb-thieu.docx"))).toBe(true);
  });

  test("--mau with the user's own template (tags split by Word) is used", () => {
    const mine = out("mau-cua-toi.docx");
    writeFileSync(
      mine,
      makeDocx(
        paragraph(run("BB "), run("{quy"), run("Text}")),
        paragraph(run("{#yKien}")),
        paragraph(run("* {nguoiPhatBieu}")),
        paragraph(run("{/yKien}")),
      ),
    );
    const r = runBin(["bien-ban", sample, "--stt", heldStt, "--mau", mine, "-o", out("bb-mine.docx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("theo mẫu mau-cua-toi.docx");
    const paras = docxParagraphs(new Uint8Array(readFileSync(out("bb-mine.docx"))));
    const speakers = rows.opinions.filter((o) => String(o[0]) === heldStt).map((o) => `* ${o[1]}`);
    expect(paras).toEqual(["BB Quý I/2025", ...speakers]);
  });

  test("--mau with a broken or unknown tag: exit 2, each tag named, nothing written", () => {
    const bad = out("mau-hong.docx");
    writeFileSync(bad, makeDocx(paragraph(run("{ten_chu_de")), paragraph(run("{chuTri} {chuTriii}"))));
    const r = runBin(["bien-ban", sample, "--stt", heldStt, "--mau", bad, "-o", out("bb-bad.docx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Thẻ {ten_chu_de chưa đóng");
    expect(existsSync(out("bb-bad.docx"))).toBe(false);
    const unknown = out("mau-la.docx");
    writeFileSync(unknown, makeDocx(paragraph(run("{chuTri} {chuTriii}"))));
    const u = runBin(["bien-ban", sample, "--stt", heldStt, "--mau", unknown, "-o", out("bb-la.docx")]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("Thẻ {chuTriii} không có trong danh sách thẻ của biên bản — có phải ý là {chuTri}?");
    expect(existsSync(out("bb-la.docx"))).toBe(false);
  });

  test("--mau that is not a .docx, or missing", async () => {
    const txt = out("mau.txt");
    writeFileSync(txt, "xin chào");
    const notDocx = await runInProcess(["bien-ban", sample, "--stt", heldStt, "--mau", txt, "-o", out("a.docx")]);
    expect(notDocx.code).toBe(2);
    expect(notDocx.stderr).toContain("không phải tệp Word .docx");
    const missing = await runInProcess(["bien-ban", sample, "--stt", heldStt, "--mau", out("khong-co.docx"), "-o", out("a.docx")]);
    expect(missing.stderr).toContain("Không tìm thấy tệp mẫu");
    expect(existsSync(out("a.docx"))).toBe(false);
  });
});

describe("quarter year and the sample's figures", () => {
  // Regression: a topic with only a Quý (no Ngày sinh hoạt) was printed in the year the
  // document was made (đề dẫn) or without a year (biên bản), not in the register's year Y
  // of SPEC §4 — a 2021 register printed in 2026 read "Quý II/2026".
  test("a topic without a meeting date is in the register year, not the year of printing", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sổ chuyên đề");
    ws.addRow(["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt"]);
    ws.addRow([1, "I", "Chuyên đề đã họp", "An", new Date(Date.UTC(2021, 2, 15))]);
    ws.addRow([2, "II", "Chuyên đề chưa có ngày", "Bình", null]);
    const file = out("khong-ngay.xlsx");
    await wb.xlsx.writeFile(file);
    const in2026 = new Date(2026, 10, 27, 9, 0);
    const dd = await runInProcess(["de-dan", file, "--stt", "2", "-o", out("dd-khong-ngay.docx")], in2026);
    expect(dd.code).toBe(0);
    expect(dd.stdout).toContain("(Quý II/2021)");
    expect(docxText(new Uint8Array(readFileSync(out("dd-khong-ngay.docx"))))).toContain("ĐỀ DẪN CHUYÊN ĐỀ QUÝ II/2021");
    const bb = await runInProcess(["bien-ban", file, "--stt", "2", "-o", out("bb-khong-ngay.docx")], in2026);
    expect(bb.code).toBe(0);
    expect(docxText(new Uint8Array(readFileSync(out("bb-khong-ngay.docx"))))).toContain("SINH HOẠT CHI BỘ CHUYÊN ĐỀ QUÝ II/2021");
  });

  // Regression: the demo's first minutes said "13/13 … tán thành" with 12 members present,
  // then "12/12" with 12 present of whom 2 dự bị, who do not vote (Điều lệ Đảng, Điều 3).
  test("in every biên bản of the sample the vote counts the chính thức members present", async () => {
    for (const minutes of rows.minutes) {
      const stt = String(minutes[0]);
      const file = out(`bb-vote-${stt}.docx`);
      const r = await runInProcess(["bien-ban", sample, "--stt", stt, "-o", file]);
      expect(r.code).toBe(0);
      const text = docxText(new Uint8Array(readFileSync(file)));
      const present = /Có mặt: \d+\/\d+ đồng chí \(chính thức: (\d+), dự bị: [1-9]/.exec(text);
      const vote = /Biểu quyết: (\d+)\/(\d+) đảng viên chính thức có mặt/.exec(text);
      expect(present).not.toBeNull();
      expect(vote).not.toBeNull();
      expect([stt, vote![2]]).toEqual([stt, present![1]]);
      expect(r.stderr).not.toContain("Biểu quyết ghi");
    }
  });
});

describe("chuyende mau", () => {
  test("the built-in templates check clean (exit 0)", () => {
    const dd = runBin(["mau", path.resolve(__dirname, "../../assets/templates/de-dan.docx")]);
    expect(dd.code).toBe(0);
    expect(dd.stdout).toMatch(/dùng được cho đề dẫn/);
    const bb = runBin(["mau", path.resolve(__dirname, "../../assets/templates/bien-ban.docx")]);
    expect(bb.code).toBe(0);
    expect(bb.stdout).toMatch(/dùng được cho biên bản \(đoán theo các thẻ/);
  });

  test("a broken template: exit 2 and the list of what is wrong", () => {
    const file = out("mau-sai.docx");
    writeFileSync(file, makeDocx(paragraph(run("{#yKien}{noiDung}")), paragraph(run("ngayThongQua}"))));
    const r = runBin(["mau", file, "--loai", "bien-ban"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Mẫu mau-sai.docx chưa dùng được cho biên bản");
    expect(r.stderr).toContain("Thẻ không mở: “ngayThongQua}”");
  });

  test("without a file: the list of tags, loops with their item tags", async () => {
    const r = await runInProcess(["mau", "--loai", "bien-ban"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("{#vangCoLyDo}…{/vangCoLyDo}");
    expect(r.stdout).toMatch(/\n {6}\{lyDo\}/);
    expect(r.stdout).not.toContain("{#nguoiChuanBi}…{/nguoiChuanBi}".repeat(2));
    const bad = await runInProcess(["mau", "--loai", "bao-cao-quy"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--loai");
  });
});
