// functions.json after custom-functions-metadata has generated it from the JSDoc: adds the
// top-level properties the generator cannot write. `allowErrorForDataTypeAny: true` lets a
// function whose parameter is of type any receive error values (#N/A…) instead of Excel
// answering with the error without calling it; "a top-level property" that "can only be
// used with manually created JSON metadata" (learn.microsoft.com/office/dev/add-ins/excel/
// custom-functions-json#allowerrorfordatatypeany, custom-functions-errors). The webpack
// plugin rewrites the emitted asset, so dist/functions.json is always the completed file;
// test/functions/metadataFlags.test.ts builds it and reads it back.
"use strict";

/** Top-level properties set after generation, in the order the documentation shows them. */
const METADATA_FLAGS = { allowErrorForDataTypeAny: true };

/** The generated JSON text with METADATA_FLAGS first; throws when it is not metadata. */
function withMetadataFlags(json) {
  const metadata = JSON.parse(json);
  if (!metadata || !Array.isArray(metadata.functions)) {
    throw new Error("functions.json has no functions array: the metadata generator failed.");
  }
  const { functions, ...rest } = metadata;
  return JSON.stringify({ ...METADATA_FLAGS, ...rest, functions }, null, 2);
}

/** Rewrites the `asset` (functions.json) that CustomFunctionsMetadataPlugin emitted. */
class FunctionsMetadataFlagsPlugin {
  constructor(options = {}) {
    this.asset = options.asset ?? "functions.json";
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataFlagsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataFlagsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.asset);
          if (!asset) {
            // The generator reported its own errors instead of emitting the file.
            if (compilation.errors.length === 0) compilation.errors.push(new WebpackError(`${this.asset} was not generated.`));
            return;
          }
          try {
            compilation.updateAsset(this.asset, new sources.RawSource(withMetadataFlags(asset.source.source().toString())));
          } catch (err) {
            compilation.errors.push(new WebpackError(String(err instanceof Error ? err.message : err)));
          }
        },
      );
    });
  }
}

module.exports = { METADATA_FLAGS, withMetadataFlags, FunctionsMetadataFlagsPlugin };
