// functions.json as the build makes it: generated from the JSDoc of src/functions/functions.ts
// by custom-functions-metadata (the generator behind the webpack plugin), then completed by
// scripts/functions-metadata.js — plus the id → exported function list of its associate calls.
import { execFileSync } from "child_process";
import * as path from "path";
import { createCustomFunctionsGlobal, type FunctionsJson } from "./customFunctionsStandIn";

const root = path.resolve(__dirname, "..", "..");

export interface BuiltFunctions {
  /** What dist/functions.json holds. */
  metadata: FunctionsJson;
  /** As generated, before the build step (no allowErrorForDataTypeAny). */
  generated: FunctionsJson;
  /** id → name of the function in functions.ts (the appended CustomFunctions.associate calls). */
  associate: { id: string; functionName: string }[];
}

export function buildFunctionsJson(): BuiltFunctions {
  const source = path.join(root, "src", "functions", "functions.ts");
  const script = `
    const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
    generateCustomFunctionsMetadata([${JSON.stringify(source)}], false).then((r) => {
      process.stdout.write(JSON.stringify({ json: r.metadataJson, errors: r.errors, associate: r.associate }));
    });`;
  const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" }));
  if (out.errors.length) throw new Error(out.errors.join("\n"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { withMetadataFlags } = require("../../scripts/functions-metadata");
  return {
    metadata: JSON.parse(withMetadataFlags(out.json)),
    generated: JSON.parse(out.json),
    associate: out.associate,
  };
}

/** The functions as Excel knows them: id → the function functions.ts associates with it.
 *  Installs a CustomFunctions global first (functions.ts reads it when it builds errors);
 *  `fresh` loads the module anew, as a new add-in runtime would. */
export async function associatedFunctions(built: BuiltFunctions, fresh = false): Promise<Record<string, (...args: never[]) => unknown>> {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = createCustomFunctionsGlobal();
  if (fresh) jest.resetModules();
  const fns = (await import("../../src/functions/functions")) as unknown as Record<string, (...args: never[]) => unknown>;
  return Object.fromEntries(built.associate.map((a) => [a.id, fns[a.functionName]]));
}
