// `chuyende danh-sach` and `chuyende thong-bao` as a secretary runs them (child process, real
// files), and `chuyende mau` knowing their templates.
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { sampleRows, sampleWorkbook } from "../../src/core/make/sample";
import { ensureBuilt, runBin, runInProcess } from "../cli/helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { docxText } from "./docx";
import { TEMPLATES_DIR } from "./docx";

let dir: string;
let sample: string;
const rows = sampleRows();
const heldStt = Number(rows.minutes[0][0]);
const heldTitle = String(rows.register.find((r) => r[0] === heldStt)![2]);

beforeAll(async () => {
  ensureBuilt();
  dir = makeTempDir("chuyende-papers-");
  sample = path.join(dir, "so.xlsx");
  const wb = newWorkbook();
  renderSheets(wb, sampleWorkbook());
  await wb.xlsx.writeFile(sample);
}, 120_000);
afterAll(() => removeTempDir(dir));

const out = (name: string) => path.join(dir, name);
const text = (file: string) => docxText(new Uint8Array(readFileSync(file)));

describe("chuyende danh-sach", () => {
  test("the sign-in sheet of a held topic: every member, kinds, the excused one marked, the topic; exit 0", () => {
    const r = runBin(["danh-sach", sample, "--stt", String(heldStt), "-o", out("ds.docx")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã lập danh sách ký tên chuyên đề STT ${heldStt}`);
    const t = text(out("ds.docx"));
    for (const m of rows.members) expect(t).toContain(String(m[0]));
    expect(t).toContain("DANH SÁCH");
    expect(t).toContain(heldTitle);
    expect(t).toContain("Dự bị");
    expect(t).toContain("Miễn sinh hoạt");
    expect(t).toContain("Ký tên");
  });

  test("--help has examples; a missing --stt is an argument error", async () => {
    const help = await runInProcess(["danh-sach", "--help"]);
    expect(help.stdout.match(/^ {2}chuyende danh-sach /gm)?.length).toBeGreaterThanOrEqual(2);
    const noStt = await runInProcess(["danh-sach", sample, "-o", out("x.docx")]);
    expect(noStt.code).toBe(2);
    expect(noStt.stderr).toMatch(/^Lỗi: Thiếu số thứ tự chuyên đề: thêm --stt N/);
  });
});

describe("chuyende thong-bao", () => {
  test("the notice of a sent draft: number, topic, drafter, dated the sending day; exit 0", () => {
    const topic = rows.register.find((r) => r[0] === heldStt)!;
    const sent = topic[7] as { date: { year: number; month: number; day: number } };
    const r = runBin(["thong-bao", sample, "--stt", String(heldStt), "-o", out("tb.docx")]);
    expect(r.code).toBe(0);
    const t = text(out("tb.docx"));
    expect(t).toContain("Số ……-TB/CB");
    expect(t).toContain("THÔNG BÁO");
    expect(t).toContain(heldTitle);
    expect(t).toContain(String(topic[4]).split(",")[0].trim());
    const two = (n: number) => String(n).padStart(2, "0");
    expect(t).toContain(
      `ngày ${two(sent.date.day)} tháng ${sent.date.month <= 2 ? two(sent.date.month) : sent.date.month} năm ${sent.date.year}`,
    );
  });

  test("a register whose draft went out on the meeting day: exit 2, both dates named, nothing written", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const reg = wb.getWorksheet("Sổ chuyên đề")!;
    let row = 0;
    reg.eachRow((r, n) => {
      if (r.getCell(1).value === heldStt) row = n;
    });
    reg.getCell(row, 8).value = reg.getCell(row, 9).value; // Ngày gửi dự thảo = Ngày sinh hoạt
    const late = out("muon.xlsx");
    await wb.xlsx.writeFile(late);
    const r = runBin(["thong-bao", late, "--stt", String(heldStt), "-o", out("tb-muon.docx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Không lập thông báo cho chuyên đề STT \d+: sổ ghi gửi dự thảo ngày (\S+), trùng ngày sinh hoạt \1/);
    expect(r.stderr).toContain(`dòng ${row}`);
    expect(existsSync(out("tb-muon.docx"))).toBe(false);
  });
});

describe("chuyende mau knows the new papers", () => {
  test.each([
    ["danh-sach", "danh sách ký tên"],
    ["thong-bao", "thông báo"],
  ])("the built-in %s template checks clean, and its tags are listed", async (kind, label) => {
    const r = runBin(["mau", path.join(TEMPLATES_DIR, `${kind}.docx`), "--loai", kind]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`dùng được cho ${label}`);
    // Guessed without --loai, too.
    expect(runBin(["mau", path.join(TEMPLATES_DIR, `${kind}.docx`)]).stdout).toContain(`dùng được cho ${label} (đoán theo các thẻ`);
    const list = await runInProcess(["mau", "--loai", kind]);
    expect(list.stdout).toContain(`Các thẻ dùng được trong mẫu ${label}:`);
    expect(list.stdout).toContain(kind === "danh-sach" ? "{#dangVien}…{/dangVien}" : "{#taiLieu}…{/taiLieu}");
  });

  test("a tag of another paper is named as such", () => {
    const r = runBin(["mau", path.join(TEMPLATES_DIR, "thong-bao.docx"), "--loai", "de-dan"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Thẻ {so} không có trong danh sách thẻ của đề dẫn (thẻ này chỉ dùng cho thông báo, báo cáo kết quả)");
  });
});
