// luu-tep.html's check that a file was made by the add-in: every kind of file the tool
// makes passes (made here by the command line: the demo set, the quarter report as .docx,
// a conversion, a new register, a document from a user's hostile template once cleaned);
// crafted zips that start with PK\x03\x04 — macros, a remote template, outside links, an
// embedded package, a field code, a planted entry, a bomb — are refused in Vietnamese.
jest.setTimeout(300_000);
import { readFileSync, readdirSync, writeFileSync } from "fs";
import * as path from "path";
import { ensureBuilt, runBin } from "../cli/helpers/run";
import { makeTempDir, removeTempDir, writeXlsx } from "../support/xlsx";
import { addGoodRegister } from "../hard/support";
import { parseFragment } from "../../src/taskpane/luu-tep";
import { whyNotOurs } from "../../src/taskpane/logic/verifySaved";
import { CONTENT_TYPES, ROOT_RELS, deflateBomb, documentXml, honestZip, rawZip, rels, settingsXml } from "../hard/templateSupport";
import { makeDocx, paragraph, run } from "../documents/docx";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The hostile-template tests' content types without their .bin/.zip defaults (which the
 *  check refuses on their own): each case below is refused for its own reason. */
const TYPES = CONTENT_TYPES.replace(/<Default Extension="(bin|zip)"[^>]*\/>/g, "");
let dir: string;
beforeAll(async () => {
  ensureBuilt();
  dir = makeTempDir("chuyende-luu-tep-");
  const demo = path.join(dir, "demo");
  expect(runBin(["demo", "-o", demo]).code).toBe(0);
  const book = path.join(demo, "so-chuyen-de-mau.xlsx");
  expect(runBin(["bao-cao", book, "--quy", "3", "--nam", "2025", "-o", path.join(demo, "bao-cao-quy-3.docx")]).code).toBe(0);
  // A register kept in a sheet of another name, converted to the standard book.
  const old = path.join(dir, "so-cu.xlsx");
  await writeXlsx(old, (wb) => void addGoodRegister(wb, "Theo dõi 2024"));
  const converted = runBin(["chuyen-doi", old, "-o", path.join(demo, "chuyen-doi.xlsx")]);
  expect(converted.stderr).toBe("");
  expect(runBin(["khoi-tao", "-o", path.join(demo, "so-moi.xlsx"), "--nam", "2026"]).code).toBe(0);
  // A user's template with a remote picture field and an outside link, filled: the
  // document made from it is the add-in's and is saved.
  const mau = path.join(dir, "mau.docx");
  writeFileSync(
    mau,
    honestZip({
      "[Content_Types].xml": CONTENT_TYPES,
      "_rels/.rels": ROOT_RELS,
      "word/document.xml": documentXml(
        '<w:p><w:r><w:t>{tenChuyenDe}</w:t></w:r><w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://x.example/p.png&quot; "><w:r><w:t>ảnh</w:t></w:r></w:fldSimple>' +
          '<w:hyperlink r:id="rL"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink></w:p>',
      ),
      "word/_rels/document.xml.rels": rels(
        `<Relationship Id="rL" Type="${REL}/hyperlink" Target="http://x.example/" TargetMode="External"/>`,
      ),
    }),
  );
  expect(runBin(["de-dan", book, "--stt", "1", "-o", path.join(demo, "de-dan-mau-rieng.docx"), "--mau", mau]).code).toBe(0);
}, 300_000);
afterAll(() => removeTempDir(dir));

function fragment(name: string, bytes: Uint8Array): string {
  return `#${encodeURIComponent(name)}|x|${Buffer.from(bytes).toString("base64")}`;
}

test("every kind of file the tool makes is saved", () => {
  const demo = path.join(dir, "demo");
  const files = readdirSync(demo).filter((f) => /\.(docx|xlsx)$/.test(f));
  // bao-cao (.xlsx, .docx), de-dan, bien-ban, danh-sach, thong-bao, ke-hoach, tong-hop, chuyen-doi, khoi-tao
  for (const kind of [
    "bao-cao-quy-3-",
    "bao-cao-quy-3.docx",
    "de-dan",
    "bien-ban",
    "danh-sach",
    "thong-bao",
    "ke-hoach",
    "tong-hop",
    "chuyen-doi",
    "so-moi",
    "de-dan-mau-rieng",
  ]) {
    expect(files.some((f) => f.startsWith(kind) || f === kind)).toBe(true);
  }
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(path.join(demo, f)));
    expect([f, whyNotOurs(bytes, f.endsWith(".docx") ? "docx" : "xlsx")]).toEqual([f, null]);
    const parsed = parseFragment(fragment(f, bytes));
    expect(parsed.error).toBeUndefined();
  }
});

