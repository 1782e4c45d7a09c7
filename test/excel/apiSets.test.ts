// Every Office.js member used in src/ against the requirement sets manifest.xml declares: a
// member above them must be guarded by a check of its set (rules in test/support/apiSets.ts),
// or Office would offer the add-in in an Excel where the call then fails ("Specify Office
// hosts and API requirements", learn.microsoft.com/office/dev/add-ins/develop/
// specify-office-hosts-and-api-requirements). The sets of the members come from the
// [Api set: …] annotations of @types/office-js and @types/custom-functions-runtime.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { manifestSets, officeMembers, officeProgram, setsOfComment, violations, type MemberUse } from "../support/apiSets";

const root = path.resolve(__dirname, "..", "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

let uses: MemberUse[];
let casts: string[];

beforeAll(() => {
  const files = sources(path.join(root, "src"));
  ({ uses, casts } = officeMembers(officeProgram(root, files), files));
}, 120000);

test("the annotations are read as the .d.ts writes them", () => {
  expect(setsOfComment("/** …\n * @remarks\n * [Api set: ExcelApi 1.13]\n */")).toEqual([{ set: "ExcelApi", version: "1.13" }]);
  expect(setsOfComment("[Api set: ExcelApi 1.1 for get, 1.8 for set]")).toEqual([{ set: "ExcelApi", version: "1.8" }]);
  expect(setsOfComment("**Requirement set**: {@link https://learn.microsoft.com/x | OpenBrowserWindowApi 1.1}")).toEqual([
    { set: "OpenBrowserWindowApi", version: "1.1" },
  ]);
});

test("the walk finds the members the adapter and the functions depend on, with their sets", () => {
  const setOf = (member: string): string[] => [...new Set(uses.filter((u) => u.member === member).map((u) => `${u.set} ${u.version}`))];
  expect(setOf("Excel.Range.getMergedAreasOrNullObject")).toEqual(["ExcelApi 1.13"]);
  expect(setOf("CustomFunctions.Error")).toEqual(["CustomFunctionsRuntime 1.2"]);
  expect(setOf("CustomFunctions.Invocation.parameterAddresses")).toEqual(["CustomFunctionsRuntime 1.3"]);
  expect(setOf("Excel.WorksheetCollection.onNameChanged")).toEqual(["ExcelApi 1.17"]);
  expect(setOf("Excel.RunOptions.delayForCellEdit")).toEqual(["ExcelApi 1.11"]);
  expect(setOf("Office.UI.openBrowserWindow")).toEqual(["OpenBrowserWindowApi 1.1"]);
  expect(setOf("Excel.Workbook.protection")).toEqual(["ExcelApi 1.7"]);
});

test("every member above the manifest's sets is guarded", () => {
  const declared = manifestSets(readFileSync(path.join(root, "manifest.xml"), "utf8"));
  expect(violations(uses, declared)).toEqual([]);
  // The guarded ones, for the record: each needs more than the manifest promises.
  const guarded = uses.filter((u) => u.guarded).map((u) => `${u.member} (${u.set} ${u.version})`);
  expect([...new Set(guarded)].sort()).toEqual([
    "Excel.WorksheetCollection.onNameChanged (ExcelApi 1.17)",
    "Office.UI.openBrowserWindow (OpenBrowserWindowApi 1.1)",
  ]);
});

test("no Office.js object is cast to a type of our own (its members would escape this test)", () => {
  expect(casts).toEqual([]);
});

describe("the check can fail", () => {
  // Small programs, one file each, checked in one TypeScript program (the Office.js types are large).
  const EXCEL_1_9 = [{ set: "ExcelApi", version: "1.9" }];
  const CASES: Record<string, { code: string; declared?: { set: string; version: string }[] }> = {
    unguarded: { code: "export function f(r: Excel.Range) { r.getMergedAreasOrNullObject(); }" },
    guarded: { code: 'export function f(r: Excel.Range) { if (setSupported("ExcelApi", "1.13")) r.getMergedAreasOrNullObject(); }' },
    newerInTernary: {
      code: 'export function f(r: Excel.Range) { return setSupported("ExcelApi", "1.14") ? r.getMergedAreasOrNullObject() : null; }',
    },
    earlyExit: {
      code: 'export function f(r: Excel.Range) { if (!r || !Office.context.requirements.isSetSupported("ExcelApi", "1.13")) return; r.getMergedAreasOrNullObject(); }',
    },
    olderGuard: { code: 'export function f(r: Excel.Range) { if (setSupported("ExcelApi", "1.12")) r.getMergedAreasOrNullObject(); }' },
    negatedGuard: { code: 'export function f(r: Excel.Range) { if (!setSupported("ExcelApi", "1.13")) r.getMergedAreasOrNullObject(); }' },
    guardElsewhere: {
      code: 'const ok = () => setSupported("ExcelApi", "1.13");\nexport function f(r: Excel.Range) { if (ok()) r.getMergedAreasOrNullObject(); }',
    },
    declared: {
      code: "export function f(r: Excel.Range) { r.getMergedAreasOrNullObject(); }",
      declared: [{ set: "ExcelApi", version: "1.13" }],
    },
    parameterVersion: {
      code: "export function f(t: Excel.Table) { t.rows.add(undefined, [[1]]); t.rows.add(undefined, [[1]], true); }",
      declared: [{ set: "ExcelApi", version: "1.13" }],
    },
    customFunctions: {
      code: 'export const e = () => new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "x");',
      declared: [{ set: "CustomFunctionsRuntime", version: "1.1" }],
    },
    cast: {
      code: "export const f = (i: CustomFunctions.Invocation) => (i as unknown as { parameterAddresses?: string[] }).parameterAddresses;",
    },
  };
  let found: Record<string, string[]>;

  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "api-sets-"));
    try {
      const files = Object.keys(CASES).map((name) => {
        const file = path.join(dir, `${name}.ts`);
        writeFileSync(file, `declare function setSupported(name: string, version: string): boolean;\n${CASES[name].code}\n`);
        return file;
      });
      const program = officeProgram(root, files);
      found = {};
      for (const [i, name] of Object.keys(CASES).entries()) {
        const got = officeMembers(program, [files[i]]);
        found[name] = [
          ...violations(got.uses, CASES[name].declared ?? EXCEL_1_9).map((v) => v.replace(/^.*?:\d+ /, "")),
          ...got.casts.map(() => "cast"),
        ];
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);

  test("an unguarded call above the manifest is reported; a guard of its set (or a newer one) silences it", () => {
    expect(found.unguarded).toEqual(["Excel.Range.getMergedAreasOrNullObject (ExcelApi 1.13)"]);
    expect(found.guarded).toEqual([]);
    expect(found.newerInTernary).toEqual([]);
    expect(found.earlyExit).toEqual([]);
    expect(found.declared).toEqual([]);
  });

  test("a guard of an older version, a negated one, or one in another function does not count", () => {
    expect(found.olderGuard).toHaveLength(1);
    expect(found.negatedGuard).toHaveLength(1);
    expect(found.guardElsewhere).toHaveLength(1);
  });

  test("a version given for one parameter counts only when the call passes it", () => {
    expect(found.parameterVersion).toEqual(["Excel.TableRowCollection.add (ExcelApi 1.15)"]);
  });

  test("custom functions: CustomFunctions.Error is CustomFunctionsRuntime 1.2; a cast of an Office object is reported", () => {
    expect(found.customFunctions).toEqual([
      "CustomFunctions.Error (CustomFunctionsRuntime 1.2)",
      "CustomFunctions.ErrorCode.invalidValue (CustomFunctionsRuntime 1.3)",
    ]);
    expect(found.cast).toEqual(["cast"]);
  });
});
