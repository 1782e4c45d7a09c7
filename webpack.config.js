// Builds the add-in into dist/: taskpane.html (the shared-runtime page, which also loads
// functions.js), functions.json (generated from the JSDoc of src/functions/functions.ts, then
// completed by scripts/functions-metadata.js), manifest.xml (URLs moved to ADDIN_URL), icons and templates. `npm run build` then runs
// webpack.single.config.js for so-chuyen-de.html (the pane in file mode, one HTML file).
//   npm run build            production build for https://localhost:3000
//   ADDIN_URL=https://… npm run build   production build for that server
//   npm start                https dev server on localhost:3000
"use strict";
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { resolveBaseUrl, rewriteManifest } = require("./scripts/addin-url");
const { FunctionsMetadataFlagsPlugin } = require("./scripts/functions-metadata");

// No telemetry: the metadata plugin only parses the source file. Its dependency
// office-addin-usage-data (2.x: reporting removed, every call a no-op) is required only by
// the custom-functions-metadata CLI, never on this path; test/functions/metadata.test.ts
// checks that generating the metadata does not load it.

// Tổng hợp reads .xlsx files in the pane with exceljs's browser build, through the loader
// the CLI uses (src/xlsx: no Node APIs, so no fs/path fallbacks are needed).
const resolve = {
  extensions: [".ts", ".js"],
  alias: {
    exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js"),
    // docxtemplater's inspect module uses only lodash's merge and cloneDeep.
    lodash$: path.resolve(__dirname, "src/documents/lodash-inspect.js"),
  },
};
const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { configFile: "tsconfig.json", onlyCompileBundledFiles: true } },
};

// The trusted localhost certificate that office-addin-dev-certs installs (`npm start` on
// Windows/macOS, or `npx office-addin-dev-certs install`); Excel's webview rejects
// webpack-dev-server's own self-signed one, which stays the fallback (a browser can accept it).
function devServerHttps() {
  const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const fs = require("fs");
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return "https";
  const options = {};
  for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
  return { type: "https", options };
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = resolveBaseUrl(process.env);
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      // functions first: in the shared runtime the pane's page hosts the functions too.
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
      // The Mac save page's own script: it re-reads the file with the bounded reader.
      "luu-tep": "./src/taskpane/luu-tep.ts",
      // The file worker of the pane outside Excel (src/taskpane/fileWorker.ts starts it).
      "so-tep-worker": "./src/file/worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve,
    module: {
      rules: [tsRule, { test: /\.css$/, type: "asset/source" }],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // Then the top-level properties the generator cannot write (allowErrorForDataTypeAny).
      new FunctionsMetadataFlagsPlugin({ asset: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "assets/templates/*.docx", to: "assets/templates/[name][ext]", noErrorOnMissing: true },
          { from: "src/taskpane/huong-dan.html", to: "huong-dan.html" },
          { from: "src/taskpane/luu-tep.html", to: "luu-tep.html" },
          { from: "src/taskpane/old-browser.js", to: "old-browser.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString("utf8"), baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: devServerHttps(),
      static: { directory: path.resolve(__dirname, "dist") },
      // Excel on the web fetches functions.json from its own origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: false, webSocketURL: "auto://0.0.0.0:0/ws" },
      hot: false,
      liveReload: true,
      open: false,
    },
  };
};

// Shared with webpack.single.config.js.
module.exports.resolve = resolve;
module.exports.tsRule = tsRule;
