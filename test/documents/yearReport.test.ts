// The đảng ủy's year report: `chuyende tong-hop FOLDER --nam Y -o OUT.docx` over a folder of two
// đảng bộ cơ sở (one unreadable file in a đảng bộ's folder), read back as text (what the registers
// hold: counts, each cell's verdict, topics, missed quarters, coming meetings, Nơi nhận, T/M ĐẢNG
// ỦY) and printed through LibreOffice (A4, no word under 11 pt, nothing overlapping, the closing
// block never alone on a page).
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { buildCanonicalWorkbook } from "../../src/core/make/canonical";
import type { ModelValue } from "../../src/core/make/sheetModel";
import { runInProcess } from "../cli/helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { docxText } from "./docx";
import { A4, cannotPrint, overlappingWords, printFiles, printedText, savePictures, type PrintedFile } from "../support/pdf";

const d = (s: string): ModelValue => {
  const [day, month, year] = s.split("/").map(Number);
  return { date: { year, month, day } };
};

/** A register row in canonical column order; a held topic has every step on time. */
function topic(stt: number, title: string, meeting: string, status = "Đã sinh hoạt", drafter = "Nguyễn Văn An"): ModelValue[] {
  const [day, month, year] = meeting.split("/").map(Number);
  const shift = (n: number) => d(`${day + n}/${month}/${year}`);
  const held = status === "Đã sinh hoạt";
  return [
    stt,
    null,
    title,
    "Xây dựng Đảng",
    drafter,
    held ? shift(-3) : null,
    held ? "Chi ủy" : null,
    held ? shift(-2) : null,
    d(meeting),
    "Riêng",
    status,
    held ? shift(2) : null,
    held ? shift(3) : null,
    status === "Hoãn" ? "Hoãn do trùng đợt kiểm tra" : null,
  ];
}

async function writeCell(file: string, dangBo: string, chiBo: string, rows: ModelValue[][]): Promise<void> {
  const wb = newWorkbook();
  renderSheets(
    wb,
    buildCanonicalWorkbook({
      year: 2025,
      chiBo,
      dangBoCoSo: dangBo,
      dangBoCapTren: "Đảng bộ Quận 1",
      members: [["Nguyễn Văn An", "Bí thư", "Chính thức", "Không", null]],
      register: rows,
      emptyRows: 2,
    }),
  );
  await wb.xlsx.writeFile(file);
}

/** 15/11/2025: Quý I–III ended, Quý IV running. */
const NOW = new Date(2025, 10, 15, 9, 0, 0);

