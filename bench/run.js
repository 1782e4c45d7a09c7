#!/usr/bin/env node
"use strict";
// `npm run bench` (after build:cli): the speed figures of SPEC §9, each measured as a
// ratio against the library doing the bare work in the same run (so a busy machine
// slows both sides alike), written to bench/results.json and, as a markdown table,
// between the bench markers of docs/phat-trien.md (`--table`: only that, from the
// figures already in bench/results.json).
//
// Parts, in order (each may fail without stopping the others; a failed part is reported
// and its keys are left out):
//   check        in-process, from build/: a 5,000-topic register with 50,000 attendance
//                rows written as .xlsx; rounds alternate exceljs loading the file with our
//                readWorkbook + check on the grid the adapter made of it (medians):
//                readWorkbookMs, checkOnlyMs, checkMs (= both), xlsxLoadMs, checkVsReadRatio.
//   documents    bench/documents.js: documentMs, docsPerSecond, docsVsRawRatio.
//   consolidate  bench/consolidate.js: consolidate1000Seconds, consolidateVsReadRatio, peakRssMb.
//   syncs        bench/syncs.bench.ts through jest (ts-jest compiles it): context.sync() calls
//                of each task-pane command on the Excel stand-in at 10 and 5,000 rows.
//   hostile      bench/hostile.js: each hostile input of issue 15 through the CLI as a child:
//                hostile: {case: {exit, seconds, peakRssMb}}.
//   write        bench/write200k.js: chuyen-doi and bao-cao of a 200,000-row register as
//                children, next to exceljs's streaming WorkbookWriter writing the same rows:
//                write200k: {rawWriter, convert, report: {exit, seconds, cpuSeconds, peakRssMb}}.
//   addin        a production webpack build into a temp folder (dist/ is left alone) with
//                its stats: gzip bytes of the scripts the pane loads at start and of each
//                chunk loaded on demand.
//   engines      bench/engines.js: the single page in Chromium, Firefox ESR and WebKitGTK side
//                by side — open and check of the sample and the 5,000-topic register, and the
//                page's longest main-thread task meanwhile: engineTimings.
//
// Usage: node bench/run.js [--only check,documents,…] [--skip consolidate,…] [--runs N]
//                          [--topics N] [--attendance N] [--files N]
//        node bench/run.js --table
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { spawnSync } = require("child_process");

const { ROOT, BUILD, RESULTS, argValue, median, ms, runJestBench } = require("./util");

/** A full garbage collection, when the engine lets us ask for one. */
const gc = (() => {
  try {
    require("v8").setFlagsFromString("--expose-gc");
    return require("vm").runInNewContext("gc");
  } catch {
    return null;
  }
})();

function log(text) {
  process.stderr.write(`${text}\n`);
}

// ---- check ------------------------------------------------------------------------

