// Nothing invalid is written (issue 15, Build 4): register text holding characters XML 1.0
// forbids gives outputs whose every XML part is well-formed (xmllint) and whose .docx
// LibreOffice opens; user templates lose macros, remote templates and unreferenced
// entries; raw-XML tags and loops nested too deep are refused.
jest.setTimeout(300_000);
import { execFileSync } from "child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import PizZip from "pizzip";
import { ensureBuilt, runBin } from "../cli/helpers/run";
import { docxText, docxToPdfText, makeDocx, paragraph, run } from "../documents/docx";
import { hasXmlForbidden, xmlSafeText } from "../../src/core/shared/xmlText";
import { fillTemplate } from "../../src/documents/fill";
import { expectNoStack } from "./support";
import { missingTools } from "../support/tools";

interface HostileModule {
  makeRegisters(dir: string): Promise<string>;
  cleanup(dir: string): void;
  readZipEntries(file: string): { name: string; data: Buffer }[];
  writeZip(file: string, entries: { name: string; data: Buffer }[]): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hostile = require("../../bench/hostile.js") as HostileModule;

let dir: string;
const p = (n: string) => path.join(dir, n);

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), "chuyende-written-"));
  chmodSync(dir, 0o755);
  await hostile.makeRegisters(dir);
});
afterAll(() => hostile.cleanup(dir));

/** Every XML part of a zip (.xlsx/.docx) checked by xmllint; returns the failures. A missing
 *  xmllint is said as such, not as every part being invalid. */
function invalidXmlParts(file: string): string[] {
  const why = missingTools("xmllint");
  if (why) throw new Error(why);
  const zip = new PizZip(readFileSync(file));
  const bad: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !/\.(xml|rels)$/.test(name)) continue;
    const part = path.join(dir, "part.xml");
    writeFileSync(part, zip.files[name].asUint8Array());
    try {
      execFileSync("xmllint", ["--noout", part], { stdio: "pipe" });
    } catch {
      bad.push(name);
    }
  }
  return bad;
}

describe("the sanitiser", () => {
  test("removes exactly what XML 1.0 forbids", () => {
    expect(xmlSafeText("a\uFFFFb\uFFFEc\u0001d\u001Fe")).toBe("abcde");
    expect(xmlSafeText("tab\tnl\ncr\r")).toBe("tab\tnl\ncr\r");
    expect(xmlSafeText("lone \uD800 high, lone \uDC00 low")).toBe("lone  high, lone  low");
    expect(xmlSafeText("pair 😀 Đảng")).toBe("pair 😀 Đảng");
    expect(hasXmlForbidden("Đảng\uFFFF")).toBe(true);
    expect(hasXmlForbidden("Đảng 😀")).toBe(false);
  });
});

describe("register text with U+FFFF, U+FFFE and a control character", () => {
  const outputs: [string, string[]][] = [
    ["bao-cao.xlsx", ["bao-cao", "bad-chars.xlsx", "--quy", "1", "--nam", "2024", "-o"]],
    ["chuyen-doi.xlsx", ["chuyen-doi", "bad-chars.xlsx", "-o"]],
    ["tong-hop.xlsx", ["tong-hop", "bad-chars.xlsx", "--ngay", "2024-12-31", "-o"]],
    ["de-dan.docx", ["de-dan", "bad-chars.xlsx", "--stt", "1", "-o"]],
    ["bien-ban.docx", ["bien-ban", "bad-chars.xlsx", "--stt", "1", "-o"]],
  ];
  test.each(outputs)("%s: every XML part is well-formed", (name, args) => {
    const r = runBin([...args.map((a) => (a === "bad-chars.xlsx" ? p(a) : a)), p(`o-${name}`)]);
    expect(r.code).toBeLessThan(2);
    expectNoStack(r.stderr);
    expect(invalidXmlParts(p(`o-${name}`))).toEqual([]);
    const text = new PizZip(readFileSync(p(`o-${name}`)))
      .file(/\.xml$/)
      .map((f) => f.asText())
      .join("");
    expect(text).toMatch(/Chuyên đề quý/);
    expect(hasXmlForbidden(text)).toBe(false);
  });

  test("LibreOffice opens both documents and shows the title", () => {
    const texts = docxToPdfText([
      { name: "de-dan.docx", bytes: readFileSync(p("o-de-dan.docx")) },
      { name: "bien-ban.docx", bytes: readFileSync(p("o-bien-ban.docx")) },
    ]);
    for (const t of texts) expect(t).toMatch(/Chuyên đề quý\s*1/);
  });
});

