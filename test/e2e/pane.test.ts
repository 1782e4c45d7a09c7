// The task pane in a real browser (issue 6): the built dist/ in headless Chromium with the
// Excel stand-in in place of Office.js, driven the way a secretary would use it. Every state
// is checked (fits 320 px, Vietnamese only, NFC) and saved under docs/screenshots/.
// Run with `npm run test:e2e` (builds first); the default `npm test` skips this folder.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import type { Server } from "http";
import type { Page } from "playwright-core";
import { dateToExcelSerial, formatVietnameseDate } from "../../src/core/read/dates";
import { INFO_KEYS, SHEETS, TABLES } from "../../src/core/read/layout";
import { REGISTER_COLUMNS } from "../../src/core/shared/types";
import { columnLetters } from "../../src/excel/address";
import { docxToPdfText, makeDocx, paragraph, run as docxRun } from "../documents/docx";
import { writeXlsx } from "../support/xlsx";
import { saveUrl } from "../../src/taskpane/download";
import { VERSION } from "../../src/version";
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

// The secretary's "today": mid-August 2026, so Q1–Q2 are over, Q3 runs, Q4 is ahead.
const NOW = new Date("2026-08-10T09:00:00+07:00");
const YEAR = 2026;
const CHI_BO = "Chi bộ Văn phòng Sở";
const TITLES = [
  "Nâng cao chất lượng sinh hoạt chi bộ gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
  "Nâng cao hiệu quả cải cách hành chính trong tiếp nhận hồ sơ",
  "Phát huy vai trò đảng viên trong chuyển đổi số",
  "Công tác phát triển đảng viên trong đoàn viên thanh niên",
];
const MEMBERS = [
  ["Nguyễn Văn An", "Bí thư", "Chính thức", "Không"],
  ["Trần Thị Bình", "Phó bí thư", "Chính thức", "Không"],
  ["Lê Văn Cường", "Đảng viên", "Chính thức", "Không"],
  ["Phạm Thị Dung", "Đảng viên", "Dự bị", "Không"],
];

const serial = (y: number, m: number, d: number): number => dateToExcelSerial({ year: y, month: m, day: d });
const col = (name: (typeof REGISTER_COLUMNS)[number]): string => columnLetters(REGISTER_COLUMNS.indexOf(name) + 1);

/** The register rows from column B (Quý) on; STT is pre-numbered by Tạo sổ. Topic 2 was
 *  held without the chi ủy's approval date; topic 4 is given to someone not in Đảng viên. */
const REGISTER_ROWS: (string | number | null)[][] = [
  [
    "I",
    TITLES[0],
    "Xây dựng Đảng",
    "Nguyễn Văn An",
    serial(2026, 2, 20),
    "Chi ủy",
    serial(2026, 3, 2),
    serial(2026, 3, 12),
    "Riêng",
    "Đã sinh hoạt",
    serial(2026, 3, 20),
    serial(2026, 3, 25),
  ],
  [
    "II",
    TITLES[1],
    "Nhiệm vụ chuyên môn",
    "Trần Thị Bình",
    null,
    null,
    serial(2026, 6, 8),
    serial(2026, 6, 18),
    "Riêng",
    "Đã sinh hoạt",
    serial(2026, 6, 25),
    serial(2026, 6, 30),
  ],
  ["III", TITLES[2], "Nhiệm vụ chuyên môn", "Lê Văn Cường", serial(2026, 7, 28), "Bí thư", null, serial(2026, 8, 20), "Riêng", "Dự kiến"],
  ["IV", TITLES[3], "Xây dựng Đảng", "Hoàng Văn Em", null, null, null, serial(2026, 11, 19), "Riêng", "Dự kiến"],
];

interface StandInApi {
  type(sheet: string, topLeft: string, rows: unknown[][]): Promise<void>;
  sheetNames(): string[];
  values(sheet: string, address: string): unknown[][];
  texts(sheet: string): string[];
  dump(sheet: string): string;
  selection(): { sheet: string; address: string } | null;
  tables(): { name: string; sheet: string }[];
  marker(sheet: string): string | undefined;
}

