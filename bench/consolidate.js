#!/usr/bin/env node
"use strict";
// Benchmark of `chuyende tong-hop` (SPEC §9: 1,000 cell workbooks in under a minute).
// Generates N realistic cell workbooks (the canonical layout khoi-tao writes, with
// members, 4–6 topics, attendance, minutes and opinions) in a temp folder, then times,
// each in a fresh child process:
//   - read:        exceljs alone loading every file (the floor any reader pays);
//   - consolidate: the real command, `tong-hop DIR -o OUT.xlsx --json`.
//   - consolidate, one thread (CHUYENDE_WORKERS=0): the per-file cost.
// Each is run twice, alternating, and the faster run kept (the machine is shared). The
// ratio compares CPU time (user+system) of the one-thread command with exceljs alone,
// which contention on a shared machine distorts far less than wall time;
// consolidate1000Seconds is the wall time of the command as shipped.
// Writes consolidate1000Seconds, consolidateVsReadRatio and peakRssMb (the consolidating
// process's peak resident memory) into bench/results.json, keeping the other keys.
//
// Usage: node bench/consolidate.js [--files N] [--build DIR] [--keep]
// (build/ comes from `npm run build:cli`; bench/run.js may simply require this file's
// `run()`.)
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const { argValue } = require("./util");

const BUILD = path.resolve(argValue("--build", path.join(__dirname, "..", "build")));
const AS_OF = "2024-12-31";

// ---- workbook generation ----------------------------------------------------------

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Đức", "Thu", "Hoài"];
const GIVEN = [
  "An",
  "Bình",
  "Châu",
  "Dũng",
  "Giang",
  "Hà",
  "Hải",
  "Hạnh",
  "Hùng",
  "Hương",
  "Khoa",
  "Lan",
  "Long",
  "Mai",
  "Nam",
  "Nga",
  "Phúc",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Thủy",
  "Trung",
  "Tuấn",
  "Vân",
  "Yến",
];
const TITLES = [
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường",
  "Nâng cao chất lượng sinh hoạt chi bộ và tính tự giác của đảng viên",
  "Giải pháp thực hiện tốt quy chế dân chủ ở cơ sở",
  "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác quan điểm sai trái trên mạng xã hội",
  "Chi bộ lãnh đạo thực hiện nhiệm vụ chuyên môn năm 2024",
  "Nâng cao chất lượng công tác phát triển đảng viên mới",
  "Lãnh đạo Công đoàn, Đoàn Thanh niên giới thiệu quần chúng ưu tú cho Đảng",
  "Tăng cường công tác kiểm tra, giám sát của chi bộ",
  "Khắc phục hạn chế, khuyết điểm qua kiểm điểm năm 2023",
  "Chuyển đổi số trong hoạt động của cơ quan, đơn vị",
];
const GROUPS = ["Xây dựng Đảng", "Nhiệm vụ chuyên môn", "Lãnh đạo đoàn thể"];

