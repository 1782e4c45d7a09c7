#!/usr/bin/env node
"use strict";
// Compiled by `npm ci` (the prepare script) into build/.
// Ctrl+C or a closed window: the temporary files of a write in progress are removed.
require("../build/cli/io.js").hookSignals();
require("../build/cli/main.js")
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.stderr.write("Lỗi: lỗi không mong đợi của chương trình — hãy chạy lại.\n");
      process.exitCode = 2;
    },
  );
