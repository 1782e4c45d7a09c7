// One version, from package.json, in everything we make: `chuyende --version`, and the
// properties of a sample of every writer's files — a new workbook (khoi-tao), a copy of a
// user's workbook (bao-cao: its creator kept, "last modified by" ours), the page's file host,
// a document from a built-in template (de-dan), one from a user's template without any
// properties, and the Word report made from nothing (bao-cao -o .docx).
import { mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import PizZip from "pizzip";
import { PRODUCED_BY, VERSION } from "../src/version";
import { runInProcess } from "./cli/helpers/run";
import { createFileHost } from "../src/file/fileHost";
import { createBook } from "../src/taskpane/logic/createBook";
import { fillTemplate } from "../src/documents/fill";
import { deDanData } from "../src/core/make/documentData";
import { fixtureBook } from "./documents/fixture";
import { makeDocx, paragraph, run } from "./documents/docx";

jest.setTimeout(60_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require("../package.json") as { version: string };
const SAMPLE = path.join(__dirname, "fixtures", "samples", "mau-so-tu-lam-2023.xlsx");
const NOW = new Date("2023-12-20T09:00:00+07:00");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chuyende-version-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const part = (bytes: Uint8Array, name: string): string | null => new PizZip(bytes).file(name)?.asText() ?? null;
const tag = (xml: string | null, name: string): string | undefined => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(xml ?? "")?.[1];

test("the version is package.json's, and chuyende --version prints it", async () => {
  expect(VERSION).toBe(pkg.version);
  expect(PRODUCED_BY).toBe(`Sổ chuyên đề ${pkg.version}`);
  const r = await runInProcess(["--version"]);
  expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  expect((await runInProcess(["--help"])).stdout).toContain("--version");
});

test("a new workbook (khoi-tao): created and last modified by this version", async () => {
  const out = path.join(dir, "moi.xlsx");
  expect((await runInProcess(["khoi-tao", "-o", out, "--nam", "2023"], NOW)).code).toBe(0);
  const core = part(readFileSync(out), "docProps/core.xml");
  expect(tag(core, "dc:creator")).toBe(PRODUCED_BY);
  expect(tag(core, "cp:lastModifiedBy")).toBe(PRODUCED_BY);
});

test("a copy of a user's workbook (bao-cao): its creator kept, last modified by this version", async () => {
  expect(tag(part(readFileSync(SAMPLE), "docProps/core.xml"), "dc:creator")).toBe("Unknown");
  const out = path.join(dir, "bao-cao.xlsx");
  const r = await runInProcess(["bao-cao", SAMPLE, "--quy", "2", "-o", out], NOW);
  expect(r.code).toBeLessThan(2);
  const core = part(readFileSync(out), "docProps/core.xml");
  expect(tag(core, "cp:lastModifiedBy")).toBe(PRODUCED_BY);
  expect(tag(core, "dc:creator")).toBe("Unknown");
});

test("the page's new file (file host) carries the version", async () => {
  const host = createFileHost();
  await createBook(host, { year: 2023, chiBo: "Chi bộ Văn phòng" });
  const file = await host.newFile();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  expect(wb.lastModifiedBy).toBe(PRODUCED_BY);
  expect(wb.creator).toBe(PRODUCED_BY);
});

test("a document from a built-in template (de-dan): last modified by this version, the template's title kept", async () => {
  const out = path.join(dir, "de-dan.docx");
  expect((await runInProcess(["de-dan", SAMPLE, "--stt", "1", "-o", out], NOW)).code).toBe(0);
  const core = part(readFileSync(out), "docProps/core.xml");
  expect(tag(core, "cp:lastModifiedBy")).toBe(PRODUCED_BY);
  expect(tag(core, "dc:title")).toBe("Đề dẫn chuyên đề");
});

test("a user's template without properties: the document gains them, declared in the package", () => {
  const template = makeDocx(paragraph(run("Chuyên đề {tenChuyenDe}")));
  expect(part(template, "docProps/core.xml")).toBeNull();
  const out = fillTemplate(template, deDanData(fixtureBook(), 1, { today: { year: 2021, month: 1, day: 5 } }));
  expect(tag(part(out, "docProps/core.xml"), "cp:lastModifiedBy")).toBe(PRODUCED_BY);
  expect(part(out, "[Content_Types].xml")).toContain('PartName="/docProps/core.xml"');
  expect(part(out, "_rels/.rels")).toContain('Target="docProps/core.xml"');
});

test("a user's template with its own author: the author stays, one last-modified-by, ours", () => {
  const template = makeDocx(paragraph(run("Chuyên đề {tenChuyenDe}")));
  const zip = new PizZip(template);
  const declare = (name: string, closing: string, entry: string) =>
    zip.file(
      name,
      zip
        .file(name)!
        .asText()
        .replace(closing, entry + closing),
    );
  declare(
    "[Content_Types].xml",
    "</Types>",
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
  );
  declare(
    "_rels/.rels",
    "</Relationships>",
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
  );
  zip.file(
    "docProps/core.xml",
    '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Văn phòng Đảng ủy</dc:creator><cp:lastModifiedBy>Thư ký</cp:lastModifiedBy></cp:coreProperties>',
  );
  const out = fillTemplate(zip.generate({ type: "uint8array" }), deDanData(fixtureBook(), 1, { today: { year: 2021, month: 1, day: 5 } }));
  const core = part(out, "docProps/core.xml") ?? "";
  expect(tag(core, "dc:creator")).toBe("Văn phòng Đảng ủy");
  expect(core.split("<cp:lastModifiedBy>").length - 1).toBe(1);
  expect(tag(core, "cp:lastModifiedBy")).toBe(PRODUCED_BY);
});

test("the Word report made from nothing (bao-cao -o .docx) has properties naming this version", async () => {
  const out = path.join(dir, "bao-cao.docx");
  expect((await runInProcess(["bao-cao", SAMPLE, "--quy", "2", "-o", out], NOW)).code).toBeLessThan(2);
  const bytes = readFileSync(out);
  const core = part(bytes, "docProps/core.xml");
  expect(tag(core, "dc:creator")).toBe(PRODUCED_BY);
  expect(tag(core, "cp:lastModifiedBy")).toBe(PRODUCED_BY);
  expect(part(bytes, "[Content_Types].xml")).toContain('PartName="/docProps/core.xml"');
  expect(part(bytes, "_rels/.rels")).toContain('Target="docProps/core.xml"');
});
