// The release a secretary gets (`npm run release`): packaging the built dist/ twice gives the
// same zip, byte for byte; `sha256sum -c` verifies the zip beside it and every file inside it;
// the zip holds the page named by its version, the printable guide with a page per task and
// that task's picture, a sample register the CLI reads, the Word templates, the add-in's
// files with a manifest that validates and the IT's hosting steps, and the CHANGELOG; the
// page from the zip, opened from disk, states its version in its footer.
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import PizZip from "pizzip";
import { ensureBuilt } from "../cli/helpers/run";
import { missingTools } from "../support/tools";
import { DIST, ROOT, launchBrowser } from "./harness";

jest.setTimeout(300_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require("../../package.json") as { version: string };
const ZIP = `so-chuyen-de-${version}.zip`;
const RELEASE = path.join(ROOT, "scripts", "release", "release.js");
const GUIDES = ["docs/huong-dan-bi-thu.md", "docs/huong-dan-dang-uy.md"];

let work: string;
let unpacked: string;
let zipBytes: Buffer;

function pack(out: string): void {
  const r = spawnSync(process.execPath, [RELEASE, "--no-build", "--out", out], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`release failed: ${r.stdout}${r.stderr}`);
}

beforeAll(() => {
  const why = missingTools("chromium", "pdftotext", "pdfimages", "xmllint");
  if (why) throw new Error(why);
  ensureBuilt();
  work = mkdtempSync(path.join(os.tmpdir(), "chuyende-release-test-"));
  pack(path.join(work, "a"));
  pack(path.join(work, "b"));
  zipBytes = readFileSync(path.join(work, "a", ZIP));
  unpacked = path.join(work, "unpacked");
  const zip = new PizZip(zipBytes);
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    mkdirSync(path.dirname(path.join(unpacked, name)), { recursive: true });
    writeFileSync(path.join(unpacked, name), zip.files[name].asNodeBuffer());
  }
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("two packagings give the same bytes, and sha256sum -c verifies the zip and every file in it", () => {
  expect(Buffer.compare(zipBytes, readFileSync(path.join(work, "b", ZIP)))).toBe(0);
  expect(readFileSync(path.join(work, "a", "SHA256SUMS"), "utf8")).toBe(readFileSync(path.join(work, "b", "SHA256SUMS"), "utf8"));
  expect(execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: path.join(work, "a"), encoding: "utf8" })).toBe(`${ZIP}: OK\n`);
  const inside = execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: unpacked, encoding: "utf8" });
  const listed = readFileSync(path.join(unpacked, "SHA256SUMS"), "utf8").trim().split("\n");
  expect(inside.trim().split("\n")).toEqual(listed.map((l) => `${l.slice(66)}: OK`));
  // A changed file fails the check.
  writeFileSync(path.join(work, "a", ZIP), Buffer.concat([zipBytes, Buffer.from("x")]));
  expect(spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: path.join(work, "a") }).status).not.toBe(0);
});

test("the zip holds what a cell, its đảng ủy and its IT need, each entry dated the CHANGELOG's day", () => {
  const zip = new PizZip(zipBytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  for (const name of [
    `so-chuyen-de-${version}.html`,
    "huong-dan-su-dung.pdf",
    "so-chuyen-de-mau.xlsx",
    "mau/de-dan.docx",
    "mau/bien-ban.docx",
    "manifest.xml",
    "CAI-DAT-BO-TRO.txt",
    "CHANGELOG.md",
    "SHA256SUMS",
    "bo-tro/taskpane.html",
    "bo-tro/functions.json",
    "bo-tro/taskpane.js",
  ]) {
    expect([name, names.includes(name)]).toEqual([name, true]);
  }
  expect(names.filter((n) => n.startsWith("bo-tro/")).length).toBeGreaterThan(10);
  // The page is the built one; the templates are the repository's.
  expect(
    Buffer.compare(readFileSync(path.join(unpacked, `so-chuyen-de-${version}.html`)), readFileSync(path.join(DIST, "so-chuyen-de.html"))),
  ).toBe(0);
  for (const t of readdirSync(path.join(ROOT, "assets", "templates"))) {
    expect(Buffer.compare(readFileSync(path.join(unpacked, "mau", t)), readFileSync(path.join(ROOT, "assets", "templates", t)))).toBe(0);
  }
  const changelog = readFileSync(path.join(unpacked, "CHANGELOG.md"), "utf8");
  const [, y, m, d] = new RegExp(`^## \\[${version.replace(/\./g, "\\.")}\\] - (\\d{4})-(\\d{2})-(\\d{2})`, "m").exec(changelog)!;
  for (const n of names) {
    const date = zip.files[n].date;
    expect([n, date.getFullYear(), date.getMonth() + 1, date.getDate()]).toEqual([n, Number(y), Number(m), Number(d)]);
  }
});

test("the IT's manifest validates against the add-in manifest schemas and carries the version; the steps say what to replace", () => {
  const manifest = readFileSync(path.join(unpacked, "manifest.xml"), "utf8");
  expect(manifest).toContain(`<Version>${version}.0</Version>`);
  execFileSync(
    "xmllint",
    [
      "--noout",
      "--schema",
      path.join(ROOT, "test", "fixtures", "office-manifest-xsd", "OfficeAppManifestV1_1.xsd"),
      path.join(unpacked, "manifest.xml"),
    ],
    {
      stdio: "pipe",
    },
  );
  const steps = readFileSync(path.join(unpacked, "CAI-DAT-BO-TRO.txt"), "utf8");
  expect(steps).toContain(`SỔ CHUYÊN ĐỀ ${version}`);
  expect(steps).toContain("thay mọi chỗ https://localhost:3000");
  expect(steps).toContain("Trung tâm quản trị");
  expect(steps).toBe(steps.normalize("NFC"));
});

test("the sample register is a register the CLI reads, made by this version", () => {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "chuyende.js"), "kiem-tra", path.join(unpacked, "so-chuyen-de-mau.xlsx"), "--json"],
    {
      encoding: "utf8",
      env: { ...process.env, TZ: "Asia/Ho_Chi_Minh" },
    },
  );
  expect(r.status).toBeLessThan(2);
  const result = JSON.parse(r.stdout) as { register: { topics: number } | null };
  expect(result.register?.topics).toBeGreaterThanOrEqual(4);
  const core = new PizZip(readFileSync(path.join(unpacked, "so-chuyen-de-mau.xlsx"))).file("docProps/core.xml")!.asText();
  expect(core).toContain(`<cp:lastModifiedBy>Sổ chuyên đề ${version}</cp:lastModifiedBy>`);
});

