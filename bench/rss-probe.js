"use strict";
// Loaded with `node --require` by bench/hostile.js: at exit, writes the process's peak
// resident memory (KB, all threads) to $CHUYENDE_RSS_FILE.
const fs = require("fs");
process.on("exit", () => {
  const file = process.env.CHUYENDE_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
