#!/usr/bin/env node
"use strict";
// Compiled by `npm ci` (the prepare script) into build/.
require("../build/cli/main.js").main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write("Lỗi: " + ((err && err.message) || String(err)) + "\n"); process.exitCode = 2; }
);
