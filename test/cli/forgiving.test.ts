// A forgiving command line (issue 12, Build 5), through main() as a user runs it: --ngay
// in every day-first form the sheets accept, --quy as 1–4, I–IV or "Quý II", -o with the
// wrong extension refused (exit 2, nothing written, the right extension named), and each
// command's --help with usage (optional parts in brackets) and real examples.
import { existsSync, mkdirSync, readdirSync } from "fs";
import * as path from "path";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { COMMANDS } from "../../src/cli/commands";
import { parseArgs } from "../../src/cli/args";
import { sampleWorkbook, SAMPLE_YEAR } from "../../src/core/make/sample";
import { runInProcess } from "./helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { voiceProblems } from "../support/secretaryVoice";

let dir: string;
let input: string;
beforeAll(async () => {
  dir = makeTempDir();
  input = path.join(dir, "so.xlsx");
  const wb = newWorkbook();
  renderSheets(wb, sampleWorkbook(SAMPLE_YEAR));
  await wb.xlsx.writeFile(input);
});
afterAll(() => removeTempDir(dir));

const NOW = new Date(2025, 11, 31, 9, 0);

describe("kiem-tra --ngay: every day-first form the sheets accept", () => {
  test.each(["20/11/2025", "20/11/25", "20-11-2025", "20.11.2025", "2025-11-20", "ngày 20 tháng 11 năm 2025", "ngay 20 thang 11 nam 2025"])(
    "--ngay %j checks as of 20/11/2025",
    async (text) => {
      const r = await runInProcess(["kiem-tra", input, "--ngay", text, "--json"], NOW);
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout).asOf).toBe("2025-11-20");
    },
  );
  test("a date that is no day: exit 2, the option named with an example", async () => {
    const r = await runInProcess(["kiem-tra", input, "--ngay", "31/11/2025"], NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: --ngay "31\/11\/2025" không phải ngày hợp lệ\. .*ví dụ --ngay 20\/11\/2025/);
  });
});

describe("bao-cao --quy: 1–4, I–IV, Quý II", () => {
  test.each([
    ["3", "Quý III"],
    ["III", "Quý III"],
    ["Quý III", "Quý III"],
    ["quy 2", "Quý II"],
    ["IV", "Quý IV"],
  ])("--quy %j makes the report of %s", async (text, name) => {
    const out = path.join(dir, `bao-cao-${text.replace(/\W/g, "_")}.xlsx`);
    const r = await runInProcess(["bao-cao", input, "--quy", text, "--nam", String(SAMPLE_YEAR), "-o", out], NOW);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`trang "Báo cáo ${name}-${SAMPLE_YEAR}"`);
    expect(existsSync(out)).toBe(true);
  });
});

describe("-o with the wrong extension: exit 2, the right one named, nothing written", () => {
  test.each([
    [["khoi-tao"], "so.docx", /lệnh này ghi \.xlsx \(sổ Excel\)/],
    [["chuyen-doi", "INPUT"], "chuan.docx", /lệnh này ghi \.xlsx \(sổ Excel\)/],
    [["bao-cao", "INPUT", "--quy", "2"], "bao-cao.pdf", /lệnh này ghi \.xlsx \(sổ Excel\) hoặc \.docx \(văn bản Word\)/],
    [["de-dan", "INPUT", "--stt", "1"], "a.xlsx", /lệnh này ghi \.docx \(văn bản Word\).*ví dụ -o .*a\.docx/],
    [["bien-ban", "INPUT", "--stt", "1"], "bien-ban.xlsx", /lệnh này ghi \.docx \(văn bản Word\)/],
    [["tong-hop", "INPUT"], "tong-hop.pdf", /lệnh này ghi \.xlsx \(sổ Excel\) hoặc \.docx \(văn bản Word\)/],
  ])("%j -o %s", async (argv, name, message) => {
    const own = path.join(dir, `sai-${argv[0]}`);
    mkdirSync(own);
    const out = path.join(own, name);
    const r = await runInProcess([...argv.map((a) => (a === "INPUT" ? input : a)), "-o", out], NOW);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Tệp ra .* có đuôi /);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(own)).toEqual([]);
  });
});

describe("each command's --help", () => {
  test.each(COMMANDS.map((c) => [c.name, c] as const))("chuyende %s --help", async (name, command) => {
    const r = await runInProcess([name, "--help"], NOW);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Cách dùng: ${command.usage}`);
    expect(r.stdout).toContain("(phần trong [ ] không bắt buộc)");
    const examples =
      r.stdout
        .split("Ví dụ:\n")[1]
        ?.split("\n")
        .filter((l) => l.startsWith("  chuyende ")) ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.length).toBeLessThanOrEqual(3);
    expect(voiceProblems(r.stdout, { allow: ["chuyende", "demo", "json", "help"] })).toEqual([]);
  });

  test.each(COMMANDS.flatMap((c) => c.examples.map((e) => [c.name, e.command] as const)))(
    "%s: the example %j is a real command line (known command and options, the right -o)",
    (name, line) => {
      const command = COMMANDS.find((c) => c.name === name);
      if (!command) throw new Error(`no command ${name}`);
      // Split as a shell would, keeping "quoted words" together.
      const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
      expect(words.slice(0, 2)).toEqual(["chuyende", name]);
      const parsed = parseArgs(words.slice(2), { valueOptions: command.valueOptions, flags: ["json", "ghi-de"] });
      const o = parsed.options["o"];
      const outputs: Record<string, RegExp> = {
        "de-dan": /\.docx$/,
        "bien-ban": /\.docx$/,
        "danh-sach": /\.docx$/,
        "thong-bao": /\.docx$/,
        "ke-hoach": /\.(xlsx|docx)$/,
        "bao-cao": /\.(xlsx|docx)$/,
        "tong-hop": /\.(xlsx|docx)$/,
      };
      if (typeof o === "string" && name !== "demo") expect(o).toMatch(outputs[name] ?? /\.xlsx$/);
    },
  );

  test("usage lines bracket every optional option (bao-cao's --quy, kiem-tra's --ngay)", () => {
    const usage = Object.fromEntries(COMMANDS.map((c) => [c.name, c.usage]));
    expect(usage["bao-cao"]).toContain("[--quy Q | --stt N]");
    expect(usage["bao-cao"]).not.toMatch(/(^|[^[])--quy/);
    expect(usage["kiem-tra"]).toContain("[--ngay dd/mm/yyyy]");
    expect(usage["de-dan"]).toMatch(/ --stt N -o OUT\.docx /);
  });
});
