#!/usr/bin/env node
"use strict";
// Payload of the task-pane commands on the Excel stand-in: the largest request and response
// (measured: the JSON of the request and response messages, test/support/officeWire.ts) of
// any command at 5,000 topics and 50,000 attendance rows, against Excel on the web's 5 MB
// limit (aim: half). Runs bench/payload.bench.ts through jest.
//   maxRequestBytes, maxResponseBytes, payloadPerCommand ({request, response, syncs} each).
// Usage: node bench/payload.js   (bench/run.js calls run()).
const { jestBenchPart, printWhenMain } = require("./util");

const run = jestBenchPart("payload.bench.ts", "BENCH_PAYLOAD_OUT", 900_000, (p) => ({
  maxRequestBytes: p.maxRequestBytes,
  maxResponseBytes: p.maxResponseBytes,
  payloadPerCommand: p.perCommand,
}));

module.exports = { run };
printWhenMain(module, run);
