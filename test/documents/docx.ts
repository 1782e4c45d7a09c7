// Small .docx helpers for the document tests: read the text of a filled document, build a
// template by hand (including one whose tag Word split across runs), and convert a
// .docx to text through LibreOffice when it is installed.
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import PizZip from "pizzip";
import { unescapeXml } from "../../src/core/shared/xml";
import { sofficePath, withPdfs } from "../support/pdf";

export { sofficePath };

export const TEMPLATES_DIR = path.resolve(__dirname, "..", "..", "assets", "templates");

export function builtInTemplate(kind: "de-dan" | "bien-ban" | "danh-sach" | "thong-bao" | "ke-hoach" | "bao-cao"): Uint8Array {
  return new Uint8Array(readFileSync(path.join(TEMPLATES_DIR, `${kind}.docx`)));
}

export function zipEntry(docx: Uint8Array, name: string): string {
  const file = new PizZip(docx).file(name);
  if (!file) throw new Error(`no ${name} in the docx`);
  return file.asText();
}

/** The document's paragraphs as text (runs joined, <w:br/> as a newline). */
export function docxParagraphs(docx: Uint8Array): string[] {
  const xml = zipEntry(docx, "word/document.xml");
  const out: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    let text = "";
    for (const m of p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)) text += m[1] === undefined ? "\n" : unescapeXml(m[1]);
    out.push(text);
  }
  return out;
}

export function docxText(docx: Uint8Array): string {
  return docxParagraphs(docx).join("\n");
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  "</Types>";
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  "</Relationships>";

/** A run as Word writes it: its own formatting, then the text. */
export function run(text: string, props = ""): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
}

export function paragraph(...runs: string[]): string {
  return `<w:p>${runs.join("")}</w:p>`;
}

/** A minimal valid .docx whose body is the given paragraphs. */
export function makeDocx(...paragraphs: string[]): Uint8Array {
  const zip = new PizZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES);
  zip.file("_rels/.rels", RELS);
  zip.file(
    "word/document.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      paragraphs.join("") +
      "</w:body></w:document>",
  );
  return zip.generate({ type: "uint8array" });
}

/** Converts each .docx to PDF with LibreOffice, then to layout text with pdftotext.
 *  Returns the texts in order. */
export function docxToPdfText(files: { name: string; bytes: Uint8Array }[]): string[] {
  return withPdfs(
    files,
    (pdf) => execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).normalize("NFC"),
    120_000,
  );
}
