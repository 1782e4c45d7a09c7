// Zips whose bytes depend only on their contents: entries in name order, every entry
// stamped with one fixed local time (zip times are local-time fields, so the bytes are the
// same in any time zone), DEFLATE level 9. Used for the release zip and for the Word
// templates (scripts/make-templates.js), which re-zips the `docx` package's output.
"use strict";
const PizZip = require("pizzip");

/** `entries` ({name, data}) as zip bytes stamped with `date` (a Date whose local fields are used). */
function reproducibleZip(entries, date) {
  const zip = new PizZip();
  for (const { name, data } of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    zip.file(name, data, { date, binary: true, createFolders: false });
  }
  return zip.generate({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** The files of a zip (folders left out) as {name, data}. */
function zipEntries(bytes) {
  const zip = new PizZip(bytes);
  return Object.keys(zip.files)
    .filter((name) => !zip.files[name].dir)
    .map((name) => ({ name, data: Buffer.from(zip.files[name].asUint8Array()) }));
}

/** An Office package (docx/xlsx) with its docProps/core.xml dates set to `iso` and its entries re-zipped at `date`. */
function reproduciblePackage(bytes, iso, date) {
  const entries = zipEntries(bytes).map(({ name, data }) => {
    if (name !== "docProps/core.xml") return { name, data };
    const xml = data
      .toString("utf8")
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
    return { name, data: Buffer.from(xml, "utf8") };
  });
  return reproducibleZip(entries, date);
}

module.exports = { reproducibleZip, reproduciblePackage, zipEntries };
