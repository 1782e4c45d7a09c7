// manifest.xml: every resource reference resolves, the shared runtime is one page, the
// icons are real PNGs, a deployment build moves every URL to ADDIN_URL, and the manifest
// (dev and deployment) validates against the add-in-only manifest schemas.
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { describeNeeding, missingTools } from "./support/tools";
import * as os from "os";
import * as path from "path";
import { ADDIN_REQUIREMENTS } from "../src/excel/requirements";

const root = path.resolve(__dirname, "..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resolveBaseUrl, rewriteManifest, manifestVersion, DEV_BASE_URL } = require("../scripts/addin-url");

function attrs(xml: string, re: RegExp): string[] {
  return [...xml.matchAll(re)].map((m) => m[1]);
}

const resids = attrs(manifest, /resid="([^"]*)"/g);
const ids = attrs(manifest, /<bt:(?:Image|Url|String)\s+id="([^"]*)"/g);

describe("manifest.xml", () => {
  test("every resid resolves to a resource, and ids are at most 32 characters", () => {
    expect(resids.length).toBeGreaterThan(10);
    for (const r of resids) expect(ids).toContain(r);
    for (const id of [...ids, ...resids]) expect(id.length).toBeLessThanOrEqual(32);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("the runtime, the functions page, the function file and the pane share one URL", () => {
    const runtime = /<Runtime\s+resid="([^"]+)"\s+lifetime="long"/.exec(manifest)?.[1];
    const page = /<Page>\s*<SourceLocation\s+resid="([^"]+)"/.exec(manifest)?.[1];
    const functionFile = /<FunctionFile\s+resid="([^"]+)"/.exec(manifest)?.[1];
    const pane = /<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation\s+resid="([^"]+)"/.exec(manifest)?.[1];
    expect(runtime).toBeDefined();
    expect([page, functionFile, pane]).toEqual([runtime, runtime, runtime]);
    const url = new RegExp(`<bt:Url id="${runtime}" DefaultValue="([^"]+)"`).exec(manifest)?.[1];
    expect(url).toMatch(/\/taskpane\.html$/);
  });

  test("the requirement sets are exactly the add-in's (src/excel/requirements.ts), in one place", () => {
    const declared = [...manifest.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"/g)].map((m) => ({ set: m[1], version: m[2] }));
    expect(declared).toEqual(ADDIN_REQUIREMENTS.map((r) => ({ set: r.set, version: r.version })));
  });

  test("workbook host, write permission, namespace CHUYENDE, Vietnamese name", () => {
    expect(manifest).toMatch(/<Host Name="Workbook"\s*\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="Sổ chuyên đề"/);
    const ns = /<Namespace resid="([^"]+)"/.exec(manifest)![1];
    expect(manifest).toMatch(new RegExp(`<bt:String id="${ns}" DefaultValue="CHUYENDE"`));
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
  });

  test("every URL is https and every icon it names is a PNG of that size", () => {
    const urls = attrs(manifest, /(?:DefaultValue|Value)="(https?:[^"]*)"/g);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith("https://")).toBe(true);
    for (const m of manifest.matchAll(/icon-(\d+)\.png/g)) {
      const file = path.join(root, "assets", `icon-${m[1]}.png`);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(m[1]), Number(m[1])]);
    }
  });
});

describe("ADDIN_URL", () => {
  test("the build rewrites every URL of the manifest to the deployment base", () => {
    // The very transform webpack.config.js applies when it copies manifest.xml to dist/.
    process.env.ADDIN_URL = "https://so-chuyen-de.example.vn/bo-tro/";
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const config = require("../webpack.config.js")({}, { mode: "production" });
      const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin");
      const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
      const out: string = pattern.transform(Buffer.from(manifest, "utf8"));
      expect(out).not.toMatch(/localhost/i);
      const urls = attrs(out, /(?:DefaultValue|Value)="(https?:[^"]*)"/g);
      for (const u of urls) expect(u.startsWith("https://so-chuyen-de.example.vn/bo-tro/")).toBe(true);
      expect(out).toContain('DefaultValue="https://so-chuyen-de.example.vn/bo-tro/taskpane.html"');
    } finally {
      delete process.env.ADDIN_URL;
    }
  });

  test("the manifest's version is the package's, in the build and in manifest.xml itself", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require("../package.json") as { version: string };
    expect(manifestVersion()).toBe(`${version}.0`);
    expect(/<Version>([^<]*)<\/Version>/.exec(manifest)?.[1]).toBe(manifestVersion());
    expect(rewriteManifest(manifest.replace(/<Version>[^<]*</, "<Version>9.9.9.9<"), DEV_BASE_URL)).toContain(
      `<Version>${version}.0</Version>`,
    );
    expect(manifestVersion("1.2.3-rc.1")).toBe("1.2.3.0");
  });

  test("without ADDIN_URL the base is the dev server", () => {
    expect(resolveBaseUrl({})).toBe(DEV_BASE_URL);
    expect(rewriteManifest(manifest, DEV_BASE_URL)).toBe(manifest);
  });

  test.each(["http://example.vn", "https://localhost:8443", "https://127.0.0.1", "khong-phai-url", "https://a.vn/?x=1"])(
    "refuses %s",
    (url) => {
      expect(() => resolveBaseUrl({ ADDIN_URL: url })).toThrow(/ADDIN_URL/);
    },
  );
});

// Vendored with their licence (test/fixtures/office-manifest-xsd/README.md), so every clone validates offline.
const schemaDir = path.join(root, "test", "fixtures", "office-manifest-xsd");

describeNeeding(missingTools("xmllint"))("schema validation (xmllint)", () => {
  const validate = (xml: string): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "manifest-"));
    try {
      const file = path.join(dir, "manifest.xml");
      writeFileSync(file, xml);
      return execFileSync("xmllint", ["--noout", "--schema", path.join(schemaDir, "OfficeAppManifestV1_1.xsd"), file], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test("the dev manifest validates", () => {
    expect(() => validate(manifest)).not.toThrow();
  });

  test("a deployment manifest validates", () => {
    expect(() => validate(rewriteManifest(manifest, "https://so-chuyen-de.example.vn"))).not.toThrow();
  });

  test("the validation can fail (a manifest without Permissions does not validate)", () => {
    expect(() => validate(manifest.replace(/<Permissions>[^<]*<\/Permissions>/, ""))).toThrow();
  });
});
