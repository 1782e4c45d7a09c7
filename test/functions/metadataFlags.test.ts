// The build step after the metadata generator (scripts/functions-metadata.js): functions.json
// as webpack emits it carries allowErrorForDataTypeAny: true at the top level ("a top-level
// property", learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json), so Excel
// passes error cells to the functions instead of answering #N/A for them.
import { mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withMetadataFlags, FunctionsMetadataFlagsPlugin } = require("../../scripts/functions-metadata");
const root = path.resolve(__dirname, "..", "..");

interface Plugin {
  constructor: { name: string };
}

test("the build runs the step right after the generator, on its functions.json", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js")({}, { mode: "production" });
  const names = (config.plugins as Plugin[]).map((p) => p.constructor.name);
  const at = names.indexOf("CustomFunctionsMetadataPlugin");
  expect(at).toBeGreaterThanOrEqual(0);
  expect(names[at + 1]).toBe("FunctionsMetadataFlagsPlugin");
  expect(config.plugins[at + 1].asset).toBe(config.plugins[at].options.output);
});

test("the flag is set at the top level and the functions are left as generated", () => {
  const generated = JSON.stringify({ functions: [{ id: "QUY", name: "QUY", parameters: [] }] });
  const out = JSON.parse(withMetadataFlags(generated));
  expect(Object.keys(out)).toEqual(["allowErrorForDataTypeAny", "functions"]);
  expect(out.allowErrorForDataTypeAny).toBe(true);
  expect(out.functions).toEqual(JSON.parse(generated).functions);
  expect(() => withMetadataFlags("{}")).toThrow(/no functions array/);
});

test("webpack emits functions.json with allowErrorForDataTypeAny: true and every function", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js")({}, { mode: "production" });
  const plugins = (config.plugins as Plugin[]).filter((p) =>
    ["CustomFunctionsMetadataPlugin", "FunctionsMetadataFlagsPlugin"].includes(p.constructor.name),
  );
  expect(plugins[1]).toBeInstanceOf(FunctionsMetadataFlagsPlugin);
  const out = mkdtempSync(path.join(os.tmpdir(), "functions-json-"));
  try {
    // Only the metadata: an empty entry, the two plugins of the real configuration.
    const compiler = webpack({
      mode: "production",
      context: root,
      entry: { empty: path.join(root, "scripts", "functions-metadata.js") },
      output: { path: out, filename: "[name].js" },
      target: "node",
      plugins: plugins as unknown as webpack.WebpackPluginInstance[],
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      compiler.run((err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))),
    );
    await new Promise<void>((resolve) => compiler.close(() => resolve()));
    expect(stats.hasErrors() ? stats.toString({ all: false, errors: true }) : "").toBe("");
    const json = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8"));
    expect(json.allowErrorForDataTypeAny).toBe(true);
    expect(json.functions.map((f: { id: string }) => f.id)).toEqual(["KIEMTRA", "QUY", "DEMQUY", "PHANCONG", "NGAYVN"]);
    // KIEMTRA and DEMQUY follow today: DEMQUY is volatile; KIEMTRA streams (a streaming
    // function cannot be volatile) and sets a new result each day.
    const fn = (id: string): { options?: Record<string, boolean> } => json.functions.find((f: { id: string }) => f.id === id);
    expect(fn("DEMQUY").options?.volatile).toBe(true);
    expect(fn("KIEMTRA").options?.stream).toBe(true);
    expect(fn("KIEMTRA").options?.volatile).toBeUndefined();
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120000);
