// Chromium (Debian's /usr/bin/chromium) through playwright-core: every request but the
// page's own is refused and recorded.
import { mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM } from "../harness";
import { isForeign, type Downloaded, type EngineDriver } from "./driver";

export async function launchChromium(): Promise<EngineDriver & { page(): Page }> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
  });
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: "vi-VN", acceptDownloads: true });
  const requests: string[] = [];
  let pageUrl = "";
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    return url === pageUrl ? route.continue() : route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "chuyende-chromium-dl-"));
  return {
    engine: "chromium",
    page: () => page,
    async open(url) {
      pageUrl = url;
      await page.goto(url);
    },
    async setFiles(selector, files) {
      await page.setInputFiles(selector, files);
    },
    async click(selector) {
      await page.locator(selector).first().click();
    },
    async clickText(selector, text) {
      await page.locator(selector, { hasText: text }).first().click();
    },
    async setValue(selector, value) {
      const tag = await page.locator(selector).evaluate((e) => e.tagName);
      if (tag === "SELECT") await page.selectOption(selector, value);
      else {
        await page.fill(selector, value);
        await page.locator(selector).dispatchEvent("change");
      }
    },
    async text(selector) {
      return (
        (await page
          .locator(selector)
          .first()
          .textContent({ timeout: 1000 })
          .catch(() => "")) ?? ""
      );
    },
    async run<T>(script: string, ...args: unknown[]) {
      // A string is evaluated by the driver itself (the page's CSP refuses eval in the page).
      return page.evaluate(`(function () {${script}}).apply(null, ${JSON.stringify(args)})`) as Promise<T>;
    },
    async download(click, timeoutMs = 60_000): Promise<Downloaded> {
      const [dl] = await Promise.all([page.waitForEvent("download", { timeout: timeoutMs }), click()]);
      const file = path.join(tmp, dl.suggestedFilename());
      await dl.saveAs(file);
      return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync(file)) };
    },
    foreignRequests: () => Promise.resolve(requests.filter((u) => isForeign(u, pageUrl))),
    async close() {
      await browser.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
