// A value typed over several lines in one cell (Alt+Enter in Excel) is printed over the
// same lines in the filled document: Word line breaks, not one run-on line.
import { deDanData } from "../../src/core/make/documentData";
import { fillTemplate } from "../../src/documents/fill";
import { makeDocx, paragraph, run, zipEntry } from "./docx";
import { fixtureBook } from "./fixture";

test("a multi-line value becomes line breaks inside its paragraph", () => {
  const data = { ...deDanData(fixtureBook(), 1, { today: { year: 2021, month: 1, day: 8 } }), tenChuyenDe: "Dòng một\nDòng hai\nDòng ba" };
  const out = fillTemplate(makeDocx(paragraph(run("Chuyên đề: {tenChuyenDe}"))), data);
  const xml = zipEntry(out, "word/document.xml");
  const body = /<w:p>[\s\S]*<\/w:p>|<w:p [\s\S]*<\/w:p>/.exec(xml)![0];
  // One paragraph, its three lines separated by exactly two <w:br/>, in order.
  expect(body.match(/<w:p[ >]/g)).toHaveLength(1);
  expect(body.match(/<w:br\/>/g)).toHaveLength(2);
  const texts = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? "\n").join("");
  expect(texts).toBe("Chuyên đề: Dòng một\nDòng hai\nDòng ba");
});
