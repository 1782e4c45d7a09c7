// File mode (issue 14): the pane outside Office, on an .xlsx file opened in the browser.
// The single file dist/so-chuyen-de.html is opened from disk (file://) with every request
// refused, and dist/taskpane.html is served over http with office.js unreachable; in both
// a secretary opens a real register through "Mở sổ (.xlsx)", checks it (the same findings
// as `chuyende kiem-tra --json`), makes a đề dẫn and a biên bản (LibreOffice opens them)
// and a quarter report, saved with "Lưu bản mới" (the same report as `chuyende bao-cao`,
// the user's sheets untouched). Screenshots at 320 px and 1024 px go to docs/screenshots/.
import { mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import type { Server } from "http";
import type ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { readWorkbook as parseWorkbook } from "../../src/core/read/register";
import { sampleAsOf, sampleWorkbook, scaledWorkbook, SAMPLE_YEAR } from "../../src/core/make/sample";
import type { SheetGrid, WorkbookGrid } from "../../src/core/shared/types";
import { loadWorkbookBytes } from "../../src/xlsx/load";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { runInProcess } from "../cli/helpers/run";
import { docxToPdfText } from "../documents/docx";
import { makeTablesExcelStyle, sha256 } from "../support/xlsx";
import { checkState, DIST, launchBrowser, openPane, PANE_WIDTH, SCREENSHOTS, serveDir, shoot, type BrowserRun } from "./harness";

jest.setTimeout(300_000);

const AS_OF = sampleAsOf(SAMPLE_YEAR);
const ISO = `${AS_OF.year}-${String(AS_OF.month).padStart(2, "0")}-${String(AS_OF.day).padStart(2, "0")}`;
const NOW = new Date(`${ISO}T09:00:00+07:00`);
const QUARTER = 3;
const REPORT = `Báo cáo Quý III-${SAMPLE_YEAR}`;
const OWN_SHEET = "Ghi chép riêng";

let dir: string;
let register: string;

/** The demo's sample register plus a sheet and a table of the user's own, with tables as
 *  Excel writes them. */
async function makeRegister(file: string): Promise<void> {
  const wb: ExcelJS.Workbook = newWorkbook();
  renderSheets(wb, sampleWorkbook(SAMPLE_YEAR));
  const own = wb.addWorksheet(OWN_SHEET);
  own.getCell("A1").value = "Việc của chi ủy";
  own.getCell("A2").value = new Date(Date.UTC(2025, 2, 8));
  own.getCell("A2").numFmt = "dd/mm/yyyy";
  own.mergeCells("C1:D1");
  own.getCell("C1").value = "Gộp ô";
  own.addTable({
    name: "tblRieng",
    ref: "A5",
    headerRow: true,
    columns: [{ name: "Việc" }, { name: "Hạn" }],
    rows: [
      ["Nộp đảng phí", "10/2025"],
      ["Họp chi ủy", "11/2025"],
    ],
  });
  await wb.xlsx.writeFile(file);
  makeTablesExcelStyle(file);
}

interface CliFinding {
  code: string;
  sheet: string;
  row: number | null;
  severity: string;
}

async function cliCheck(file: string): Promise<CliFinding[]> {
  const r = await runInProcess(["kiem-tra", file, "--json", "--ngay", ISO], NOW);
  return (JSON.parse(r.stdout) as { findings: CliFinding[] }).findings;
}

async function gridOf(bytes: Uint8Array, name: string): Promise<WorkbookGrid> {
  return (await loadWorkbookBytes(bytes, name)).grid;
}

function sheet(grid: WorkbookGrid, name: string): SheetGrid {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const collapse = (s: string): string => s.replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync(file)) };
}

async function statusOf(page: Page, selector: string, pattern: RegExp): Promise<string> {
  const status = page.locator(`${selector} .status`);
  await status.filter({ hasText: pattern }).waitFor({ timeout: 120_000 });
  return (await status.innerText()).trim();
}

