// The reader's primitives: a zip opened from its central directory with real inflate
// limits, the linear XML tokenizer, and parts resolved only through relationships.
import { deflateSync, strToU8, zipSync } from "fflate";
import { ZipArchive, storeZip, useInflater, writeZip, type Inflater } from "../../src/xlsx/package/zip";
import { nodeInflater } from "../../src/cli/xlsx";
import { deflatePackage } from "../../src/cli/io";
import { rewriteXml, scanXml } from "../../src/xlsx/package/xml";
import { OpcPackage, DEFAULT_PACKAGE_LIMITS, resolveTarget } from "../../src/xlsx/package/opc";

const at = { name: "so.xlsx", file: "/tmp/so.xlsx" };
const limits = { entries: 100, entryBytes: 1024 * 1024, totalBytes: 2 * 1024 * 1024 };

/** A zip whose central directory declares `declared` bytes for its only entry. */
function lyingZip(data: Uint8Array, declared: number): Uint8Array {
  const z = zipSync({ "x.xml": [data, { level: 9 }] });
  const view = new DataView(z.buffer, z.byteOffset, z.byteLength);
  for (let i = z.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, declared, true);
      break;
    }
  }
  return z;
}

// Every zip test runs with both inflaters: fflate (the page, the pane) and Node's zlib (the CLI).
describe.each<[string, Inflater | null]>([
  ["fflate", null],
  ["Node's zlib", nodeInflater],
])("zip, inflated by %s", (_name, inflater) => {
  beforeAll(() => useInflater(inflater));
  afterAll(() => useInflater(nodeInflater));
  test("a bomb declaring a tiny size is stopped at the cap by what it really produces", () => {
    const z = ZipArchive.open(lyingZip(new Uint8Array(5 * 1024 * 1024), 100), at, limits);
    expect(() => z.read("x.xml", "phần x.xml")).toThrow(/quá lớn để đọc: phần x\.xml giải nén ra hơn 1 MB/);
    expect(z.inflatedBytes).toBe(0);
  });
  test("an entry just under the cap is read whole; damaged or cut deflate data is broken", () => {
    const z = ZipArchive.open(lyingZip(new Uint8Array(1024 * 1024).fill(65), 10), at, limits);
    expect(z.read("x.xml", "x")).toHaveLength(1024 * 1024);
    const raw = deflateSync(new Uint8Array(300_000).map((_, i) => (i * 7919) % 251)); // raw deflate
    for (const cut of [raw.subarray(0, raw.length >> 1), new Uint8Array([0xff, 0xff, 0xff, 0xff])]) {
      const bytes = storeZip([{ name: "y.xml", data: cut }]);
      // Mark the stored entry as deflated: its bytes are then damaged deflate data.
      const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      v.setUint16(8, 8, true);
      for (let i = bytes.length - 22; i >= 0; i--) if (v.getUint32(i, true) === 0x02014b50) v.setUint16(i + 10, 8, true);
      expect(() => ZipArchive.open(bytes, at, limits).read("y.xml", "phần y.xml")).toThrow(/bị hỏng: phần y\.xml không giải nén được/);
    }
  });
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
  test("writeZip deflates what it can and round-trips; deflatePackage deflates a stored package", () => {
    const text = strToU8("<a>".repeat(1000));
    const tiny = strToU8("x");
    const zipped = writeZip(
      [
        { name: "a.xml", data: text },
        { name: "t", data: tiny },
      ],
      (d) => deflateSync(d),
    );
    expect(zipped.length).toBeLessThan(text.length);
    const z = ZipArchive.open(zipped, at, limits);
    expect(z.entry("a.xml")!.method).toBe(8);
    expect(z.entry("t")!.method).toBe(0); // deflating one byte would grow it
    expect(new TextDecoder().decode(z.read("a.xml", "a"))).toBe("<a>".repeat(1000));
    const repacked = ZipArchive.open(deflatePackage(storeZip([{ name: "a.xml", data: text }])), at, limits);
    expect(repacked.entry("a.xml")!.method).toBe(8);
    expect(Array.from(repacked.read("a.xml", "a"))).toEqual(Array.from(text));
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
    const tenAttrs = Array.from({ length: 10 }, (_, i) => `a${i}="1"`).join(" ");
    for (const bad of [
      "<a><b></a>",
      "<a",
      `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`,
      "<a>&x;</a>",
      "<a b=1/>",
      "<a/><b/>",
      `<a b="<"/>`,
      `<a><c d="1"/><c d="x<y"/></a>`,
      `<a b="1" b="2"/>`,
      `<a ${tenAttrs} a9="2"/>`,
      `<a ${tenAttrs} a1="2"/>`,
      `<a b="&x;"/>`,
    ]) {
      expect(() => events(bad)).toThrow(/Tệp so\.xlsx bị hỏng: phần x/);
    }
  });
  test("text nobody wants is skipped undecoded; text wanted is decoded and checked", () => {
    const wanted: string[] = [];
    let inV = false;
    const scan = (xml: string) =>
      scanXml(
        xml,
        {
          open: (n) => (inV = n === "v"),
          close: () => (inV = false),
          wantsText: () => inV,
          text: (t) => wanted.push(t),
        },
        at,
        "phần x",
      );
    scan(`<c><f>&quot;A&quot;&amp;B&#x41;&#65;&odd;<![CDATA[x]]></f><v>1&amp;2</v></c>`);
    expect(wanted).toEqual(["1&2"]);
    for (const bad of [
      "<c><v>&x;</v></c>",
      "<c><v>&#12ab;</v></c>",
      "<c><v>&amp</v></c>",
      "<c><v>&#;</v></c>",
      "<c><v>&#x110000;</v></c>",
    ]) {
      expect(() => scan(bad)).toThrow(/Tệp so\.xlsx bị hỏng: phần x/);
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
  test("rewriteXml hooks: unwrap, text rewritten, elements inserted, attribute values, declaration", () => {
    const seen: string[] = [];
    const out = rewriteXml(
      `<?xml version="1.0"?><w:a><w:h k="1"><w:t>x&lt;y</w:t></w:h><w:s><w:z/></w:s><w:e/></w:a>`,
      {
        declaration: '<?xml version="1.0" standalone="yes"?>',
        attrValue: (v) => v + "!",
        open(name, attrs, c) {
          seen.push(`${name}<${c.parent}@${c.depth}`);
          if (name === "h") return "unwrap";
          if (name === "z") c.empty("w:before", { n: "1" });
          return attrs;
        },
        close(name, c) {
          if (name === "s" || name === "e") c.empty("w:last");
        },
        text: (t) => t.toUpperCase(),
      },
      at,
      "p",
    );
    expect(out).toBe(
      `<?xml version="1.0" standalone="yes"?><w:a><w:t>X&lt;Y</w:t><w:s><w:before n="1!"/><w:z/><w:last/></w:s><w:e><w:last/></w:e></w:a>`,
    );
    // An unwrapped element is still the parent of what it holds.
    expect(seen).toEqual(["a<@1", "h<a@2", "t<h@3", "s<a@2", "z<s@3", "e<a@2"]);
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
