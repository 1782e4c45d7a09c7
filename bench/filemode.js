"use strict";
// File mode (issue 14): the size of the single HTML file (raw and gzip) and the time the
// pane in a real browser takes to open and check the 5,000-topic register (50,000
// attendance rows, as the `check` part) — from choosing the file in "Mở sổ (.xlsx)" to
// the findings on screen, dist/so-chuyen-de.html opened from file:// with every request
// refused. Needs `npm run build` (dist/) and build/ (npm run build:cli); Chromium at
// /usr/bin/chromium (CHROMIUM_PATH). Run alone: node bench/filemode.js
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { ROOT, BUILD, RESULTS, argValue, median } = require("./util");

const PAGE = path.join(ROOT, "dist", "so-chuyen-de.html");

async function run() {
  if (!fs.existsSync(PAGE)) throw new Error("dist/so-chuyen-de.html is missing: run `npm run build` first");
  const html = fs.readFileSync(PAGE);
  const singleFileBytes = { raw: html.length, gzip: zlib.gzipSync(html, { level: 9 }).length };

  const topics = Number(argValue("--topics", "5000"));
  const attendanceRows = Number(argValue("--attendance", "50000"));
  const rounds = Number(argValue("--runs", "3"));
  const { scaledWorkbook } = require(path.join(BUILD, "core", "make", "sample.js"));
  const { newWorkbook, renderSheets } = require(path.join(BUILD, "xlsx", "render.js"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-bench-filemode-"));
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const file = path.join(dir, "so-5000.xlsx");
    const wb = newWorkbook();
    renderSheets(wb, scaledWorkbook({ topics, attendanceRows, year: 2025 }));
    await wb.xlsx.writeFile(file);
    const totals = [];
    const opens = [];
    for (let i = 0; i < rounds; i++) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: "vi-VN" });
      const url = `file://${PAGE}`;
      await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort("blockedbyclient")));
      const page = await context.newPage();
      await page.goto(url);
      await page.locator(".file-bar").waitFor();
      const t0 = performance.now();
      await page.setInputFiles("#mo-so", file);
      await page.locator(".file-bar .status").filter({ hasText: /Đã mở/ }).waitFor({ timeout: 600000 });
      const opened = performance.now() - t0;
      await page.locator("#kiem-tra button.primary").click();
      await page
        .locator("#kiem-tra .status")
        .filter({ hasText: /Đã kiểm tra/ })
        .waitFor({ timeout: 600000 });
      totals.push(performance.now() - t0);
      opens.push(opened);
      await context.close();
    }
    return {
      singleFileBytes,
      fileModeCheckMs: Math.round(median(totals)),
      fileModeOpenMs: Math.round(median(opens)),
      fileModeTopics: topics,
      fileModeAttendanceRows: attendanceRows,
    };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };

if (require.main === module) {
  run()
    .then((r) => {
      const all = fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, "utf8")) : {};
      fs.writeFileSync(RESULTS, JSON.stringify({ ...all, ...r }, null, 2) + "\n");
      process.stdout.write(JSON.stringify(r, null, 2) + "\n");
    })
    .catch((err) => {
      process.stderr.write(`bench filemode failed: ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 1;
    });
}
