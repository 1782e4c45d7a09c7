// The largest template the bounds accept — document.xml near its 4 MB, just under the
// element and tag bounds — is checked and filled by `de-dan --mau` in one child process in
// under 10 s of CPU and 1 GB; one element or tag more is refused in Vietnamese, as quickly.
jest.setTimeout(300_000);
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { ensureBuilt } from "../cli/helpers/run";
import { makeTempDir, removeTempDir, writeXlsx } from "../support/xlsx";
import { TEMPLATE_LIMITS } from "../../src/documents/template";
import { addGoodRegister, expectNoStack } from "./support";
import { CONTENT_TYPES, ROOT_RELS, documentXml, honestZip, invalidXmlParts, runMeasured, sha256 } from "./templateSupport";

const GiB = 1024 * 1024 * 1024;
let dir: string;
let book: string;
beforeAll(async () => {
  ensureBuilt();
  dir = makeTempDir("chuyende-hard-mau-bounds-");
  book = path.join(dir, "so.xlsx");
  await writeXlsx(book, (wb) => void addGoodRegister(wb));
}, 180_000);
afterAll(() => removeTempDir(dir));

/** A justified, bold paragraph as Word writes one: 7 elements. */
const paragraph = (text: string) =>
  `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** `tags` paragraphs holding one tag each, then tag-free ones up to `elements` in all. */
function largest(elements: number, tags: number): Uint8Array {
  const count = Math.floor((elements - 3) / 7); // w:document, w:body and 7 per paragraph
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(
      paragraph(
        i < tags
          ? "Chuyên đề: {tenChuyenDe} — nội dung dài như văn bản thật của chi bộ."
          : "Nội dung dài như văn bản thật của chi bộ, có chữ tiếng Việt đầy đủ dấu thanh.",
      ),
    );
  }
  const xml = documentXml(parts.join(""));
  expect(Buffer.byteLength(xml)).toBeLessThan(TEMPLATE_LIMITS.xmlPartBytes);
  return honestZip({ "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "word/document.xml": xml });
}

test("at the bounds: checked and filled in < 10 s and < 1 GB, valid XML", () => {
  const file = path.join(dir, "lon-nhat.docx");
  writeFileSync(file, largest(TEMPLATE_LIMITS.elements - 10, TEMPLATE_LIMITS.tags));
  const before = sha256(file);
  const out = path.join(dir, "de-dan.docx");
  const r = runMeasured(["de-dan", book, "--stt", "1", "-o", out, "--mau", file, "--ngay", "2024-12-31"]);
  expectNoStack(r.stderr);
  expect(r.code).toBe(0);
  expect(r.seconds).toBeLessThan(10);
  expect(r.maxRss).toBeLessThan(GiB);
  expect(invalidXmlParts(new Uint8Array(readFileSync(out)))).toEqual([]);
  expect(sha256(file)).toBe(before);
  // For the record (docs/gioi-han.md states these).
  console.log(`largest template: ${r.seconds} s CPU (${r.wallSeconds} s wall), ${Math.round(r.maxRss / 1048576)} MB peak`);
});

test.each([
  ["one tag over", () => largest(TEMPLATE_LIMITS.elements - 10, TEMPLATE_LIMITS.tags + 1), /thẻ \{…\}, quá giới hạn/],
  ["elements over", () => largest(TEMPLATE_LIMITS.elements + 10, 10), /phần tử XML/],
])("%s: refused in Vietnamese, < 10 s, < 1 GB", (name, make, says) => {
  const file = path.join(dir, `${name.replace(/\W+/g, "-")}.docx`);
  writeFileSync(file, make());
  const r = runMeasured(["mau", file]);
  expectNoStack(r.stderr);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^Lỗi: Mẫu /);
  expect(r.stderr).toMatch(says);
  expect(r.seconds).toBeLessThan(10);
  expect(r.maxRss).toBeLessThan(GiB);
});
