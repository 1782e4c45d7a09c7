#!/usr/bin/env node
"use strict";
// Engine timings (issue 23): the single page in Chromium, Firefox ESR and WebKitGTK side by
// side in one run — open and check of the sample register and of the 5,000-topic register,
// and the page's longest main-thread task meanwhile. Runs bench/engines.bench.ts through
// jest; needs dist/ (npm run build) and the Debian browsers.
//   engineTimings: {engine: {sample: {openMs, checkMs, longestTaskMs, probe}, large: {…},
//     papers: {papersMs, longestTaskMs, probe}}} — papers: Tài liệu, Báo cáo quý, Tổng hợp
//     on the 5,000-topic register,
//   engineTopics, engineAttendanceRows.
// Usage: node bench/engines.js   (bench/run.js calls run()).
const { jestBenchPart, printWhenMain } = require("./util");

const run = jestBenchPart("engines.bench.ts", "BENCH_ENGINES_OUT", 1_800_000, (r) => ({
  engineTimings: r.engines,
  engineTopics: r.topics,
  engineAttendanceRows: r.attendanceRows,
}));

module.exports = { run };
printWhenMain(module, run);
