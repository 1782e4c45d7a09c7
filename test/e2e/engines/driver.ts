// One small driver over the three browser engines the single page is proven in, so that
// each flow (test/e2e/engines.test.ts) is written once: Chromium through playwright-core,
// Firefox ESR through puppeteer-core (WebDriver BiDi), WebKitGTK through selenium-webdriver
// and WebKitWebDriver (MiniBrowser under its own Xvfb). Only Debian's browsers are used.
// The page's CSP refuses eval, so waiting is done by polling from Node, never by a
// function compiled in the page.
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

export type EngineName = "chromium" | "firefox" | "webkit";

export interface Downloaded {
  name: string;
  bytes: Uint8Array;
}

export interface EngineDriver {
  readonly engine: EngineName;
  /** Opens the page; `network` starts recording every address the page asks for. */
  open(url: string): Promise<void>;
  /** Chooses files in a file input, as the user would in the system's dialog. */
  setFiles(selector: string, files: string[]): Promise<void>;
  click(selector: string): Promise<void>;
  /** Clicks the first element matching `selector` whose text contains `text`. */
  clickText(selector: string, text: string): Promise<void>;
  /** Sets a <select> or <input> and fires its change event. */
  setValue(selector: string, value: string): Promise<void>;
  /** The element's text ("" when there is none). */
  text(selector: string): Promise<string>;
  /** Runs `script` (a function body; `args` as `arguments`) in the page. */
  run<T>(script: string, ...args: unknown[]): Promise<T>;
  /** Clicks and waits for the file the page offers for download. */
  download(click: () => Promise<void>, timeoutMs?: number): Promise<Downloaded>;
  /** Addresses the page asked for other than itself, blob: and data:. */
  foreignRequests(): Promise<string[]>;
  close(): Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until the element's text matches, and returns it. */
export async function waitText(d: EngineDriver, selector: string, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    last = await d.text(selector);
    if (pattern.test(last)) return last.trim();
    if (Date.now() > end)
      throw new Error(`${d.engine}: ${selector} did not show ${String(pattern)} within ${timeoutMs} ms; it shows: ${last}`);
    await sleep(100);
  }
}

/** A file that appeared in `dir` since `before`, complete (no partial-download name, size
 *  steady): how Firefox and WebKit save a download. */
export async function newDownload(dir: string, before: ReadonlySet<string>, timeoutMs: number): Promise<Downloaded> {
  const end = Date.now() + timeoutMs;
  let seen = "";
  let size = -1;
  for (;;) {
    const fresh = readdirSync(dir).filter(
      (f) => !before.has(f) && !/\.(part|download|wkdownload|crdownload)$/.test(f) && !f.startsWith("."),
    );
    const file = fresh[0];
    if (file && existsSync(path.join(dir, file))) {
      const s = statSync(path.join(dir, file)).size;
      if (file === seen && s === size && s > 0) return { name: file, bytes: new Uint8Array(readFileSync(path.join(dir, file))) };
      seen = file;
      size = s;
    }
    if (Date.now() > end) throw new Error(`no download in ${dir} within ${timeoutMs} ms`);
    await sleep(200);
  }
}

export function listing(dir: string): Set<string> {
  return new Set(readdirSync(dir));
}

/** The page's own record of what it loaded and what its CSP refused (for the engine with no
 *  network API in its driver). */
export const RESOURCE_PROBE = `
  const seen = performance.getEntriesByType("resource").map((e) => e.name);
  return seen.concat(window.__e2eRefused || []);`;
export const REFUSAL_RECORDER = `
  if (!window.__e2eRefused) {
    window.__e2eRefused = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__e2eRefused.push(e.blockedURI || "refused"));
  }`;

export function isForeign(url: string, page: string): boolean {
  return url !== page && !url.startsWith("blob:") && !url.startsWith("data:") && url !== "";
}

/** The steps the Firefox and WebKit drivers take alike: through a script run in the page
 *  (`js`: a function body, `args` as `arguments`), and a download as a file appearing in the
 *  browser's download folder. */
export function scriptedSteps(
  js: <T>(script: string, args: unknown[]) => Promise<T>,
  downloads: string,
): Pick<EngineDriver, "setValue" | "text" | "run" | "download"> {
  return {
    async setValue(selector, value) {
      await js(
        `const e = document.querySelector(arguments[0]); e.value = arguments[1];
         e.dispatchEvent(new Event("input", { bubbles: true })); e.dispatchEvent(new Event("change", { bubbles: true }));`,
        [selector, value],
      );
    },
    text: (selector) => js<string>(`return document.querySelector(arguments[0])?.textContent ?? "";`, [selector]),
    run: <T>(script: string, ...args: unknown[]) => js<T>(script, args),
    async download(click, timeoutMs = 60_000) {
      const before = listing(downloads);
      await click();
      return newDownload(downloads, before, timeoutMs);
    },
  };
}
