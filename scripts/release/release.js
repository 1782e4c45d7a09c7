#!/usr/bin/env node
// `npm run release`: builds, then writes dist/release/so-chuyen-de-VERSION.zip — what a
// đảng ủy forwards to its cells on Zalo, by e-mail or USB stick — and dist/release/SHA256SUMS
// (the zip's checksum). The zip holds the single page, the printable guide, a sample
// register, the Word templates, the add-in's files and manifest with the IT's hosting steps,
// CHANGELOG.md, and SHA256SUMS of every other entry.
//
// Reproducible: the same sources give the same bytes. Every date in the zip (its entries,
// the sample register's "today" and properties, the PDF's dates) is the date of this
// version's CHANGELOG entry, or SOURCE_DATE_EPOCH when set.
//
// Usage: node scripts/release/release.js [--no-build] [--out DIR]
//   --no-build  package the dist/ and build/ already there (the release test runs it twice)
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { reproducibleZip, reproduciblePackage } = require("./zip");
const { guideHtml, printPdf } = require("./guide");
const { DEV_BASE_URL } = require("../addin-url");

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const GUIDES = [path.join(ROOT, "docs", "huong-dan-bi-thu.md"), path.join(ROOT, "docs", "huong-dan-dang-uy.md")];
/** Left out of bo-tro/: the single page (at the top of the zip) and the manifest (beside it). */
const NOT_HOSTED = new Set(["so-chuyen-de.html", "manifest.xml"]);

class ReleaseError extends Error {}

const pad = (n) => String(n).padStart(2, "0");

/** The release date: SOURCE_DATE_EPOCH (seconds), else the date of `version`'s CHANGELOG entry
 *  ("## [0.2.0] - 2026-12-07"); as a Date whose local fields are that day at 00:00. */
