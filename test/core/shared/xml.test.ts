import { escapeXml, unescapeXml } from "../../../src/core/shared/xml";

test("the five named entities", () => {
  expect(unescapeXml("Học tập &amp; làm theo &lt;Bác&gt; &quot;x&quot; &apos;y&apos;")).toBe(`Học tập & làm theo <Bác> "x" 'y'`);
});

test("numeric references, decimal and hexadecimal", () => {
  expect(unescapeXml("S&#7893; chuy&#234;n &#x111;&#x1EC1;")).toBe("Sổ chuyên đề");
  expect(unescapeXml("a&#10;b&#x9;c")).toBe("a\nb\tc");
  expect(unescapeXml("&#x1F4D8;")).toBe("📘");
});

test("one pass: an escaped ampersand is not read twice", () => {
  expect(unescapeXml("&amp;lt;")).toBe("&lt;");
  expect(unescapeXml("&amp;#233;")).toBe("&#233;");
});

test("what is not a reference to an allowed character stays as written", () => {
  for (const s of ["&#0;", "&#xFFFE;", "&#x110000;", "&#xD800;", "&nbsp;", "AT&T", "&#;", "&#x;"]) expect(unescapeXml(s)).toBe(s);
});

test("escaping round-trips any text", () => {
  const text = `<Tổng hợp> "quý I" & 'II'`;
  expect(escapeXml(text)).toBe("&lt;Tổng hợp&gt; &quot;quý I&quot; &amp; &apos;II&apos;");
  expect(unescapeXml(escapeXml(text))).toBe(text);
});
