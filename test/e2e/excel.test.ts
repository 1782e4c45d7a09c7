// The pane in a browser against the Excel stand-in: in a host without the add-in's sets every
// command is shown as unavailable with what to update, and the self-test section runs
// (reporting what is missing) and leaves the workbook as it was.
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import type { Server } from "http";
import { compileStandIn, DIST, launchBrowser, officeJsUrl, openPane, serveDir, type BrowserRun } from "./harness";

jest.setTimeout(180_000);

let server: Server;
let origin: string;
let browser: BrowserRun;
let standInScript: string;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is not built: run `npm run test:e2e`, which builds first.");
  const officeUrl = officeJsUrl(readFileSync(path.join(DIST, "taskpane.html"), "utf8"));
  standInScript = await compileStandIn();
  ({ server, origin } = await serveDir(DIST));
  browser = await launchBrowser(officeUrl, new Date("2026-08-10T09:00:00+07:00"));
  browser.officeScript.body = standInScript;
});

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

const BOOK = {
  sheets: [
    {
      name: "Sổ chuyên đề",
      values: [
        ["STT", "Tên chuyên đề"],
        [1, "'Học tập Nghị quyết"],
      ],
    },
    { name: "Ghi chép", values: [["'giữ nguyên"]] },
  ],
};

test("in an Excel without ExcelApi 1.13 (the manifest keeps the add-in out of one; opened anyway), every command says which Excel has it, and Tự kiểm tra still runs", async () => {
  const page = await openPane(
    browser,
    `${origin}/taskpane.html`,
    { book: { ...BOOK, supportedSets: { ExcelApi: "1.12" } }, office: { host: "Excel", platform: "PC" } },
    "old",
  );
  await page.locator("main.sections").waitFor();
  const note = page.locator("#kiem-tra-body p[role=note]");
  await note.waitFor();
  expect(await note.innerText()).toMatch(/^Chức năng này cần Excel mới hơn bản đang dùng: Microsoft 365 \(bản 2102 trở lên\), Excel 2021/);
  expect(await page.locator("#kiem-tra-body button").count()).toBe(0);
  for (const id of ["tao-so", "chuyen-doi", "tai-lieu", "bao-cao", "ke-hoach", "tong-hop"]) {
    await page.locator(`#${id} > summary`).click();
    expect(await page.locator(`#${id}-body p[role=note]`).innerText()).toMatch(/^Chức năng này cần Excel mới hơn bản đang dùng/);
  }
  // The self-test needs nothing itself: it tells the administrator what is missing.
  await page.locator("#tu-kiem-tra > summary").click();
  await page.locator("#tu-kiem-tra-body button.primary", { hasText: "Chạy tự kiểm tra" }).click();
  await page.locator("#tu-kiem-tra .status[data-kind=done]").waitFor({ timeout: 60_000 });
  expect(await page.locator("#tu-kiem-tra-ket-qua li").first().innerText()).toMatch(
    /^Không đạt — Bộ API Excel mà bổ trợ cần .*Thiếu ExcelApi 1\.13/,
  );
  expect(browser.problems).toEqual([]);
  await page.close();
});

test("Tự kiểm tra bổ trợ passes every item and leaves the workbook as it was", async () => {
  const page = await openPane(
    browser,
    `${origin}/taskpane.html`,
    { book: BOOK, office: { host: "Excel", platform: "OfficeOnline" } },
    "self-test",
  );
  await page.locator("main.sections").waitFor();
  const before = await page.evaluate(() =>
    JSON.stringify(
      (window as unknown as { __standIn: { book: { sheets: unknown[]; names: unknown[]; tables: unknown[] } } }).__standIn.book.sheets,
    ),
  );
  await page.locator("#tu-kiem-tra > summary").click();
  await page.locator("#tu-kiem-tra-body button.primary", { hasText: "Chạy tự kiểm tra" }).click();
  await page.locator("#tu-kiem-tra .status[data-kind=done]").waitFor({ timeout: 60_000 });
  expect(await page.locator("#tu-kiem-tra .status").innerText()).toBe("Tất cả các mục đều đạt. Trang tạm đã được xóa.");
  expect(await page.locator("#tu-kiem-tra-ket-qua li").count()).toBe(14);
  const text = await page.locator("#tu-kiem-tra-van-ban").inputValue();
  expect(text).toContain("Nền tảng: OfficeOnline");
  expect(text).toContain("Kết quả: tất cả các mục đều đạt.");
  const after = await page.evaluate(() =>
    JSON.stringify((window as unknown as { __standIn: { book: { sheets: unknown[] } } }).__standIn.book.sheets),
  );
  expect(after).toBe(before);
  const names = await page.evaluate(() => (window as unknown as { __standIn: { book: { names: unknown[] } } }).__standIn.book.names.length);
  expect(names).toBe(0);
  expect(browser.problems).toEqual([]);
  await page.close();
});
