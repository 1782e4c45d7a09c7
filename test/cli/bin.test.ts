// The real program as users run it: `node bin/chuyende.js …` after `npm run build:cli`.
jest.setTimeout(180_000);
import { writeFileSync } from "fs";
import * as path from "path";
import { ensureBuilt, runBin, ROOT } from "./helpers/run";
import { makeTempDir, removeTempDir, writeXlsx, sha256 } from "../support/xlsx";

const SAMPLE = path.join(__dirname, "..", "fixtures", "samples", "mau-so-tu-lam-2023.xlsx");
let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = makeTempDir();
}, 180_000);
afterAll(() => removeTempDir(dir));

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)|node:internal|Error:/);

describe("chuyende (child process)", () => {
  test("--help and no arguments print Vietnamese usage of every command, exit 0", () => {
    for (const args of [["--help"], []]) {
      const r = runBin(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Cách dùng: chuyende <lệnh>/);
      for (const c of ["kiem-tra", "khoi-tao", "chuyen-doi", "demo"]) expect(r.stdout).toContain(c);
    }
    const one = runBin(["kiem-tra", "--help"]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/chuyende kiem-tra FILE\.xlsx/);
  });

  test("exit 1 with error findings; JSON on stdout in SPEC order", () => {
    const before = sha256(SAMPLE);
    const r = runBin(["kiem-tra", SAMPLE, "--ngay", "2023-12-31", "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["file", "year", "asOf", "register", "quarters", "findings"]);
    expect(json.file).toBe(SAMPLE);
    expect(sha256(SAMPLE)).toBe(before);
  });

  test("exit 0 with no error finding", async () => {
    const f = path.join(dir, "ok.xlsx");
    await writeXlsx(f, (wb) => {
      const ws = wb.addWorksheet("Sổ");
      ws.addRow(["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt"]);
      for (let q = 1; q <= 4; q++) ws.addRow([q, q, `Chuyên đề quý ${q}`, "Nguyễn Văn An", ""]);
    });
    const r = runBin(["kiem-tra", f, "--ngay", "2030-01-05", "--nam", "2030"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  test("corrupt file, missing file, no register, bad option: 'Lỗi:' on stderr, exit 2, no stack trace", async () => {
    const corrupt = path.join(dir, "hong.xlsx");
    writeFileSync(corrupt, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
    const noReg = path.join(dir, "khong-so.xlsx");
    await writeXlsx(noReg, (wb) => void wb.addWorksheet("A").addRow(["Họ tên", "Tuổi"]));
    const cases: [string[], RegExp][] = [
      [["kiem-tra", corrupt], /^Lỗi: .*hỏng/],
      [["kiem-tra", path.join(dir, "khong-co.xlsx")], /^Lỗi: Không tìm thấy tệp/],
      [["kiem-tra", noReg, "--json"], /^Lỗi: Không tìm thấy sổ chuyên đề/],
      [["kiem-tra", SAMPLE, "--quy", "1"], /^Lỗi: Tùy chọn không biết: --quy/],
      [["lenh-la"], /^Lỗi: Không có lệnh "lenh-la"/],
    ];
    for (const [args, message] of cases) {
      const r = runBin(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
      noStack(r.stderr);
    }
  });

  test("--ghi-de: refused without, replaced with", () => {
    const out = path.join(dir, "so.xlsx");
    expect(runBin(["khoi-tao", "-o", out]).code).toBe(0);
    const first = sha256(out);
    const refused = runBin(["khoi-tao", "-o", out, "--nam", "2031"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Lỗi: .*đã có; thêm --ghi-de để ghi đè/);
    expect(sha256(out)).toBe(first);
    expect(runBin(["khoi-tao", "-o", out, "--nam", "2031", "--ghi-de"]).code).toBe(0);
    expect(sha256(out)).not.toBe(first);
  });

  test("the installed bin resolves from the repo root (npx chuyende --help)", () => {
    const { spawnSync } = require("child_process") as typeof import("child_process");
    const r = spawnSync("npx", ["chuyende", "--help"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 90_000,
      // Offline: the root package's own bin must resolve without the registry.
      env: { ...process.env, npm_config_offline: "true" },
    });
    expect(r.stderr).not.toMatch(/could not determine executable|not found/i);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Cách dùng: chuyende/);
  });
});
