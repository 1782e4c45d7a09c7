// File trouble in plain words (issue 12, Build 4; issue 15, Build 5): a folder the user
// may not write to, a missing folder, a device given as -o, a leftover temporary file of
// an interrupted run. Every message is Vietnamese, says what to do, and names no system
// code; no temporary file is left behind.
jest.setTimeout(120_000);
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { spawnSync } from "child_process";
import * as os from "os";
import * as path from "path";
import { BIN, ensureBuilt, runBin } from "./helpers/run";
import { writeError } from "../../src/cli/io";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { asNobody } = require("../support/otherUser") as { asNobody(args: string[]): { command: string; args: string[]; cwd: string } };

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), "chuyende-write-"));
  chmodSync(dir, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NO_CODES = /\bE[A-Z]{3,}\b|Error|errno|rename|open '/;

describe("each system failure has its own words and what to do", () => {
  test.each([
    ["EBUSY", /Tệp bao-cao\.xlsx đang mở trong Word hoặc Excel; đóng tệp rồi chạy lại\./],
    ["EACCES", /Không có quyền ghi tệp bao-cao\.xlsx .*chọn thư mục khác cho -o/],
    ["EROFS", /ổ chỉ đọc .*chọn thư mục khác cho -o/],
    ["ENOSPC", /Hết chỗ trên đĩa .*xóa bớt tệp/],
    ["ENOENT", /Không có thư mục .* hãy tạo thư mục đó trước/],
    ["EIO", /Không ghi được tệp bao-cao\.xlsx .*kiểm tra ổ đĩa/],
  ])("%s", (code, message) => {
    const e = writeError(path.join("ra", "bao-cao.xlsx"), code);
    expect(e.message).toMatch(message);
    expect(e.message).not.toMatch(NO_CODES);
  });
});

test("a missing folder: exit 2, plain words, nothing written", () => {
  const r = runBin(["khoi-tao", "-o", path.join(dir, "khong-co", "so.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^Lỗi: Không có thư mục .*khong-co để ghi so\.xlsx — hãy tạo thư mục đó trước/);
  expect(r.stderr).not.toMatch(NO_CODES);
});

test("--ghi-de never replaces a device: /dev/null stays a device", () => {
  const r = runBin(["khoi-tao", "-o", "/dev/null", "--ghi-de"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^Lỗi: \/dev\/null không phải tệp thường/);
  expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
});

test("a read-only folder: exit 2, the reason and what to do, no temporary file left", () => {
  const ro = path.join(dir, "chi-doc");
  mkdirSync(ro);
  chmodSync(ro, 0o555);
  // root writes anywhere: then the child runs as user nobody, who may not write here.
  const child = asNobody([BIN, "khoi-tao", "-o", path.join(ro, "so.xlsx")]);
  const r = spawnSync(child.command, child.args, { cwd: child.cwd, encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^Lỗi: Không có quyền ghi tệp so\.xlsx vào thư mục .*chi-doc .*chọn thư mục khác cho -o/);
  expect(r.stderr).not.toMatch(NO_CODES);
  expect(readdirSync(ro)).toEqual([]);
});

test("a temporary file left by a run that no longer exists is removed by the next write there", () => {
  const folder = path.join(dir, "sot-lai");
  mkdirSync(folder);
  // pid 2^22+1 is above Linux's pid_max default: no such process.
  const stale = path.join(folder, ".so.xlsx.4194305.0badf00d.tmp");
  const foreign = path.join(folder, ".khac.tmp");
  writeFileSync(stale, "dở dang");
  writeFileSync(foreign, "không phải của chương trình");
  const r = runBin(["khoi-tao", "-o", path.join(folder, "so.xlsx")]);
  expect(r.code).toBe(0);
  expect(existsSync(stale)).toBe(false);
  expect(existsSync(foreign)).toBe(true);
  expect(readdirSync(folder).sort()).toEqual([".khac.tmp", "so.xlsx"]);
});
