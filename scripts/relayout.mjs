#!/usr/bin/env node
// Moves src/core into stage folders (issue 13, Build 5) and rewrites every relative import
// that resolves to a moved file, in src/, test/, bench/ and scripts/. Safe to re-run, e.g.
// after merging a branch that still imports the old paths: files already moved are left
// where they are, and only imports that no longer resolve (or name an old path) change.
//   node scripts/relayout.mjs            move and rewrite
//   node scripts/relayout.mjs --dry-run  print what would change
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DRY = process.argv.includes("--dry-run");

/** old → new, repository-relative. */
export const MOVES = {
  // shared: what every stage uses
  "src/core/types.ts": "src/core/shared/types.ts",
  "src/core/text.ts": "src/core/shared/text.ts",
  // read: from a workbook grid to a ParsedWorkbook
  "src/core/values.ts": "src/core/read/values.ts",
  "src/core/dates.ts": "src/core/read/dates.ts",
  "src/core/columns.ts": "src/core/read/columns.ts",
  "src/core/layout.ts": "src/core/read/layout.ts",
  "src/core/register.ts": "src/core/read/register.ts",
  // check: facts, the rule run and the quarter summary (src/core/rules/ stays)
  "src/core/facts.ts": "src/core/check/facts.ts",
  "src/core/check.ts": "src/core/check/check.ts",
  // make: what the tool produces
  "src/core/sheetModel.ts": "src/core/make/sheetModel.ts",
  "src/core/canonical.ts": "src/core/make/canonical.ts",
  "src/core/convert.ts": "src/core/make/convert.ts",
  "src/core/report.ts": "src/core/make/report.ts",
  "src/core/reportSheets.ts": "src/core/make/reportSheets.ts",
  "src/core/documentData.ts": "src/core/make/documentData.ts",
  "src/core/partyHeader.ts": "src/core/make/partyHeader.ts",
  "src/core/consolidate.ts": "src/core/make/consolidate.ts",
  "src/core/sample.ts": "src/core/make/sample.ts",
  "src/core/upcoming.ts": "src/core/make/upcoming.ts",
  "src/core/stats.ts": "src/core/make/stats.ts",
  // tests mirror the folders (test/core/rules and test/core/audit stay)
  "test/core/values.test.ts": "test/core/read/values.test.ts",
  "test/core/values.property.test.ts": "test/core/read/values.property.test.ts",
  "test/core/dates.test.ts": "test/core/read/dates.test.ts",
  "test/core/register.test.ts": "test/core/read/register.test.ts",
  "test/core/check.test.ts": "test/core/check/check.test.ts",
  "test/core/convert.test.ts": "test/core/make/convert.test.ts",
  "test/core/report.test.ts": "test/core/make/report.test.ts",
  "test/core/documentData.test.ts": "test/core/make/documentData.test.ts",
  "test/core/consolidate.test.ts": "test/core/make/consolidate.test.ts",
  "test/core/upcoming.test.ts": "test/core/make/upcoming.test.ts",
  "test/core/stats.test.ts": "test/core/make/stats.test.ts",
};

const abs = (p) => path.join(ROOT, p);
const rel = (p) => path.relative(ROOT, p).split(path.sep).join("/");
const OLD = new Map(Object.entries(MOVES).map(([o, n]) => [abs(o), abs(n)]));
const BACK = new Map([...OLD].map(([o, n]) => [n, o]));

function git(...args) {
  if (DRY) console.log("git", args.join(" "));
  else execFileSync("git", args, { cwd: ROOT, stdio: "inherit" });
}

// 1. The moves (skipped when already done).
for (const [o, n] of OLD) {
  if (existsSync(o) && !existsSync(n)) {
    if (!DRY) mkdirSync(path.dirname(n), { recursive: true });
    git("mv", rel(o), rel(n));
  } else if (existsSync(o) && existsSync(n)) console.warn(`both ${rel(o)} and ${rel(n)} exist: merge them by hand`);
}

// 2. The imports.
const EXTS = ["", ".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", "/index.ts", "/index.js"];
const isFile = (f) => existsSync(f) && statSync(f).isFile();
/** The file a specifier names from `dir`: an existing file, or a moved file by its old name. */
function target(dir, spec) {
  const base = path.resolve(dir, spec);
  for (const e of EXTS) if (OLD.has(base + e) && !isFile(base + e)) return { file: OLD.get(base + e), ext: e };
  for (const e of EXTS) if (isFile(base + e)) return { file: base + e, ext: e };
  return null;
}

function newSpec(fromFile, oldSpec, t) {
  let to = t.file;
  // Keep the specifier's own style: no extension when it had none, /index when it said so.
  if (t.ext === "/index.ts" || t.ext === "/index.js") to = path.dirname(to);
  else if (t.ext && to.endsWith(t.ext)) to = to.slice(0, -t.ext.length);
  let s = path.relative(path.dirname(fromFile), to).split(path.sep).join("/");
  if (!s.startsWith(".")) s = "./" + s;
  return s === oldSpec ? oldSpec : s;
}

// import … from "x", export … from "x", import "x", import("x"), require("x"), jest.mock("x")
const SPEC =
  /(\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?|\brequire\s*\(\s*|\bjest\.(?:mock|doMock|unmock|requireActual)\s*\(\s*)(["'])(\.{1,2}\/[^"'\n]*|\.{1,2})\2/gm;

function rewriteImports(file, text) {
  const here = path.dirname(file);
  const was = path.dirname(BACK.get(file) ?? file);
  return text.replace(SPEC, (all, lead, q, spec) => {
    // What it means from where the file is now; else what it meant where it was written.
    const t = target(here, spec) ?? (was !== here ? target(was, spec) : null);
    if (!t) return all;
    const s = newSpec(file, spec, t);
    return s === spec ? all : `${lead}${q}${s}${q}`;
  });
}

// Repository paths named in strings and comments ("src/core/report.ts"), and the compiled
// paths the benchmarks require (path.join(BUILD, "core", "sample.js")).
const byLength = Object.entries(MOVES).sort((a, b) => b[0].length - a[0].length);
function rewritePaths(text) {
  let out = text;
  for (const [o, n] of byLength) {
    out = out.replace(new RegExp(`(?<![\\w/.-])${o.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w])`, "g"), n);
    if (o.startsWith("src/core/")) {
      const oldParts = o.slice("src/".length, -3).split("/");
      const newParts = n.slice("src/".length, -3).split("/");
      const quoted = (parts) =>
        parts
          .slice(0, -1)
          .map((p) => `"${p}", `)
          .join("") + `"${parts.at(-1)}.js"`;
      out = out.split(quoted(oldParts)).join(quoted(newParts));
    }
  }
  return out;
}

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const f = path.join(dir, e.name);
    if (e.isDirectory()) walk(f, out);
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(e.name)) out.push(f);
  }
  return out;
}

const files = ["src", "test", "bench", "scripts"].flatMap((d) => walk(abs(d)));
const docs = ["README.md"].map(abs).filter(isFile);
let changed = 0;
for (const f of [...files, ...docs]) {
  if (f === fileURLToPath(import.meta.url)) continue;
  const text = readFileSync(f, "utf8");
  const next = rewritePaths(f.endsWith(".md") ? text : rewriteImports(f, text));
  if (next === text) continue;
  changed++;
  if (DRY) console.log("rewrite", rel(f));
  else writeFileSync(f, next);
}
console.log(`${changed} file(s) ${DRY ? "would be " : ""}rewritten`);
