// Engine timings of the single page (dist/so-chuyen-de.html from file://), side by side in
// one run: in Chromium, Firefox ESR and WebKitGTK (the e2e drivers, test/e2e/engines), the
// time from choosing a register in "Mở sổ (.xlsx)" to "Đã mở", then to the findings on
// screen, for the sample register and the 5,000-topic register (50,000 attendance rows);
// and the page's longest main-thread task meanwhile — PerformanceObserver 'longtask' in
// Chromium, elsewhere the longest gap of a 16 ms interval timer on the page (what a click
// would have waited); then, on the 5,000-topic register, the longest task while the papers
// are made: Tài liệu (the list of topics, a đề dẫn, a topic report), Báo cáo quý (Word, then
// the sheet) and Tổng hợp (the register as a cell's file, then the year report).
// Run by bench/engines.js through jest; writes JSON to BENCH_ENGINES_OUT.
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { sampleWorkbook, scaledWorkbook, SAMPLE_YEAR } from "../src/core/make/sample";
import { newWorkbook, renderSheets } from "../src/xlsx/render";
import type { SheetModel } from "../src/core/make/sheetModel";
import { DIST } from "../test/e2e/harness";
import { waitText, type EngineDriver, type EngineName } from "../test/e2e/engines/driver";
import { launch } from "../test/e2e/engines";

jest.setTimeout(1_800_000);

const PAGE = `file://${path.join(DIST, "so-chuyen-de.html")}`;
const ENGINES: EngineName[] = ["chromium", "firefox", "webkit"];
const TOPICS = Number(process.env.BENCH_TOPICS ?? 5000);
const ATTENDANCE = Number(process.env.BENCH_ATTENDANCE ?? 50000);

const PROBE = `
  window.__gap = 0; window.__longtask = 0;
  let last = performance.now();
  window.__probe = setInterval(() => { const now = performance.now(); window.__gap = Math.max(window.__gap, now - last); last = now; }, 16);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtask = Math.max(window.__longtask, e.duration); })
      .observe({ type: "longtask", buffered: false });
    window.__hasLongtask = PerformanceObserver.supportedEntryTypes.includes("longtask");
  } catch { window.__hasLongtask = false; }`;

async function writeBook(file: string, models: SheetModel[]): Promise<void> {
  const wb = newWorkbook();
  renderSheets(wb, models);
  await wb.xlsx.writeFile(file);
}

interface Timing {
  openMs: number;
  checkMs: number;
  /** Longest main-thread task while reading and checking (ms). */
  longestTaskMs: number;
  /** How it was measured: "longtask" (Chromium) or "timer gap". */
  probe: string;
}

const PROBE_READ = `clearInterval(window.__probe); return { gap: window.__gap, longtask: window.__longtask, has: window.__hasLongtask };`;

async function longest(d: EngineDriver): Promise<{ longestTaskMs: number; probe: string }> {
  const p = await d.run<{ gap: number; longtask: number; has: boolean }>(PROBE_READ);
  return { longestTaskMs: Math.round(p.has ? p.longtask : p.gap), probe: p.has ? "longtask" : "timer gap" };
}

/** The papers' flows on the open register, and the longest task over all of them (ms). */
async function measurePapers(d: EngineDriver, file: string): Promise<{ papersMs: number; longestTaskMs: number; probe: string }> {
  await d.run(PROBE);
  const t0 = Date.now();
  await d.click("#tai-lieu > summary");
  await waitText(d, "#tai-lieu .status", /Có \d+ chuyên đề/, 600_000);
  await d.setValue("#tai-lieu-chuyen-de", "1");
  await d.download(() => d.clickText("#tai-lieu button", "Tạo đề dẫn"), 600_000);
  await d.download(() => d.clickText("#tai-lieu button", "Tạo báo cáo kết quả"), 600_000);
  await d.click("#bao-cao > summary");
  await waitText(d, "#bao-cao", /Lập báo cáo/);
  await d.setValue("#bao-cao-quy", "2");
  await d.setValue("#bao-cao-nam", "2025");
  await d.download(() => d.clickText("#bao-cao button", "Tải báo cáo (Word)"), 600_000);
  await d.clickText("#bao-cao button", "Lập báo cáo");
  await waitText(d, "#bao-cao .status", /Đã lập|Lỗi/, 600_000);
  await d.click("#tong-hop > summary");
  await waitText(d, "#tong-hop", /Chọn các tệp sổ/);
  await d.setFiles("#tong-hop-tep", [file]);
  await d.click("#tong-hop-body button.primary");
  await waitText(d, "#tong-hop .status", /Đã tổng hợp|Lỗi/, 600_000);
  await d.download(() => d.clickText("#tong-hop-body button", "Lập báo cáo năm"), 600_000);
  const papersMs = Date.now() - t0;
  return { papersMs, ...(await longest(d)) };
}

async function measure(d: EngineDriver, file: string, name: string): Promise<Timing> {
  await d.run(PROBE);
  const t0 = Date.now();
  await d.setFiles("#mo-so", [file]);
  const opened = await waitText(d, ".file-bar .status", /Đã mở|Lỗi/, 600_000);
  if (!opened.startsWith("Đã mở")) throw new Error(`${d.engine}: ${name}: ${opened}`);
  const openMs = Date.now() - t0;
  await d.click("#kiem-tra button.primary");
  const checked = await waitText(d, "#kiem-tra .status", /Đã kiểm tra|Lỗi/, 600_000);
  if (!checked.startsWith("Đã kiểm tra")) throw new Error(`${d.engine}: ${name}: ${checked}`);
  const checkMs = Date.now() - t0 - openMs;
  return { openMs, checkMs, ...(await longest(d)) };
}

test("engine timings", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chuyende-bench-engines-"));
  try {
    const sample = path.join(dir, "so-mau.xlsx");
    const large = path.join(dir, `so-${TOPICS}.xlsx`);
    await writeBook(sample, sampleWorkbook(SAMPLE_YEAR));
    await writeBook(large, scaledWorkbook({ topics: TOPICS, attendanceRows: ATTENDANCE, year: 2025 }));
    const out: Record<string, { sample: Timing; large: Timing; papers: { papersMs: number; longestTaskMs: number; probe: string } }> = {};
    for (const engine of ENGINES) {
      const d = await launch(engine);
      try {
        await d.open(PAGE);
        await waitText(d, ".file-bar", /Mở sổ/);
        const s = await measure(d, sample, "so-mau.xlsx");
        const l = await measure(d, large, `so-${TOPICS}.xlsx`);
        out[engine] = { sample: s, large: l, papers: await measurePapers(d, large) };
      } finally {
        await d.close();
      }
    }
    writeFileSync(
      process.env.BENCH_ENGINES_OUT ?? path.join(os.tmpdir(), "engines.json"),
      JSON.stringify({ topics: TOPICS, attendanceRows: ATTENDANCE, engines: out }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