/** Calls the stand-in inside the page: standIn(page, "values", "Thông tin", "A1:B3"). */
function standIn<K extends keyof StandInApi>(
  page: Page,
  method: K,
  ...args: Parameters<StandInApi[K]>
): Promise<Awaited<ReturnType<StandInApi[K]>>> {
  return page.evaluate(
    ([m, a]) =>
      (window as unknown as { __standIn: Record<string, (...x: unknown[]) => unknown> }).__standIn[m as string](...(a as unknown[])),
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<StandInApi[K]>>>;
}

/** Opens section `id` the way a user does (clicking its heading), closing the others. */
async function openSection(page: Page, id: string): Promise<void> {
  for (const other of await page.locator("details.section[open]").all()) {
    if ((await other.getAttribute("id")) !== id) await other.locator("> summary").click();
  }
  const details = page.locator(`#${id}`);
  if ((await details.getAttribute("open")) === null) await details.locator("> summary").click();
  await page.locator(`#${id}-body > *`).first().waitFor();
}

/** Waits for section `id` to finish its work; returns the status text (fails on an error). */
async function finished(page: Page, id: string): Promise<string> {
  const status = page.locator(`#${id} > .status:is([data-kind="done"], [data-kind="error"])`);
  await status.waitFor();
  const text = await status.innerText();
  expect({ section: id, kind: await status.getAttribute("data-kind"), text }).toEqual({ section: id, kind: "done", text });
  return text;
}

let server: Server;
let origin: string;
let officeUrl: string;
let standInScript: string;
let browser: BrowserRun;
let page: Page;
let downloads: string;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is not built: run `npm run test:e2e`, which builds first.");
  const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  officeUrl = officeJsUrl(html);
  standInScript = await compileStandIn();
  ({ server, origin } = await serveDir(DIST));
  browser = await launchBrowser(officeUrl, NOW);
  downloads = mkdtempSync(path.join(os.tmpdir(), "chuyende-downloads-"));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

describe("a secretary's session in Excel (stand-in)", () => {
  test("the pane opens with its sections, Kiểm tra open", async () => {
    browser.officeScript.body = standInScript;
    page = await openPane(
      browser,
      `${origin}/taskpane.html`,
      { book: { sheets: [{ name: "Sheet1" }] }, office: { host: "Excel", platform: "OfficeOnline" } },
      "pane",
    );
    await page.locator("main.sections").waitFor();
    const headings = await page.locator("details.section > summary h2").allInnerTexts();
    expect(headings).toEqual([
      "Tạo sổ",
      "Chuyển đổi",
      "Kiểm tra",
      "Tài liệu",
      "Báo cáo quý",
      "Kế hoạch năm",
      "Tổng hợp",
      "Tự kiểm tra bổ trợ",
    ]);
    expect(await page.locator("#kiem-tra").getAttribute("open")).not.toBeNull();
    // The About line a user quotes when asking for help: the package's version.
    expect(await page.locator("footer.about").innerText()).toBe(`Sổ chuyên đề · phiên bản ${VERSION}`);
    await page.locator("#kiem-tra-body button.primary", { hasText: "Kiểm tra" }).waitFor();
    await checkState(page, "mở ngăn");
    await shoot(page, "01-mo-ngan");
  });

  test("Tạo sổ adds the canonical sheets and leaves Sheet1 alone", async () => {
    await openSection(page, "tao-so");
    expect(await page.locator("#tao-so-nam").inputValue()).toBe(String(YEAR));
    await page.locator("#tao-so-chi-bo").fill(CHI_BO);
    await page.locator("#tao-so-body button.primary").click();
    const text = await finished(page, "tao-so");
    expect(text).toContain("Đã thêm");
    const names = await standIn(page, "sheetNames");
    expect(names).toEqual(["Sheet1", ...Object.values(SHEETS)]);
    expect((await standIn(page, "tables")).map((t) => t.name).sort()).toEqual(Object.values(TABLES).sort());
    expect(await standIn(page, "marker", SHEETS.register)).toBe("so");
    expect(await standIn(page, "marker", "Sheet1")).toBeUndefined();
    await checkState(page, "tạo sổ");
    await shoot(page, "02-tao-so");
  });

  test("the secretary types Thông tin, members, four topics, attendance and minutes", async () => {
    const info = (await standIn(page, "values", SHEETS.info, "A1:B20")) as string[][];
    const rowOf = (key: string): number => info.findIndex((r) => r[0] === key) + 1;
    expect(info[rowOf(INFO_KEYS.chiBo) - 1][1]).toBe(CHI_BO);
    const infoValues: [string, string][] = [
      [INFO_KEYS.dangBoCapTren, "Đảng bộ Khối các cơ quan tỉnh"],
      [INFO_KEYS.dangBoCoSo, "Đảng bộ Sở Tư pháp"],
      [INFO_KEYS.biThu, "Nguyễn Văn An"],
      [INFO_KEYS.phoBiThu, "Trần Thị Bình"],
      [INFO_KEYS.diaDanh, "Hà Tĩnh"],
    ];
    for (const [key, value] of infoValues) await standIn(page, "type", SHEETS.info, `B${rowOf(key)}`, [[value]]);
    // Canonical tables sit under their title and chi bộ line: data from row 4.
    await standIn(page, "type", SHEETS.members, "A4", MEMBERS);
    await standIn(page, "type", SHEETS.register, "B4", REGISTER_ROWS);
    const present = (stt: number) => MEMBERS.map((m) => [stt, m[0], "Có mặt"]);
    await standIn(page, "type", SHEETS.attendance, "A4", [...present(1), ...present(2)]);
    await standIn(page, "type", SHEETS.minutes, "A4", [
      [
        1,
        "08:00",
        "10:00",
        "Phòng họp tầng 2",
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "",
        "Nắm vững nội dung chuyên đề",
        "Chi bộ thống nhất nội dung chuyên đề và giao nhiệm vụ cho từng đảng viên.",
        "Mỗi đảng viên đăng ký một việc làm cụ thể",
        "4/4 đồng ý",
      ],
    ]);
    const typed = await standIn(page, "values", SHEETS.register, `A4:${col("Ghi chú")}7`);
    expect(typed.map((r) => r[2])).toEqual(TITLES);
    expect(typed.map((r) => r[0])).toEqual([1, 2, 3, 4]);
  });

  test("Kiểm tra shows Việc sắp tới, the quarter tiles and the findings", async () => {
    await openSection(page, "kiem-tra");
    await page.locator("#kiem-tra-body button.primary").click();
    expect(await finished(page, "kiem-tra")).toBe("Đã kiểm tra 4 chuyên đề.");
    const tiles = await page
      .locator(".tile")
      .evaluateAll((els) =>
        els.map((e) => [e.querySelector(".tile-q")!.textContent, e.querySelector(".tile-state")!.textContent, e.className]),
      );
    expect(tiles.map((t) => t[0])).toEqual(["Quý I", "Quý II", "Quý III", "Quý IV"]);
    // Q1 held with everything in order; Q4 has not started.
    expect(tiles[0].slice(1)).toEqual(["Đạt", "tile dat"]);
    expect(tiles[3].slice(1)).toEqual(["Chưa đến hạn", "tile chua-den-han"]);
    // Topic 3 meets on 20/08, within 14 days, and its draft has not been sent.
    const upcoming = await page.locator("ul.upcoming li").allInnerTexts();
    expect(upcoming.some((u) => u.includes(TITLES[2]))).toBe(true);
    // Topic 2: held without approval — an error naming it, pointing at its Ngày thông qua.
    const missing = page.locator("button.finding", { hasText: "dòng 5, cột Ngày thông qua" }).first();
    expect(await missing.locator(".badge").innerText()).toBe("Lỗi");
    expect(await missing.locator(".where").innerText()).toBe(` (${SHEETS.register}, dòng 5, cột Ngày thông qua)`);
    await checkState(page, "kiểm tra");
    expect(await page.locator("#kiem-tra-body .notice").count()).toBe(0);
    await shoot(page, "03-kiem-tra");

    // A note typed with a TCVN3 font: the CLI's Cảnh báo, above the tiles, not a finding.
    const findings = await page.locator("ul.findings li").count();
    const note = `${col("Ghi chú")}4`;
    await standIn(page, "type", SHEETS.register, note, [["Sinh ho¹t chuyªn ®Ò"]]);
    await page.locator("#kiem-tra-body button.primary").click();
    await finished(page, "kiem-tra");
    const notice = page.locator("#kiem-tra-body .notice");
    expect(await notice.innerText()).toMatch(
      new RegExp(`^Cảnh báo: Trang "${SHEETS.register}", ô ${note} \\("Sinh ho¹t chuyªn ®Ò"\\) có vẻ được gõ bằng phông TCVN3`),
    );
    expect(
      await notice.evaluate((n) =>
        Boolean(n.compareDocumentPosition(document.querySelector(".tiles")!) & Node.DOCUMENT_POSITION_FOLLOWING),
      ),
    ).toBe(true);
    expect(await page.locator("ul.findings li").count()).toBe(findings);
    await checkState(page, "kiểm tra, phông cũ");
    await standIn(page, "type", SHEETS.register, note, [[""]]);
    await page.locator("#kiem-tra-body button.primary").click();
    await finished(page, "kiem-tra");
    expect(await page.locator("#kiem-tra-body .notice").count()).toBe(0);
  });

  test("clicking a finding selects its cell; Tab + Enter selects the next one's", async () => {
    const missing = page.locator("button.finding", { hasText: "dòng 5, cột Ngày thông qua" }).first();
    await missing.click();
    await page.waitForFunction(() => (window as unknown as { __standIn: { selection(): unknown } }).__standIn.selection() !== null);
    expect(await standIn(page, "selection")).toEqual({ sheet: SHEETS.register, address: `${col("Ngày thông qua")}5` });

    // Keyboard: the next finding with a cell, focused by Tab (focus ring visible), Enter.
    const buttons = page.locator("button.finding");
    const index = await missing.evaluate((el) => Array.from(document.querySelectorAll("button.finding")).indexOf(el as HTMLButtonElement));
    const next = buttons.nth(index + 1);
    await page.keyboard.press("Tab");
    expect(await next.evaluate((el) => el === document.activeElement && el.matches(":focus-visible"))).toBe(true);
    const where = await next.locator(".where").innerText();
    const m = /\((.+), dòng (\d+)(?:, cột (.+))?\)/.exec(where);
    expect(m).not.toBeNull();
    const before = JSON.stringify(await standIn(page, "selection"));
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (b) => JSON.stringify((window as unknown as { __standIn: { selection(): unknown } }).__standIn.selection()) !== b,
      before,
    );
    const selected = await standIn(page, "selection");
    expect(selected!.sheet).toBe(m![1]);
    expect(/\d+$/.exec(selected!.address)![0]).toBe(m![2]);
    if (m![1] === SHEETS.register && m![3]) expect(selected!.address).toBe(`${col(m![3] as (typeof REGISTER_COLUMNS)[number])}${m![2]}`);
    await checkState(page, "chọn ô");
    await next.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "04-chon-o.png"), animations: "disabled" });
  });

  test("Tài liệu makes a đề dẫn and a biên bản that open in LibreOffice", async () => {
    await openSection(page, "tai-lieu");
    expect(await finished(page, "tai-lieu")).toBe("Có 4 chuyên đề có số thứ tự.");
    const options = await page.locator("#tai-lieu-chuyen-de option").allInnerTexts();
    expect(options).toEqual(TITLES.map((t, i) => `${i + 1}. ${t}`));

    const make = async (stt: number, button: string): Promise<{ name: string; bytes: Uint8Array }> => {
      await page.locator("#tai-lieu-chuyen-de").selectOption(String(stt));
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator("#tai-lieu-body button", { hasText: button }).click(),
      ]);
      const file = path.join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      expect(await finished(page, "tai-lieu")).toContain(`Đã tạo ${download.suggestedFilename()}.`);
      return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(file)) };
    };
    const deDan = await make(3, "Tạo đề dẫn");
    const bienBan = await make(1, "Tạo biên bản");
    expect([deDan.name, bienBan.name]).toEqual(["de-dan-chuyen-de-3.docx", "bien-ban-chuyen-de-1.docx"]);
    await checkState(page, "tài liệu");
    await shoot(page, "05-tai-lieu");

    const [deDanText, bienBanText] = docxToPdfText([deDan, bienBan]).map((t) => t.replace(/\s+/g, " "));
    for (const text of [deDanText, bienBanText]) {
      expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
      expect(text).toContain("ĐẢNG BỘ SỞ TƯ PHÁP");
      expect(text).toContain(CHI_BO.toUpperCase());
    }
    expect(deDanText).toContain("ĐỀ DẪN CHUYÊN ĐỀ QUÝ III/2026");
    expect(deDanText).toContain(TITLES[2]);
    expect(deDanText).toContain("Người chuẩn bị: Lê Văn Cường");
    expect(bienBanText).toContain("BIÊN BẢN SINH HOẠT CHI BỘ CHUYÊN ĐỀ QUÝ I/2026");
    expect(bienBanText).toContain(`Chuyên đề: ${TITLES[0]}`);
    expect(bienBanText).toContain("Chủ trì: đồng chí Nguyễn Văn An");
    expect(bienBanText).toContain("Có mặt: 4/4 đồng chí");
    expect(bienBanText).toContain(`Hà Tĩnh, ${formatVietnameseDate({ year: 2026, month: 3, day: 12 })}`);
  });

  test("Tài liệu refuses an own template with an unknown tag, in Vietnamese", async () => {
    const bad = path.join(downloads, "mau-cua-chi-bo.docx");
    writeFileSync(bad, makeDocx(paragraph(docxRun("Chuyên đề: {tenChuyenDee}"))));
    await page.locator("#tai-lieu-mau").setInputFiles(bad);
    expect(await page.locator("#tai-lieu-body .file-chosen").innerText()).toBe("mau-cua-chi-bo.docx");
    const before = browser.requests.length;
    await page.locator("#tai-lieu-body button", { hasText: "Tạo đề dẫn" }).click();
    const status = page.locator('#tai-lieu > .status[data-kind="error"]');
    await status.waitFor();
    const text = await status.innerText();
    expect(text).toContain("Mẫu mau-cua-chi-bo.docx chưa dùng được cho đề dẫn");
    expect(text).toContain("{tenChuyenDee}");
    expect(text).toContain("{tenChuyenDe}");
    expect(browser.requests.slice(before).some((u) => u.startsWith("blob:"))).toBe(false);
    await checkState(page, "mẫu sai");
    await shoot(page, "06-mau-sai");
    // Bỏ chọn goes back to the built-in template.
    await page.locator("#tai-lieu-body button.file-clear").click();
    expect(await page.locator("#tai-lieu-body .file-chosen").innerText()).toBe("Dùng mẫu có sẵn");
  });

  test("Báo cáo quý writes the sheet of quarter II/2026", async () => {
    await openSection(page, "bao-cao");
    await page.locator("#bao-cao-quy").selectOption("2");
    await page.locator("#bao-cao-nam").fill(String(YEAR));
    await page.locator("#bao-cao-body button.primary").click();
    expect(await finished(page, "bao-cao")).toBe('Đã lập trang "Báo cáo Quý II-2026".');
    expect(await standIn(page, "sheetNames")).toContain("Báo cáo Quý II-2026");
    expect(await standIn(page, "marker", "Báo cáo Quý II-2026")).toBe("bao-cao");
    const texts = (await standIn(page, "texts", "Báo cáo Quý II-2026")).join("\n");
    expect(texts).toContain("BÁO CÁO");
    expect(texts).toContain("Kết quả sinh hoạt chi bộ chuyên đề Quý II năm 2026");
    expect(texts).toContain(TITLES[1]);
    expect(texts).toContain(CHI_BO.toUpperCase());
    // Q1's and Q4's topics are not part of it (Q3's is, as the next quarter's plan).
    expect(texts).not.toContain(TITLES[0]);
    expect(texts).not.toContain(TITLES[3]);
    await checkState(page, "báo cáo");
    await shoot(page, "07-bao-cao");
    // Again: the same sheet is rewritten, nothing else added.
    const sheets = await standIn(page, "sheetNames");
    await page.locator("#bao-cao-body button.primary").click();
    expect(await finished(page, "bao-cao")).toBe('Đã lập lại trang "Báo cáo Quý II-2026".');
    expect(await standIn(page, "sheetNames")).toEqual(sheets);
    await checkState(page, "báo cáo lập lại");
  });

  test("Tổng hợp reads other cells' .xlsx files in the page and lists the unreadable one", async () => {
    const cellBook = async (file: string, chiBo: string, held: string[]): Promise<string> =>
      writeXlsx(path.join(downloads, file), (wb) => {
        const info = wb.addWorksheet(SHEETS.info);
        info.addRows([
          ["Mục", "Giá trị"],
          [INFO_KEYS.chiBo, chiBo],
          [INFO_KEYS.year, YEAR],
        ]);
        const reg = wb.addWorksheet(SHEETS.register);
        reg.addRow([...REGISTER_COLUMNS]);
        held.forEach((title, i) => {
          const row: unknown[] = REGISTER_COLUMNS.map(() => null);
          row[0] = i + 1;
          row[1] = ["I", "II"][i];
          row[2] = title;
          row[4] = "Nguyễn Văn An";
          row[8] = new Date(Date.UTC(YEAR, i * 3 + 1, 15));
          row[10] = "Đã sinh hoạt";
          reg.addRow(row);
        });
      });
    const files = [
      await cellBook("chi-bo-1.xlsx", "Chi bộ Phòng Tổ chức", ["Chuyên đề quý I của chi bộ 1", "Chuyên đề quý II của chi bộ 1"]),
      await cellBook("chi-bo-2.xlsx", "Chi bộ Thanh tra", ["Chuyên đề quý I của chi bộ 2"]),
      path.join(downloads, "hong.xlsx"),
    ];
    writeFileSync(files[2], "không phải tệp Excel");
    await openSection(page, "tong-hop");
    await page.locator("#tong-hop-tep").setInputFiles(files);
    expect(await page.locator("#tong-hop-body .file-chosen").innerText()).toBe("3 tệp: chi-bo-1.xlsx, chi-bo-2.xlsx, hong.xlsx");
    const before = await standIn(page, "sheetNames");
    await page.locator("#tong-hop-body button.primary").click();
    const text = await finished(page, "tong-hop");
    expect(text).toMatch(/^Đã tổng hợp 2 sổ vào trang .*; 1 tệp không đọc được \(xem danh sách bên trên\)\.$/);
    expect(await page.locator("#tong-hop-body h3").innerText()).toBe("Tệp không đọc được");
    const unreadable = await page.locator("#tong-hop-body ul.unreadable li").allInnerTexts();
    expect(unreadable).toHaveLength(1);
    // The reason the CLI gives (src/xlsx runs in the page too), not a generic one.
    expect(unreadable[0]).toMatch(
      /^hong\.xlsx: Tệp hong\.xlsx không phải tệp Excel \.xlsx \(hỏng hoặc sai định dạng\) — hãy mở lại bằng Excel/,
    );
    const added = (await standIn(page, "sheetNames")).filter((n) => !before.includes(n));
    expect(added.length).toBeGreaterThan(0);
    for (const name of added) expect(text).toContain(`"${name}"`);
    const written = (await standIn(page, "texts", added[0])).join("\n");
    expect(written).toContain("Chi bộ Phòng Tổ chức");
    expect(written).toContain("Chi bộ Thanh tra");
    expect(await standIn(page, "marker", added[0])).toBe("tong-hop");
    await checkState(page, "tổng hợp");
    await shoot(page, "08-tong-hop");
  });

  test("every section open at once still fits 320 px", async () => {
    const closed = await page.locator("details.section:not([open])").evaluateAll((els) => els.map((e) => e.id));
    for (const id of closed) await page.locator(`#${id} > summary`).click();
    await page.locator("#tong-hop-body .file-picker").waitFor();
    expect(await page.locator("details.section[open]").count()).toBe(8);
    await checkState(page, "mọi mục mở");
    await shoot(page, "09-moi-muc");
  });
});

