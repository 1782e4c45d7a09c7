// Kế hoạch năm in a real browser: the built pane in headless Chromium with the Excel
// stand-in, at 320 px. The secretary reads the suggestions beside her register, adds one to
// Quý III on a chosen day (into the table's next empty row, her rows untouched) and
// downloads the year's plan document. Run with `npm run test:e2e` (builds first).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import type { Server } from "http";
import type { Page } from "playwright-core";
import PizZip from "pizzip";
import { dateToExcelSerial } from "../../src/core/read/dates";
import { REGISTER_COLUMNS } from "../../src/core/shared/types";
import {
  checkState,
  compileStandIn,
  DIST,
  foreignRequests,
  launchBrowser,
  officeJsUrl,
  openPane,
  SCREENSHOTS,
  serveDir,
  shoot,
  type BrowserRun,
} from "./harness";

jest.setTimeout(180_000);

const NOW = new Date("2021-01-10T09:00:00+07:00");
const TITLES = ["Học tập, quán triệt Nghị quyết Đại hội XIII của Đảng", "Nâng cao chất lượng giảng dạy môn Toán"];

function registerRow(stt: number, quy: string, title: string, group: string, who: string, meeting: number | ""): (string | number)[] {
  const r: (string | number)[] = REGISTER_COLUMNS.map(() => "");
  r[0] = stt;
  r[1] = quy;
  r[2] = title;
  r[3] = group;
  r[4] = who;
  r[8] = meeting;
  r[10] = "Dự kiến";
  return r;
}

const BOOK = {
  sheets: [
    {
      name: "Thông tin",
      values: [
        ["Mục", "Giá trị"],
        ["Đảng bộ cơ sở", "Đảng bộ Trường THPT Nguyễn Du"],
        ["Chi bộ", "Chi bộ Tổ Toán – Tin"],
        ["Năm", 2021],
        ["Bí thư", "Nguyễn Văn An"],
        ["Địa danh", "Huế"],
      ],
    },
    {
      name: "Sổ chuyên đề",
      values: [
        [...REGISTER_COLUMNS],
        registerRow(1, "I", TITLES[0], "Xây dựng Đảng", "Nguyễn Văn An", dateToExcelSerial({ year: 2021, month: 2, day: 25 })),
        registerRow(2, "II", TITLES[1], "Nhiệm vụ chuyên môn", "Trần Thị Bình", ""),
        [3],
        [4],
      ],
      numberFormats: [[], [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, "dd/mm/yyyy"]],
    },
  ],
  tables: [
    { name: "tblThongTin", sheet: "Thông tin", address: "A1:B6" },
    { name: "tblChuyenDe", sheet: "Sổ chuyên đề", address: "A1:N5" },
  ],
};

function standIn<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([m, a]) => (window as unknown as { __standIn: Record<string, (...x: unknown[]) => unknown> }).__standIn[m](...a), [
    method,
    args,
  ] as const) as Promise<T>;
}

async function finished(page: Page): Promise<string> {
  const status = page.locator(`#ke-hoach > .status:is([data-kind="done"], [data-kind="error"])`);
  await status.waitFor();
  const text = await status.innerText();
  expect({ kind: await status.getAttribute("data-kind"), text }).toEqual({ kind: "done", text });
  return text;
}