/** The whole scenario on one page; `tag` names the screenshots. */
async function scenario(run: BrowserRun, url: string, tag: string): Promise<void> {
  const page = await openPane(run, url, null, tag);
  await page.locator(".file-bar").waitFor();
  await checkState(page, `${tag}: chưa mở sổ`);
  // There is no add-in to test on a file: Tự kiểm tra bổ trợ is not offered.
  expect(await page.locator("details.section > summary h2").allInnerTexts()).not.toContain("Tự kiểm tra bổ trợ");
  expect(await page.locator("#tu-kiem-tra").count()).toBe(0);

  // Nothing opened yet: Kiểm tra says what to do, in Vietnamese.
  await page.locator("#kiem-tra button.primary").click();
  expect(await statusOf(page, "#kiem-tra", /Chưa mở sổ/)).toContain("Mở sổ (.xlsx)");

  await page.setInputFiles("#mo-so", register);
  expect(await statusOf(page, ".file-bar", /Đã mở/)).toContain("Đã mở so-chi-bo.xlsx.");
  await expect(page.locator(".file-state").innerText()).resolves.toContain("so-chi-bo.xlsx");
  await expect(page.locator("#luu-ban-moi").isDisabled()).resolves.toBe(true);

  // Kiểm tra: the same findings as the command line.
  await page.locator("#kiem-tra button.primary").click();
  await statusOf(page, "#kiem-tra", /Đã kiểm tra/);
  const shown = await page.locator("#kiem-tra ul.findings > li").evaluateAll((lis) =>
    lis.map((li) => ({
      code: (li as HTMLElement).dataset.code ?? "",
      sheet: (li as HTMLElement).dataset.sheet ?? "",
      row: (li as HTMLElement).dataset.row === "" ? null : Number((li as HTMLElement).dataset.row),
      text: li.textContent ?? "",
      button: li.querySelector("button") !== null,
    })),
  );
  const expected = await cliCheck(register);
  expect(expected.length).toBeGreaterThan(0);
  // The pane groups them per topic (its own order); the set is the command line's.
  const key = (f: { code: string; sheet: string; row: number | null }): string => `${f.sheet}|${String(f.row).padStart(7, "0")}|${f.code}`;
  expect(shown.map(key).sort()).toEqual(expected.map(key).sort());
  const errors = expected.filter((f) => f.severity === "error").length;
  await expect(page.locator("#kiem-tra .check-main > p").first().innerText()).resolves.toContain(
    `${errors} lỗi, ${expected.length - errors} cảnh báo`,
  );
  // No cell to jump to: each finding with a row names its cell and what it holds.
  expect(shown.some((f) => f.button)).toBe(false);
  for (const f of shown.filter((x) => x.row !== null)) expect(f.text).toMatch(/ô [A-Z]+\d+ (đang ghi “[^”]*”|đang trống)/);
  await expect(page.locator("#kiem-tra .tile").count()).resolves.toBe(4);
  await expect(page.locator("#kiem-tra").innerText()).resolves.toContain("Việc sắp tới");
  await checkState(page, `${tag}: đã kiểm tra`);
  if (tag === "tep") {
    await shoot(page, "file-mode-320");
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.locator("#kiem-tra").scrollIntoViewIfNeeded();
    const side = await page.locator("#kiem-tra .check-side").boundingBox();
    const main = await page.locator("#kiem-tra .check-main").boundingBox();
    // Findings beside the quarters, not below them.
    expect(main && side && main.x > side.x + side.width && main.y < side.y + side.height).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "file-mode-1024.png"), fullPage: true, animations: "disabled", caret: "hide" });
    await page.setViewportSize({ width: PANE_WIDTH, height: 640 });
  }

  // Tài liệu: a đề dẫn and a biên bản of topic 1, opened by LibreOffice.
  await page.locator("#tai-lieu > summary").click();
  // The topics are listed as soon as the section opens.
  await statusOf(page, "#tai-lieu", /Có \d+ chuyên đề/);
  await page.selectOption("#tai-lieu-chuyen-de", "1");
  const deDan = await download(page, () => page.getByRole("button", { name: "Tạo đề dẫn" }).click());
  const bienBan = await download(page, () => page.getByRole("button", { name: "Tạo biên bản" }).click());
  expect([deDan.name, bienBan.name]).toEqual(["de-dan-chuyen-de-1.docx", "bien-ban-chuyen-de-1.docx"]);
  const book = parseWorkbook((await loadWorkbookBytes(new Uint8Array(readFileSync(register)), "so-chi-bo.xlsx")).grid);
  const topic = book.register?.topics.find((t) => t.stt === 1);
  if (!topic) throw new Error("no topic 1");
  const [deDanText, bienBanText] = docxToPdfText([deDan, bienBan]);
  expect(collapse(deDanText)).toContain(collapse(topic.title));
  expect(collapse(deDanText)).toContain("đảng cộng sản việt nam");
  expect(collapse(bienBanText)).toContain("biên bản");
  expect(collapse(bienBanText)).toContain(collapse(topic.title));
  // Documents do not change the workbook.
  await expect(page.locator("#luu-ban-moi").isDisabled()).resolves.toBe(true);

  // Báo cáo quý, then Lưu bản mới: the CLI's report, the user's sheets as they were.
  await page.locator("#bao-cao > summary").click();
  await page.selectOption("#bao-cao-quy", String(QUARTER));
  await page.fill("#bao-cao-nam", String(SAMPLE_YEAR));
  await page.getByRole("button", { name: "Lập báo cáo" }).click();
  expect(await statusOf(page, "#bao-cao", /Đã lập/)).toContain(REPORT);
  expect(await statusOf(page, ".file-bar", /Lưu bản mới/)).toContain("Sổ đã thay đổi");
  await checkState(page, `${tag}: đã lập báo cáo`);
  const saved = await download(page, () => page.locator("#luu-ban-moi").click());
  expect(saved.name).toBe("so-chi-bo (bản mới).xlsx");
  expect(await statusOf(page, ".file-bar", /Đã tạo tệp/)).toContain("vẫn giữ nguyên");

  const cliOut = path.join(dir, `cli-${tag}.xlsx`);
  const cli = await runInProcess(
    ["bao-cao", register, "--quy", String(QUARTER), "--nam", String(SAMPLE_YEAR), "--ngay", ISO, "-o", cliOut],
    NOW,
  );
  expect(cli.stderr).toBe("");
  const ours = await gridOf(saved.bytes, saved.name);
  const theirs = await gridOf(new Uint8Array(readFileSync(cliOut)), cliOut);
  const original = await gridOf(new Uint8Array(readFileSync(register)), register);
  expect(ours.sheets.map((s) => s.name)).toEqual(theirs.sheets.map((s) => s.name));
  expect(sheet(ours, REPORT)).toEqual(sheet(theirs, REPORT));
  for (const s of original.sheets) expect(sheet(ours, s.name)).toEqual(s);
  expect(ours.tables).toEqual(expect.arrayContaining(original.tables ?? []));
  expect(ours.tables?.length).toBe(original.tables?.length ?? 0);
  await page.close();
}

