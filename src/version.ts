// The version of Sổ chuyên đề. Its one source is package.json: webpack bundles the field
// into the pane and the single page, and the CLI reads it from the package it ships in
// (build/version.js and src/version.ts both sit one level below package.json).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON import would put package.json under tsc's rootDir
const pkg = require("../package.json") as { version: string };

export const PRODUCT = "Sổ chuyên đề";
export const VERSION: string = pkg.version;

/** Who made a file, as its properties say it (last modified by; the creator of a new one). */
export const PRODUCED_BY = `${PRODUCT} ${VERSION}`;

/** The line a user quotes when asking for help: the pane's footer, the self-test report. */
export const VERSION_LINE = `${PRODUCT} · phiên bản ${VERSION}`;
