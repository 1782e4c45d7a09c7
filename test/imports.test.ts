// No import cycles in src/ (issue 13): a cycle makes module load order decide what a
// module sees (undefined exports at load time) and ties layers that should only flow one
// way (read → check → make → adapters). Every import counts, `import type` and import()
// too, so a cycle cannot hide behind either.
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import * as ts from "typescript";

const root = path.resolve(__dirname, "..");
const src = path.join(root, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(f);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [f] : [];
  });
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return null;
}

/** Local files each file imports (static, type-only, re-exports and import()). */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const info = ts.preProcessFile(readFileSync(f, "utf8"), true, true);
    const deps = info.importedFiles.map((i) => resolveLocal(f, i.fileName)).filter((d): d is string => d !== null);
    graph.set(f, [...new Set(deps)]);
  }
  return graph;
}

/** Every strongly connected group of more than one file (or a file importing itself),
 *  each as one cycle through it, repository-relative (Tarjan's algorithm). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(group.map(rel).sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

test("no file in src/ takes part in an import cycle", () => {
  const graph = importGraph(sourceFiles(src));
  expect(graph.size).toBeGreaterThan(50);
  expect(cycles(graph)).toEqual([]);
});

test("the cycle finder sees a cycle, also one closed by an import type or import()", () => {
  const a = path.join(src, "a.ts");
  const b = path.join(src, "b.ts");
  const c = path.join(src, "c.ts");
  expect(
    cycles(
      new Map([
        [a, [b]],
        [b, [a]],
        [c, [a]],
      ]),
    ),
  ).toEqual([["src/a.ts", "src/b.ts"]]);
  expect(cycles(new Map([[a, [a]]]))).toEqual([["src/a.ts"]]);
  expect(
    cycles(
      new Map([
        [a, [b]],
        [b, [c]],
        [c, []],
      ]),
    ),
  ).toEqual([]);
  const seen = ts.preProcessFile('import type { X } from "./x";\nconst y = () => import("./y");\nexport * from "./z";', true, true);
  expect(seen.importedFiles.map((i) => i.fileName)).toEqual(["./x", "./y", "./z"]);
});

/** What each folder of src/core may import: its own files and the stages before it. */
const STAGE_IMPORTS: Record<string, readonly string[]> = {
  shared: ["shared"],
  read: ["read", "shared"],
  check: ["check", "rules", "read", "shared"],
  rules: ["rules", "check", "read", "shared"],
  make: ["make", "check", "rules", "read", "shared"],
  // The year plan (issue 16) builds on everything before it.
  plan: ["plan", "make", "check", "rules", "read", "shared"],
};

test("src/core imports follow the stages (shared → read → check → make) and nothing outside core", () => {
  const core = path.join(src, "core");
  const stageOf = (f: string) => path.relative(core, f).split(path.sep)[0];
  const wrong: string[] = [];
  for (const [file, deps] of importGraph(sourceFiles(core))) {
    const allowed = STAGE_IMPORTS[stageOf(file)];
    for (const d of deps) {
      const inCore = !path.relative(core, d).startsWith("..");
      if (!allowed || !inCore || !allowed.includes(stageOf(d))) wrong.push(`${path.relative(root, file)} → ${path.relative(root, d)}`);
    }
  }
  expect(wrong).toEqual([]);
});
