#!/usr/bin/env node
"use strict";
// `npm run bench` (after build:cli): the speed figures of SPEC §9, written to
// bench/results.json (merged: other benchmarks add their own keys) and printed.
//
// Check: a 5,000-topic register with 50,000 attendance rows, as the neutral grid the
// exceljs adapter produces; readWorkbook + check run in-process from build/, median of
// several runs → checkMs. The same register written as .xlsx and loaded by exceljs
// (median) → xlsxLoadMs; checkVsReadRatio = checkMs / xlsxLoadMs (the check should cost a
// small fraction of merely opening the file).
// Then the other benchmarks in this folder (consolidate.js), unless --only-check.
//
// Usage: node bench/run.js [--only-check] [--runs N] [--topics N] [--attendance N]
const fs = require("fs");
const os = require("os");
const path = require("path");

const BUILD = path.join(__dirname, "..", "build");
const RESULTS = path.join(__dirname, "results.json");

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function ms(t0) {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function mergeResults(values) {
  let all = {};
  try {
    all = JSON.parse(fs.readFileSync(RESULTS, "utf8"));
  } catch {
    all = {};
  }
  Object.assign(all, values);
  fs.writeFileSync(RESULTS, JSON.stringify(all, null, 2) + "\n");
  return all;
}

async function benchCheck() {
  const topics = Number(argValue("--topics", "5000"));
  const attendanceRows = Number(argValue("--attendance", "50000"));
  const runs = Number(argValue("--runs", "9"));
  const { sampleRegisterGrid, scaledWorkbook } = require(path.join(BUILD, "core", "sample.js"));
  const { readWorkbook } = require(path.join(BUILD, "core", "register.js"));
  const { check } = require(path.join(BUILD, "core", "check.js"));
  const { newWorkbook, renderSheets } = require(path.join(BUILD, "cli", "render.js"));
  const { loadWorkbookFile } = require(path.join(BUILD, "cli", "xlsx.js"));
  const ExcelJS = require("exceljs");

  const opts = { topics, attendanceRows, year: 2025 };
  const asOf = { year: 2025, month: 12, day: 31 };
  const grid = sampleRegisterGrid(opts);

  // Warm up the JIT, then time.
  let result = null;
  for (let i = 0; i < 3; i++) result = check(readWorkbook(grid), { asOf });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = check(readWorkbook(grid), { asOf });
    times.push(ms(t0));
  }
  if (!result.register || result.register.topics !== topics) {
    throw new Error(`check saw ${result.register && result.register.topics} topics, expected ${topics}`);
  }
  const checkMs = median(times);

  // The same register as a real .xlsx file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-bench-check-"));
  const file = path.join(dir, "so-lon.xlsx");
  try {
    const wb = newWorkbook();
    renderSheets(wb, scaledWorkbook(opts));
    await wb.xlsx.writeFile(file);
    const sizeMb = fs.statSync(file).size / 1e6;
    const loads = [];
    const adapter = [];
    let fileResult = null;
    for (let i = 0; i < 3; i++) {
      let t0 = process.hrtime.bigint();
      const plain = new ExcelJS.Workbook();
      await plain.xlsx.readFile(file);
      loads.push(ms(t0));
      t0 = process.hrtime.bigint();
      const { grid: g } = await loadWorkbookFile(file);
      fileResult = check(readWorkbook(g), { asOf });
      adapter.push(ms(t0));
    }
    if (fileResult.findings.length !== result.findings.length) {
      process.stderr.write(
        `note: the .xlsx gave ${fileResult.findings.length} findings, the grid ${result.findings.length}\n`,
      );
    }
    const xlsxLoadMs = median(loads);
    return {
      checkTopics: topics,
      checkAttendanceRows: attendanceRows,
      checkFindings: result.findings.length,
      checkMs: +checkMs.toFixed(2),
      checkMinMs: +Math.min(...times).toFixed(2),
      xlsxLoadMs: +xlsxLoadMs.toFixed(0),
      checkVsReadRatio: +(checkMs / xlsxLoadMs).toFixed(4),
      // The whole `kiem-tra` path on the file: load + adapter + read + check.
      kiemTraFileMs: +median(adapter).toFixed(0),
      checkXlsxMb: +sizeMb.toFixed(1),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(all) {
  const rows = Object.entries(all).map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]);
  const w = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write("\nbench/results.json\n");
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(w)}  ${v}\n`);
}

async function main() {
  if (!fs.existsSync(path.join(BUILD, "cli", "main.js"))) {
    throw new Error("build/ is missing: run `npm run build:cli` first (npm run bench does)");
  }
  const check = await benchCheck();
  process.stderr.write(
    `check: ${check.checkMs} ms (median) for ${check.checkTopics} topics + ${check.checkAttendanceRows} attendance rows; ` +
      `exceljs load of the same .xlsx (${check.checkXlsxMb} MB): ${check.xlsxLoadMs} ms; ratio ${check.checkVsReadRatio}\n`,
  );
  let all = mergeResults(check);
  if (!process.argv.includes("--only-check")) {
    const consolidate = path.join(__dirname, "consolidate.js");
    if (fs.existsSync(consolidate)) {
      await require(consolidate).run();
      all = JSON.parse(fs.readFileSync(RESULTS, "utf8"));
    }
  }
  if (!process.argv.includes("--only-check")) all = { ...all, ...(await require("./documents.js").run()) };
  printTable(all);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 1;
});