/** Small deterministic PRNG so every run builds the same files. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function cellOptions(i) {
  const rand = rng(i * 2654435761);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const d = (year, month, day) => ({ date: { year, month, day } });
  const memberCount = 10 + Math.floor(rand() * 20);
  const names = [];
  while (names.length < memberCount) {
    const n = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    if (!names.includes(n)) names.push(n);
  }
  const members = names.map((n, k) => [
    n,
    k === 0 ? "Bí thư" : k === 1 ? "Phó bí thư" : k < 4 ? "Chi ủy viên" : "Đảng viên",
    rand() < 0.1 ? "Dự bị" : "Chính thức",
    rand() < 0.05 ? "Có" : "Không",
    null,
  ]);
  const topicCount = 4 + Math.floor(rand() * 3);
  const register = [];
  const attendance = [];
  const minutes = [];
  const opinions = [];
  for (let t = 1; t <= topicCount; t++) {
    const q = Math.min(4, Math.ceil((t * 4) / topicCount));
    const skipped = rand() < 0.08; // a quarter now and then goes without its topic
    const month = (q - 1) * 3 + 1 + Math.floor(rand() * 3);
    const day = 5 + Math.floor(rand() * 20);
    const held = !skipped;
    register.push([
      t,
      ["I", "II", "III", "IV"][q - 1],
      pick(TITLES),
      pick(GROUPS),
      names[2 + Math.floor(rand() * (names.length - 2))],
      d(2024, month, Math.max(1, day - 7)),
      rand() < 0.7 ? "Chi ủy" : "Bí thư",
      rand() < 0.95 ? d(2024, month, Math.max(1, day - 3)) : null,
      skipped ? null : d(2024, month, day),
      rand() < 0.6 ? "Lồng ghép" : "Riêng",
      skipped ? "Hoãn" : "Đã sinh hoạt",
      held && rand() < 0.8 ? d(2024, month, Math.min(28, day + 3)) : null,
      held && rand() < 0.7 ? d(2024, month, Math.min(28, day + 5)) : null,
      null,
    ]);
    if (!held) continue;
    for (const n of names) {
      const r = rand();
      attendance.push([
        t,
        n,
        r < 0.88 ? "Có mặt" : r < 0.97 ? "Vắng có lý do" : "Vắng không lý do",
        r >= 0.88 && r < 0.97 ? "Công tác" : null,
      ]);
    }
    minutes.push([
      t,
      14 * 60,
      16 * 60 + Math.floor(rand() * 30),
      "Phòng họp",
      names[0],
      names[3],
      null,
      "Quán triệt chuyên đề",
      "Chi bộ thống nhất",
      "Các đồng chí thực hiện",
      `${memberCount}/${memberCount} tán thành`,
    ]);
    for (let k = 0; k < 3; k++) opinions.push([t, pick(names), "Đồng ý với đề dẫn, đề nghị bổ sung giải pháp cụ thể."]);
  }
  return {
    year: 2024,
    chiBo: `Chi bộ ${i + 1}`,
    dangBoCoSo: `Đảng bộ ${["Phường 1", "Phường 2", "Trường THPT Lê Lợi", "Công ty Điện lực"][i % 4]}`,
    dangBoCapTren: "Đảng bộ Khối",
    info: { biThu: names[0], phoBiThu: names[1], diaDanh: "Thành phố Hồ Chí Minh" },
    members,
    register,
    attendance,
    minutes: minutes.map((m) => [m[0], m[1] / 1440, m[2] / 1440, ...m.slice(3)]),
    opinions,
  };
}

async function generate(dir, count) {
  const { buildCanonicalWorkbook } = require(path.join(BUILD, "core", "make", "canonical.js"));
  const { newWorkbook, renderSheets } = require(path.join(BUILD, "xlsx", "render.js"));
  for (let i = 0; i < count; i++) {
    const wb = newWorkbook();
    renderSheets(wb, buildCanonicalWorkbook(cellOptions(i)));
    const buf = await wb.xlsx.writeBuffer();
    fs.writeFileSync(path.join(dir, `chi-bo-${String(i + 1).padStart(4, "0")}.xlsx`), Buffer.from(buf));
  }
}

// ---- child modes ---------------------------------------------------------------

function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function report(extra) {
  const maxRssMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
  process.stdout.write(JSON.stringify({ ...extra, maxRssMb }) + "\n");
}

async function childRead(dir) {
  const ExcelJS = require("exceljs");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  const c0 = cpuSeconds();
  const t0 = process.hrtime.bigint();
  for (const f of files) {
    const bytes = await fs.promises.readFile(path.join(dir, f));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
  }
  report({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpu: cpuSeconds() - c0, files: files.length });
}

async function childConsolidate(dir, out) {
  const { main } = require(path.join(BUILD, "cli", "main.js"));
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, now: () => new Date() };
  const c0 = cpuSeconds();
  const t0 = process.hrtime.bigint();
  const code = await main(["tong-hop", dir, "-o", out, "--ngay", AS_OF, "--json", "--ghi-de"], io);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = cpuSeconds() - c0;
  let cells = null;
  let unreadable = null;
  try {
    const json = JSON.parse(stdout);
    cells = json.cells.length;
    unreadable = json.unreadable.length;
  } catch {
    /* reported below */
  }
  report({ seconds, cpu, code, cells, unreadable, stderr: stderr.slice(0, 500) });
}