let dir: string;
let folder: string;
let text: string;
let khoiText: string;
let printed: PrintedFile | null = null;
let out: { code: number; stdout: string; stderr: string };
let khoi: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  dir = makeTempDir("chuyende-bao-cao-nam-");
  folder = path.join(dir, "cac-dang-bo");
  mkdirSync(path.join(folder, "Phường 3"), { recursive: true });
  mkdirSync(path.join(folder, "Phường 5"), { recursive: true });
  await writeCell(path.join(folder, "Phường 3", "kp1.xlsx"), "Đảng bộ Phường 3", "Chi bộ Khu phố 1", [
    topic(1, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "10/02/2025"),
    topic(2, "Nâng cao chất lượng sinh hoạt chi bộ", "12/05/2025"),
    topic(3, "Công tác phát triển đảng viên", "11/08/2025"),
    topic(4, "Phòng, chống tham nhũng, lãng phí", "05/12/2025", "Dự kiến", "Trần Thị Bình"),
  ]);
  await writeCell(path.join(folder, "Phường 3", "kp2.xlsx"), "Đảng bộ Phường 3", "Chi bộ Khu phố 2", [
    topic(1, "Đoàn kết xây dựng khu dân cư văn minh", "14/03/2025"),
    topic(2, "Giữ gìn an ninh trật tự", "20/06/2025", "Hoãn"),
    topic(3, "Chuyển đổi số trong sinh hoạt khu phố", "18/09/2025"),
  ]);
  await writeCell(path.join(folder, "Phường 5", "kp7.xlsx"), "Đảng bộ Phường 5", "Chi bộ Khu phố 7", [
    topic(1, "Xây dựng nếp sống văn minh đô thị", "07/03/2025"),
    topic(2, "Vệ sinh môi trường", "06/06/2025"),
    topic(3, "Chăm lo gia đình chính sách", "25/07/2025"),
    topic(4, "Tổng kết công tác năm", "10/12/2025", "Dự kiến", "Lê Văn Cường"),
  ]);
  writeFileSync(path.join(folder, "Phường 5", "kp8.xlsx"), "không phải tệp Excel");
  const file = path.join(dir, "bao-cao-nam.docx");
  out = await runInProcess(["tong-hop", folder, "--nam", "2025", "-o", file], NOW);
  text = docxText(new Uint8Array(readFileSync(file)));
  const khoiFile = path.join(dir, "bao-cao-khoi.docx");
  khoi = await runInProcess(["tong-hop", folder, "--nam", "2025", "--khoi", "--cap-tren", "Đảng bộ Thành phố", "-o", khoiFile], NOW);
  khoiText = docxText(new Uint8Array(readFileSync(khoiFile)));
  // CHUYENDE_PAPERS_OUT=DIR keeps the papers to look at.
  if (process.env.CHUYENDE_PAPERS_OUT) {
    for (const f of [file, khoiFile]) writeFileSync(path.join(process.env.CHUYENDE_PAPERS_OUT, path.basename(f)), readFileSync(f));
  }
  const why = cannotPrint("docx");
  if (why) console.warn(`Bỏ qua kiểm tra in báo cáo năm: ${why}.`);
  else {
    [printed] = printFiles([{ name: "bao-cao-nam.docx", bytes: new Uint8Array(readFileSync(file)) }]);
    if (process.env.CHUYENDE_SCREENSHOTS) {
      const hinh = path.resolve(__dirname, "..", "..", "docs", "hinh");
      mkdirSync(hinh, { recursive: true });
      savePictures(printed.pdf, hinh, "bao-cao-nam", 60, 1);
    }
  }
}, 240_000);

afterAll(() => removeTempDir(dir));

const flat = (s: string) => s.replace(/\s+/g, " ");

test("the command writes the report and names the cells it could not read", () => {
  expect(out.stdout).toContain("Đã lập báo cáo kết quả sinh hoạt chi bộ chuyên đề năm 2025 (3 chi bộ)");
  // Two đảng bộ without --khoi: no wrong name in the header, a warning instead.
  expect(out.stderr).toContain("2 đảng bộ cơ sở khác nhau");
  expect(out.code).toBe(1);
});

test("header, number, subject in party form", () => {
  const t = flat(text);
  expect(t).toContain("ĐẢNG BỘ QUẬN 1");
  expect(t).toContain("ĐẢNG ỦY ……………");
  expect(t).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
  expect(t).toContain("Số ……-BC/ĐU");
  expect(t).toContain("Ngày 15 tháng 11 năm 2025");
  expect(t).toContain("BÁO CÁO Kết quả sinh hoạt chi bộ chuyên đề năm 2025");
});

test("counts and each cell's year verdict, grouped by đảng bộ", () => {
  const t = flat(text);
  expect(t).toContain("Tổng số chi bộ có sổ chuyên đề được tổng hợp: 03 chi bộ thuộc 02 đảng bộ cơ sở; 01 sổ chưa đọc được");
  expect(t).toContain("Tổng số chuyên đề đã sinh hoạt: 08 chuyên đề (Quý I: 03, Quý II: 02, Quý III: 03, Quý IV: 00)");
  // Khu phố 2 missed Quý II: not met; the others wait for Quý IV.
  expect(t).toContain("chưa đạt: 01/03 chi bộ (33,3 %)");
  expect(t).toContain("- Đảng bộ Phường 3: 02 chi bộ, 05 chuyên đề đã sinh hoạt; đạt 00, chưa đạt 01, chưa đến hạn 01.");
  expect(t).toContain("- Đảng bộ Phường 5: 01 chi bộ, 03 chuyên đề đã sinh hoạt; đạt 00, chưa đạt 00, chưa đến hạn 01.");
  expect(t).toMatch(/Chi bộ Khu phố 2\s*1\s*0\s*1\s*0\s*2\s*Chưa đạt/);
  expect(t).toMatch(/Chi bộ Khu phố 1\s*1\s*1\s*1\s*0\s*3\s*Chưa đến hạn/);
});

