"use strict";
// Loaded with `node --require` by bench/hostile.js: at exit, writes the process's peak
// resident memory (KB, all threads) and CPU time (µs, user + system) to $CHUYENDE_RSS_FILE.
const fs = require("fs");
process.on("exit", () => {
  const file = process.env.CHUYENDE_RSS_FILE;
  const u = process.resourceUsage();
  if (file) fs.writeFileSync(file, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`);
});
