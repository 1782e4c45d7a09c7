// Runs puppeteer-core (an ES module jest cannot load) in a plain Node process for
// firefox.ts: each IPC message {id, op, args} is one driver call, answered {id, value} or
// {id, error}.
"use strict";
const puppeteer = require("puppeteer-core");

let browser;
let page;
const requests = [];

const ops = {
  async launch(executablePath, downloads) {
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath,
      headless: true,
      defaultViewport: { width: 1024, height: 800 },
      extraPrefsFirefox: {
        "browser.download.dir": downloads,
        "browser.download.folderList": 2,
        "browser.download.useDownloadDir": true,
        "browser.download.always_ask_before_handling_new_types": false,
        "browser.download.start_downloads_in_tmp_dir": false,
        "intl.accept_languages": "vi-VN, vi",
      },
    });
    page = await browser.newPage();
    page.on("request", (r) => requests.push(r.url()));
    return browser.version();
  },
  async goto(url) {
    await page.goto(url);
  },
  async setFiles(selector, files) {
    const input = await page.$(selector);
    if (!input) throw new Error(`no ${selector}`);
    await input.uploadFile(...files);
  },
  async click(selector) {
    await page.click(selector);
  },
  // A string is evaluated by the driver (the page's CSP refuses eval in the page).
  evaluate: (source) => page.evaluate(source),
  requests: () => requests,
  async close() {
    await browser?.close();
  },
};

process.on("message", async ({ id, op, args }) => {
  try {
    const value = await ops[op](...args);
    process.send({ id, value: value === undefined ? null : value });
  } catch (err) {
    process.send({ id, error: String(err && err.stack ? err.stack : err) });
  }
});
