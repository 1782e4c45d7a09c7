// The second red team's inputs (the bounded reader's cases), generated on demand — nothing
// large is committed. Each is a register a hostile or merely careless user could send:
// a sheet under another part name, a huge XML comment, a relationships part of 60,000
// openings, 2 million rich-text shared strings, 1.99 million cells, 249,000 rows, an
// unreferenced bomb. test/hard/reader.test.ts runs them through the compiled CLI.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { readZipEntries, writeZip, writeGoodRegister } = require("./hostile.js");

/** The good register's entries with `edit(entries)` applied, written to `dest`. */
function variant(src, dest, edit) {
  writeZip(dest, edit(readZipEntries(src)));
}

const text = (e) => e.data.toString("utf8");
const withText = (e, s) => ({ name: e.name, data: Buffer.from(s, "utf8") });
const mapEntry = (entries, name, f) => entries.map((e) => (e.name === name ? withText(e, f(text(e))) : e));
const SHEET = "xl/worksheets/sheet1.xml";

/** A second worksheet named `name` with `rows` (XML of <row>s), added to the workbook. */
function addSheet(entries, name, rowsXml) {
  let out = mapEntry(entries, "xl/workbook.xml", (s) =>
    s.replace("</sheets>", `<sheet name="${name}" sheetId="99" r:id="rIdExtra"/></sheets>`),
  );
  out = mapEntry(out, "xl/_rels/workbook.xml.rels", (s) =>
    s.replace(
      "</Relationships>",
      '<Relationship Id="rIdExtra" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>',
    ),
  );
  out.push({
    name: "xl/worksheets/sheet99.xml",
    data: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`,
    ),
  });
  return out;
}

/** Column letters of a 1-based column. */
function letters(n) {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function makeReaderCases(dir) {
  const p = (f) => path.join(dir, f);
  const good = p("good.xlsx");
  await writeGoodRegister(good);

  // 1. The register's sheet under a part name exceljs would match anywhere
  //    (sheet7.xml.bak), reached through the workbook's relationships, with a merge over
  //    the whole sheet past the data.
  variant(good, p("bak-sheet.xlsx"), (entries) => {
    let out = entries.map((e) =>
      e.name === SHEET
        ? withText(
            { name: "xl/worksheets/sheet7.xml.bak" },
            text(e).replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="P1:XFD1048576"/></mergeCells>'),
          )
        : e,
    );
    out = mapEntry(out, "xl/_rels/workbook.xml.rels", (s) => s.replace("worksheets/sheet1.xml", "worksheets/sheet7.xml.bak"));
    return out;
  });
  // 2. An entry no relationship names, a bomb declaring 1 KB: never inflated.
  const bomb = zlib.deflateRawSync(Buffer.alloc(512 * 1024 * 1024, 0x20), { level: 1 });
  variant(good, p("planted-bak.xlsx"), (entries) => [
    ...entries,
    { name: "xl/worksheets/sheet7.xml.bak", deflated: bomb, size: 1024, crc: 0 },
  ]);
  // 3. XML comments of 460 KB and 20 MB full of mergeCell openings (the old pattern's trap).
  for (const [file, kb] of [
    ["comment-460k.xlsx", 460],
    ["comment-20m.xlsx", 20 * 1024],
  ]) {
    const filler = '<mergeCell ref="A1" '.repeat(Math.ceil((kb * 1024) / 20));
    variant(good, p(file), (entries) => mapEntry(entries, SHEET, (s) => s.replace("</sheetData>", `</sheetData><!-- ${filler} -->`)));
  }
  // 4. A relationships part of 60,000 "<Relationship " openings, and one of 60,000 real ones.
  variant(good, p("rels-60000-open.xlsx"), (entries) =>
    mapEntry(entries, "xl/_rels/workbook.xml.rels", (s) =>
      s.replace("</Relationships>", `${"<Relationship ".repeat(60_000)}</Relationships>`),
    ),
  );
  variant(good, p("rels-60000.xlsx"), (entries) =>
    mapEntry(entries, "xl/_rels/workbook.xml.rels", (s) => {
      const many = [];
      for (let i = 0; i < 60_000; i++) many.push(`<Relationship Id="x${i}" Type="urn:x" Target="x${i}.xml"/>`);
      return s.replace("</Relationships>", `${many.join("")}</Relationships>`);
    }),
  );
  // 5. Two million rich-text shared strings (two runs each), past the bound; the bound
  //    exactly (one million, two million runs); and one more.
  for (const [file, n] of [
    ["strings-2m.xlsx", 2_000_000],
    ["strings-1m.xlsx", 1_000_000],
    ["strings-over.xlsx", 1_000_001],
  ]) {
    variant(good, p(file), (entries) =>
      mapEntry(entries, "xl/sharedStrings.xml", (s) => {
        const si = [];
        const existing = s.split("<si>").length - 1;
        for (let i = 0; i < n - existing; i++) si.push(`<si><r><t>a${i}</t></r><r><rPr><b/></rPr><t>b</t></r></si>`);
        return s
          .replace("</sst>", `${si.join("")}</sst>`)
          .replace(/count="\d+"/, "")
          .replace(/uniqueCount="\d+"/, "");
      }),
    );
  }
  // 6. 1,990,000 number cells on a second sheet (the cells bound is 2,000,000).
  {
    const rows = [];
    for (let r = 1; r <= 199_000; r++) {
      let cells = "";
      for (let c = 1; c <= 10; c++) cells += `<c r="${letters(c)}${r}"><v>${c}</v></c>`;
      rows.push(`<row r="${r}">${cells}</row>`);
    }
    variant(good, p("cells-1990000.xlsx"), (entries) => addSheet(entries, "Dữ liệu", rows.join("")));
  }
  // 7. 249,000 rows on a second sheet (the rows bound is 250,000).
  {
    const rows = [];
    for (let r = 1; r <= 249_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    variant(good, p("rows-249000.xlsx"), (entries) => addSheet(entries, "Dữ liệu", rows.join("")));
  }
  // 8. A folder for tong-hop: two good registers among the hostile and huge ones.
  const folder = p("thu-muc");
  fs.mkdirSync(folder);
  await writeGoodRegister(path.join(folder, "chi-bo-1.xlsx"), "Chi bộ 1 quý");
  await writeGoodRegister(path.join(folder, "chi-bo-2.xlsx"), "Chi bộ 2 quý");
  for (const f of [
    "bak-sheet.xlsx",
    "planted-bak.xlsx",
    "comment-20m.xlsx",
    "rels-60000-open.xlsx",
    "strings-2m.xlsx",
    "strings-1m.xlsx",
    "cells-1990000.xlsx",
  ]) {
    fs.copyFileSync(p(f), path.join(folder, f));
  }
  const kt = (file) => ["kiem-tra", p(file), "--ngay", "2024-12-31", "--json"];
  const bc = (file) => ["bao-cao", p(file), "--quy", "4", "--nam", "2024", "-o", p(`ra-${file}`)];
  return {
    "bak-sheet kiem-tra": { args: kt("bak-sheet.xlsx"), exit: 0, topics: 4 },
    "bak-sheet bao-cao": { args: bc("bak-sheet.xlsx"), exit: 0, output: p("ra-bak-sheet.xlsx") },
    "planted-bak": { args: kt("planted-bak.xlsx"), exit: 0, topics: 4 },
    "comment-460k": { args: kt("comment-460k.xlsx"), exit: 0, topics: 4 },
    "comment-20m": { args: kt("comment-20m.xlsx"), exit: 0, topics: 4 },
    "rels-60000-open": {
      args: kt("rels-60000-open.xlsx"),
      exit: 2,
      message: /rels-60000-open\.xlsx bị hỏng: phần xl\/_rels\/workbook\.xml\.rels không phải XML hợp lệ/,
    },
    "rels-60000": {
      args: kt("rels-60000.xlsx"),
      exit: 2,
      message: /rels-60000\.xlsx quá lớn để đọc: phần xl\/_rels\/workbook\.xml\.rels có hơn 10\.000 liên kết/,
    },
    "strings-2m": { args: kt("strings-2m.xlsx"), exit: 2, message: /strings-2m\.xlsx quá lớn để đọc: .*hơn 1\.000\.000 đoạn chữ/ },
    "strings-1m": { args: kt("strings-1m.xlsx"), exit: 0, topics: 4 },
    "strings-over": { args: kt("strings-over.xlsx"), exit: 2, message: /strings-over\.xlsx quá lớn để đọc: .*hơn 1\.000\.000 đoạn chữ/ },
    "cells-1990000": { args: kt("cells-1990000.xlsx"), exit: 0, topics: 4 },
    "rows-249000": { args: kt("rows-249000.xlsx"), exit: 0, topics: 4 },
    "tong-hop folder": {
      args: ["tong-hop", folder, "-o", p("tong-hop.xlsx"), "--nam", "2024", "--ngay", "2024-12-31", "--json"],
      exit: 1,
      consolidated: ["chi-bo-1.xlsx", "chi-bo-2.xlsx"],
      unreadable: ["rels-60000-open.xlsx", "strings-2m.xlsx"],
    },
  };
}

function cleanupReaderCases(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { makeReaderCases, cleanupReaderCases };
