// Running the CLI as another user (nobody) from any clone. Tests that need a folder the test
// user cannot read or write run as root, where permissions do not bind, so they run the
// child as `nobody` instead. `nobody` cannot read a clone in a private folder (mode 700,
// like /root or a fresh `mktemp -d`), so the CLI it runs is then a copy of what the package
// ships — bin/, build/, package.json, the templates and the production dependencies (from
// package-lock.json) — in a temporary folder it can read, removed when the process exits.
// CommonJS so bench/hostile.js (plain Node) and the TypeScript tests share it.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..", "..");
const AS_NOBODY = ["--reuid=nobody", "--regid=nogroup", "--clear-groups"];

/** True when this process runs as root (the only case where a test changes user). */
function runningAsRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** Whether `nobody` can read every one of `files` (and execute `executables`). */
function nobodyCan(files, executables = []) {
  const checks = [...files.map((f) => `test -r "${f}"`), ...executables.map((f) => `test -x "${f}"`)].join(" && ");
  return spawnSync("setpriv", [...AS_NOBODY, "sh", "-c", checks], { stdio: "ignore" }).status === 0;
}

/** The packages `npm ci --omit=dev` would install, as paths under node_modules/. */
function productionPackages() {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
  return Object.entries(lock.packages)
    .filter(([where, p]) => where.startsWith("node_modules/") && !p.dev && !p.devOptional && !p.link)
    .map(([where]) => where)
    .filter((where) => where.split("node_modules/").length === 2); // nested ones come with their parent
}

let copy = null;

/** A folder holding a runnable copy of the CLI that `nobody` can read. */
function readableCopy() {
  if (copy) return copy;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chuyende-nobody-"));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  const parts = ["bin", "build", "package.json", path.join("assets", "templates"), ...productionPackages()];
  for (const part of parts) {
    const from = path.join(ROOT, part);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, part), { recursive: true, dereference: true });
  }
  // mkdtemp makes the folder 700; the copy must be readable by everyone, every level of it.
  const open = (p) => {
    const st = fs.statSync(p);
    fs.chmodSync(p, st.isDirectory() ? 0o755 : st.mode & 0o111 ? 0o755 : 0o644);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) open(path.join(p, e));
  };
  open(dir);
  copy = dir;
  return dir;
}

/** Whether `nobody` can read this clone's CLI and its dependencies where they are. */
let cloneReadable = null;
function nobodyReadsClone() {
  cloneReadable ??= nobodyCan([
    path.join(ROOT, "bin", "chuyende.js"),
    path.join(ROOT, "build", "cli", "main.js"),
    path.join(ROOT, "node_modules", "exceljs", "package.json"),
  ]);
  return cloneReadable;
}

/** `file` (a path in this clone) as a path `nobody` can read: itself, or its place in the copy. */
function readableByNobody(file) {
  if (nobodyReadsClone()) return file;
  const dir = readableCopy();
  const to = path.join(dir, path.relative(ROOT, file));
  if (!fs.existsSync(to)) {
    fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o755 });
    fs.copyFileSync(file, to);
    fs.chmodSync(to, 0o644);
  }
  return to;
}

/** Command, arguments and working folder that run `node <args>` as `nobody` when running as
 *  root, else as this user. Every argument naming a file of this clone (bin/chuyende.js, a
 *  --require'd probe) is swapped for one `nobody` can read. */
function asNobody(args) {
  if (!runningAsRoot()) return { command: process.execPath, args, cwd: ROOT };
  if (!nobodyCan([], [process.execPath])) {
    throw new Error(
      `user nobody cannot run ${process.execPath}: install Node where every user can run it (e.g. the Debian package nodejs)`,
    );
  }
  const inClone = (a) => path.isAbsolute(a) && a.startsWith(ROOT + path.sep) && fs.existsSync(a) && fs.statSync(a).isFile();
  const swapped = args.map((a) => (inClone(a) ? readableByNobody(a) : a));
  return { command: "setpriv", args: [...AS_NOBODY, process.execPath, ...swapped], cwd: os.tmpdir() };
}

module.exports = { asNobody, runningAsRoot };
