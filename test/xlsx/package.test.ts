// The reader's primitives: a zip opened from its central directory with real inflate
// limits, the linear XML tokenizer, and parts resolved only through relationships.
import { deflateSync, strToU8, zipSync } from "fflate";
import { ZipArchive, storeZip } from "../../src/xlsx/package/zip";
import { rewriteXml, scanXml } from "../../src/xlsx/package/xml";
import { OpcPackage, DEFAULT_PACKAGE_LIMITS, resolveTarget } from "../../src/xlsx/package/opc";

const at = { name: "so.xlsx", file: "/tmp/so.xlsx" };
const limits = { entries: 100, entryBytes: 1024 * 1024, totalBytes: 2 * 1024 * 1024 };

describe("zip", () => {
  test("reads entries by normalised, case-insensitive name", () => {
    const z = ZipArchive.open(zipSync({ "xl/Workbook.xml": strToU8("<a/>"), "b.bin": [new Uint8Array(10), { level: 0 }] }), at, limits);
    expect(new TextDecoder().decode(z.read("/XL/workbook.xml", "x"))).toBe("<a/>");
    expect(z.read("b.bin", "x")).toHaveLength(10);
  });
  test("a bomb is stopped at the cap, whatever size it declares", () => {
    const bomb = zipSync({ "x.xml": [new Uint8Array(5 * 1024 * 1024), { level: 9 }] });
    const z = ZipArchive.open(bomb, at, limits);
    expect(() => z.read("x.xml", "phần x.xml")).toThrow(/Tệp so\.xlsx quá lớn để đọc: phần x\.xml giải nén ra hơn 1 MB/);
  });
  test("the total budget counts what every read produced", () => {
    const big = new Uint8Array(900 * 1024);
    const z = ZipArchive.open(zipSync({ a: big, b: big, c: big }), at, limits);
    z.read("a", "a");
    z.read("b", "b");
    expect(() => z.read("c", "c")).toThrow(/tổng cộng/);
  });
  test("two entries with one name (any case) and too many entries are refused", () => {
    const dup = storeZip([
      { name: "a.xml", data: strToU8("1") },
      { name: "/A.xml", data: strToU8("2") },
    ]);
    expect(() => ZipArchive.open(dup, at, limits)).toThrow(/có hai lần/);
    const many = storeZip(Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, data: new Uint8Array(0) })));
    expect(() => ZipArchive.open(many, at, limits)).toThrow(/101 phần, quá giới hạn 100/);
    expect(() => ZipArchive.open(strToU8("PK not a zip"), at, limits)).toThrow(/bị hỏng/);
  });
  test("storeZip round-trips", () => {
    const z = ZipArchive.open(storeZip([{ name: "é/x.xml", data: strToU8("<x>é</x>") }]), at, limits);
    expect(new TextDecoder().decode(z.read("é/x.xml", "x"))).toBe("<x>é</x>");
    void deflateSync;
  });
});

describe("xml", () => {
  const events = (xml: string) => {
    const out: string[] = [];
    scanXml(
      xml,
      {
        open: (n, a, s) => out.push(`<${n}${JSON.stringify(a)}${s ? "/" : ""}`),
        close: (n) => out.push(`</${n}`),
        text: (t) => out.push(t),
      },
      at,
      "phần x",
    );
    return out;
  };
  test("elements, prefixes, attributes, entities, CDATA, comments", () => {
    expect(events(`<?xml version="1.0"?><x:a b='1 &amp; 2'><!-- <c/> --><c d="&#x41;&lt;"/>t&gt;<![CDATA[<z>]]></x:a>`)).toEqual([
      `<a{"b":"1 & 2"}`,
      `<c{"d":"A<"}/`,
      "</c",
      "t>",
      "<z>",
      "</a",
    ]);
  });
  test("malformed XML, a DTD or an unknown entity is refused in Vietnamese", () => {
    for (const bad of ["<a><b></a>", "<a", `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`, "<a>&x;</a>", "<a b=1/>", "<a/><b/>"]) {
      expect(() => events(bad)).toThrow(/Tệp so\.xlsx bị hỏng: phần x/);
    }
  });
  test("depth, attributes and text are bounded", () => {
    expect(() => events("<a>".repeat(300) + "</a>".repeat(300))).toThrow(/sâu hơn 256 tầng/);
    expect(() => events(`<a ${Array.from({ length: 300 }, (_, i) => `a${i}="1"`).join(" ")}/>`)).toThrow(/hơn 256 thuộc tính/);
  });
  test("rewriteXml drops and changes elements and stays well-formed", () => {
    const out = rewriteXml(
      `<?xml version="1.0"?><w:a x="1"><w:b>q&amp;</w:b><w:c k="v"><d/></w:c>t</w:a>`,
      (n, a) => (n === "c" ? null : n === "b" ? { y: "<" } : a),
      at,
      "p",
    );
    expect(out).toBe(`<?xml version="1.0"?><w:a x="1"><w:b y="&lt;">q&amp;</w:b>t</w:a>`);
  });
});

describe("opc", () => {
  const ct = `<Types><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="wb"/></Types>`;
  test("parts are reached only through relationships", () => {
    const pkg = OpcPackage.open(
      zipSync({
        "[Content_Types].xml": strToU8(ct),
        "_rels/.rels": strToU8(
          `<Relationships><Relationship Id="r" Type="http://x/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
        ),
        "xl/workbook.xml": strToU8("<workbook/>"),
        "xl/other.xml": strToU8("<o/>"),
      }),
      at,
      DEFAULT_PACKAGE_LIMITS,
    );
    expect(() => pkg.read("xl/workbook.xml", "sổ")).toThrow(/không được sổ tham chiếu tới/);
    const [rel] = pkg.relationships("");
    expect(rel).toMatchObject({ type: "officeDocument", target: "xl/workbook.xml", external: false });
    expect(pkg.contentType(rel.target)).toBe("wb");
    expect(pkg.text(rel.target, "sổ")).toBe("<workbook/>");
    expect(pkg.canRead("xl/other.xml")).toBe(false);
  });
  test("targets resolve relative to their source", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/styles.xml")).toBe("xl/styles.xml");
    expect(resolveTarget("a.xml", "../../x")).toBe("");
  });
});