test("a control character in Thông tin: the document is made, and the warning names the Thông tin cell", () => {
  const demo = p("demo");
  expect(runBin(["demo", "-o", demo]).code).toBe(0);
  const sample = path.join(demo, "so-chuyen-de-mau.xlsx");
  const entries = hostile.readZipEntries(sample).map((e) => {
    if (e.name !== "xl/sharedStrings.xml") return e;
    const xml = e.data.toString("utf8");
    const cell = /Chi bộ [^<]{3,60}/.exec(xml)![0];
    // _x0007_ is how Excel writes a BEL character in a file.
    return { name: e.name, data: Buffer.from(xml.replace(cell, `${cell}_x0007_`), "utf8") };
  });
  hostile.writeZip(p("demo-bel.xlsx"), entries);
  const out = p("dd-bel.docx");
  const r = runBin(["de-dan", p("demo-bel.xlsx"), "--stt", "1", "-o", out]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/^Cảnh báo: Trang “Thông tin”, ô [A-Z]+\d+ có ký tự điều khiển không in được/m);
  expect(r.stderr).not.toMatch(/[Mm]ẫu/);
  expect(invalidXmlParts(out)).toEqual([]);
});

describe("user templates", () => {
  const DOCM_TYPES =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>' +
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/></Types>';
  const DOC_RELS =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>';
  const SETTINGS_RELS =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://example.invalid/t.dotm" TargetMode="External"/></Relationships>';
  const SETTINGS =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:attachedTemplate r:id="rId1"/></w:settings>';

  /** A .docm renamed .docx: macros, a remote attached template, a 40 MB unreferenced entry. */
  function payloadTemplate(): Uint8Array {
    const zip = new PizZip(makeDocx(paragraph(run("Đề dẫn: {tenChuyenDe}"))));
    zip.file("[Content_Types].xml", DOCM_TYPES);
    zip.file("word/_rels/document.xml.rels", DOC_RELS);
    zip.file("word/vbaProject.bin", 'Attribute VB_Name = "ThisDocument"');
    zip.file("word/settings.xml", SETTINGS);
    zip.file("word/_rels/settings.xml.rels", SETTINGS_RELS);
    zip.file("extra/padding.bin", new Uint8Array(40 * 1024 * 1024));
    return zip.generate({ type: "uint8array", compression: "DEFLATE" });
  }

  test("a copy keeps only what a .docx needs: no macros, no remote template, no unreferenced entry", () => {
    const template = p("mau-macro.docx");
    writeFileSync(template, payloadTemplate());
    const out = p("dd-macro.docx");
    const r = runBin(["de-dan", p("good.xlsx"), "--stt", "1", "--mau", template, "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.length).toBeLessThan(100_000);
    const zip = new PizZip(bytes);
    const names = Object.keys(zip.files);
    expect(names).not.toContain("word/vbaProject.bin");
    expect(names).not.toContain("extra/padding.bin");
    const all = names.map((n) => zip.files[n].asText()).join("\n");
    expect(all).not.toMatch(/macroEnabled|vbaProject|attachedTemplate|example\.invalid/);
    expect(invalidXmlParts(out)).toEqual([]);
    expect(docxText(new Uint8Array(bytes))).toContain("Đề dẫn: Chuyên đề quý 1");
    expect(docxToPdfText([{ name: "dd-macro.docx", bytes: new Uint8Array(bytes) }])[0]).toContain("Chuyên đề quý 1");
  });

  test("a raw-XML tag {@…} is refused by mau and by de-dan", () => {
    const template = p("mau-raw.docx");
    writeFileSync(template, makeDocx(paragraph(run("{@tenChuyenDe}")), paragraph(run("Quý: {quyText}"))));
    const checked = runBin(["mau", template, "--loai", "de-dan"]);
    expect(checked.code).toBe(2);
    expect(checked.stdout + checked.stderr).toMatch(/Thẻ \{@tenChuyenDe\} không dùng được/);
    const made = runBin(["de-dan", p("good.xlsx"), "--stt", "1", "--mau", template, "-o", p("dd-raw.docx")]);
    expect(made.code).toBe(2);
    expect(made.stderr).toMatch(/^Lỗi: .*\{@tenChuyenDe\} không dùng được/s);
    // The library path (the pane) refuses it too, so register text never becomes markup.
    expect(() => fillTemplate(readFileSync(template), { tenChuyenDe: "<w:p/>" })).toThrow(/\{@tenChuyenDe\}/);
  });

  test("loops nested too deep, or inside themselves, are refused", () => {
    const nested = makeDocx(paragraph(run("{#yKien}{#yKien}{#yKien}{#yKien}{noiDung}{/yKien}{/yKien}{/yKien}{/yKien}")));
    expect(() => fillTemplate(nested, { yKien: [] })).toThrow(/nằm trong chính nó/);
    const deep = makeDocx(paragraph(run("{#coYKien}{#yKien}{#nguoiChuanBi}{hoTen}{/nguoiChuanBi}{/yKien}{/coYKien}")));
    expect(() => fillTemplate(deep, {})).toThrow(/lồng quá 2 tầng/);
    // Two levels (a condition around a loop) are what real templates use.
    const ok = makeDocx(paragraph(run("{#coYKien}{#yKien}{noiDung}{/yKien}{/coYKien}")));
    const filled = fillTemplate(ok, { coYKien: true, yKien: [{ noiDung: "Ý kiến một" }] });
    expect(docxText(filled)).toContain("Ý kiến một");
  });
});
