// Builds dist/so-chuyen-de.html: the pane in file mode as one self-contained HTML file
// (scripts/single-file-plugin.js). Run after webpack.config.js, whose `clean` empties dist/
// (`npm run build` runs both).
"use strict";
const path = require("path");
const { SingleFilePlugin } = require("./scripts/single-file-plugin");
const { resolve, tsRule } = require("./webpack.config.js");

/** Chunks get plain names (no content hash to rewrite after they are inlined); publicPath "" because
 *  an inline script has no address to start from (the chunks are blob: URLs anyway). */
function singleFileConfig(dev) {
  return {
    mode: dev ? "development" : "production",
    devtool: false,
    // The file worker (src/file/worker.ts) is an entry of its own: one script with nothing
    // to load, carried in the page as a string and started from a blob: URL.
    entry: { "so-chuyen-de": "./src/taskpane/standalone.ts", "so-tep-worker": "./src/file/worker.ts" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      publicPath: "",
      clean: false,
    },
    optimization: { realContentHash: false },
    resolve,
    module: {
      rules: [tsRule, { test: /\.css$/, type: "asset/source" }, { test: /\.docx$/, type: "asset/inline" }],
    },
    performance: { hints: false },
    plugins: [
      new SingleFilePlugin({
        entry: "so-chuyen-de",
        worker: "so-tep-worker",
        template: path.resolve(__dirname, "src/taskpane/taskpane.html"),
        filename: "so-chuyen-de.html",
        icon: path.resolve(__dirname, "assets/icon-32.png"),
      }),
    ],
  };
}

module.exports = (env, argv) => singleFileConfig(argv.mode !== "production");
