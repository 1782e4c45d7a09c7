#!/usr/bin/env node
"use strict";
// Payload of the task-pane commands on the Excel stand-in (issue 10): the largest estimated
// request and response of any command at 5,000 topics and 50,000 attendance rows, against
// Excel on the web's 5 MB limit (aim: half). Runs bench/payload.bench.ts through jest.
//   maxRequestBytes, maxResponseBytes, payloadPerCommand ({request, response, syncs} each).
// Usage: node bench/payload.js   (bench/run.js calls run()).
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const { ROOT } = require("./util");

async function run() {
  const out = path.join(os.tmpdir(), `chuyende-bench-payload-${process.pid}.json`);
  try {
    const jest = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");
    const r = spawnSync(
      process.execPath,
      [jest, "--rootDir", ROOT, "--roots", "<rootDir>/bench", "--testMatch", "**/payload.bench.ts", "--silent"],
      { cwd: ROOT, env: { ...process.env, TZ: "Asia/Ho_Chi_Minh", BENCH_PAYLOAD_OUT: out }, encoding: "utf8", timeout: 900_000 },
    );
    if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`jest bench/payload.bench.ts failed:\n${(r.stderr || "").slice(-2000)}`);
    const p = JSON.parse(fs.readFileSync(out, "utf8"));
    return { maxRequestBytes: p.maxRequestBytes, maxResponseBytes: p.maxResponseBytes, payloadPerCommand: p.perCommand };
  } finally {
    fs.rmSync(out, { force: true });
  }
}

module.exports = { run };

if (require.main === module) {
  run().then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (err) => {
      process.stderr.write(`${err && err.message ? err.message : err}\n`);
      process.exit(1);
    },
  );
}
