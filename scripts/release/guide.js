// The printable user guide (huong-dan-su-dung.pdf): the secretary's guide and the đảng ủy
// staff's guide, from docs/, as one A4 document — a cover with the version and contents,
// then every task ("##" section) starting on a page of its own with its picture, page
// numbers at the foot. HTML from our Markdown converter, printed by Chromium (Debian's
// /usr/bin/chromium through playwright-core). Reproducible: pictures are inlined, fonts are
// the Liberation fonts (Debian fonts-liberation2), and the PDF's dates are set to the
// release date in place (same length, so the cross-reference offsets stay right).
"use strict";
const fs = require("fs");
const path = require("path");
const { markdownToHtml, escapeHtml } = require("./markdown");

/** Width and height of a PNG (from its IHDR chunk). */
function pngSize(bytes) {
  if (bytes.length < 24 || bytes.toString("ascii", 1, 4) !== "PNG") throw new Error("not a PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const pad = (n, w = 2) => String(n).padStart(w, "0");

/** dd/mm/yyyy of a Date's local fields. */
function vietnameseDate(date) {
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 20mm; }
html { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 12pt; line-height: 1.4; color: #111; }
body { margin: 0; }
h1, h2, h3 { font-family: "Liberation Sans", Arial, sans-serif; line-height: 1.2; }
h1 { font-size: 20pt; margin: 0 0 8mm; break-before: page; color: #8b0d1f; }
h2 { font-size: 15pt; margin: 0 0 4mm; break-before: page; border-bottom: 0.4mm solid #c8102e; padding-bottom: 1.5mm; }
section.first > h2 { break-before: avoid; margin-top: 8mm; }
h3 { font-size: 12.5pt; margin: 5mm 0 2mm; }
p, li { margin: 0 0 2.2mm; }
ul, ol { margin: 0 0 3mm; padding-left: 7mm; }
code { font-family: "Liberation Mono", monospace; font-size: 10pt; }
pre { font-family: "Liberation Mono", monospace; font-size: 9.5pt; background: #f3f3f3; padding: 2.5mm 3mm; white-space: pre-wrap; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0 0 4mm; font-size: 10.5pt; break-inside: auto; }
th, td { border: 0.25mm solid #888; padding: 1.2mm 1.8mm; vertical-align: top; text-align: left; }
th { background: #eee; }
tr { break-inside: avoid; }
figure { margin: 0 0 4mm; text-align: center; break-inside: avoid; }
figure img { display: block; margin: 0 auto 1.5mm; border: 0.25mm solid #bbb; }
figure.narrow { float: right; width: 68mm; margin: 0 0 3mm 6mm; }
figure.narrow img { max-width: 68mm; max-height: 205mm; }
figure.wide img { max-width: 100%; max-height: 150mm; }
figcaption { font-size: 9.5pt; font-style: italic; color: #444; }
section.task { overflow: hidden; }
.cover { text-align: center; padding-top: 40mm; }
.cover .product { font-family: "Liberation Sans", Arial, sans-serif; font-size: 30pt; font-weight: bold; color: #c8102e; margin-bottom: 6mm; }
.cover .title { font-size: 18pt; margin-bottom: 18mm; }
.cover .version { font-size: 13pt; }
.contents { text-align: left; margin: 18mm auto 0; width: 130mm; font-size: 11pt; }
.contents li { margin: 0 0 0.8mm; }
.contents h3 { font-size: 12.5pt; margin: 4mm 0 1mm; }
.contents ol { margin: 0; }
.ref { font-style: italic; }
`;

/** The guide as one HTML page. `docs`: Markdown files in print order; pictures they name are
 *  inlined as data: URLs, read relative to each file. */
function guideHtml({ docs, version, date }) {
  const parts = [];
  const contents = [];
  for (const file of docs) {
    const source = fs.readFileSync(file, "utf8");
    const dir = path.dirname(file);
    const image = (src) => `data:image/png;base64,${fs.readFileSync(path.resolve(dir, src)).toString("base64")}`;
    // Narrow pictures (the pane is 320–450 px wide) sit beside the steps; wide ones above them.
    const figureClass = (src) => (pngSize(fs.readFileSync(path.resolve(dir, src))).width < 500 ? "narrow" : "wide");
    let open = false;
    let afterTitle = false;
    let entry = null;
    let html = markdownToHtml(source, {
      image,
      figureClass,
      heading: (level, text, inner) => {
        let out = "";
        if (level <= 2 && open) {
          out += "</section>";
          open = false;
        }
        if (level === 1) {
          entry = { title: text, tasks: [] };
          contents.push(entry);
          afterTitle = true;
          return `${out}<h1>${inner}</h1>`;
        }
        if (level === 2) {
          entry?.tasks.push(text);
          open = true;
          // The guide's first section shares the page of its title and introduction.
          const cls = afterTitle ? "task first" : "task";
          afterTitle = false;
          return `${out}<section class="${cls}"><h2>${inner}</h2>`;
        }
        return `${out}<h${level}>${inner}</h${level}>`;
      },
    });
    if (open) html += "</section>";
    parts.push(html);
  }
  const toc = contents
    .map((c) => `<h3>${escapeHtml(c.title)}</h3><ol>${c.tasks.map((t) => `<li>${escapeHtml(t.replace(/[`*_]/g, ""))}</li>`).join("")}</ol>`)
    .join("");
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Sổ chuyên đề — Hướng dẫn sử dụng (phiên bản ${escapeHtml(version)})</title>` +
    `<style>${CSS}</style></head><body>` +
    `<div class="cover"><div class="product">SỔ CHUYÊN ĐỀ</div><div class="title">Hướng dẫn sử dụng</div>` +
    `<div class="version">Phiên bản ${escapeHtml(version)} · ngày ${vietnameseDate(date)}</div>` +
    `<div class="contents">${toc}</div></div>` +
    parts.join("\n") +
    `</body></html>`
  );
}

const FOOTER =
  "<div style=\"width:100%;font-family:'Liberation Serif',serif;font-size:9pt;color:#555;text-align:center\">" +
  'Sổ chuyên đề · Hướng dẫn sử dụng · Trang <span class="pageNumber"></span>/<span class="totalPages"></span></div>';

/** The PDF's creation and modification dates set to `date` (00:00 UTC), keeping each
 *  string's length so the cross-reference table stays valid. Throws on an unexpected form. */
function fixPdfDates(pdf, date) {
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}000000`;
  let text = pdf.toString("latin1");
  let count = 0;
  text = text.replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (m, key, digits, zone) => {
    count += 1;
    const fixedZone = zone.length === 0 ? "" : zone.length === 1 ? "Z" : zone.length === 7 ? "+00'00'" : null;
    if (fixedZone === null) throw new Error(`unexpected PDF date ${m}`);
    return `/${key} (D:${stamp}${fixedZone})`;
  });
  // XMP metadata, if the printer writes it, carries the same dates in ISO form.
  const iso = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T00:00:00`;
  text = text.replace(/(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)/g, (m, open) => `${open}${iso}`);
  if (count === 0) throw new Error("the PDF has no creation date to fix");
  const out = Buffer.from(text, "latin1");
  if (out.length !== pdf.length) throw new Error("fixing the PDF's dates changed its length");
  return out;
}

/** Prints `html` to an A4 PDF with Chromium; returns the bytes with their dates set to `date`. */
async function printPdf(html, date, chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium") {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install the Debian package chromium (or set CHROMIUM_PATH)`);
  }
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--font-render-hinting=none"] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({
      format: "A4",
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: FOOTER,
      tagged: false,
      outline: false,
    });
    return fixPdfDates(Buffer.from(pdf), date);
  } finally {
    await browser.close();
  }
}

module.exports = { guideHtml, printPdf, fixPdfDates, pngSize };
