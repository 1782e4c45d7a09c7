// Helpers for tests that work on real .xlsx files: build one with exceljs, poke at its
// XML the way Excel would have written it, hash a file to prove it was not modified.
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import * as crypto from "crypto";
import ExcelJS from "exceljs";
import PizZip from "pizzip";

/** A fresh temp folder; remove it with removeTempDir. */
export function makeTempDir(prefix = "chuyende-test-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Builds a workbook with `build` and writes it to `file`. */
export async function writeXlsx(file: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Names of the zip entries of an .xlsx file. */
export function zipEntries(file: string): string[] {
  return Object.keys(new PizZip(readFileSync(file)).files);
}

/** Text of one zip entry. */
export function zipText(file: string, entry: string): string {
  const f = new PizZip(readFileSync(file)).files[entry];
  if (!f) throw new Error(`no ${entry} in ${file}`);
  return f.asText();
}

/** The XML of the worksheet named `sheet` (follows workbook.xml and its rels). */
export function sheetXml(file: string, sheet: string): string {
  const zip = new PizZip(readFileSync(file));
  const wbXml = zip.files["xl/workbook.xml"].asText();
  const rels = zip.files["xl/_rels/workbook.xml.rels"].asText();
  const esc = sheet.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const m = new RegExp(`<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(wbXml);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const rel =
    new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!rel) throw new Error(`no rel ${m[1]}`);
  const target = rel[1].replace(/^\/?xl\//, "").replace(/^\//, "");
  return zip.files[`xl/${target}`].asText();
}

/** Rewrites every table part the way Excel writes it: no headerRowCount attribute (Excel
 *  omits the default 1) and totalsRowShown="0". */
export function makeTablesExcelStyle(file: string): void {
  const zip = new PizZip(readFileSync(file));
  for (const entry of Object.keys(zip.files)) {
    if (!/^xl\/tables\/.*\.xml$/.test(entry)) continue;
    const xml = zip.files[entry]
      .asText()
      .replace(/\s+headerRowCount="[^"]*"/, "")
      .replace(/\s+totalsRowShown="[^"]*"/, ' totalsRowShown="0"');
    zip.file(entry, xml);
  }
  writeFileSync(file, zip.generate({ type: "nodebuffer", compression: "DEFLATE" }));
}

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** XML of every table part, in entry order. */
export function tableXmls(file: string): string[] {
  return zipEntries(file)
    .filter((e) => /^xl\/tables\/[^/]+\.xml$/.test(e))
    .map((e) => zipText(file, e));
}

/** A Compound File Binary (OLE2) container: the 8-byte signature, a 512-byte header and
 *  a directory sector naming the given streams (UTF-16LE, as CFB stores them). */
export function cfb(streams: string[]): Buffer {
  const buf = Buffer.alloc(512 + 512 * 2);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 0x18); // minor version
  buf.writeUInt16LE(0x0003, 0x1a); // major version 3
  buf.writeUInt16LE(0xfffe, 0x1c); // little-endian
  buf.writeUInt16LE(9, 0x1e); // 512-byte sectors
  ["Root Entry", ...streams].forEach((name, i) => {
    const at = 1024 + i * 128;
    buf.write(name, at, "utf16le");
    buf.writeUInt16LE((name.length + 1) * 2, at + 64);
    buf.writeUInt8(i === 0 ? 5 : 2, at + 66);
  });
  return buf;
}
