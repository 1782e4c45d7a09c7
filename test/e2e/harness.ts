// The browser e2e's machinery: the built dist/ served on 127.0.0.1, the Excel stand-in
// compiled for the browser (to a temporary folder, never into dist/), headless Chromium
// (Debian's /usr/bin/chromium through playwright-core; no browser is downloaded) with every
// request recorded, and the checks every state of the pane must pass.
import { createServer, type Server } from "http";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const SCREENSHOTS = path.join(ROOT, "docs", "screenshots");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The task pane's width in Excel (narrowest: 320 px). */
export const PANE_WIDTH = 320;

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** Serves `dir` read-only on 127.0.0.1 (a free port). */
export async function serveDir(dir: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.resolve(dir, "." + decodeURIComponent(url.pathname));
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

/** test/e2e/standInEntry.ts (and the stand-in it imports) as one browser script. */
export async function compileStandIn(): Promise<string> {
  const out = mkdtempSync(path.join(os.tmpdir(), "chuyende-standin-"));
  try {
    const compiler = webpack({
      mode: "development",
      devtool: false,
      target: "web",
      entry: path.join(__dirname, "standInEntry.ts"),
      output: { path: out, filename: "office-stand-in.js" },
      resolve: { extensions: [".ts", ".js"] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") } },
          },
        ],
      },
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      compiler.run((err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))),
    );
    await new Promise<void>((resolve) => compiler.close(() => resolve()));
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    return readFileSync(path.join(out, "office-stand-in.js"), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The Office.js address the built page loads (the only script not its own). */
export function officeJsUrl(html: string): string {
  // The production page is minified: attribute quotes may be gone.
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  const external = scripts.filter((s) => /^https?:/.test(s));
  if (external.length !== 1 || !/\/office\.js$/.test(external[0])) {
    throw new Error(`taskpane.html should load exactly one external script, office.js: ${external.join(", ")}`);
  }
  return external[0];
}

export interface BrowserRun {
  context: BrowserContext;
  /** Every URL any page requested. */
  requests: string[];
  /** Console errors and uncaught exceptions, with the page they came from. */
  problems: string[];
  /** What the office.js address answers with (set before opening a page). */
  officeScript: { body: string };
  profile: string;
  close(): Promise<void>;
}

export async function launchBrowser(officeUrl: string, now: Date): Promise<BrowserRun> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "chuyende-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: PANE_WIDTH, height: 640 },
    deviceScaleFactor: 1,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    acceptDownloads: true,
  });
  const run: BrowserRun = {
    context,
    requests: [],
    problems: [],
    officeScript: { body: "" },
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  await context.clock.setFixedTime(now);
  context.on("request", (r) => run.requests.push(r.url()));
  // Office.js comes from the stand-in; anything else not on 127.0.0.1 is refused (and
  // fails the test through `requests`).
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === officeUrl) return route.fulfill({ status: 200, contentType: "application/javascript", body: run.officeScript.body });
    if (new URL(url).hostname === "127.0.0.1") return route.continue();
    return route.abort("blockedbyclient");
  });
  return run;
}

/** Opens the pane page with the stand-in configured by `config` (book, host…). */
export async function openPane(run: BrowserRun, url: string, config: unknown, name: string): Promise<Page> {
  const page = await run.context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") run.problems.push(`${name}: console: ${m.text()}`);
  });
  page.on("pageerror", (e) => run.problems.push(`${name}: exception: ${e.message}`));
  await page.addInitScript((c) => {
    (window as unknown as { __e2eConfig: unknown }).__e2eConfig = c;
  }, config);
  await page.goto(url);
  return page;
}

/** Requests that went anywhere but 127.0.0.1 (Office.js, served by the test, excepted). */
export function foreignRequests(requests: string[], officeUrl: string): string[] {
  return requests.filter((u) => {
    if (u === officeUrl) return false;
    if (u.startsWith("blob:") || u.startsWith("data:")) return false;
    try {
      return new URL(u).hostname !== "127.0.0.1";
    } catch {
      return true;
    }
  });
}

/** English a user must never see in the pane (and what broken code prints). */
const NOT_VIETNAMESE =
  /\b(Loading|Error|Errors|Warning|Click|Submit|Cancel|Browse|Choose|Upload|Download|undefined|null|NaN|Infinity)\b|\[object/;

export interface PageCheck {
  text: string;
  scrollWidth: number;
  /** Visible elements sticking out to the right of the pane. */
  overflowing: string[];
}

/** What every state of the pane must pass: no sideways scrolling or element sticking out
 *  at 320 px, every visible string Vietnamese and NFC. Returns the text for more checks. */
export async function checkState(page: Page, state: string): Promise<PageCheck> {
  const r: PageCheck & { labels: string[] } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflowing: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.opacity === "0") continue;
      if (box.right > width + 0.5 || box.left < -0.5) {
        overflowing.push(
          `${el.tagName.toLowerCase()}.${el.className} [${Math.round(box.left)}, ${Math.round(box.right)}] "${(el.textContent ?? "").slice(0, 40)}"`,
        );
      }
    }
    const labels = Array.from(document.querySelectorAll("[aria-label],[placeholder],[title],[alt]")).flatMap((el) =>
      ["aria-label", "placeholder", "title", "alt"].map((a) => el.getAttribute(a) ?? "").filter(Boolean),
    );
    return {
      text: document.body.innerText,
      scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      overflowing,
      labels: [document.title, ...labels],
    };
  });
  const where = `[${state}]`;
  expect({ where, scrollWidth: r.scrollWidth }).toEqual({ where, scrollWidth: expect.any(Number) });
  expect({ where, fits: r.scrollWidth <= PANE_WIDTH }).toEqual({ where, fits: true });
  expect({ where, overflowing: r.overflowing }).toEqual({ where, overflowing: [] });
  for (const s of [r.text, ...r.labels]) {
    expect({ where, english: NOT_VIETNAMESE.exec(s)?.[0] ?? null, s: s.slice(0, 200) }).toMatchObject({ where, english: null });
    expect({ where, nfc: s === s.normalize("NFC") }).toEqual({ where, nfc: true });
  }
  return r;
}

/** A screenshot of the whole pane, as docs/screenshots/<name>.png. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled", caret: "hide" });
}
