"use strict";
// Hostile and broken inputs (issue 15), made on the fly (nothing large is committed) and
// run through the compiled CLI as a child process, with the child's exit code, seconds
// CPU seconds and peak memory (process.resourceUsage(), written by bench/rss-probe.js at
// exit; CPU time, unlike wall time, does not grow when other jobs share the machine).
// Used by the test suite (test/hard/hostile.test.ts asserts the bounds) and by
// `npm run bench`, which stores `hostile: {case: {exit, seconds, peakRssMb}}`.
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { spawnSync, execFileSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "chuyende.js");
const PROBE = path.join(__dirname, "rss-probe.js");
const otherUser = require("../test/support/otherUser");

// ---- a minimal zip writer (entries may carry pre-compressed data and any declared size) ----

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** entries: [{name, data}] (deflated here) or [{name, deflated, size, crc}] (as given). */
function writeZip(file, entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const deflated = e.deflated ?? zlib.deflateRawSync(e.data);
    const size = e.size ?? e.data.length;
    const crc = e.crc ?? crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(deflated.length, 20);
    cd.writeUInt32LE(size >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, deflated);
    central.push(cd, name);
    offset += 30 + name.length + deflated.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...parts, cdBuf, end]));
}

/** The entries of an .xlsx as {name, data}. */
function readZipEntries(file) {
  const PizZip = require("pizzip");
  const zip = new PizZip(fs.readFileSync(file));
  return Object.keys(zip.files)
    .filter((n) => !zip.files[n].dir)
    .map((name) => ({ name, data: Buffer.from(zip.files[name].asUint8Array()) }));
}

// ---- the good register and its hostile variants ---------------------------------------

const HEADER = ["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày thông qua", "Ngày sinh hoạt", "Trạng thái"];
const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

/** A valid 2024 register of four held topics, `title` prefixing each topic's name. */
async function writeGoodRegister(file, title = "Chuyên đề quý") {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sổ chuyên đề");
  ws.addRow(HEADER);
  for (let q = 1; q <= 4; q++) {
    const month = (q - 1) * 3 + 2;
    ws.addRow([q, q, `${title} ${q}`, "Nguyễn Văn An", utc(2024, month, 1), utc(2024, month, 15), "Đã sinh hoạt"]);
  }
  for (const col of [5, 6]) ws.getColumn(col).numFmt = "dd/mm/yyyy";
  await wb.xlsx.writeFile(file);
}

/** Rewrites the first worksheet's XML of `src` into `dest` with `edit(xml)`. */
function editSheet(src, dest, edit) {
  const entries = readZipEntries(src).map((e) =>
    /^xl\/worksheets\/sheet1\.xml$/.test(e.name) ? { name: e.name, data: Buffer.from(edit(e.data.toString("utf8")), "utf8") } : e,
  );
  writeZip(dest, entries);
}

/** Puts `xml` right after </sheetData> (mergeCells and dataValidations go there, before
 *  pageMargins, in the schema's order). */
const afterSheetData = (xml) => (sheet) => sheet.replace("</sheetData>", `</sheetData>${xml}`);

/** The good register with `gib` GiB of spaces inside <sheetData>, compressed without ever
 *  holding them: after a full flush, equal input compresses to equal bytes, so one
 *  compressed 16 MiB block of spaces is repeated. `declare`: the size the zip states. */
function writeSpaceBomb(src, dest, gib, declare) {
  const entries = readZipEntries(src);
  const out = [];
  for (const e of entries) {
    if (e.name !== "xl/worksheets/sheet1.xml") {
      out.push(e);
      continue;
    }
    const xml = e.data.toString("utf8");
    const at = xml.indexOf("<sheetData>") + "<sheetData>".length;
    const head = Buffer.from(xml.slice(0, at));
    const tail = Buffer.from(xml.slice(at));
    const block = Buffer.alloc(16 * 1024 * 1024, 0x20);
    const flush = (buf) => zlib.deflateRawSync(buf, { finishFlush: zlib.constants.Z_FULL_FLUSH });
    const blocks = gib * 64;
    const blockZ = flush(block);
    const pieces = [flush(head)];
    for (let i = 0; i < blocks; i++) pieces.push(blockZ);
    pieces.push(zlib.deflateRawSync(tail));
    const size = head.length + blocks * block.length + tail.length;
    out.push({ name: e.name, deflated: Buffer.concat(pieces), size: declare === "true" ? size : e.data.length, crc: 0 });
  }
  writeZip(dest, out);
}

/** good.xlsx (a valid register) and bad-chars.xlsx (its text holding characters XML
 *  forbids) in `dir`. */
