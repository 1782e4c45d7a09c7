"use strict";
// Small helpers shared by the benchmark scripts.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const BUILD = path.join(ROOT, "build");
const RESULTS = path.join(__dirname, "results.json");

/** The value after `--name` on the command line, or `fallback`. */
function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds since a process.hrtime.bigint() reading. */
function ms(t0) {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Runs one bench/*.bench.ts through jest (ts-jest compiles it against the stand-in); the
 *  bench writes its JSON to the file named by the environment variable `outVar`, which is
 *  read, removed and returned. */
function runJestBench(file, outVar, timeout) {
  const out = path.join(os.tmpdir(), `chuyende-${path.basename(file, ".bench.ts")}-${process.pid}.json`);
  try {
    const jest = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");
    const r = spawnSync(
      process.execPath,
      [jest, "--rootDir", ROOT, "--roots", "<rootDir>/bench", "--testMatch", `**/${file}`, "--silent"],
      {
        cwd: ROOT,
        env: { ...process.env, TZ: "Asia/Ho_Chi_Minh", [outVar]: out },
        encoding: "utf8",
        timeout,
      },
    );
    if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`jest bench/${file} failed:\n${(r.stderr || "").slice(-2000)}`);
    return JSON.parse(fs.readFileSync(out, "utf8"));
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/** A bench part that is one bench/*.bench.ts run through jest: `run()` resolves to the keys
 *  `pick` takes from the JSON the bench wrote (for bench/run.js). */
function jestBenchPart(file, outVar, timeout, pick) {
  return async () => pick(runJestBench(file, outVar, timeout));
}

/** Run as `node bench/<part>.js`: prints the part's keys as JSON (run.js records them). */
function printWhenMain(mod, run) {
  if (require.main !== mod) return;
  run().then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (err) => {
      process.stderr.write(`${err && err.message ? err.message : err}\n`);
      process.exit(1);
    },
  );
}

module.exports = { ROOT, BUILD, RESULTS, argValue, median, ms, runJestBench, jestBenchPart, printWhenMain };