function runChild(mode, args, env = {}) {
  const res = spawnSync(process.execPath, [__filename, mode, ...args, "--build", BUILD], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`${mode} failed: ${res.stderr}`);
  const line = res.stdout.trim().split("\n").pop();
  return JSON.parse(line);
}

async function run(options = {}) {
  const count = Number(options.files ?? argValue("--files", "1000"));
  const keep = options.keep ?? process.argv.includes("--keep");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-bench-"));
  const inDir = path.join(dir, "cells");
  fs.mkdirSync(inDir);
  const out = path.join(dir, "tong-hop.xlsx");
  try {
    const g0 = Date.now();
    await generate(inDir, count);
    process.stderr.write(`generated ${count} workbooks in ${((Date.now() - g0) / 1000).toFixed(1)} s (${inDir})\n`);
    const reads = [];
    const cons = [];
    const seqs = [];
    for (let i = 0; i < 2; i++) {
      reads.push(runChild("--child-read", [inDir]));
      cons.push(runChild("--child-consolidate", [inDir, out])); // as shipped (threads from 3 cores)
      seqs.push(runChild("--child-consolidate", [inDir, out], { CHUYENDE_WORKERS: "0" }));
    }
    const fastest = (runs) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const read = fastest(reads);
    const con = fastest(cons);
    const seq = fastest(seqs);
    for (const c of [...cons, ...seqs]) {
      if (c.cells !== count) throw new Error(`tong-hop read ${c.cells} of ${count} workbooks: ${c.stderr}`);
    }
    const readCpu = Math.min(...reads.map((r) => r.cpu));
    const seqCpu = Math.min(...seqs.map((c) => c.cpu));
    const result = {
      consolidateFiles: count,
      cores: typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length,
      // What a user waits for: the command as shipped (worker threads from 3 cores up).
      consolidateSeconds: +con.seconds.toFixed(2),
      consolidateSequentialSeconds: +seq.seconds.toFixed(2),
      exceljsReadSeconds: +read.seconds.toFixed(2),
      // Per-file efficiency: CPU time of the single-threaded command over CPU time of
      // exceljs alone loading the same files (CPU, not wall: the bench machine is shared).
      consolidateVsReadRatio: +(seqCpu / readCpu).toFixed(3),
      wallRatio: +(con.seconds / read.seconds).toFixed(3),
      wallRatioSequential: +(seq.seconds / read.seconds).toFixed(3),
      consolidateSequentialCpuSeconds: +seqCpu.toFixed(2),
      exceljsReadCpuSeconds: +readCpu.toFixed(2),
      peakRssMb: Math.round(Math.max(...cons.map((c) => c.maxRssMb))),
      peakRssSequentialMb: Math.round(Math.max(...seqs.map((c) => c.maxRssMb))),
    };
    if (count === 1000) result.consolidate1000Seconds = result.consolidateSeconds;
    process.stderr.write(
      `tong-hop: ${result.consolidateSeconds} s for ${count} workbooks (${result.consolidateSequentialSeconds} s on one thread); ` +
        `exceljs alone: ${result.exceljsReadSeconds} s; CPU ratio ${result.consolidateVsReadRatio}; peak RSS ${result.peakRssMb} MB\n`,
    );
    if (count === 1000 && options.write !== false) {
      const file = path.join(__dirname, "results.json");
      let all = {};
      try {
        all = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {
        all = {};
      }
      all.consolidate1000Seconds = result.consolidate1000Seconds;
      all.consolidateVsReadRatio = result.consolidateVsReadRatio;
      all.peakRssMb = result.peakRssMb;
      fs.writeFileSync(file, JSON.stringify(all, null, 2) + "\n");
    }
    return result;
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run, cellOptions };

if (require.main === module) {
  const mode = process.argv[2];
  const job =
    mode === "--child-read"
      ? childRead(process.argv[3])
      : mode === "--child-consolidate"
        ? childConsolidate(process.argv[3], process.argv[4])
        : run().then((r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"));
  job.catch((err) => {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  });
}