async function makeRegisters(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const good = path.join(dir, "good.xlsx");
  await writeGoodRegister(good);
  const p = (n) => path.join(dir, n);
  // Characters XML 1.0 forbids, as Excel escapes them in a file (_xFFFF_, _x0001_),
  // which the reader turns back into the characters; and a line break inside a title.
  writeZip(
    p("bad-chars.xlsx"),
    readZipEntries(good).map((e) =>
      e.name === "xl/sharedStrings.xml"
        ? {
            name: e.name,
            data: Buffer.from(
              e.data.toString("utf8").replace("Chuyên đề quý 1", "Chuyên đề_xFFFF_ quý_x0001_ 1_xFFFE_ dòng một&#10;dòng hai"),
              "utf8",
            ),
          }
        : e,
    ),
  );
  return good;
}

/** Makes every case's input in `dir`; returns {case: {args, expect…}} for the runner. */
async function makeCases(dir) {
  const good = await makeRegisters(dir);
  const p = (n) => path.join(dir, n);
  writeSpaceBomb(good, p("bomb.xlsx"), 3, "true");
  writeSpaceBomb(good, p("bomb-liar.xlsx"), 3, "small");
  editSheet(good, p("merge-all.xlsx"), afterSheetData('<mergeCells count="1"><mergeCell ref="P1:XFD1048576"/></mergeCells>'));
  editSheet(
    good,
    p("validation-all.xlsx"),
    afterSheetData(
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"Đã sinh hoạt,Dự kiến"</formula1></dataValidation></dataValidations>',
    ),
  );
  editSheet(good, p("row-number.xlsx"), (s) =>
    s.replace(
      /<row r="5"([^>]*)>(.*?)<\/row>/,
      (_m, attrs, cells) => `<row r="99999999999"${attrs}>${cells.replace(/([A-Z])5"/g, '$199999999999"')}</row>`,
    ),
  );
  writeZip(
    p("no-shared-strings.xlsx"),
    readZipEntries(good).filter((e) => e.name !== "xl/sharedStrings.xml"),
  );
  // 1,048,576 formatted empty rows under the register (a "format to the bottom" sheet).
  editSheet(good, p("formatted-rows.xlsx"), (s) => {
    const rows = [];
    for (let r = 6; r <= 1048576; r++) rows.push(`<row r="${r}" s="1" customFormat="1"/>`);
    return s.replace("</sheetData>", `${rows.join("")}</sheetData>`);
  });
  // 300,000 rows of numbers under the register: past the rows-per-sheet limit (250,000).
  editSheet(good, p("rows-300000.xlsx"), (s) => {
    const rows = [];
    for (let r = 6; r <= 300_005; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>1</v></c></row>`);
    return s.replace("</sheetData>", `${rows.join("")}</sheetData>`);
  });
  // U+FFFF, U+FFFE and a control character in register text: the outputs must stay valid XML.
  try {
    execFileSync("mkfifo", [p("fifo.xlsx")]);
  } catch {
    /* no mkfifo: the case is skipped */
  }

  // The tong-hop folder: two good registers, the bomb, the full-sheet validation (a good
  // register too), an unreadable subfolder holding a good file, and a symlink loop.
  const folder = p("thu-muc");
  fs.mkdirSync(path.join(folder, "chi-bo-3"), { recursive: true });
  fs.mkdirSync(path.join(folder, "khoa"), { recursive: true });
  await writeGoodRegister(path.join(folder, "chi-bo-1.xlsx"), "Chi bộ 1 quý");
  await writeGoodRegister(path.join(folder, "chi-bo-2.xlsx"), "Chi bộ 2 quý");
  fs.copyFileSync(p("bomb.xlsx"), path.join(folder, "bom.xlsx"));
  editSheet(path.join(folder, "chi-bo-1.xlsx"), path.join(folder, "chi-bo-3", "chon-ca-trang.xlsx"), (s) =>
    afterSheetData(
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"Có,Không"</formula1></dataValidation></dataValidations>',
    )(s.replace(/Chi bộ 1 quý/g, "Chi bộ 3 quý")),
  );
  await writeGoodRegister(path.join(folder, "khoa", "chi-bo-4.xlsx"), "Chi bộ 4 quý");
  fs.symlinkSync("..", path.join(folder, "chi-bo-3", "vong"));
  fs.symlinkSync(folder, path.join(folder, "vong-tuyet-doi"));
  fs.chmodSync(path.join(folder, "khoa"), 0o000);
  const out = p("ra");
  fs.mkdirSync(out);
  fs.chmodSync(out, 0o777);
  fs.chmodSync(dir, 0o755);

  const kt = (file) => ["kiem-tra", file, "--ngay", "2024-12-31", "--json"];
  return {
    "zip-bomb-3GiB": { args: kt(p("bomb.xlsx")), exit: 2, message: /quá lớn để đọc/ },
    "zip-bomb-declared-small": { args: kt(p("bomb-liar.xlsx")), exit: 2, message: /quá lớn để đọc/ },
    "merge-P1:XFD1048576": { args: kt(p("merge-all.xlsx")), exit: 0, topics: 4 },
    "validation-A1:XFD1048576": { args: kt(p("validation-all.xlsx")), exit: 0, topics: 4 },
    "row-99999999999": { args: kt(p("row-number.xlsx")), exit: 2, message: /ngoài lưới của Excel/ },
    "no-sharedStrings": { args: kt(p("no-shared-strings.xlsx")), exit: 2, message: /sharedStrings/ },
    "rows-300000": { args: kt(p("rows-300000.xlsx")), exit: 2, message: /300\.005 dòng có dữ liệu, quá giới hạn 250\.000 dòng/ },
    "formatted-1048576-rows": { args: kt(p("formatted-rows.xlsx")), exit: 0, topics: 4 },
    ...(fs.existsSync(p("fifo.xlsx"))
      ? { "fifo-named-xlsx": { args: kt(p("fifo.xlsx")), exit: 2, message: /không phải tệp thường/ } }
      : {}),
    "tong-hop-mixed-folder": {
      args: ["tong-hop", folder, "-o", path.join(out, "tong-hop.xlsx"), "--ngay", "2024-12-31", "--json"],
      asNobody: true,
      exit: 0,
    },
  };
}

/** Runs the CLI with `args` as a child; peak memory from the probe. `asNobody`: when
 *  running as root (where a chmod 000 folder stays readable), as user nobody
 *  (test/support/otherUser.js: from a copy of the CLI nobody can read, if need be). */
function runCase(args, { asNobody = false, timeoutMs = 120_000 } = {}) {
  const rssFile = path.join(os.tmpdir(), `chuyende-rss-${process.pid}-${Math.random().toString(16).slice(2)}`);
  const child = asNobody
    ? otherUser.asNobody(["--require", PROBE, BIN, ...args])
    : { command: process.execPath, args: ["--require", PROBE, BIN, ...args] };
  const t0 = process.hrtime.bigint();
  const r = spawnSync(child.command, child.args, {
    cwd: child.cwd,
    env: { ...process.env, TZ: "Asia/Ho_Chi_Minh", CHUYENDE_RSS_FILE: rssFile },
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let peakRssMb = null;
  let cpuSeconds = null;
  try {
    const [rssKb, cpuMicros] = fs.readFileSync(rssFile, "utf8").split(" ").map(Number);
    peakRssMb = Math.round(rssKb / 1024);
    cpuSeconds = Math.round(cpuMicros / 1e4) / 100;
    fs.rmSync(rssFile, { force: true });
  } catch {
    /* the child died before exiting normally */
  }
  return {
    exit: r.status ?? -1,
    signal: r.signal,
    seconds: Math.round(seconds * 100) / 100,
    cpuSeconds,
    peakRssMb,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

/** Restores permissions so the folder can be removed. */
function cleanup(dir) {
  try {
    fs.chmodSync(path.join(dir, "thu-muc", "khoa"), 0o755);
  } catch {
    /* not made */
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** `npm run bench`: every case once → {case: {exit, seconds, peakRssMb}}. */
async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-hostile-"));
  fs.chmodSync(dir, 0o755);
  try {
    const cases = await makeCases(dir);
    const hostile = {};
    for (const [name, c] of Object.entries(cases)) {
      const r = runCase(c.args, { asNobody: c.asNobody });
      hostile[name] = { exit: r.exit, seconds: r.seconds, cpuSeconds: r.cpuSeconds, peakRssMb: r.peakRssMb };
      process.stderr.write(`hostile ${name}: exit ${r.exit}, ${r.seconds} s (CPU ${r.cpuSeconds} s), ${r.peakRssMb} MB\n`);
    }
    // The load when measured: wall seconds on a shared machine are mostly waiting.
    const load = () =>
      os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" ");
    return { hostile, hostileMachine: { date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC", loadAfter: load() } };
  } finally {
    cleanup(dir);
  }
}

module.exports = { makeRegisters, makeCases, runCase, cleanup, run, writeZip, readZipEntries, writeGoodRegister };
