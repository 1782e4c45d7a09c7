// Files the CLI cannot use, through the real program (`node bin/chuyende.js`): each
// ends with one Vietnamese line that says what the file is and what to do, exit 2, no
// stack trace, nothing written, the input untouched. In `tong-hop` the same files are
// listed as unreadable with the same reason and do not stop the others.
jest.setTimeout(180_000);
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { ensureBuilt, runBin } from "../cli/helpers/run";
import { cfb, makeTempDir, removeTempDir, sha256, writeXlsx } from "../support/xlsx";
import { addGoodRegister, expectNoStack, expectOnlyFiles, expectUnusable } from "./support";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir("chuyende-hard-");
}, 180_000);
afterAll(() => removeTempDir(dir));

/** Each unusable input: how it is made, and what the message must say. */
// `inTongHop`: what tong-hop lists instead, when the command line adds its own commands.
const CASES: { name: string; file: string; make: (file: string) => Promise<void> | void; says: RegExp; inTongHop?: RegExp }[] = [
  {
    name: "a corrupt zip (a download cut in half)",
    file: "hong.xlsx",
    make: async (file) => {
      const good = path.join(dir, "tmp-good.xlsx");
      await writeXlsx(good, (wb) => void addGoodRegister(wb));
      const bytes = readFileSync(good);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    },
    says: /hong\.xlsx.*hỏng.*lưu lại dưới dạng \.xlsx/,
  },
  {
    name: "a zip whose sheet XML is garbage",
    file: "xml-hong.xlsx",
    make: async (file) => {
      const good = path.join(dir, "tmp-good2.xlsx");
      await writeXlsx(good, (wb) => void addGoodRegister(wb));
      const PizZip = require("pizzip");
      const zip = new PizZip(readFileSync(good));
      zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=");
      writeFileSync(file, zip.generate({ type: "nodebuffer" }));
    },
    says: /xml-hong\.xlsx.*(hỏng|không đọc được).*\.xlsx/i,
  },
  {
    name: "a password-protected .xlsx (encrypted package in an OLE container)",
    file: "mat-khau.xlsx",
    make: (file) => writeFileSync(file, cfb(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"])),
    says: /mat-khau\.xlsx.*mật khẩu.*gỡ mật khẩu/,
  },
  {
    name: "the bare OLE signature and padding (cannot tell which)",
    file: "ole.xlsx",
    make: (file) => {
      const b = Buffer.alloc(2048);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
      writeFileSync(file, b);
    },
    says: /ole\.xlsx.*tệp Office dạng cũ mà chương trình không nhận ra.*\.xlsx/,
  },
  {
    name: "a legacy .xls renamed to .xlsx",
    file: "so-cu.xlsx",
    make: (file) => writeFileSync(file, cfb(["Workbook", "\u0005SummaryInformation"])),
    says: /so-cu\.xlsx.*Excel 97-2003 \(\.xls\).*lưu lại dưới dạng \.xlsx/,
  },
  {
    name: "a .csv",
    file: "so.csv",
    make: (file) => writeFileSync(file, "STT,Quý,Tên chuyên đề\n1,I,Học tập nghị quyết\n"),
    says: /so\.csv.*văn bản.*lưu dưới dạng \.xlsx/,
  },
  {
    name: "a .csv renamed to .xlsx (UTF-8 with BOM, semicolons as Excel VN writes)",
    file: "so-csv.xlsx",
    make: (file) => writeFileSync(file, "\ufeffSTT;Quý;Tên chuyên đề\r\n1;I;Học tập nghị quyết\r\n"),
    says: /so-csv\.xlsx.*CSV.*lưu dưới dạng \.xlsx/,
  },
  {
    name: "an empty file",
    file: "rong.xlsx",
    make: (file) => writeFileSync(file, ""),
    says: /rong\.xlsx.*rỗng/,
  },
  {
    name: "a workbook with no sheet at all",
    file: "khong-trang.xlsx",
    make: async (file) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.writeFile(file);
    },
    says: /Không tìm thấy sổ chuyên đề.*chuyende khoi-tao/,
    inTongHop: /Không tìm thấy sổ chuyên đề.*Tạo sổ.*Chuyển đổi/,
  },
  {
    name: "a workbook with one empty sheet",
    file: "trang-trong.xlsx",
    make: async (file) => {
      await writeXlsx(file, (wb) => void wb.addWorksheet("Sheet1"));
    },
    says: /Không tìm thấy sổ chuyên đề.*chuyende khoi-tao/,
    inTongHop: /Không tìm thấy sổ chuyên đề.*Tạo sổ.*Chuyển đổi/,
  },
];

describe.each(CASES)("$name", ({ file, make, says }) => {
  let input: string;
  let out: string;
  beforeAll(async () => {
    const own = path.join(dir, file.replace(/\W/g, "_"));
    mkdirSync(own);
    input = path.join(own, file);
    await make(input);
    out = path.join(own, "ra.xlsx");
  });

  test("kiem-tra: Lỗi + exit 2, plain and --json", () => {
    const before = sha256(input);
    expectUnusable(runBin(["kiem-tra", input, "--ngay", "2024-12-31"]), says);
    expectUnusable(runBin(["kiem-tra", input, "--ngay", "2024-12-31", "--json"]), says);
    expect(sha256(input)).toBe(before);
  });

  test("chuyen-doi and bao-cao write nothing", () => {
    const before = sha256(input);
    expectUnusable(runBin(["chuyen-doi", input, "-o", out]), says);
    expectUnusable(runBin(["bao-cao", input, "--quy", "1", "--nam", "2024", "-o", out]), says);
    expectOnlyFiles(path.dirname(input), [file]);
    expect(sha256(input)).toBe(before);
  });
});

test("tong-hop: every unusable file is listed with its reason; the good one is consolidated", async () => {
  const folder = path.join(dir, "tong-hop");
  mkdirSync(folder);
  for (const c of CASES) {
    const own = path.join(dir, c.file.replace(/\W/g, "_"), c.file);
    copyFileSync(own, path.join(folder, c.file));
  }
  await writeXlsx(path.join(folder, "tot.xlsx"), (wb) => void addGoodRegister(wb));
  const out = path.join(dir, "tong-hop-ra.xlsx");
  const r = runBin(["tong-hop", folder, "-o", out, "--ngay", "2024-12-31", "--json"]);
  expectNoStack(r.stderr);
  const json = JSON.parse(r.stdout);
  expect(json.cells.map((c: { file: string }) => path.basename(c.file))).toEqual(["tot.xlsx"]);
  const reasons = new Map<string, string>(json.unreadable.map((u: { file: string; reason: string }) => [path.basename(u.file), u.reason]));
  // A .csv by name is not a workbook candidate in a folder; every .xlsx is reported.
  for (const c of CASES.filter((c) => c.file.endsWith(".xlsx"))) {
    expect(reasons.get(c.file)).toMatch(c.inTongHop ?? c.says);
  }
});
