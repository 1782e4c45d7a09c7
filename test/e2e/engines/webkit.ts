// WebKitGTK (Debian's webkit2gtk-driver): selenium-webdriver talks to WebKitWebDriver, which
// starts MiniBrowser with --automation on an Xvfb display of its own (xvfb-run), so the
// suite needs no display. WebKitGTK saves a download into the XDG download folder: the
// driver's HOME is a folder of the test's own. Its driver has no network API: the page's
// own record (resource timing and CSP refusals) says what it loaded.
import { spawn, type ChildProcess } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { Builder, By, type WebDriver } from "selenium-webdriver";
import { isForeign, REFUSAL_RECORDER, RESOURCE_PROBE, scriptedSteps, sleep, type EngineDriver } from "./driver";

export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? "/usr/bin/WebKitWebDriver";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (a && typeof a !== "string" ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

async function waitPort(port: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, "127.0.0.1", () => {
        c.end();
        resolve(true);
      });
      c.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not listen on ${port}`);
    await sleep(100);
  }
}

export async function launchWebKit(): Promise<EngineDriver> {
  const home = mkdtempSync(path.join(os.tmpdir(), "chuyende-webkit-"));
  const port = await freePort();
  // Its own process group, so that closing ends xvfb-run, Xvfb and the driver together.
  const server: ChildProcess = spawn("xvfb-run", ["-a", WEBKIT_DRIVER, `--port=${port}`], {
    env: { ...process.env, HOME: home, XDG_DOWNLOAD_DIR: home, LANG: "vi_VN.UTF-8" },
    stdio: "ignore",
    detached: true,
  });
  await waitPort(port, 30_000);
  const driver: WebDriver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}`)
    .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } })
    .build();
  let pageUrl = "";
  const js = <T>(script: string, args: unknown[]): Promise<T> => driver.executeScript<T>(script, ...args);
  return {
    engine: "webkit",
    async open(url) {
      pageUrl = url;
      await driver.get(url);
      await js(REFUSAL_RECORDER, []);
    },
    async setFiles(selector, files) {
      await driver.findElement(By.css(selector)).sendKeys(files.join("\n"));
    },
    async click(selector) {
      await driver.findElement(By.css(selector)).click();
    },
    async clickText(selector, text) {
      const all = await driver.findElements(By.css(selector));
      for (const e of all) {
        if ((await e.getText()).includes(text)) {
          await e.click();
          return;
        }
      }
      throw new Error(`webkit: no ${selector} with “${text}”`);
    },
    ...scriptedSteps(js, home),
    async foreignRequests() {
      const seen = await js<string[]>(RESOURCE_PROBE, []);
      return seen.filter((u) => isForeign(u, pageUrl));
    },
    async close() {
      await driver.quit().catch(() => undefined);
      if (server.pid !== undefined) {
        try {
          process.kill(-server.pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
