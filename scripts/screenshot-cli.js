#!/usr/bin/env node
// docs/screenshots/dong-lenh.png: the secretary's guide's picture of the command line — a
// terminal window showing `chuyende demo` and `chuyende kiem-tra` on the demo register, as
// they really print (run from build/, as a user would). Needs Debian's chromium.
// Usage: npm run build:cli && node scripts/screenshot-cli.js
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { chromium } = require("playwright-core");

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "chuyende.js");
const OUT = path.join(ROOT, "docs", "screenshots", "dong-lenh.png");
const AS_OF = "20/11/2025";

function run(cwd, args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, TZ: "Asia/Ho_Chi_Minh" } });
  return `$ chuyende ${args.join(" ")}\n${r.stdout}${r.stderr}`;
}

const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-anh-"));
  try {
    const text = [
      run(dir, ["demo", "-o", "vi-du", "--ngay", AS_OF]),
      run(dir, ["kiem-tra", "vi-du/so-chuyen-de-mau.xlsx", "--ngay", AS_OF]),
    ].join("\n");
    const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><style>
      body { margin: 0; background: #fff; }
      .window { margin: 12px; border-radius: 8px; overflow: hidden; border: 1px solid #444; width: 880px; }
      .bar { background: #3c3c3c; color: #ddd; font: 13px "Liberation Sans", sans-serif; padding: 6px 12px; }
      pre { margin: 0; padding: 12px 14px; background: #1e1e1e; color: #e8e8e8; white-space: pre-wrap;
            font: 13px/1.45 "Liberation Mono", monospace; }
    </style><div class="window"><div class="bar">Cửa sổ lệnh</div><pre>${escape(text)}</pre></div></html>`;
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage({ viewport: { width: 906, height: 400 }, deviceScaleFactor: 1 });
      await page.setContent(html);
      await page.locator(".window").screenshot({ path: OUT });
    } finally {
      await browser.close();
    }
    process.stdout.write(`Đã ghi ${path.relative(process.cwd(), OUT)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 1;
});