/** The "##" sections of a guide: heading text and whether it shows a picture. */
function sections(file: string): { title: string; picture: boolean; first: boolean }[] {
  const out: { title: string; picture: boolean; first: boolean }[] = [];
  let afterTitle = false;
  for (const line of readFileSync(path.join(ROOT, file), "utf8").split("\n")) {
    if (line.startsWith("# ")) afterTitle = true;
    else if (line.startsWith("## ")) {
      out.push({ title: line.slice(3).replace(/[`*_]/g, "").trim(), picture: false, first: afterTitle });
      afterTitle = false;
    } else if (/^!\[[^\]]*\]\([^)]+\.png\)$/.test(line.trim()) && out.length) out[out.length - 1].picture = true;
  }
  return out;
}

test("the printed guide: every task starts a page of its own, with its picture on that page", () => {
  const pdf = path.join(unpacked, "huong-dan-su-dung.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  const text = (p: number): string[] =>
    execFileSync("pdftotext", ["-f", String(p), "-l", String(p), "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" })
      .normalize("NFC")
      .split("\n")
      .map((l) => l.replace(/\s+/g, " ").trim())
      .filter(Boolean);
  const pageText = Array.from({ length: pages }, (_, i) => text(i + 1));
  const withPictures = new Set(
    execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .map((l) => Number(l.trim().split(/\s+/)[0]))
      .filter((n) => n > 0),
  );
  expect(pageText[0].join(" ")).toContain(`Phiên bản ${version}`);
  const all = GUIDES.flatMap(sections);
  for (const s of all) {
    const page = pageText.findIndex((lines) => (s.first ? lines.includes(s.title) : lines[0] === s.title)) + 1;
    expect([s.title, page > 0]).toEqual([s.title, true]);
    if (s.picture) expect([s.title, withPictures.has(page)]).toEqual([s.title, true]);
  }
  // The main tasks are all there, each with its picture.
  for (const task of [
    "Tạo sổ",
    "Chuyển sổ",
    "Kiểm tra sổ",
    "Lập kế hoạch năm",
    "Lập đề dẫn",
    "Lập báo cáo quý",
    "Làm việc trên tệp",
    "Dùng dòng lệnh",
    "Tổng hợp sổ",
  ]) {
    expect([task, all.some((s) => s.title.startsWith(task) && s.picture)]).toEqual([task, true]);
  }
});

test("the page from the zip, opened from disk with no network, says its version at its foot", async () => {
  const run = await launchBrowser("about:blank#no-office", new Date());
  const url = `file://${path.join(unpacked, `so-chuyen-de-${version}.html`)}`;
  // The page itself, and nothing else (this route runs before the harness's).
  await run.context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort("blockedbyclient")));
  try {
    const page = await run.context.newPage();
    await page.goto(url);
    expect(await page.locator("footer.about").innerText()).toBe(`Sổ chuyên đề · phiên bản ${version}`);
    expect(run.requests.filter((u) => u !== url && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
  } finally {
    await run.close();
  }
});