describe("file mode", () => {
  let registerHash: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chuyende-filemode-"));
    register = path.join(dir, "so-chi-bo.xlsx");
    await makeRegister(register);
    registerHash = sha256(register);
  });
  afterAll(() => {
    // The chosen file is never written.
    expect(sha256(register)).toBe(registerHash);
    rmSync(dir, { recursive: true, force: true });
  });

  test("dist/so-chuyen-de.html from file:// with no network at all", async () => {
    const page = path.join(DIST, "so-chuyen-de.html");
    const html = readFileSync(page, "utf8");
    // Self-contained: no address to load anything from.
    expect(html.match(/<(script|link|img)\b[^>]*\s(src|href)="(?!data:)[^"]*"/g)).toBeNull();
    const run = await launchBrowser("about:blank#no-office", NOW);
    const url = `file://${page}`;
    // The page itself, and nothing else (this route runs before the harness's).
    await run.context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort("blockedbyclient")));
    try {
      await scenario(run, url, "tep");
      expect(run.requests.filter((u) => u !== url && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
      expect(run.problems).toEqual([]);
    } finally {
      await run.close();
    }
  });

  test("dist/taskpane.html over http with office.js unreachable", async () => {
    const { origin, server }: { origin: string; server: Server } = await serveDir(DIST);
    const run = await launchBrowser("about:blank#no-office", NOW);
    try {
      await scenario(run, `${origin}/taskpane.html`, "trang");
      const foreign = run.requests.filter((u) => !u.startsWith(origin) && !u.startsWith("blob:") && !u.startsWith("data:"));
      // Only the page's own attempt at Office.js, which the test refused.
      expect(foreign).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
      // The failed office.js load is the only console error.
      expect(run.problems.filter((p) => !/office\.js|ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(p))).toEqual([]);
    } finally {
      await run.close();
      server.close();
    }
  });
});

