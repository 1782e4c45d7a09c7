// A user's own Word template, as Word really saves it: a tag split over runs by
// formatting (or by spell-check marks) still fills; a broken or non-docx template stops
// with a Vietnamese message and writes nothing.
jest.setTimeout(180_000);
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { ensureBuilt, runBin } from "../cli/helpers/run";
import { makeTempDir, removeTempDir, writeXlsx } from "../support/xlsx";
import { docxText, makeDocx, paragraph, run } from "../documents/docx";
import { addGoodRegister, expectNoStack, expectOnlyFiles } from "./support";

let dir: string;
let book: string;
beforeAll(async () => {
  ensureBuilt();
  dir = makeTempDir("chuyende-hard-docx-");
  book = path.join(dir, "so.xlsx");
  await writeXlsx(book, (wb) => void addGoodRegister(wb));
}, 180_000);
afterAll(() => removeTempDir(dir));

test("de-dan --mau: tags split by bold/italic runs and a proofing mark are filled", () => {
  const mau = path.join(dir, "mau-tach.docx");
  writeFileSync(
    mau,
    makeDocx(
      paragraph(run("Chuyên đề: "), run("{tenChu", "<w:b/>"), run("yenDe", "<w:i/>"), run("}")),
      // Word's spell checker wraps a word it dislikes in proofErr marks between runs.
      paragraph(
        run("Tên in hoa: {tenChu"),
        '<w:proofErr w:type="spellStart"/>',
        run("yenDeUpper"),
        '<w:proofErr w:type="spellEnd"/>',
        run("}"),
      ),
    ),
  );
  const out = path.join(dir, "de-dan.docx");
  const r = runBin(["de-dan", book, "--stt", "1", "-o", out, "--mau", mau, "--ngay", "2024-12-31"]);
  expectNoStack(r.stderr);
  expect(r.code).toBe(0);
  const text = docxText(new Uint8Array(readFileSync(out)));
  expect(text).toContain("Chuyên đề: Chuyên đề quý 1");
  expect(text).toContain("Tên in hoa: CHUYÊN ĐỀ QUÝ 1");
  expect(text).not.toMatch(/[{}]/);
});

test.each([
  [
    "a tag never closed",
    makeDocx(paragraph(run("Tên: {tenChuyenDe")), paragraph(run("Hết."))),
    /Lỗi: Mẫu mau-hong\.docx chưa dùng được[\s\S]*tenChuyenDe/,
  ],
  ["an unknown tag", makeDocx(paragraph(run("Tên: {tenChuyenDee}"))), /Lỗi: Mẫu mau-hong\.docx chưa dùng được[\s\S]*tenChuyenDee/],
  [
    "an old .doc (OLE) renamed .docx",
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1500)]),
    /^Lỗi: .*mau-hong\.docx.*\.docx/,
  ],
  ["a cut-off zip", makeDocx(paragraph(run("{tenChuyenDe}"))).subarray(0, 120), /^Lỗi: .*mau-hong\.docx.*(hỏng|không phải)/],
])("de-dan --mau with %s: Lỗi, exit 2, nothing written", (_name, bytes, says) => {
  const own = path.join(dir, _name.replace(/\W+/g, "-"));
  require("fs").mkdirSync(own);
  const mau = path.join(own, "mau-hong.docx");
  writeFileSync(mau, bytes);
  const r = runBin(["de-dan", book, "--stt", "1", "-o", path.join(own, "ra.docx"), "--mau", mau]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(says);
  expectNoStack(r.stderr);
  expectOnlyFiles(own, ["mau-hong.docx"]);
});