const docxParts = (extra: Record<string, string | Uint8Array>, documentRels = "", body = "<w:p><w:r><w:t>Đề dẫn</w:t></w:r></w:p>") =>
  honestZip({
    "[Content_Types].xml": TYPES,
    "_rels/.rels": ROOT_RELS,
    "word/document.xml": documentXml(body),
    ...(documentRels ? { "word/_rels/document.xml.rels": rels(documentRels) } : {}),
    ...extra,
  });

test.each([
  [
    "a macro (vbaProject, macro-enabled content type)",
    () =>
      honestZip({
        "[Content_Types].xml": TYPES.replace(
          "wordprocessingml.document.main+xml",
          'wordprocessingml.document.main+xml"/><Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject',
        ),
        "_rels/.rels": ROOT_RELS,
        "word/document.xml": documentXml(""),
        "word/_rels/document.xml.rels": rels(
          `<Relationship Id="rV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
        ),
        "word/vbaProject.bin": new Uint8Array(32),
      }),
    /macro/,
  ],
  [
    "a remote attached template",
    () =>
      docxParts(
        {
          "word/settings.xml": settingsXml('<w:attachedTemplate r:id="rT"/>'),
          "word/_rels/settings.xml.rels": rels(
            `<Relationship Id="rT" Type="${REL}/attachedTemplate" Target="http://x.example/mau.dotm" TargetMode="External"/>`,
          ),
        },
        `<Relationship Id="rS" Type="${REL}/settings" Target="settings.xml"/>`,
      ),
    /liên kết ra ngoài|mẫu đính kèm/,
  ],
  [
    "an attached template element without its relationship",
    () =>
      docxParts(
        { "word/settings.xml": settingsXml('<w:attachedTemplate r:id="rT"/>') },
        `<Relationship Id="rS" Type="${REL}/settings" Target="settings.xml"/>`,
      ),
    /mẫu đính kèm/,
  ],
  [
    "an outside hyperlink",
    () => docxParts({}, `<Relationship Id="rL" Type="${REL}/hyperlink" Target="http://x.example/" TargetMode="External"/>`),
    /liên kết ra ngoài/,
  ],
  [
    "an embedded package",
    () =>
      docxParts(
        { "word/embeddings/a.zip": honestZip({ "x.txt": "x" }) },
        `<Relationship Id="rP" Type="${REL}/package" Target="embeddings/a.zip"/>`,
      ),
    /không do Sổ chuyên đề ghi|đối tượng nhúng/,
  ],
  [
    "a DDEAUTO field",
    () =>
      docxParts(
        {},
        "",
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DDEAUTO c:\\\\cmd.exe</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      ),
    /mã trường DDEAUTO/,
  ],
  [
    "an INCLUDEPICTURE field",
    () => docxParts({}, "", '<w:p><w:fldSimple w:instr="INCLUDEPICTURE &quot;http://x/p.png&quot;"/></w:p>'),
    /mã trường INCLUDEPICTURE/,
  ],
  ["an entry nothing refers to", () => docxParts({ "word/payload.bin": new Uint8Array(10) }), /phần thừa word\/payload\.bin/],
  [
    "a deflate bomb",
    () =>
      rawZip([
        { name: "[Content_Types].xml", data: new TextEncoder().encode(TYPES) },
        { name: "_rels/.rels", data: new TextEncoder().encode(ROOT_RELS) },
        { name: "word/document.xml", data: deflateBomb("<w:document>", 256 * 1024 * 1024), method: 8, declaredSize: 4096 },
      ]),
    /không đọc được/,
  ],
  ["an .xlsx under a .docx name", () => new Uint8Array(readFileSync(path.join(dir, "demo", "tong-hop.xlsx"))), /không phải văn bản Word/],
  ["not a package at all", () => new Uint8Array(Buffer.from("PK\u0003\u0004 rác", "latin1")), /không đọc được/],
])("refuses %s, nothing to save", (_name, make, says) => {
  const t = Date.now();
  const f = parseFragment(fragment("bien-ban.docx", make()));
  expect(Date.now() - t).toBeLessThan(10_000);
  expect(f.error).toMatch(/^Tệp trong liên kết không phải do Sổ chuyên đề tạo ra/);
  expect(f.error).toMatch(says);
  expect(f.error).toMatch(/không lưu/);
  expect("bytes" in f).toBe(false);
});

test("a plain document made by hand (not by the add-in's writers) but with only our parts passes", () => {
  // The check is about what a file can do, not who typed it: a minimal clean .docx is harmless.
  expect(whyNotOurs(makeDocx(paragraph(run("Đề dẫn"))), "docx")).toBeNull();
});
