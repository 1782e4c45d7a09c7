// The pane's initial script stays small (SPEC §9): walking the static imports from the two
// entry points (dynamic import() and `import type` excluded) never reaches a document or
// spreadsheet library, nor the lazy sections.
import { existsSync, readFileSync } from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const HEAVY = ["docxtemplater", "pizzip", "exceljs", "docx", "@xmldom/xmldom", "lodash"];

function staticImports(file: string): string[] {
  const src = readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/gm)) {
    if (m[2]) continue; // import type / export type: erased
    out.push(m[4]);
  }
  for (const m of src.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) out.push(m[1]);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [`${base}.ts`, path.join(base, "index.ts")]) if (existsSync(f)) return f;
  return null;
}

function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    for (const spec of staticImports(f)) {
      const local = resolveLocal(f, spec);
      if (local) todo.push(local);
      else if (!spec.startsWith(".")) packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
    }
  }
  return { files, packages };
}

test.each(["src/taskpane/taskpane.ts", "src/functions/functions.ts"])("%s reaches no heavy library statically", (entry) => {
  const { files, packages } = reachable(path.join(root, entry));
  expect(files.size).toBeGreaterThan(2);
  for (const p of HEAVY) expect([...packages]).not.toContain(p);
  const rel = [...files].map((f) => path.relative(root, f));
  for (const lazy of [
    "src/taskpane/sections/documents.ts",
    "src/taskpane/sections/report.ts",
    "src/taskpane/sections/consolidate.ts",
    "src/documents/fill.ts",
    "src/core/make/report.ts",
    "src/core/make/consolidate.ts",
  ]) {
    expect(rel).not.toContain(lazy);
  }
});

test("the three further sections are loaded with import()", () => {
  const app = readFileSync(path.join(root, "src/taskpane/app.ts"), "utf8");
  for (const s of ["documents", "report", "consolidate"]) expect(app).toMatch(new RegExp(`import\\([^)]*"\\./sections/${s}"\\)`));
  // And the walker does see a heavy import where there is one.
  expect(reachable(path.join(root, "src/taskpane/logic/documents.ts")).packages.has("docxtemplater")).toBe(true);
});

test("the pane's lazy sections reach no Node-only code (src/cli, Node built-ins)", () => {
  const { builtinModules } = require("module") as typeof import("module");
  const node = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  // The sections and what they load with import() (in the page, the file worker runs it).
  const entries = ["consolidate", "documents", "report"].flatMap((s) => [`src/taskpane/sections/${s}.ts`, `src/taskpane/logic/${s}.ts`]);
  for (const entry of [...entries, "src/taskpane/logic/reportWord.ts", "src/file/worker.ts"]) {
    const { files, packages } = reachable(path.join(root, entry));
    const rel = [...files].map((f) => path.relative(root, f).split(path.sep).join("/"));
    expect(rel.filter((f) => f.startsWith("src/cli/"))).toEqual([]);
    expect([...packages].filter((p) => node.has(p))).toEqual([]);
  }
  // Tổng hợp opens files with the reader the CLI uses (same reasons for unusable files),
  // and that reader touches no Buffer and no bare `process` (undefined in a browser).
  const consolidate = reachable(path.join(root, "src/taskpane/logic/consolidate.ts")).files;
  const consolidateRel = [...consolidate].map((f) => path.relative(root, f).split(path.sep).join("/"));
  expect(consolidateRel).toContain("src/xlsx/read.ts");
  // No exceljs for reading: Tổng hợp's chunk only reads.
  expect(consolidateRel).not.toContain("src/xlsx/load.ts");
  const reader = consolidateRel.filter((f) => f.startsWith("src/xlsx/"));
  for (const f of [...reader, "src/xlsx/load.ts", "src/xlsx/grid.ts", "src/xlsx/index.ts"]) {
    const code = readFileSync(path.join(root, f), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/\bBuffer\b/);
    expect(code).not.toMatch(/(?<![.\w])process\./);
  }
});
