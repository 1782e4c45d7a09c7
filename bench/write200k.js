"use strict";
// bench/write200k.js — the write path at 200,000 rows (issue 24 item 7): a register in a
// secretary's own layout (7 columns, 200,000 rows; bench/largeRegister.js), then `chuyende chuyen-doi` and `chuyende bao-cao --quy …` on it, each in a child
// process, next to exceljs's own streaming WorkbookWriter writing the same 200,000
// canonical rows (the raw library baseline). Each child's peak RSS comes from
// process.resourceUsage().maxRSS (bench/rss-probe.js), its time from the wall clock.
//
// Usage: node bench/write200k.js [--rows N]   (prints JSON on stdout)
// Exported: makeRegister(file, rows), runMeasured(args) for test/hard and bench/run.js.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { makeRegister, HEADER } = require("./largeRegister.js");

const ROOT = path.join(__dirname, "..");

/** Runs `node args…` as a child with the RSS probe: { exit, seconds, peakRssMb, stderr }. */
function runMeasured(args, options = {}) {
  const rssFile = path.join(os.tmpdir(), `chuyende-rss-${process.pid}-${Math.random().toString(16).slice(2)}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", path.join(__dirname, "rss-probe.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, TZ: "Asia/Ho_Chi_Minh", CHUYENDE_RSS_FILE: rssFile },
    encoding: "utf8",
    timeout: options.timeout ?? 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let peakRssMb = null;
  let cpuSeconds = null;
  try {
    const [rss, cpu] = fs.readFileSync(rssFile, "utf8").split(" ").map(Number);
    peakRssMb = rss / 1024;
    cpuSeconds = Math.round(cpu / 1e5) / 10;
  } catch {
    /* killed before exit */
  }
  fs.rmSync(rssFile, { force: true });
  return {
    exit: r.status,
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds,
    peakRssMb: peakRssMb && Math.round(peakRssMb),
    stderr: r.stderr,
    stdout: r.stdout,
  };
}

/** The raw baseline as a child: exceljs's WorkbookWriter writing `rows` rows of 13 columns. */
const RAW_WRITER = `
const ExcelJS = require("exceljs");
const [file, rows] = [process.argv[1], Number(process.argv[2])];
(async () => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet("Sổ chuyên đề (chuẩn)");
  for (let i = 1; i <= rows; i++) {
    ws.addRow([i, "I", "Chuyên đề số " + i + ": nâng cao chất lượng sinh hoạt chi bộ", null, "Nguyễn Văn An",
      new Date(Date.UTC(2024, 0, 1 + (i % 27))), null, null, new Date(Date.UTC(2024, 0, 2 + (i % 27))), null,
      "Đã sinh hoạt", null, null]).commit();
  }
  ws.commit();
  await wb.commit();
})();`;

async function benchWrite(rows) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-bench-write-"));
  try {
    const input = path.join(dir, "so-200k.xlsx");
    await makeRegister(input, rows);
    const cli = path.join(ROOT, "bin", "chuyende.js");
    const raw = runMeasured(["-e", RAW_WRITER, path.join(dir, "raw.xlsx"), String(rows)]);
    const convert = runMeasured([cli, "chuyen-doi", input, "-o", path.join(dir, "chuan.xlsx"), "--ngay", "31/12/2024"]);
    const report = runMeasured([cli, "bao-cao", input, "--quy", "IV", "--ngay", "31/12/2024", "-o", path.join(dir, "bao-cao.xlsx")]);
    const part = (r) => ({
      exit: r.exit,
      seconds: r.seconds,
      cpuSeconds: r.cpuSeconds,
      peakRssMb: r.peakRssMb,
      ...(r.exit > 1 ? { stderr: r.stderr.slice(-500) } : {}),
    });
    return {
      rows,
      inputMb: Math.round(fs.statSync(input).size / 1e5) / 10,
      rawWriter: part(raw),
      convert: part(convert),
      report: part(report),
      convertVsRawSeconds: Math.round((convert.seconds / raw.seconds) * 100) / 100,
      reportVsRawSeconds: Math.round((report.seconds / raw.seconds) * 100) / 100,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { makeRegister, runMeasured, benchWrite, HEADER };

if (require.main === module) {
  const i = process.argv.indexOf("--rows");
  const rows = i > 0 ? Number(process.argv[i + 1]) : 200_000;
  benchWrite(rows).then((r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"));
}