async function benchCheck() {
  const topics = Number(argValue("--topics", "5000"));
  const attendanceRows = Number(argValue("--attendance", "50000"));
  const rounds = Number(argValue("--runs", "5"));
  const { scaledWorkbook } = require(path.join(BUILD, "core", "make", "sample.js"));
  const { readWorkbook } = require(path.join(BUILD, "core", "read", "register.js"));
  const { check } = require(path.join(BUILD, "core", "check", "check.js"));
  const { newWorkbook, renderSheets } = require(path.join(BUILD, "xlsx", "render.js"));
  const { loadWorkbookFile } = require(path.join(BUILD, "cli", "xlsx.js"));
  const ExcelJS = require("exceljs");

  const opts = { topics, attendanceRows, year: 2025 };
  const asOf = { year: 2025, month: 12, day: 31 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-bench-check-"));
  const file = path.join(dir, "so-lon.xlsx");
  try {
    const wb = newWorkbook();
    renderSheets(wb, scaledWorkbook(opts));
    await wb.xlsx.writeFile(file);
    const sizeMb = fs.statSync(file).size / 1e6;
    // The grid exactly as `kiem-tra` gets it from the file.
    const t0 = process.hrtime.bigint();
    const { grid } = await loadWorkbookFile(file);
    const adapterMs = ms(t0);
    let result = null;
    for (let i = 0; i < 5; i++) result = check(readWorkbook(grid), { asOf }); // JIT warm-up
    if (!result.register || result.register.topics !== topics) {
      throw new Error(`check saw ${result.register && result.register.topics} topics, expected ${topics}`);
    }
    const loads = [];
    const reads = [];
    const checks = [];
    const totals = [];
    for (let round = 0; round < rounds; round++) {
      let t = process.hrtime.bigint();
      const plain = new ExcelJS.Workbook();
      await plain.xlsx.readFile(file);
      loads.push(ms(t));
      // exceljs's garbage is not the check's: collect it before the check is timed.
      if (gc) gc();
      for (let i = 0; i < 3; i++) {
        t = process.hrtime.bigint();
        const book = readWorkbook(grid);
        const readMs = ms(t);
        t = process.hrtime.bigint();
        check(book, { asOf });
        const checkMs = ms(t);
        reads.push(readMs);
        checks.push(checkMs);
        totals.push(readMs + checkMs);
      }
    }
    const checkMs = median(totals);
    const xlsxLoadMs = median(loads);
    return {
      checkTopics: topics,
      checkAttendanceRows: attendanceRows,
      checkFindings: result.findings.length,
      checkXlsxMb: +sizeMb.toFixed(1),
      readWorkbookMs: +median(reads).toFixed(2),
      checkOnlyMs: +median(checks).toFixed(2),
      checkMs: +checkMs.toFixed(2),
      checkMaxMs: +Math.max(...totals).toFixed(2),
      xlsxLoadMs: Math.round(xlsxLoadMs),
      // Our adapter's own load (exceljs + grid), once: what kiem-tra adds before the check.
      adapterLoadMs: Math.round(adapterMs),
      checkVsReadRatio: +(checkMs / xlsxLoadMs).toFixed(4),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---- syncs ------------------------------------------------------------------------

function benchSyncs() {
  const syncs = runJestBench("syncs.bench.ts", "BENCH_SYNCS_OUT", 600_000);
  const all = Object.values(syncs).flatMap((bySize) => Object.values(bySize));
  const constant = Object.values(syncs).every((bySize) => new Set(Object.values(bySize)).size === 1);
  return { syncs, maxSyncs: Math.max(...all), syncsConstant: constant };
}

// ---- add-in bundle ------------------------------------------------------------------

function gzipBytes(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** The packages most of an unnamed (vendor) chunk's bytes come from. */
function mainPackage(chunk) {
  const bytes = {};
  for (const m of chunk.modules || []) {
    const p = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m.name || "");
    const k = p ? p[1] : "src";
    bytes[k] = (bytes[k] || 0) + (m.size || 0);
  }
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  const main = Object.entries(bytes)
    .sort((a, b) => b[1] - a[1])
    .filter(([, n], i) => i === 0 || n >= total * 0.15)
    .slice(0, 3)
    .map(([k]) => k);
  return main.length ? main.join(", ") : "?";
}

function benchAddin() {
  if (!fs.existsSync(path.join(ROOT, "webpack.config.js"))) throw new Error("no webpack.config.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-bench-addin-"));
  const stats = path.join(dir, "stats.json");
  const outDir = path.join(dir, "dist");
  try {
    const webpack = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const r = spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", outDir, `--json=${stats}`], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 600_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0 || !fs.existsSync(stats)) throw new Error(`webpack build failed:\n${(r.stderr || r.stdout || "").slice(-2000)}`);
    const s = JSON.parse(fs.readFileSync(stats, "utf8"));
    if (s.errorsCount) throw new Error(`webpack reported ${s.errorsCount} errors`);
    const jsOf = (chunk) => (chunk.files || []).filter((f) => f.endsWith(".js"));
    const initialFiles = new Set();
    const lazy = {};
    for (const chunk of s.chunks || []) {
      const files = jsOf(chunk);
      if (chunk.initial) files.forEach((f) => initialFiles.add(f));
      else {
        const name = (chunk.names && chunk.names[0]) || `${chunk.id} (${mainPackage(chunk)})`;
        lazy[name] = (lazy[name] || 0) + files.reduce((n, f) => n + gzipBytes(path.join(outDir, f)), 0);
      }
    }
    const initial = {};
    for (const f of initialFiles) initial[f] = gzipBytes(path.join(outDir, f));
    const initialJsGzipBytes = Object.values(initial).reduce((a, b) => a + b, 0);
    const lazyTotal = Object.values(lazy).reduce((a, b) => a + b, 0);
    return {
      initialJsGzipBytes,
      initialJsFiles: initial,
      lazyChunksGzipBytes: lazy,
      lazyJsGzipBytes: lazyTotal,
      webpackWarnings: s.warningsCount || 0,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---- results and the docs table -----------------------------------------------------------

function readResults() {
  try {
    return JSON.parse(fs.readFileSync(RESULTS, "utf8"));
  } catch {
    return {};
  }
}

const kb = (b) => `${(b / 1024).toFixed(0)} KB`;

/** The docs table: what was measured, the figure, the target, whether it is met. */
function markdownTable(r) {
  const rows = [];
  const row = (what, result, target, ok) => rows.push(`| ${what} | ${result} | ${target} | ${ok === undefined ? "" : ok ? "✅" : "❌"} |`);
  if (r.checkMs !== undefined) {
    row(
      `Kiểm tra / check: ${r.checkTopics.toLocaleString("en")} topics + ${r.checkAttendanceRows.toLocaleString("en")} attendance rows`,
      `${r.checkMs} ms (read ${r.readWorkbookMs} + check ${r.checkOnlyMs})`,
      "well under 100 ms",
      r.checkMs < 100,
    );
    row("Check ÷ exceljs loading the same .xlsx", `${r.checkVsReadRatio} (load ${r.xlsxLoadMs} ms)`, "≤ 0.05", r.checkVsReadRatio <= 0.05);
  }
  if (r.documentMs !== undefined) {
    row("One document (đề dẫn / biên bản)", `${r.documentMs} ms (${r.docsPerSecond}/s)`, "well under 100 ms", r.documentMs < 100);
    const rate = 1 / r.docsVsRawRatio;
    row("Document rate ÷ docxtemplater's own rate", `${rate.toFixed(2)}×`, "≥ 0.8×", rate >= 0.8);
  }
  if (r.consolidate1000Seconds !== undefined) {
    row("Tổng hợp / consolidate 1,000 workbooks", `${r.consolidate1000Seconds} s`, "< 60 s", r.consolidate1000Seconds < 60);
    row("Consolidate CPU ÷ exceljs loading the same files", `${r.consolidateVsReadRatio}`, "≤ 0.5", r.consolidateVsReadRatio <= 0.5);
    if (r.peakRssMb !== undefined) row("Consolidate peak memory (RSS)", `${r.peakRssMb} MB`, "—");
  }
  if (r.syncs) {
    const per = Object.entries(r.syncs)
      .map(([k, v]) => `${k} ${[...new Set(Object.values(v))].join("/")}`)
      .join(", ");
    row(
      "Task pane: context.sync() per command at 10 and 5,000 rows",
      `max ${r.maxSyncs} (${per})`,
      "≤ 3, constant",
      r.maxSyncs <= 3 && r.syncsConstant,
    );
  }
  if (r.initialJsGzipBytes !== undefined) {
    row("Task pane initial script (gzip)", kb(r.initialJsGzipBytes), "small", undefined);
    const lazy = Object.entries(r.lazyChunksGzipBytes)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(", ");
    row("Loaded on demand (gzip)", lazy, "document/xlsx libraries not in the initial script", r.lazyJsGzipBytes > r.initialJsGzipBytes);
  }
  if (r.maxRequestBytes !== undefined) {
    row(
      `Largest request / response of any pane command (${(r.checkTopics ?? 5000).toLocaleString("en")} topics)`,
      `${r.maxRequestBytes.toLocaleString("en")} / ${r.maxResponseBytes.toLocaleString("en")} bytes`,
      "≤ 5,000,000",
      Math.max(r.maxRequestBytes, r.maxResponseBytes) <= 5_000_000,
    );
  }
  if (r.singleFileBytes) {
    row("Single page so-chuyen-de.html", `${r.singleFileBytes.raw.toLocaleString("en")} bytes (${kb(r.singleFileBytes.gzip)} gzip)`, "—");
  }
  if (r.fileModeCheckMs !== undefined) {
    row(
      `Single page: open + check ${r.fileModeTopics.toLocaleString("en")} topics in Chromium`,
      `${(r.fileModeCheckMs / 1000).toFixed(1)} s (opening ${(r.fileModeOpenMs / 1000).toFixed(1)} s)`,
      "—",
    );
  }
  if (r.engineTimings) {
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    for (const [engine, t] of Object.entries(r.engineTimings)) {
      row(
        `Single page in ${engine}: open + check, sample / ${r.engineTopics.toLocaleString("en")} topics`,
        `${s(t.sample.openMs + t.sample.checkMs)} / ${s(t.large.openMs + t.large.checkMs)} (opening ${s(t.large.openMs)})`,
        "—",
      );
      row(
        `Single page in ${engine}: longest main-thread task, sample / ${r.engineTopics.toLocaleString("en")} topics (${t.large.probe})`,
        `${t.sample.longestTaskMs} / ${t.large.longestTaskMs} ms`,
        "≤ 100 ms",
        Math.max(t.sample.longestTaskMs, t.large.longestTaskMs) <= 100,
      );
      if (t.papers) {
        row(
          `Single page in ${engine}: longest main-thread task making the papers of ${r.engineTopics.toLocaleString("en")} topics (Tài liệu, Báo cáo quý, Tổng hợp; ${t.papers.probe})`,
          `${t.papers.longestTaskMs} ms (all in ${s(t.papers.papersMs)})`,
          "≤ 100 ms",
          t.papers.longestTaskMs <= 100,
        );
      }
    }
  }
  if (r.hostile) {
    const cases = Object.values(r.hostile);
    const cpu = Math.max(...cases.map((c) => c.cpuSeconds ?? Infinity));
    const rss = Math.max(...cases.map((c) => c.peakRssMb ?? Infinity));
    row(
      `Hostile inputs (${cases.length} cases): worst CPU, worst peak memory`,
      `${cpu} s, ${rss} MB`,
      "< 10 s, < 1 GB",
      cpu < 10 && rss < 1024,
    );
  }
  if (r.write200k) {
    const w = r.write200k;
    const fmt = (x) => `${x.peakRssMb} MB, ${x.seconds} s (${x.cpuSeconds} s CPU)`;
    row(
      `Write ${w.rows.toLocaleString("en")} rows: chuyen-doi / bao-cao peak memory, time`,
      `${fmt(w.convert)} / ${fmt(w.report)}`,
      "< 1 GB",
      w.convert.peakRssMb < 1024 && w.report.peakRssMb < 1024,
    );
    row(`… exceljs WorkbookWriter alone writing the same rows`, fmt(w.rawWriter), "—");
  }
  const machine = r.machine
    ? `\n\nMeasured ${r.machine.date} on ${r.machine.cpus}× ${r.machine.cpuModel}, Node ${r.machine.node}, load average ${r.machine.loadBefore} before / ${r.machine.loadAfter} after.`
    : "";
  return ["| Measure | Result | Target | |", "|---|---|---|---|", ...rows].join("\n") + machine + "\n";
}

const DOCS = path.join(__dirname, "..", "docs", "phat-trien.md");
const TABLE_START = "<!-- bench:start -->";
const TABLE_END = "<!-- bench:end -->";

/** `doc` with the text between the bench markers replaced by `table`; throws when the markers are missing. */
function withBenchTable(doc, table) {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END, start);
  if (start < 0 || end < 0) throw new Error(`${TABLE_START} … ${TABLE_END} not found in docs/phat-trien.md`);
  return `${doc.slice(0, start + TABLE_START.length)}\n\n${table.trim()}\n\n${doc.slice(end)}`;
}

/** Writes the table into docs/phat-trien.md, formatted as `prettier --check .` in CI expects. */
async function writeDocsTable(results) {
  const table = markdownTable(results);
  const prettier = require("prettier");
  const options = (await prettier.resolveConfig(DOCS)) ?? {};
  const doc = await prettier.format(withBenchTable(fs.readFileSync(DOCS, "utf8"), table), { ...options, filepath: DOCS });
  fs.writeFileSync(DOCS, doc);
  return table;
}

// ---- main ---------------------------------------------------------------------------------

const PARTS = ["check", "documents", "consolidate", "syncs", "payload", "addin", "hostile", "filemode", "write", "engines"];

function selectedParts() {
  const only = argValue("--only", null);
  const skip = (argValue("--skip", "") || "").split(",").filter(Boolean);
  if (process.argv.includes("--only-check")) return ["check"];
  return (only ? only.split(",") : PARTS).filter((p) => !skip.includes(p));
}

async function main() {
  if (process.argv.includes("--table")) {
    process.stdout.write(await writeDocsTable(readResults()));
    return;
  }
  if (!fs.existsSync(path.join(BUILD, "cli", "main.js"))) {
    throw new Error("build/ is missing: run `npm run build:cli` first (npm run bench does)");
  }
  const loadBefore = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
  const parts = selectedParts();
  const fresh = {};
  const failed = [];
  const runPart = async (name, fn) => {
    if (!parts.includes(name)) return;
    const t0 = Date.now();
    try {
      const values = await fn();
      Object.assign(fresh, values);
      log(`${name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    } catch (err) {
      failed.push(name);
      log(`${name}: FAILED — ${err && err.message ? err.message : err}`);
    }
  };
  await runPart("check", async () => {
    const c = await benchCheck();
    log(
      `check: ${c.checkMs} ms (read ${c.readWorkbookMs} + check ${c.checkOnlyMs}) for ${c.checkTopics} topics + ` +
        `${c.checkAttendanceRows} attendance rows; exceljs load ${c.xlsxLoadMs} ms → ratio ${c.checkVsReadRatio}`,
    );
    return c;
  });
  await runPart("documents", () => require("./documents.js").run());
  await runPart("consolidate", async () => {
    const files = argValue("--files", undefined);
    const r = await require("./consolidate.js").run(files ? { files: Number(files) } : {});
    return {
      consolidateFiles: r.consolidateFiles,
      ...(r.consolidate1000Seconds !== undefined
        ? { consolidate1000Seconds: r.consolidate1000Seconds }
        : { consolidateSeconds: r.consolidateSeconds }),
      consolidateVsReadRatio: r.consolidateVsReadRatio,
      peakRssMb: r.peakRssMb,
    };
  });
  await runPart("syncs", () => benchSyncs());
  await runPart("payload", () => require("./payload.js").run());
  await runPart("addin", () => benchAddin());
  await runPart("hostile", () => require("./hostile.js").run());
  await runPart("filemode", () => require("./filemode.js").run());
  await runPart("write", async () => ({
    write200k: await require("./write200k.js").benchWrite(Number(argValue("--write-rows", "200000"))),
  }));
  await runPart("engines", () => require("./engines.js").run());

  const machine = {
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    cpus: os.cpus().length,
    cpuModel: (os.cpus()[0] && os.cpus()[0].model.trim()) || "?",
    node: process.version,
    loadBefore,
    loadAfter: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" "),
  };
  // Keys of parts not run this time are kept from earlier runs (documents.js and
  // consolidate.js also write theirs when run alone).
  const all = { ...readResults(), ...fresh, machine };
  fs.writeFileSync(RESULTS, JSON.stringify(all, null, 2) + "\n");
  process.stdout.write(`\n${await writeDocsTable(all)}`);
  if (failed.length) {
    log(`\nParts that failed: ${failed.join(", ")} (their earlier figures, if any, are kept in bench/results.json).`);
    process.exitCode = 1;
  }
}

module.exports = { markdownTable, withBenchTable };

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`bench failed: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  });
}
