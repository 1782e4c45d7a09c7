import { readFileSync, writeFileSync, readdirSync, symlinkSync } from "fs";
import * as path from "path";
import { writeFileAtomic, dateOption, yearOption, requireOutput, intOption, quarterOption } from "../../src/cli/io";
import { parseArgs } from "../../src/cli/args";
import { UserError } from "../../src/core/shared/types";
import { makeTempDir, removeTempDir } from "../support/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

const args = (options: Record<string, string | boolean>, positional: string[] = []) => ({ positional, options });

describe("writeFileAtomic", () => {
  test("writes, refuses an existing file without overwrite, replaces with it, leaves no temp file", async () => {
    const f = path.join(dir, "ra.txt");
    await writeFileAtomic(f, "một");
    expect(readFileSync(f, "utf8")).toBe("một");
    await expect(writeFileAtomic(f, "hai")).rejects.toThrow(/đã có; thêm --ghi-de để ghi đè/);
    expect(readFileSync(f, "utf8")).toBe("một");
    await writeFileAtomic(f, "hai", { overwrite: true });
    expect(readFileSync(f, "utf8")).toBe("hai");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("never writes over an input, even with overwrite or through a symlink", async () => {
    const input = path.join(dir, "vao.xlsx");
    writeFileSync(input, "gốc");
    const link = path.join(dir, "lien-ket.xlsx");
    symlinkSync(input, link);
    for (const out of [input, path.join(dir, ".", "vao.xlsx"), link]) {
      await expect(writeFileAtomic(out, "x", { overwrite: true, inputs: [input] })).rejects.toThrow(/trùng với tệp vào/);
    }
    expect(readFileSync(input, "utf8")).toBe("gốc");
  });

  test("a missing folder is a UserError naming it", async () => {
    await expect(writeFileAtomic(path.join(dir, "khong-co", "a.xlsx"), "x")).rejects.toThrow(/Không có thư mục/);
  });
});

describe("options", () => {
  // Every form a date cell of the sheets accepts (src/core/read/values.ts), day first.
  test.each([
    ["20/11/2025"],
    ["20/11/25"],
    ["20-11-2025"],
    ["20.11.2025"],
    ["2025-11-20"],
    ["2025/11/20"],
    [" 20/11/2025 "],
    ["ngày 20 tháng 11 năm 2025"],
    ["ngay 20 thang 11 nam 2025"],
    ["Ngày 20/11/2025"],
    ["Hà Nội, ngày 20 tháng 11 năm 2025"],
  ])("--ngay %j is 20 November 2025", (text) => {
    expect(dateOption(args({ ngay: text }))).toEqual({ year: 2025, month: 11, day: 20 });
  });
  test("--ngay: one-digit day and month, day first (5/2/2021 is 5 February)", () => {
    expect(dateOption(args({ ngay: "5/2/2021" }))).toEqual({ year: 2021, month: 2, day: 5 });
    expect(dateOption(args({ ngay: "2021-03-31" }))).toEqual({ year: 2021, month: 3, day: 31 });
  });
  test.each([["2021-02-30"], ["30/02/2021"], ["31/13/2025"], ["11/20/2025"], ["hôm nay"], ["2025"], [""]])(
    "--ngay %j is refused with an example of the right form",
    (text) => {
      expect(() => dateOption(args({ ngay: text }))).toThrow(UserError);
      expect(() => dateOption(args({ ngay: text }))).toThrow(/không phải ngày hợp lệ.*ví dụ --ngay 20\/11\/2025/);
    },
  );
  test.each([
    ["1", 1],
    ["2", 2],
    ["3", 3],
    ["4", 4],
    ["04", 4],
    ["I", 1],
    ["II", 2],
    ["III", 3],
    ["IV", 4],
    ["iii", 3],
    ["Quý II", 2],
    ["quý 3", 3],
    ["Quy IV", 4],
    ["Q1", 1],
    ["q4", 4],
  ])("--quy %j is quarter %d", (text, q) => {
    expect(quarterOption(args({ quy: text }))).toBe(q);
  });
  test.each([["0"], ["5"], ["V"], ["Quý 5"], ["hai"], [""]])("--quy %j is refused", (text) => {
    expect(() => quarterOption(args({ quy: text }))).toThrow(/--quy ".*" không phải quý hợp lệ: ghi 1, 2, 3, 4 hoặc I, II, III, IV/);
  });
  test("without --quy: undefined (the command picks the quarter)", () => {
    expect(quarterOption(args({}))).toBeUndefined();
  });
  test.each([
    ["a.docx", "KET-QUA.xlsx", [".xlsx"], /Tệp ra a\.docx có đuôi \.docx, nhưng lệnh này ghi \.xlsx \(sổ Excel\).*ví dụ -o a\.xlsx/],
    ["a.xlsx", "DE-DAN.docx", [".docx"], /có đuôi \.xlsx, nhưng lệnh này ghi \.docx \(văn bản Word\).*ví dụ -o a\.docx/],
    [
      "ra/bao-cao",
      "BAO-CAO.xlsx",
      [".xlsx", ".docx"],
      /chưa có đuôi, nhưng lệnh này ghi \.xlsx \(sổ Excel\) hoặc \.docx \(văn bản Word\).*ví dụ -o ra\/bao-cao\.xlsx/,
    ],
    ["a.xls", "KET-QUA.xlsx", [".xlsx"], /có đuôi \.xls,/],
  ])("-o %s for a command writing %s is refused, naming the right extension", (o, example, exts, message) => {
    expect(() => requireOutput(args({ o }), example, exts)).toThrow(message);
  });
  test("-o with the right extension, in any case, is taken as it is", () => {
    expect(requireOutput(args({ o: "SO.XLSX" }), "KET-QUA.xlsx")).toBe("SO.XLSX");
    expect(requireOutput(args({ o: "bao-cao.docx" }), "BAO-CAO.xlsx", [".xlsx", ".docx"])).toBe("bao-cao.docx");
  });
  test("without --ngay: today's local date", () => {
    const now = new Date(2024, 0, 1, 0, 30); // 00:30 local on 1 Jan
    expect(dateOption(args({}), { now: () => now })).toEqual({ year: 2024, month: 1, day: 1 });
  });
  test("--nam, -o, --stt", () => {
    expect(yearOption(args({ nam: "2021" }))).toBe(2021);
    expect(yearOption(args({}))).toBeUndefined();
    expect(() => yearOption(args({ nam: "21" }))).toThrow(/không phải năm hợp lệ/);
    expect(requireOutput(args({ o: "a.xlsx" }))).toBe("a.xlsx");
    expect(() => requireOutput(args({}))).toThrow(/Thiếu tệp ra/);
    expect(intOption(args({ quy: "3" }), "quy", 1, 4)).toBe(3);
    expect(() => intOption(args({ quy: "5" }), "quy", 1, 4)).toThrow(/từ 1 đến 4/);
  });
});

describe("parseArgs", () => {
  const spec = { valueOptions: ["o", "nam", "ngay"], flags: ["json", "ghi-de"] };
  test("value options, flags, = form, positional and --", () => {
    expect(parseArgs(["so.xlsx", "-o", "ra.xlsx", "--nam=2021", "--json", "--", "--la.xlsx"], spec)).toEqual({
      positional: ["so.xlsx", "--la.xlsx"],
      options: { o: "ra.xlsx", nam: "2021", json: true },
    });
  });
  test("unknown option and a value option without value are UserErrors", () => {
    expect(() => parseArgs(["--khong-biet"], spec)).toThrow(/Tùy chọn không biết: --khong-biet/);
    expect(() => parseArgs(["so.xlsx", "-o"], spec)).toThrow(/-o cần một giá trị/);
    expect(() => parseArgs(["--json=1"], spec)).toThrow(UserError);
  });
});
