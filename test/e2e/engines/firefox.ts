// Firefox ESR (Debian's /usr/bin/firefox-esr) through puppeteer-core over WebDriver BiDi:
// no browser is downloaded; downloads go to a folder of the test's own (Firefox's prefs).
// puppeteer-core is an ES module only, which jest cannot load: it runs in a Node process of
// its own (firefoxChild.js) and this driver sends it each call.
import { fork, type ChildProcess } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { isForeign, scriptedSteps, type EngineDriver } from "./driver";

export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

function remote(child: ChildProcess): <T>(op: string, ...args: unknown[]) => Promise<T> {
  let seq = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on("message", (m: { id: number; value?: unknown; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error !== undefined) w?.reject(new Error(`firefox: ${m.error}`));
    else w?.resolve(m.value);
  });
  child.on("exit", () => {
    for (const w of waiting.values()) w.reject(new Error("firefox: the driver process ended"));
    waiting.clear();
  });
  return <T>(op: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, op, args });
    });
}

export async function launchFirefox(): Promise<EngineDriver> {
  const downloads = mkdtempSync(path.join(os.tmpdir(), "chuyende-firefox-dl-"));
  const child = fork(path.join(__dirname, "firefoxChild.js"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const call = remote(child);
  await call("launch", FIREFOX, downloads);
  let pageUrl = "";
  const js = <T>(script: string, args: unknown[]): Promise<T> =>
    call<T>("evaluate", `(function () {${script}}).apply(null, ${JSON.stringify(args)})`);
  return {
    engine: "firefox",
    async open(url) {
      pageUrl = url;
      await call("goto", url);
    },
    setFiles: (selector, files) => call("setFiles", selector, files),
    click: (selector) => call("click", selector),
    async clickText(selector, text) {
      const n = await js<number>(
        `const all = [...document.querySelectorAll(arguments[0])]; const i = all.findIndex((e) => e.textContent.includes(arguments[1]));
         if (i >= 0) all[i].setAttribute("data-e2e-target", ""); return i;`,
        [selector, text],
      );
      if (n < 0) throw new Error(`firefox: no ${selector} with “${text}”`);
      await call("click", "[data-e2e-target]");
      await js("document.querySelector('[data-e2e-target]')?.removeAttribute('data-e2e-target');", []);
    },
    ...scriptedSteps(js, downloads),
    async foreignRequests() {
      return (await call<string[]>("requests")).filter((u) => isForeign(u, pageUrl));
    },
    async close() {
      await call("close").catch(() => undefined);
      child.kill();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
