// Builds the add-in into dist/: taskpane.html (the shared-runtime page, which also loads
// functions.js), functions.json (generated from the JSDoc of src/functions/functions.ts),
// manifest.xml (URLs moved to ADDIN_URL), icons and templates; and so-chuyen-de.html, the
// pane in file mode as one self-contained HTML file (scripts/single-file-plugin.js).
//   npm run build            production build for https://localhost:3000
//   ADDIN_URL=https://… npm run build   production build for that server
//   npm start                https dev server on localhost:3000
"use strict";
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { resolveBaseUrl, rewriteManifest } = require("./scripts/addin-url");
const { SingleFilePlugin } = require("./scripts/single-file-plugin");

// No telemetry: the metadata plugin only parses the source file. Its dependency
// office-addin-usage-data (2.x: reporting removed, every call a no-op) is required only by
// the custom-functions-metadata CLI, never on this path; test/functions/metadata.test.ts
// checks that generating the metadata does not load it.

// Tổng hợp reads .xlsx files in the pane with exceljs's browser build, through the loader
// the CLI uses (src/xlsx: no Node APIs, so no fs/path fallbacks are needed).
const resolve = {
  extensions: [".ts", ".js"],
  alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
};
const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { configFile: "tsconfig.json", onlyCompileBundledFiles: true } },
};

/** dist/so-chuyen-de.html. Built after the add-in (whose clean would remove it). Chunks get
 *  plain names (no content hash to rewrite after they are inlined); publicPath "" because
 *  an inline script has no address to start from (the chunks are blob: URLs anyway). */
function singleFileConfig(dev) {
  return {
    name: "single-file",
    dependencies: process.env.SINGLE_FILE_ONLY ? [] : ["addin"],
    mode: dev ? "development" : "production",
    devtool: false,
    entry: { "so-chuyen-de": "./src/taskpane/standalone.ts" },
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
        template: path.resolve(__dirname, "src/taskpane/taskpane.html"),
        filename: "so-chuyen-de.html",
        icon: path.resolve(__dirname, "assets/icon-32.png"),
      }),
    ],
  };
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = resolveBaseUrl(process.env);
  const addin = {
    name: "addin",
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      // functions first: in the shared runtime the pane's page hosts the functions too.
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
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
      server: "https",
      static: { directory: path.resolve(__dirname, "dist") },
      // Excel on the web fetches functions.json from its own origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: false, webSocketURL: "auto://0.0.0.0:0/ws" },
      hot: false,
      liveReload: true,
      open: false,
    },
  };
  // The dev server serves the add-in only.
  return env && env.WEBPACK_SERVE ? addin : [addin, singleFileConfig(dev)];
};
