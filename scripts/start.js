#!/usr/bin/env node
// `npm start` / `npm run stop`, as in Microsoft's `yo office` templates: on Windows and
// macOS, install the trusted localhost certificate, then office-addin-debugging builds,
// starts the dev server and sideloads manifest.xml into Excel (stop unregisters it and stops
// the server). Elsewhere there is no desktop Excel to sideload into: say so and only serve
// (https://localhost:3000), for Excel on the web (upload manifest.xml there) or a browser.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const action = process.argv[2] === "stop" ? "stop" : "start";
const root = path.resolve(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", cwd: root, shell: process.platform === "win32" }).status ?? 1;

if (process.platform === "win32" || process.platform === "darwin") {
  if (action === "start") {
    const certs = run(bin("office-addin-dev-certs"), ["install"]);
    if (certs !== 0) console.warn("Could not install the localhost certificate; the dev server falls back to its own.");
  }
  process.exit(run(bin("office-addin-debugging"), [action, "manifest.xml"]));
}

if (action === "stop") {
  console.log("No desktop Excel on this machine: nothing was sideloaded. Stop the dev server with Ctrl+C.");
  process.exit(0);
}
console.log(
  "Desktop Excel is available only on Windows and macOS, so nothing is sideloaded here.\n" +
    "Serving the add-in on https://localhost:3000 (upload manifest.xml in Excel on the web: Insert > Add-ins > Upload My Add-in).",
);
process.exit(run(bin("webpack"), ["serve", "--mode", "development"]));