// A register of hundreds of topics: the first 100 groups of findings, then Xem thêm until
// every finding of `kiem-tra --json` is on the page, each once.
test("a long check: the first groups, then Xem thêm until all are shown", async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "chuyende-filemode-long-"));
  const file = path.join(tmp, "so-dai.xlsx");
  const wb: ExcelJS.Workbook = newWorkbook();
  renderSheets(wb, scaledWorkbook({ topics: 600, attendanceRows: 3000, year: 2025 }));
  await wb.xlsx.writeFile(file);
  const run = await launchBrowser("about:blank#no-office", NOW);
  const url = `file://${path.join(DIST, "so-chuyen-de.html")}`;
  await run.context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort("blockedbyclient")));
  try {
    const page = await openPane(run, url, null, "dai");
    await page.setInputFiles("#mo-so", file);
    await statusOf(page, ".file-bar", /Đã mở/);
    await page.locator("#kiem-tra button.primary").click();
    await statusOf(page, "#kiem-tra", /Đã kiểm tra/);
    const groups = page.locator("#kiem-tra .finding-group");
    expect(await groups.count()).toBe(100);
    const more = page.locator("#kiem-tra .more-findings");
    expect(await more.innerText()).toMatch(/^Xem thêm 100 mục \(còn \d+ mục chưa hiện\)$/);
    for (let clicks = 0; (await more.count()) > 0; clicks++) {
      expect(clicks).toBeLessThan(50);
      await more.click();
      await statusOf(page, "#kiem-tra", /Đang hiện \d+\/\d+ mục/);
    }
    const shown = await page.locator("#kiem-tra ul.findings > li").evaluateAll((lis) =>
      lis.map((li) => {
        const d = (li as HTMLElement).dataset;
        return `${d.sheet}|${String(d.row === "" ? null : Number(d.row)).padStart(7, "0")}|${d.code}`;
      }),
    );
    const expected = (await cliCheck(file)).map((f) => `${f.sheet}|${String(f.row).padStart(7, "0")}|${f.code}`);
    expect(expected.length).toBeGreaterThan(100);
    expect([...shown].sort()).toEqual(expected.sort());
    expect(run.problems).toEqual([]);
  } finally {
    await run.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});

// Kept here so a change of the page's template that would load a remote script fails fast.
test("the single file is written by the build", () => {
  const html = readFileSync(path.join(DIST, "so-chuyen-de.html"), "utf8");
  expect(html).toContain("Content-Security-Policy");
  expect(html).not.toContain("appsforoffice");
});