describe("Chuyển đổi of a hand-made register", () => {
  const SOURCE = "Theo dõi 2025";
  const messy = {
    sheets: [
      {
        name: SOURCE,
        values: [
          ["SỔ THEO DÕI SINH HOẠT CHUYÊN ĐỀ NĂM 2025"],
          ["Chi bộ Phòng Kế hoạch – Tài chính"],
          ["TT", "Quý", "Nội dung chuyên đề", "Đồng chí phụ trách", "Ngày chi ủy duyệt", "Thời gian sinh hoạt", "Ghi chú"],
          [1, "I", "Học tập Chỉ thị 05 gắn với nhiệm vụ của phòng", "Nguyễn Thị Hoa", "'10/01/2025", "'15/01/2025", ""],
          [2, null, "Nâng cao chất lượng tham mưu dự toán ngân sách", "Trần Văn Hùng", "'05/02/2025", "'20/02/2025", "Lồng ghép"],
          [3, "II", "Phòng, chống lãng phí trong chi tiêu công", "Lê Thị Lan", "'03/04/2025", "'17/04/2025", ""],
          [4, null, "Phát triển đảng viên trẻ", "Phạm Văn Minh", "", "'12/06/2025", ""],
        ],
        merges: ["A1:G1", "A2:G2", "B4:B5", "B6:B7"],
      },
    ],
  };
  let convertPage: Page;
  let original: string;

  test("shows the detected mapping of the messy sheet", async () => {
    browser.officeScript.body = standInScript;
    convertPage = await openPane(
      browser,
      `${origin}/taskpane.html`,
      { book: messy, office: { host: "Excel", platform: "PC" } },
      "chuyển đổi",
    );
    await convertPage.locator("main.sections").waitFor();
    original = await standIn(convertPage, "dump", SOURCE);
    await openSection(convertPage, "chuyen-doi");
    await convertPage.locator("#chuyen-doi-body button.primary", { hasText: "Tìm sổ" }).click();
    expect(await finished(convertPage, "chuyen-doi")).toBe(`Đã tìm thấy sổ ở trang "${SOURCE}".`);
    expect(await convertPage.locator("#chuyen-doi-body .mapping .hint").first().innerText()).toContain("dòng tiêu đề 3");
    const mapping = Object.fromEntries(
      await convertPage
        .locator("table.map-table tbody tr")
        .evaluateAll((rows) =>
          rows.map((r) => [
            r.querySelector("th")!.textContent,
            (r.querySelector("select") as HTMLSelectElement).selectedOptions[0].textContent,
          ]),
        ),
    );
    expect(mapping).toMatchObject({
      STT: "A: TT",
      Quý: "B: Quý",
      "Tên chuyên đề": "C: Nội dung chuyên đề",
      "Người phụ trách": "D: Đồng chí phụ trách",
      "Ngày thông qua": "E: Ngày chi ủy duyệt",
      "Ngày sinh hoạt": "F: Thời gian sinh hoạt",
      "Ghi chú": "G: Ghi chú",
      "Ngày gửi dự thảo": "(không có)",
    });
    await checkState(convertPage, "chuyển đổi: ánh xạ");
    await shoot(convertPage, "10-chuyen-doi");
  });

  test("writes the canonical sheet and leaves the original untouched", async () => {
    await convertPage.locator("#chuyen-doi-body button.primary", { hasText: /^Chuyển đổi$/ }).click();
    expect(await finished(convertPage, "chuyen-doi")).toBe(
      `Đã ghi 4 dòng vào trang mới "${SHEETS.register}". Trang "${SOURCE}" được giữ nguyên.`,
    );
    expect(await standIn(convertPage, "sheetNames")).toEqual([SOURCE, SHEETS.register]);
    expect(await standIn(convertPage, "tables")).toEqual([{ name: TABLES.register, sheet: SHEETS.register }]);
    expect(await standIn(convertPage, "dump", SOURCE)).toBe(original);
    const rows = await standIn(convertPage, "values", SHEETS.register, `A3:${col("Ghi chú")}7`);
    expect(rows[0]).toEqual([...REGISTER_COLUMNS]);
    const at = (r: number, name: (typeof REGISTER_COLUMNS)[number]) => rows[r][REGISTER_COLUMNS.indexOf(name)];
    expect([1, 2, 3, 4].map((r) => at(r, "Tên chuyên đề"))).toEqual([
      "Học tập Chỉ thị 05 gắn với nhiệm vụ của phòng",
      "Nâng cao chất lượng tham mưu dự toán ngân sách",
      "Phòng, chống lãng phí trong chi tiêu công",
      "Phát triển đảng viên trẻ",
    ]);
    // The merged quarter cells reach every row; text dates become real dates.
    expect([1, 2, 3, 4].map((r) => at(r, "Quý"))).toEqual(["I", "I", "II", "II"]);
    expect(at(2, "Ngày sinh hoạt")).toBe(serial(2025, 2, 20));
    expect(at(1, "Ngày thông qua")).toBe(serial(2025, 1, 10));
    expect(await standIn(convertPage, "selection")).toBeNull();
    await checkState(convertPage, "chuyển đổi: xong");
    await shoot(convertPage, "11-chuyen-doi-xong");
  });
});

