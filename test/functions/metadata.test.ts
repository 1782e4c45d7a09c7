// functions.json as the build generates it from the JSDoc of src/functions/functions.ts
// (custom-functions-metadata, the generator behind the webpack plugin).
import { execFileSync } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const source = path.join(root, "src", "functions", "functions.ts");

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

let generated: { metadata: { functions: Fn[] }; errors: string[]; loaded: string[]; associate: { id: string; functionName: string }[] };

beforeAll(() => {
  // A separate Node process, so that we can also see which modules generating loads.
  const script = `
    const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
    generateCustomFunctionsMetadata([${JSON.stringify(source)}], false).then((r) => {
      process.stdout.write(JSON.stringify({
        metadata: JSON.parse(r.metadataJson || "{}"),
        errors: r.errors,
        associate: r.associate,
        loaded: Object.keys(require.cache),
      }));
    });`;
  generated = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" }));
}, 60000);

const fn = (id: string): Fn => {
  const f = generated.metadata.functions.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id}`);
  return f;
};

const VIETNAMESE = /[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i;

test("generates without errors, one associate per function", () => {
  expect(generated.errors).toEqual([]);
  expect(generated.metadata.functions.map((f) => f.id)).toEqual(["KIEMTRA", "QUY", "DEMQUY", "PHANCONG", "NGAYVN"]);
  expect(generated.associate.map((a) => a.id)).toEqual(["KIEMTRA", "QUY", "DEMQUY", "PHANCONG", "NGAYVN"]);
});

test("names are the ids of SPEC §5 (ASCII), help text is Vietnamese", () => {
  for (const f of generated.metadata.functions) {
    expect(f.name).toBe(f.id);
    expect(f.id).toMatch(/^[A-Z]+$/);
    expect(f.description).toMatch(VIETNAMESE);
    for (const p of f.parameters) expect(p.description ?? "").toMatch(VIETNAMESE);
  }
});

test("KIEMTRA([soChuyenDe], [nam], [ngayKiemTra]) spills a matrix and streams", () => {
  const f = fn("KIEMTRA");
  expect(f.parameters.map((p) => [p.name, p.optional ?? false, p.dimensionality ?? "scalar"])).toEqual([
    ["soChuyenDe", true, "matrix"],
    ["nam", true, "scalar"],
    ["ngayKiemTra", true, "scalar"],
  ]);
  expect(f.result.dimensionality).toBe("matrix");
  expect(f.options?.stream).toBe(true);
});

test("QUY(ngay) and NGAYVN(ngay) take one required value", () => {
  expect(fn("QUY").parameters.map((p) => [p.name, p.optional ?? false])).toEqual([["ngay", false]]);
  expect(fn("QUY").result).toEqual({ type: "number" });
  expect(fn("NGAYVN").parameters.map((p) => [p.name, p.optional ?? false])).toEqual([["ngay", false]]);
  expect(fn("NGAYVN").result).toEqual({ type: "string" });
});

test("DEMQUY(soChuyenDe, quy, [nam]) and PHANCONG(soChuyenDe, [dangVien])", () => {
  expect(fn("DEMQUY").parameters.map((p) => [p.name, p.optional ?? false, p.dimensionality ?? "scalar"])).toEqual([
    ["soChuyenDe", false, "matrix"],
    ["quy", false, "scalar"],
    ["nam", true, "scalar"],
  ]);
  expect(fn("DEMQUY").result.type).toBe("number");
  expect(fn("PHANCONG").parameters.map((p) => [p.name, p.optional ?? false, p.dimensionality ?? "scalar"])).toEqual([
    ["soChuyenDe", false, "matrix"],
    ["dangVien", true, "matrix"],
  ]);
  expect(fn("PHANCONG").result.dimensionality).toBe("matrix");
});

test("generating the metadata loads no usage-data (telemetry) module", () => {
  expect(generated.loaded.some((m) => m.includes("office-addin-usage-data"))).toBe(false);
  expect(generated.loaded.some((m) => m.includes("custom-functions-metadata"))).toBe(true);
});

test("the build uses this generator on this file", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js")({}, { mode: "production" });
  const plugin = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CustomFunctionsMetadataPlugin");
  expect(plugin.options).toEqual({ output: "functions.json", input: "./src/functions/functions.ts" });
});
