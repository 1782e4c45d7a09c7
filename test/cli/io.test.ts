import { readFileSync, writeFileSync, readdirSync, symlinkSync } from "fs";
import * as path from "path";
import { writeFileAtomic, dateOption, yearOption, requireOutput, intOption } from "../../src/cli/io";
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
  test("--ngay parses YYYY-MM-DD and rejects impossible dates", () => {
    expect(dateOption(args({ ngay: "2021-03-31" }))).toEqual({ year: 2021, month: 3, day: 31 });
    expect(() => dateOption(args({ ngay: "2021-02-30" }))).toThrow(UserError);
    expect(() => dateOption(args({ ngay: "31/03/2021" }))).toThrow(/YYYY-MM-DD/);
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