let server: Server;
let origin: string;
let officeUrl: string;
let browser: BrowserRun;
let page: Page;
let downloads: string;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is not built: run `npm run test:e2e`, which builds first.");
  officeUrl = officeJsUrl(readFileSync(path.join(DIST, "taskpane.html"), "utf8"));
  const script = await compileStandIn();
  ({ server, origin } = await serveDir(DIST));
  browser = await launchBrowser(officeUrl, NOW);
  browser.officeScript.body = script;
  downloads = mkdtempSync(path.join(os.tmpdir(), "chuyende-plan-downloads-"));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe("Kế hoạch năm (stand-in, Chromium, 320 px)", () => {
  test("the suggestions by group beside the register's topics, and the plan's warnings", async () => {
    page = await openPane(
      browser,
      `${origin}/taskpane.html`,
      { book: BOOK, office: { host: "Excel", platform: "OfficeOnline" } },
      "ke-hoach",
    );
    await page.locator("main.sections").waitFor();
    await page.locator("#ke-hoach > summary").click();
    await page.locator("#ke-hoach-body button.primary", { hasText: "Đọc sổ và gợi ý" }).click();
    expect(await finished(page)).toBe("Năm 2021: sổ có 2 chuyên đề; 2 điều cần xem.");
    const current = await page.locator("#ke-hoach-so").innerText();
    expect(current).toContain(TITLES[0]);
    expect(current).toContain("25/02/2021");
    expect(await page.locator("#ke-hoach-canh-bao li").allInnerTexts()).toEqual([
      expect.stringMatching(/^Quý III\/2021 chưa có chuyên đề nào/),
      expect.stringMatching(/^Quý IV\/2021 chưa có chuyên đề nào/),
    ]);
    const groups = await page.locator("#ke-hoach-goi-y summary").allInnerTexts();
    expect(groups).toEqual([
      "Ngày kỷ niệm lớn năm 2021",
      "1. Về công tác xây dựng Đảng (Xây dựng Đảng) — 11 gợi ý",
      "2. Về thực hiện nhiệm vụ chuyên môn của đơn vị (Nhiệm vụ chuyên môn) — 3 gợi ý",
      "3. Công tác lãnh đạo xây dựng các đoàn thể (Lãnh đạo đoàn thể) — 3 gợi ý",
    ]);
    // The anniversary topic proposed for each quarter that has one (none in Quý IV).
    expect(await page.locator("#ke-hoach-goi-y details").first().locator("label").allInnerTexts()).toEqual([
      "Quý I: Ôn truyền thống, kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2021)",
      "Quý II: Ôn truyền thống, kỷ niệm 46 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/04/1975 – 30/04/2021)",
      "Quý III: Ôn truyền thống, kỷ niệm 76 năm Ngày Cách mạng Tháng Tám (19/08/1945 – 19/08/2021)",
    ]);
    expect(await page.locator("#ke-hoach-goi-y details").nth(1).locator("input[type=radio]").count()).toBe(11);
    await checkState(page, "kế hoạch năm");
    await shoot(page, "14-ke-hoach");
  });

  test("one click adds suggestion 1.11 to Quý III on 20/08; the user's rows stay as they were", async () => {
    const before = await standIn<unknown[][]>(page, "values", "Sổ chuyên đề", "A1:N3");
    await page.locator("#ke-hoach-goi-y summary", { hasText: "1. Về công tác xây dựng Đảng" }).click();
    await page.locator("#ke-hoach-goi-y label", { hasText: "1.11. Giải pháp tăng cường công tác kiểm tra" }).click();
    await page.locator("#ke-hoach-ngay").fill("2021-08-20");
    await page.locator("#ke-hoach-ngay").dispatchEvent("change");
    expect(await page.locator("#ke-hoach-quy").inputValue()).toBe("3");
    await page.locator("#ke-hoach-phu-trach").fill("Lê Văn Cường");
    await page.locator("#ke-hoach-body button", { hasText: "Thêm vào sổ" }).click();
    const text = await finished(page);
    expect(text).toContain(
      "Đã thêm “Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ” vào Quý III/2021, sinh hoạt ngày 20/08/2021 (dòng 4",
    );
    expect(await standIn<unknown[][]>(page, "values", "Sổ chuyên đề", "A1:N3")).toEqual(before);
    const added = (await standIn<unknown[][]>(page, "values", "Sổ chuyên đề", "A4:N4"))[0];
    const serial = (m: number, d: number) => dateToExcelSerial({ year: 2021, month: m, day: d });
    expect(added).toEqual([
      3,
      "III",
      "Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ",
      "Xây dựng Đảng",
      "Lê Văn Cường",
      serial(8, 13),
      "Chi ủy",
      serial(8, 17),
      serial(8, 20),
      "Riêng",
      "Dự kiến",
      serial(8, 27),
      serial(8, 30),
      "",
    ]);
    // The section shows the register afresh: the topic is listed under Quý III, the warning gone.
    expect(await page.locator("#ke-hoach-so").innerText()).toContain(
      "Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ — 20/08/2021",
    );
    expect(await page.locator("#ke-hoach-canh-bao li").allInnerTexts()).toEqual([expect.stringMatching(/^Quý IV\/2021 chưa có/)]);
    expect(await page.locator("#ke-hoach-goi-y label", { hasText: "1.11." }).locator(".badge").innerText()).toBe("đã có trong sổ");
    await checkState(page, "đã thêm");
    await shoot(page, "15-ke-hoach-da-them");
  });

  test("the plan document downloads with the register's topics", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#ke-hoach-body button", { hasText: "Tạo văn bản kế hoạch" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ke-hoach-chuyen-de-2021.docx");
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    // Quý IV has no topic: the plan prints a row saying so, and the pane says it too.
    expect(await finished(page)).toBe(
      "Đã tạo ke-hoach-chuyen-de-2021.docx. Lưu ý: Quý IV/2021 chưa có chuyên đề nào — mỗi quý phải sinh hoạt ít nhất một chuyên đề (HD 09-HD/ĐUK).",
    );
    const xml = new PizZip(readFileSync(file)).file("word/document.xml")!.asText();
    expect(xml).toContain("Chưa có chuyên đề nào trong quý — chi bộ cần bổ sung");
    expect(xml).toContain("Số ……-KH/CB");
    for (const t of [
      ...TITLES,
      "Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ",
      "Lê Văn Cường",
      "20/08/2021",
      "Đảng ủy Trường THPT Nguyễn Du",
    ])
      expect(xml).toContain(t);
    expect(foreignRequests(browser.requests, officeUrl)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
