// Issue 12 in the browser (the built pane on the Excel stand-in, Chromium): Kiểm tra's
// findings grouped per topic, the working state at the top of the section that runs (old
// results gone), and Tài liệu listing the topics as soon as it opens and again after the
// register changes. Screenshots at 320 px and 450 px in docs/screenshots/12-*.png.
import { existsSync, mkdirSync, readFileSync } from "fs";
import * as path from "path";
import type { Server } from "http";
import type { Page } from "playwright-core";
import { dateToExcelSerial } from "../../src/core/read/dates";
import { SHEETS } from "../../src/core/read/layout";
import { YEAR_GROUP_TITLE } from "../../src/taskpane/logic/check";
import {
  checkState,
  compileStandIn,
  DIST,
  launchBrowser,
  officeJsUrl,
  openPane,
  PANE_WIDTH,
  SCREENSHOTS,
  serveDir,
  shoot,
  type BrowserRun,
} from "./harness";

jest.setTimeout(180_000);

const NOW = new Date("2026-08-10T09:00:00+07:00");
const serial = (y: number, m: number, d: number): number => dateToExcelSerial({ year: y, month: m, day: d });
const TITLES = [
  "Nâng cao chất lượng sinh hoạt chi bộ gắn với học tập và làm theo Bác",
  "Cải cách hành chính trong tiếp nhận hồ sơ",
  "Phát huy vai trò đảng viên trong chuyển đổi số",
];
/** From column B (Quý): Quý, Tên, Nhóm, Người phụ trách, Ngày thông qua, Người thông qua,
 *  Ngày gửi dự thảo, Ngày sinh hoạt, Hình thức, Trạng thái, Ngày gửi bản hoàn thiện,
 *  Ngày báo cáo cấp trên. Three topics only (a year-level error); topic 2 has its draft
 *  sent after the meeting (an error) and a Quý that does not match (a warning). */
const ROWS: (string | number | null)[][] = [
  [
    "I",
    TITLES[0],
    "Xây dựng Đảng",
    "Nguyễn Văn An",
    serial(2026, 2, 20),
    "Bí thư",
    serial(2026, 3, 2),
    serial(2026, 3, 12),
    "Riêng",
    "Đã sinh hoạt",
    serial(2026, 3, 20),
    serial(2026, 3, 25),
  ],
  [
    "I",
    TITLES[1],
    "Nhiệm vụ chuyên môn",
    "Trần Thị Bình",
    serial(2026, 6, 1),
    "Bí thư",
    serial(2026, 6, 20),
    serial(2026, 6, 18),
    "Riêng",
    "Đã sinh hoạt",
    serial(2026, 6, 25),
    null,
  ],
  ["III", TITLES[2], "Nhiệm vụ chuyên môn", "Nguyễn Văn An", null, null, null, serial(2026, 9, 20), "Riêng", "Dự kiến"],
];

let server: Server;
let origin: string;
let standInScript: string;
let browser: BrowserRun;
let page: Page;

function standIn(p: Page, method: string, ...args: unknown[]): Promise<unknown> {
  return p.evaluate(([m, a]) => (window as unknown as { __standIn: Record<string, (...x: unknown[]) => unknown> }).__standIn[m](...a), [
    method,
    args,
  ] as const);
}

async function openSection(p: Page, id: string): Promise<void> {
  for (const other of await p.locator("details.section[open]").all()) {
    if ((await other.getAttribute("id")) !== id) await other.locator("> summary").click();
  }
  const details = p.locator(`#${id}`);
  if ((await details.getAttribute("open")) === null) await details.locator("> summary").click();
}

async function finished(p: Page, id: string): Promise<string> {
  const status = p.locator(`#${id} > .status[data-kind="done"]`);
  await status.waitFor();
  return status.innerText();
}