test("topics by cell, missed quarters and the cells behind them", () => {
  const t = flat(text);
  expect(t).toContain("Chi bộ Khu phố 2 (02 chuyên đề đã sinh hoạt)");
  expect(t).toContain("Giữ gìn an ninh trật tự");
  expect(t).toMatch(/Giữ gìn an ninh trật tự\s*II\s*20\/06\/2025\s*Hoãn/);
  expect(t).toContain("- Quý II/2025 không sinh hoạt chuyên đề: 01 chi bộ (Chi bộ Khu phố 2 – Đảng bộ Phường 3).");
});

test("coming meetings of all cells by date", () => {
  const t = flat(text);
  const i = t.indexOf("V. LỊCH SINH HOẠT CHUYÊN ĐỀ SẮP TỚI");
  expect(i).toBeGreaterThan(0);
  const section = t.slice(i);
  const first = section.indexOf("05/12/2025");
  const second = section.indexOf("10/12/2025");
  expect(first).toBeGreaterThan(0);
  expect(second).toBeGreaterThan(first);
  expect(section).toMatch(/05\/12\/2025\s*Chi bộ Khu phố 1 – Đảng bộ Phường 3\s*Phòng, chống tham nhũng, lãng phí\s*Trần Thị Bình/);
});

test("unreadable registers in their own list, by unit", () => {
  const t = flat(text);
  expect(t).toContain("VI. SỔ CHƯA TỔNG HỢP ĐƯỢC");
  expect(t).toMatch(/- Phường 5: kp8\.xlsx \(/);
});

test("Nơi nhận and T/M ĐẢNG ỦY", () => {
  const t = flat(text);
  expect(t).toContain("Nơi nhận:");
  expect(t).toContain("- Đảng ủy Quận 1 (để báo cáo),");
  expect(t).toContain("- Ban Tổ chức Đảng ủy Quận 1,");
  expect(t).toContain("T/M ĐẢNG ỦY");
  expect(t).toContain("BÍ THƯ");
});

test("--khoi: the Khối's header and number, cells grouped by đảng bộ", () => {
  const t = flat(khoiText);
  expect(khoi.stderr).not.toContain("khác nhau");
  expect(t).toContain("ĐẢNG BỘ THÀNH PHỐ");
  expect(t).toContain("ĐẢNG ỦY QUẬN 1");
  expect(t).toContain("Số ……-BC/ĐUK");
  expect(t).toContain("- Đảng ủy Thành phố (để báo cáo),");
});

test("printed: A4, no word under 11 pt, nothing overlapping, the closing block kept with the text", () => {
  if (!printed) return;
  for (const p of printed.pages) {
    expect(p.width).toBeCloseTo(A4.short, 0);
    expect(p.height).toBeCloseTo(A4.long, 0);
    // Word boxes of 11 pt Times are about 12.2 pt tall (see printedPapers.test.ts).
    expect(p.words.filter((w) => w.yMax - w.yMin < 11.5).map((w) => w.text)).toEqual([]);
    expect(overlappingWords(p).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
  }
  const last = printed.pages[printed.pages.length - 1];
  const words = last.words.map((w) => w.text);
  expect(words).toContain("Nơi");
  // Something besides the closing block on its page.
  const nơi = last.words.find((w) => w.text === "Nơi")!;
  expect(last.words.filter((w) => w.yMax < nơi.yMin - 5 && w.yMin > 60).length).toBeGreaterThan(5);
  expect(flat(printedText(printed))).toContain("LỊCH SINH HOẠT CHUYÊN ĐỀ SẮP TỚI");
});
