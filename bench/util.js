"use strict";
// Small helpers shared by the benchmark scripts.
const path = require("path");

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

module.exports = { ROOT, BUILD, RESULTS, argValue, median, ms };