/** Makes every Excel.run of the page wait `ms` first, so a state in between can be seen. */
async function slowExcel(p: Page, ms: number): Promise<void> {
  await p.evaluate((delay) => {
    const excel = (window as unknown as { Excel: { run: (b: unknown) => Promise<unknown>; __fast?: (b: unknown) => Promise<unknown> } })
      .Excel;
    excel.__fast ??= excel.run.bind(excel);
    const fast = excel.__fast;
    excel.run = async (batch: unknown) => {
      await new Promise((r) => setTimeout(r, delay));
      return fast(batch);
    };
  }, ms);
}

async function fastExcel(p: Page): Promise<void> {
  await p.evaluate(() => {
    const excel = (window as unknown as { Excel: { run: unknown; __fast?: unknown } }).Excel;
    if (excel.__fast) excel.run = excel.__fast;
  });
}

async function shootBoth(p: Page, name: string): Promise<void> {
  await shoot(p, `${name}-320`);
  await p.setViewportSize({ width: 450, height: 640 });
  await shoot(p, `${name}-450`);
  await p.setViewportSize({ width: PANE_WIDTH, height: 640 });
}

beforeAll(async () => {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is not built: run `npm run test:e2e`, which builds first.");
  const officeUrl = officeJsUrl(readFileSync(path.join(DIST, "taskpane.html"), "utf8"));
  standInScript = await compileStandIn();
  ({ server, origin } = await serveDir(DIST));
  browser = await launchBrowser(officeUrl, NOW);
  browser.officeScript.body = standInScript;
  mkdirSync(SCREENSHOTS, { recursive: true });
  page = await openPane(
    browser,
    `${origin}/taskpane.html`,
    { book: { sheets: [{ name: "Sheet1" }] }, office: { host: "Excel", platform: "OfficeOnline" } },
    "language",
  );
  await openSection(page, "tao-so");
  await page.locator("#tao-so-body button.primary").click();
  await finished(page, "tao-so");
  await standIn(page, "type", SHEETS.members, "A4", [
    ["Nguyễn Văn An", "Bí thư", "Chính thức", "Không"],
    ["Trần Thị Bình", "Phó bí thư", "Chính thức", "Không"],
  ]);
  await standIn(page, "type", SHEETS.register, "B4", ROWS);
});

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

