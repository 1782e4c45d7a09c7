// Text typed with a legacy Vietnamese font (TCVN3/ABC, VNI) reads as garbage
// ("Sinh ho¹t chuyªn ®Ò"): `kiem-tra` warns on stderr naming the sheet and the cell,
// and keeps the findings and the --json object exactly as SPEC §8 says. A register
// whose headers are in such a font is not found: the error says why.
jest.setTimeout(120_000);
import * as path from "path";
import { runInProcess } from "../cli/helpers/run";
import { makeTempDir, removeTempDir, writeXlsx } from "../support/xlsx";
import { addGoodRegister, expectUnusable, utc } from "./support";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("chuyende-hard-legacy-");
});
afterAll(() => removeTempDir(dir));

const AS_OF = "2024-12-31";

test("TCVN3 titles and VNI member names: one Vietnamese warning per sheet on stderr, JSON untouched", async () => {
  const file = path.join(dir, "tcvn3.xlsx");
  await writeXlsx(file, (wb) => {
    const ws = addGoodRegister(wb);
    ws.getCell("C3").value = "Sinh ho¹t chuyªn ®Ò quý II"; // TCVN3 for "Sinh hoạt chuyên đề"
    ws.getCell("C5").value = "Häc tËp vµ lµm theo t\u2212 t\u2212ëng"; // "Học tập và làm theo tư tưởng"
    const members = wb.addWorksheet("Đảng viên");
    members.addRow(["Họ và tên", "Chức vụ"]);
    members.addRow(["Nguyễn Văn An", "Bí thư"]);
    members.addRow(["Nguyeãn Vaên Bình", "Ñaûng vieân"]); // VNI
  });
  const plain = await runInProcess(["kiem-tra", file, "--ngay", AS_OF]);
  const json = await runInProcess(["kiem-tra", file, "--ngay", AS_OF, "--json"]);
  for (const r of [plain, json]) {
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^Cảnh báo: Trang "Sổ chuyên đề", ô C3 \("Sinh ho¹t chuyªn ®Ò quý II"\) và 1 ô khác có vẻ được gõ bằng phông TCVN3/,
    );
    expect(lines[0]).toMatch(/chuyển mã sang Unicode/);
    expect(lines[1]).toMatch(/^Cảnh báo: Trang "Đảng viên", ô A3 \("Nguyeãn Vaên Bình"\) và 1 ô khác có vẻ được gõ bằng phông VNI/);
    expect(r.code).toBe(0);
  }
  // stdout carries only the report / the SPEC §8 object; the warning is not a finding.
  expect(plain.stdout).not.toMatch(/TCVN3|VNI/);
  const obj = JSON.parse(json.stdout);
  expect(Object.keys(obj)).toEqual(["file", "year", "asOf", "register", "quarters", "findings"]);
  expect(obj.findings.some((f: { message: string }) => /TCVN3|VNI|phông/.test(f.message))).toBe(false);
});

test("a workbook of Unicode text gives no warning", async () => {
  const file = path.join(dir, "unicode.xlsx");
  await writeXlsx(file, (wb) => {
    const ws = addGoodRegister(wb);
    ws.getCell("C3").value = "Học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh — «Café» © 2024, 25°C";
  });
  const r = await runInProcess(["kiem-tra", file, "--ngay", AS_OF]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});

test("headers typed in TCVN3: no register, and the error says the font is the cause (exit 2)", async () => {
  const file = path.join(dir, "tieu-de-tcvn3.xlsx");
  await writeXlsx(file, (wb) => {
    const ws = wb.addWorksheet("So");
    ws.addRow(["STT", "Quý", "Tªn chuyªn ®Ò", "Ng\u00adêi phô tr¸ch", "Ngµy sinh ho¹t"]);
    ws.addRow([1, "I", "Häc tËp nghÞ quyÕt", "NguyÔn V¨n An", utc(2024, 2, 1)]);
  });
  const r = await runInProcess(["kiem-tra", file, "--ngay", AS_OF]);
  expectUnusable(
    r,
    /^Lỗi: Không tìm thấy sổ chuyên đề\. Trang "So", ô C1 \("Tªn chuyªn ®Ò"\) và \d+ ô khác có vẻ được gõ bằng phông TCVN3.*chuyển mã sang Unicode/,
  );
});