describe("the page opened outside Office", () => {
  test("Office.js answering without a host: the pane on a file (file mode), no exception", async () => {
    browser.officeScript.body = standInScript;
    const p = await openPane(browser, `${origin}/taskpane.html`, { office: { host: null } }, "ngoài Office");
    await p.locator(".file-bar").waitFor();
    expect(await p.locator(".file-bar label.file-button").innerText()).toBe("Mở sổ (.xlsx)");
    expect(await p.locator(".outside").count()).toBe(0);
    await checkState(p, "ngoài Office");
    await shoot(p, "12-ngoai-excel");
  });

  test("no Office.js at all (a plain browser): file mode too", async () => {
    browser.officeScript.body = "";
    const p = await openPane(browser, `${origin}/taskpane.html`, {}, "không có Office.js");
    await p.locator(".file-bar").waitFor();
    expect(await p.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("undefined");
    expect(await p.locator(".file-bar").innerText()).toContain("Mở sổ (.xlsx)");
    await checkState(p, "không có Office.js");
  });
});

describe("the Mac hand-over page (Excel on Mac cannot save a Blob from the pane)", () => {
  test("luu-tep.html rebuilds the file from the URL fragment and offers it for saving", async () => {
    const template = path.join(DIST, "assets", "templates", "de-dan.docx");
    const bytes = new Uint8Array(readFileSync(template));
    const url = saveUrl(`${origin}/taskpane.html`, {
      name: "de-dan-stt-3.docx",
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      bytes,
    });
    const page = await browser.context.newPage();
    page.on("pageerror", (e) => browser.problems.push(`luu-tep: exception: ${e.message}`));
    await page.goto(url); // nothing is saved until the user clicks
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save").click()]);
    expect(download.suggestedFilename()).toBe("de-dan-stt-3.docx");
    const saved = path.join(mkdtempSync(path.join(os.tmpdir(), "chuyende-mac-")), download.suggestedFilename());
    await download.saveAs(saved);
    expect(Buffer.compare(readFileSync(saved), Buffer.from(bytes))).toBe(0);
    // The bytes leave the address bar once read, and the page says what happened.
    expect(new URL(page.url()).hash).toBe("");
    expect(await page.locator("#msg").textContent()).toContain("Tệp de-dan-stt-3.docx đã sẵn sàng");
    await checkState(page, "luu-tep");
    await page.close();
  });

  test("luu-tep.html refuses a crafted zip (a macro-enabled document): a Vietnamese reason, no save button", async () => {
    const crafted = makeDocx(paragraph(docxRun("Đề dẫn")));
    // The same package with a macro project added.
    const PizZip = (await import("pizzip")).default;
    const zip = new PizZip(crafted);
    zip.file(
      "[Content_Types].xml",
      zip
        .file("[Content_Types].xml")!
        .asText()
        .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    zip.file("word/vbaProject.bin", new Uint8Array(16));
    const url = saveUrl(`${origin}/taskpane.html`, {
      name: "bien-ban.docx",
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      bytes: zip.generate({ type: "uint8array" }),
    });
    const page = await browser.context.newPage();
    page.on("pageerror", (e) => browser.problems.push(`luu-tep: exception: ${e.message}`));
    await page.goto(url);
    expect(await page.locator("#msg").textContent()).toMatch(/^Tệp trong liên kết không phải do Sổ chuyên đề tạo ra: có macro .*không lưu/);
    expect(await page.locator("#save").isHidden()).toBe(true);
    await page.close();
  });
});

describe("the guards themselves", () => {
  test("catch a remote request, a console error, English text and a too-wide element", async () => {
    const requests = browser.requests.length;
    const problems = browser.problems.length;
    const p = await openPane(browser, `${origin}/guards-without-csp`, {}, "guards"); // the pages' CSP would block the bait
    await p.setContent(
      '<p>Loading…</p><div style="width: 400px">rộng</div><img src="https://fonts.example.com/x.png" alt=""><script>console.error("hỏng")</script>',
    );
    await p.waitForTimeout(200);
    expect(foreignRequests(browser.requests.slice(requests), officeUrl)).toEqual(["https://fonts.example.com/x.png"]);
    expect(browser.problems.slice(problems).some((m) => m.includes("hỏng"))).toBe(true);
    for (const bad of [
      "<p>Loading…</p>",
      '<p title="Click here">Đạt</p>',
      '<div style="width: 400px">rộng</div>',
      "<p>Tie\u0302\u0301ng Vie\u0323\u0302t</p>",
    ]) {
      await p.setContent(bad);
      await expect(checkState(p, "guards")).rejects.toThrow();
    }
    await p.setContent("<p>Đạt</p>");
    await expect(checkState(p, "guards")).resolves.toBeDefined();
    await p.close();
    // What this test provoked is not held against the pane.
    browser.requests.splice(requests);
    browser.problems.splice(problems);
  });
});

test("no page logged an error and no request left 127.0.0.1 (Office.js was the stand-in)", () => {
  // Checked once every page has run (tests run in file order).
  expect(browser.problems).toEqual([]);
  expect(foreignRequests(browser.requests, officeUrl)).toEqual([]);
  expect(browser.requests.filter((u) => u.startsWith(origin)).length).toBeGreaterThan(0);
});

test("the stand-in never enters dist/", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const f of files(DIST).filter((f) => /\.(js|html)$/.test(f))) {
    expect({ f, standIn: /StandInWorkbook|__e2eConfig|installExcelStandIn/.test(readFileSync(f, "utf8")) }).toEqual({ f, standIn: false });
  }
});
