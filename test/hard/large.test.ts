// A register of 100,000 rows (far beyond any real cell, which has a dozen topics a
// year): `kiem-tra` reads and checks it without crashing, in reasonable time and memory,
// and its findings name real rows.
jest.setTimeout(600_000);
import * as path from "path";
import { statSync } from "fs";
import { runInProcess } from "../cli/helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeRegister } = require("../../bench/largeRegister.js") as { makeRegister: (file: string, rows: number) => Promise<void> };

const ROWS = 100_000;
let dir: string;
let file: string;

beforeAll(async () => {
  dir = makeTempDir("chuyende-hard-large-");
  file = path.join(dir, "so-100k.xlsx");
  await makeRegister(file, ROWS);
}, 600_000);
afterAll(() => removeTempDir(dir));

test(`kiem-tra reads and checks ${ROWS.toLocaleString("en")} rows: correct counts, bounded time and memory`, async () => {
  expect(statSync(file).size).toBeGreaterThan(1_000_000);
  let peakRss = process.memoryUsage().rss;
  const baseRss = peakRss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const t0 = Date.now();
  let r;
  try {
    r = await runInProcess(["kiem-tra", file, "--ngay", "2024-12-31", "--json"]);
  } finally {
    clearInterval(timer);
  }
  const seconds = (Date.now() - t0) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const growthMb = (peakRss - baseRss) / 1e6;
  process.stderr.write(`100k rows: ${seconds.toFixed(1)} s, RSS +${growthMb.toFixed(0)} MB (peak ${(peakRss / 1e6).toFixed(0)} MB)\n`);

  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  const json = JSON.parse(r.stdout);
  expect(json.register).toEqual({ sheet: "Sổ chuyên đề", headerRow: 1, topics: ROWS });
  // Held: status "Đã sinh hoạt" (i%4==0), or empty status with a date (i%4==3);
  // planned: "Dự kiến" (i%4==1 has no date; its status says planned).
  const perQuarter = ROWS / 4;
  expect(json.quarters.map((q: { held: number }) => q.held).reduce((a: number, b: number) => a + b, 0)).toBe(perQuarter * 2);
  const invalid = json.findings.filter((f: { code: string }) => f.code === "NGAY_KHONG_HOP_LE");
  expect(invalid).toHaveLength(ROWS / 1000);
  expect(invalid[0]).toMatchObject({ row: 2, column: "Ngày sinh hoạt" });
  for (const f of invalid) expect(f.message).toContain("31/02/2024");
  // Generous bounds for a shared 2-core machine: this is 10,000 times a real register.
  expect(seconds).toBeLessThan(120);
  expect(growthMb).toBeLessThan(2500);
});
