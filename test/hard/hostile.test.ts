// Hostile and broken inputs (issue 15), generated here (bench/hostile.js; nothing large is
// committed) and run through the compiled CLI as a child process: each case asserts the
// exit code, the message, the time, the child's peak memory and that the input is
// unchanged. The same cases feed `npm run bench` (bench/results.json → hostile).
jest.setTimeout(600_000);
import { createHash } from "crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { ensureBuilt } from "../cli/helpers/run";
import { expectNoStack } from "./support";

interface HostileCase {
  args: string[];
  exit: number;
  message?: RegExp;
  topics?: number;
  asNobody?: boolean;
}
interface CaseRun {
  exit: number;
  signal: string | null;
  seconds: number;
  cpuSeconds: number | null;
  peakRssMb: number | null;
  stdout: string;
  stderr: string;
}
interface HostileModule {
  makeCases(dir: string): Promise<Record<string, HostileCase>>;
  runCase(args: string[], opts?: { asNobody?: boolean; timeoutMs?: number }): CaseRun;
  cleanup(dir: string): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hostile = require("../../bench/hostile.js") as HostileModule;

/** Bounds every case must hold (issue 15: "well under 10 s and 1 GB"): the child's CPU
 *  time (user + system, all threads) under 10 s — wall time on a shared 2-core machine
 *  grows with the other jobs' load (node's start alone took 2–10 s there), so wall time
 *  only has a loose sanity bound. The mixed folder gets 60 s. */
const CPU_SECONDS = 10;
const WALL_SECONDS = 60;
const PEAK_MB = 1024;

let dir: string;
let cases: Record<string, HostileCase>;

function digest(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), "chuyende-hostile-"));
  chmodSync(dir, 0o755);
  cases = await hostile.makeCases(dir);
});
afterAll(() => hostile.cleanup(dir));

const single = [
  "zip-bomb-3GiB",
  "zip-bomb-declared-small",
  "merge-P1:XFD1048576",
  "validation-A1:XFD1048576",
  "row-99999999999",
  "no-sharedStrings",
  "rows-300000",
  "formatted-1048576-rows",
  "fifo-named-xlsx",
];

test.each(single)("%s: exit code, message, time and memory bounded, input unchanged", (name) => {
  const c = cases[name];
  if (!c) return; // fifo: no mkfifo on this system
  const input = c.args[1];
  const regular = statSync(input).isFile();
  const before = regular ? digest(input) : "";
  const r = hostile.runCase(c.args, { timeoutMs: 60_000 });
  process.stderr.write(`${name}: exit ${r.exit}, ${r.seconds} s (CPU ${r.cpuSeconds} s), ${r.peakRssMb} MB\n`);
  expect(r.signal).toBeNull();
  expect(r.exit).toBe(c.exit);
  if (c.message) {
    expect(r.stderr).toMatch(/^Lỗi: /);
    expect(r.stderr).toMatch(c.message);
    expect(r.stderr).toContain(path.basename(input));
    expectNoStack(r.stderr);
  } else {
    expect(JSON.parse(r.stdout).register.topics).toBe(c.topics);
  }
  expect(r.cpuSeconds).not.toBeNull();
  expect(r.cpuSeconds!).toBeLessThan(CPU_SECONDS);
  expect(r.seconds).toBeLessThan(WALL_SECONDS);
  expect(r.peakRssMb).not.toBeNull();
  expect(r.peakRssMb!).toBeLessThan(PEAK_MB);
  if (regular) expect(digest(input)).toBe(before);
});

test("tong-hop over a folder of good files, a 3 MB zip bomb, a full-sheet drop-down, an unreadable subfolder and symlink loops: every good file once, each bad one listed, within 60 s and 1 GB", () => {
  const c = cases["tong-hop-mixed-folder"];
  const folder = c.args[1];
  expect(statSync(path.join(folder, "bom.xlsx")).size).toBeLessThan(4_000_000);
  const r = hostile.runCase(c.args, { asNobody: true, timeoutMs: 120_000 });
  process.stderr.write(`tong-hop mixed folder: exit ${r.exit}, ${r.seconds} s (CPU ${r.cpuSeconds} s), ${r.peakRssMb} MB\n`);
  expect(r.signal).toBeNull();
  // Exit 1: some files could not be used (SPEC §8), the rest consolidated.
  expect(r.exit).toBe(1);
  const json = JSON.parse(r.stdout) as { cells: { file: string; total: number }[]; unreadable: { file: string; reason: string }[] };
  const names = json.cells.map((x) => path.relative(folder, x.file)).sort();
  expect(names).toEqual(["chi-bo-1.xlsx", "chi-bo-2.xlsx", path.join("chi-bo-3", "chon-ca-trang.xlsx")]);
  for (const cell of json.cells) expect(cell.total).toBe(4);
  const reasons = Object.fromEntries(json.unreadable.map((u) => [path.relative(folder, u.file), u.reason]));
  expect(Object.keys(reasons).sort()).toEqual(["bom.xlsx", "khoa"]);
  expect(reasons["khoa"]).toMatch(/^Không đọc được thư mục .*khoa \(không có quyền mở thư mục\)/);
  expect(reasons["bom.xlsx"]).toMatch(/quá lớn để đọc/);
  for (const reason of Object.values(reasons)) expectNoStack(reason);
  expect(existsSync(c.args[3])).toBe(true);
  expect(r.seconds).toBeLessThan(60);
  expect(r.cpuSeconds!).toBeLessThan(60);
  expect(r.peakRssMb!).toBeLessThan(PEAK_MB);
});
