// Writes the single HTML file (dist/so-chuyen-de.html): the pane's page with the entry's
// script, styles and icon inlined, and every lazy chunk as a string in the page
// (window.__soChunks) that src/taskpane/chunkLoading.ts turns into a blob: URL when the
// chunk is first needed — so lazy loading still works from file:// with no network.
// The entry's own .js files are removed from the output: only the HTML is written.
"use strict";
const fs = require("fs");
const path = require("path");
const { Compilation, sources } = require("webpack");

const NAME = "SingleFilePlugin";

/** Text safe inside an inline <script>: no "</script" and no "<!--" (both change how the
 *  HTML parser finds the end of the script). JS reads "<\/" and "<\!--" inside strings,
 *  regular expressions and comments as before. */
function inlineScript(js) {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** A JSON string literal that can stand inside <script> (every "<" escaped). */
function jsonInScript(value) {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

class SingleFilePlugin {
  /** @param {{entry: string, worker?: string, template: string, filename: string, icon: string}} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { entry, worker, template, filename, icon } = this.options;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, (assets) => {
        const entrypoint = compilation.entrypoints.get(entry);
        if (!entrypoint) throw new Error(`${NAME}: no entry "${entry}"`);
        const main = entrypoint.getFiles().filter((f) => f.endsWith(".js"));
        // The worker's entry is one script (it loads no chunk): a string the page starts as a
        // blob: worker (src/taskpane/fileWorker.ts).
        const workerFiles = worker ? (compilation.entrypoints.get(worker)?.getFiles() ?? []).filter((f) => f.endsWith(".js")) : [];
        if (worker && workerFiles.length !== 1)
          throw new Error(`${NAME}: the worker "${worker}" should be one script: ${workerFiles.join(", ")}`);
        const chunks = {};
        for (const name of Object.keys(assets)) {
          if (name.endsWith(".js") && !main.includes(name) && !workerFiles.includes(name)) chunks[name] = assets[name].source().toString();
        }
        let html = fs.readFileSync(template, "utf8");
        const withoutOffice = html.replace(/\s*<!--[^>]*-->\s*<script src="https:\/\/appsforoffice\.microsoft\.com\/[^"]*"><\/script>/, "");
        if (withoutOffice === html) throw new Error(`${NAME}: the office.js <script> was not found in ${template}`);
        html = withoutOffice;
        const iconUrl = `data:image/png;base64,${fs.readFileSync(icon).toString("base64")}`;
        html = html.replace(/src="assets\/icon-32\.png"/, `src="${iconUrl}"`);
        // Nothing may leave the machine: the page can load only what it carries. Its own
        // policy replaces the add-in page's (two policies would both apply).
        html = html.replace(/\s*<!-- Only this add-in's own files[\s\S]*?-->\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*\/>/, "");
        if (/http-equiv="Content-Security-Policy"/.test(html))
          throw new Error(`${NAME}: the add-in page's Content-Security-Policy was not removed`);
        // The old-browser notice goes inline too: a file:// page has no files beside it.
        const oldBrowser = fs.readFileSync(path.join(path.dirname(template), "old-browser.js"), "utf8");
        html = html.replace(/<script src="old-browser\.js"><\/script>/, () => `<script>${inlineScript(oldBrowser)}</script>`);
        html = html.replace(
          /<meta charset="utf-8" \/>/,
          `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src data: blob:; worker-src blob:; form-action 'none'; base-uri 'none'" />`,
        );
        html = html.replace(
          /<noscript>[\s\S]*?<\/noscript>/,
          '<noscript><p style="padding: 12px">Hãy bật JavaScript trong trình duyệt để dùng Sổ chuyên đề.</p></noscript>',
        );
        // The libraries' license notices (split out by the minimizer) stay with the code.
        const licenses = Object.keys(assets)
          .filter((n) => n.endsWith(".LICENSE.txt"))
          .map((n) => assets[n].source().toString().replace(/--/g, "- -"))
          .join("\n");
        if (licenses) html = html.replace(/^<!doctype html>\n?/i, (d) => `${d}<!--\n${licenses}\n-->\n`);
        const workerSource = workerFiles.length ? `window.__soWorker=${jsonInScript(assets[workerFiles[0]].source().toString())};` : "";
        const scripts =
          `<script>window.__soChunks=${jsonInScript(chunks)};${workerSource}</script>\n` +
          main.map((f) => `<script>${inlineScript(assets[f].source().toString())}</script>`).join("\n");
        const end = html.lastIndexOf("</body>");
        html = `${html.slice(0, end)}${scripts}\n${html.slice(end)}`;
        for (const name of Object.keys(assets)) compilation.deleteAsset(name);
        // Already minified scripts; marked so that no minimizer rewrites the escaped strings.
        compilation.emitAsset(filename, new sources.RawSource(html), { minimized: true });
      });
    });
  }
}

module.exports = { SingleFilePlugin, inlineScript };