function releaseDate(version, env = process.env, changelog = fs.readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8")) {
  if (env.SOURCE_DATE_EPOCH) {
    const d = new Date(Number(env.SOURCE_DATE_EPOCH) * 1000);
    if (Number.isNaN(d.getTime())) throw new ReleaseError(`SOURCE_DATE_EPOCH is not a number of seconds: ${env.SOURCE_DATE_EPOCH}`);
    return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  }
  const escaped = version.replace(/[.]/g, "\\.");
  const m = new RegExp(`^## \\[${escaped}\\] - (\\d{4})-(\\d{2})-(\\d{2})\\s*$`, "m").exec(changelog);
  if (!m) throw new ReleaseError(`CHANGELOG.md has no dated entry "## [${version}] - YYYY-MM-DD": write one before releasing ${version}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
  if (r.status !== 0) throw new ReleaseError(`${command} ${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** The production build for the default address (ADDIN_URL unset), and the CLI. */
function build() {
  const env = { ...process.env };
  delete env.ADDIN_URL;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  run(npm, ["run", "build"], { env });
  run(npm, ["run", "build:cli"], { env });
}

/** Every file under `dir`, as paths relative to it with "/" separators. */
function filesUnder(dir, prefix = "") {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesUnder(dir, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

/** The demo register (`chuyende demo`), its "today" and properties' dates the release date. */
function sampleRegister(date) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-release-"));
  try {
    const today = `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
    run(process.execPath, [path.join(ROOT, "bin", "chuyende.js"), "demo", "-o", dir, "--ngay", today, "--ghi-de"], {
      env: { ...process.env, TZ: "Asia/Ho_Chi_Minh" },
    });
    const iso = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T00:00:00Z`;
    return reproduciblePackage(fs.readFileSync(path.join(dir, "so-chuyen-de-mau.xlsx")), iso, date);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The IT's hosting steps, Vietnamese, plain text (read in Notepad). */
function hostingText(version) {
  return [
    `SỔ CHUYÊN ĐỀ ${version} — CÀI BỔ TRỢ EXCEL CHO CẢ ĐƠN VỊ`,
    "Dành cho bộ phận tin học. Máy không có Microsoft 365 không cần bước nào ở đây: bí thư chi bộ",
    `mở tệp so-chuyen-de-${version}.html.`,
    "",
    "1. Chép toàn bộ thư mục bo-tro/ lên một máy chủ web HTTPS tĩnh (IIS, nginx, Apache...), ví dụ ở",
    "   địa chỉ https://may-chu.don-vi.vn/so-chuyen-de/. Không cần chạy chương trình nào trên máy chủ.",
    "   Nên cho tệp functions.json tiêu đề Access-Control-Allow-Origin: *.",
    `2. Mở manifest.xml bằng Notepad, thay mọi chỗ ${DEV_BASE_URL} bằng địa chỉ ở bước 1, không có`,
    "   dấu / ở cuối (ví dụ https://may-chu.don-vi.vn/so-chuyen-de), lưu lại dạng UTF-8.",
    '3. Mở thử địa chỉ đó với /taskpane.html ở cuối trong trình duyệt: trang báo "Hãy mở bổ trợ này',
    '   trong Excel" là máy chủ đã phục vụ đúng.',
    "4. Quản trị viên Microsoft 365: Trung tâm quản trị > Thiết lập > Ứng dụng tích hợp > Tải lên ứng",
    "   dụng tùy chỉnh > Bổ trợ Office > tải lên manifest.xml đã sửa > chọn người dùng hoặc nhóm. Sau ít",
    "   giờ, nút Sổ chuyên đề xuất hiện trên thẻ Trang đầu trong Excel của họ.",
    "5. Sau khi cài, mở ngăn Sổ chuyên đề > Tự kiểm tra bổ trợ > Chạy tự kiểm tra một lần.",
    "",
    "Phiên bản mới: chép thư mục bo-tro/ mới đè lên thư mục cũ, rồi tải manifest.xml mới (đã sửa địa",
    "chỉ như bước 2) lên Trung tâm quản trị.",
    "",
    "Cần Microsoft 365 (Windows, Mac, Excel trên web) hoặc Excel LTSC 2021/2024. Excel 2016 và 2019 không",
    "cài được bổ trợ: dùng trang so-chuyen-de-" + version + ".html. Bổ trợ không gửi dữ liệu đi đâu.",
    "",
    "Kiểm tra các tệp không bị sửa hay hỏng: sha256sum -c SHA256SUMS (Linux), hoặc trong PowerShell:",
    "Get-FileHash -Algorithm SHA256 <tệp>, rồi so với dòng của tệp đó trong SHA256SUMS.",
    "",
  ].join("\n");
}

const sha256 = (data) => crypto.createHash("sha256").update(data).digest("hex");

/** The zip's entries ({name, data}), SHA256SUMS last. */
async function releaseEntries(version, date) {
  const need = (file, what) => {
    if (!fs.existsSync(file))
      throw new ReleaseError(`${path.relative(ROOT, file)} is missing (${what}): run npm run release, which builds it`);
    return fs.readFileSync(file);
  };
  const page = need(path.join(DIST, "so-chuyen-de.html"), "the single page");
  const manifest = need(path.join(DIST, "manifest.xml"), "the add-in's manifest").toString("utf8");
  if (!manifest.includes(DEV_BASE_URL)) {
    throw new ReleaseError(
      `dist/ was built with ADDIN_URL; the release ships the manifest for ${DEV_BASE_URL} (run npm run release, which builds without it)`,
    );
  }
  need(path.join(ROOT, "build", "cli", "main.js"), "the command line");

  const entries = [
    { name: `so-chuyen-de-${version}.html`, data: page },
    { name: "huong-dan-su-dung.pdf", data: await printPdf(guideHtml({ docs: GUIDES, version, date }), date) },
    { name: "so-chuyen-de-mau.xlsx", data: sampleRegister(date) },
    { name: "manifest.xml", data: Buffer.from(manifest, "utf8") },
    { name: "CAI-DAT-BO-TRO.txt", data: Buffer.from(hostingText(version), "utf8") },
    { name: "CHANGELOG.md", data: fs.readFileSync(path.join(ROOT, "CHANGELOG.md")) },
  ];
  const templates = path.join(ROOT, "assets", "templates");
  for (const f of fs.readdirSync(templates).filter((f) => f.endsWith(".docx"))) {
    entries.push({ name: `mau/${f}`, data: fs.readFileSync(path.join(templates, f)) });
  }
  for (const f of filesUnder(DIST).filter((f) => !NOT_HOSTED.has(f) && !f.startsWith("release/"))) {
    entries.push({ name: `bo-tro/${f}`, data: fs.readFileSync(path.join(DIST, f)) });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sums = entries.map((e) => `${sha256(e.data)}  ${e.name}\n`).join("");
  entries.push({ name: "SHA256SUMS", data: Buffer.from(sums, "utf8") });
  return entries;
}

/** Builds (unless told not to) and writes the zip and its checksum into `out`; returns the zip's path. */
async function release({ noBuild = false, out = path.join(DIST, "release") } = {}) {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const date = releaseDate(version);
  if (!noBuild) build();
  const zip = reproducibleZip(await releaseEntries(version, date), date);
  fs.mkdirSync(out, { recursive: true });
  const name = `so-chuyen-de-${version}.zip`;
  fs.writeFileSync(path.join(out, name), zip);
  fs.writeFileSync(path.join(out, "SHA256SUMS"), `${sha256(zip)}  ${name}\n`);
  return path.join(out, name);
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--out");
  release({ noBuild: argv.includes("--no-build"), out: at >= 0 ? path.resolve(argv[at + 1]) : undefined }).then(
    (file) => {
      process.stdout.write(
        `${path.relative(process.cwd(), file)} (${fs.statSync(file).size.toLocaleString("en")} bytes) and SHA256SUMS beside it\n`,
      );
    },
    (err) => {
      process.stderr.write(`release failed: ${err instanceof ReleaseError ? err.message : (err && err.stack) || err}\n`);
      process.exitCode = 1;
    },
  );
}

module.exports = { release, releaseDate, hostingText, ReleaseError };