describe("Kiểm tra: findings per topic, progress at the top", () => {
  test("groups: the year first, then each topic once with its errors before its warnings; each item selects its cell", async () => {
    await openSection(page, "kiem-tra");
    await page.locator("#kiem-tra-body button.primary").click();
    expect(await finished(page, "kiem-tra")).toBe("Đã kiểm tra 3 chuyên đề.");
    const titles = await page.locator(".finding-group .group-title-text").allInnerTexts();
    expect(titles[0]).toBe(YEAR_GROUP_TITLE);
    // Then one group per topic, in register order.
    const rows = titles.slice(1).map((t) => Number(/\(dòng (\d+)\)$/.exec(t)?.[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(rows).size).toBe(rows.length);
    expect(titles).toContain(`Chuyên đề "${TITLES[1]}" (dòng 5)`);
    // The year-level error (three topics, fewer than four) is on top.
    expect(await page.locator(".finding-group.year li").first().innerText()).toMatch(/^Lỗi\s+Năm 2026 mới có 3 chuyên đề/);

    const group = page.locator(".finding-group", { hasText: `(dòng 5)` });
    const badges = await group.locator("li .badge").allInnerTexts();
    expect(badges[0]).toBe("Lỗi");
    expect(badges).toEqual([...badges].sort((a, b) => (a === b ? 0 : a === "Lỗi" ? -1 : 1)));
    expect(badges).toContain("Cảnh báo");
    // The title is said once: no item repeats it.
    for (const item of await group.locator("li").allInnerTexts()) expect(item).not.toContain(TITLES[1]);
    const late = group.locator("button.finding", { hasText: "sau ngày sinh hoạt 18/06/2026" });
    expect(await late.innerText()).toMatch(/Gửi dự thảo ngày 20\/06\/2026, sau ngày sinh hoạt 18\/06\/2026\. Theo HD 42-HD\/BTCTW/);
    await late.click();
    await page.waitForFunction(() => (window as unknown as { __standIn: { selection(): unknown } }).__standIn.selection() !== null);
    expect(await standIn(page, "selection")).toEqual({ sheet: SHEETS.register, address: "H5" });
    // The title is a heading (Tab goes from finding to finding).
    expect(await group.locator("h4.group-title").count()).toBe(1);
    await checkState(page, "kết quả theo chuyên đề");
    await page.locator("#kiem-tra").scrollIntoViewIfNeeded();
    await shootBoth(page, "12-ket-qua-theo-chuyen-de");
  });

  test("a new check shows its working state under the title, in view, with the old results gone", async () => {
    // Scrolled down to the last finding, as a user is after reading the list.
    await page.locator("ul.findings li").last().scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(0);
    await slowExcel(page, 1500);
    await page.locator("#kiem-tra-body button.primary").click();
    const status = page.locator('#kiem-tra > .status[data-kind="progress"]');
    await status.waitFor();
    expect(await status.innerText()).toContain("Đang kiểm tra sổ…");
    // Right under the section's title, before its body…
    expect(
      await status.evaluate((s) => s.previousElementSibling?.tagName === "SUMMARY" && s.nextElementSibling?.id === "kiem-tra-body"),
    ).toBe(true);
    // …the old findings are gone, not left above the spinner…
    expect(await page.locator("#kiem-tra-body .finding-group").count()).toBe(0);
    // …and it is on screen.
    const box = await status.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(640);
    await checkState(page, "đang kiểm tra");
    await shoot(page, "12-dang-kiem-tra-320");
    await fastExcel(page);
    expect(await finished(page, "kiem-tra")).toBe("Đã kiểm tra 3 chuyên đề.");
    expect(await page.locator("#kiem-tra-body .check-view").count()).toBe(1);
  });
});

describe("Tài liệu lists the topics on open", () => {
  test("opening the section lists every topic with an STT, without another click", async () => {
    await openSection(page, "tai-lieu");
    expect(await finished(page, "tai-lieu")).toBe("Có 3 chuyên đề có số thứ tự.");
    expect(await page.locator("#tai-lieu-body button", { hasText: "Đọc danh sách" }).count()).toBe(0);
    expect(await page.locator("#tai-lieu-chuyen-de option").allInnerTexts()).toEqual(TITLES.map((t, i) => `${i + 1}. ${t}`));
    await checkState(page, "tài liệu mở");
    await shootBoth(page, "12-tai-lieu-mo");
  });

  test("after the register changes, the list is read again when the secretary goes to it", async () => {
    await page.locator("#tai-lieu-chuyen-de").selectOption("2");
    await standIn(page, "type", SHEETS.register, "B7", [
      ["IV", "Công tác phát triển đảng viên", "Xây dựng Đảng", "Trần Thị Bình", null, null, null, serial(2026, 11, 19), "Riêng", "Dự kiến"],
    ]);
    await page.locator("#tai-lieu-body .hint").click();
    await page.locator("#tai-lieu-chuyen-de").focus();
    await page.waitForFunction(() => document.querySelectorAll("#tai-lieu-chuyen-de option").length === 4);
    expect(await page.locator("#tai-lieu-chuyen-de option").last().innerText()).toBe("4. Công tác phát triển đảng viên");
    // The topic chosen before stays chosen.
    expect(await page.locator("#tai-lieu-chuyen-de").inputValue()).toBe("2");
    expect(await finished(page, "tai-lieu")).toBe("Có 4 chuyên đề có số thứ tự.");
  });

  test("nothing went wrong on the way (no console error, no request leaving the machine)", () => {
    expect(browser.problems).toEqual([]);
    expect(browser.requests.filter((u) => !u.startsWith(origin) && !/office\.js$/.test(u))).toEqual([]);
  });
});
