// A hostile register for the page (issue 23): the sample register with a whole-sheet merge
// hidden in a sheet under an unusual part name (xl/worksheets/sheet7.xml.bak, reached
// through the workbook's relationships) and a 460 KB XML comment in the register's sheet —
// text that makes a backtracking regular expression over the sheet run for ever.
import PizZip from "pizzip";

const WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

export function hostileRegister(register: Uint8Array): Uint8Array {
  const zip = new PizZip(register);
  const text = (name: string): string => {
    const f = zip.file(name);
    if (!f) throw new Error(`no ${name}`);
    return f.asText();
  };
  zip.file(
    "xl/worksheets/sheet7.xml.bak",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ẩn</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    text("xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      `<Relationship Id="rIdHidden7" Type="${WORKSHEET_REL}" Target="worksheets/sheet7.xml.bak"/></Relationships>`,
    ),
  );
  zip.file(
    "xl/workbook.xml",
    text("xl/workbook.xml").replace("</sheets>", `<sheet name="Trang ẩn" sheetId="77" state="hidden" r:id="rIdHidden7"/></sheets>`),
  );
  zip.file(
    "[Content_Types].xml",
    text("[Content_Types].xml").replace(
      "</Types>",
      `<Override PartName="/xl/worksheets/sheet7.xml.bak" ContentType="${WORKSHEET}"/></Types>`,
    ),
  );
  // The trap: what a careless /<c [^>]*>(.*?)<\/c>/s or /<!--(.|\s)*?-->/ chews on for minutes.
  const trap = `<!--${'<c r="A1"><v>1</v '.repeat(24_000).slice(0, 460_000)}-->`;
  const sheet = "xl/worksheets/sheet1.xml";
  zip.file(sheet, text(sheet).replace("<sheetData>", `${trap}<sheetData>`));
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}
