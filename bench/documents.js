#!/usr/bin/env node
"use strict";
// Benchmark of document making (SPEC §9: "a document in well under 100 ms").
// From build/ (npm run build:cli), in-process, on the sample register already read:
//   - ours: bienBanData (counts, names, problems) + fillTemplate (zip, checks, render,
//     zip again) of the built-in biên bản, alternating with the đề dẫn;
//   - raw:  docxtemplater alone on the same template with the same data already computed
//     (PizZip load + compile + render + generate): the floor any filler pays.
// Median of many runs after a warm-up. Writes documentMs, docsPerSecond and
// docsVsRawRatio (ours ÷ raw) into bench/results.json, keeping the other keys.
//
// Usage: node bench/documents.js [--runs N]   (bench/run.js calls run()).
const fs = require("fs");
const path = require("path");

const { ROOT, BUILD, RESULTS, argValue, median, ms } = require("./util");

/** The sample register as the grid an .xlsx read gives (rendered and read back in memory). */
async function sampleBook() {
  const { sampleWorkbook } = require(path.join(BUILD, "core", "make", "sample.js"));
  const { newWorkbook, renderSheets } = require(path.join(BUILD, "xlsx", "render.js"));
  const { loadWorkbookBytes } = require(path.join(BUILD, "cli", "xlsx.js"));
  const { readWorkbook } = require(path.join(BUILD, "core", "read", "register.js"));
  const wb = newWorkbook();
  renderSheets(wb, sampleWorkbook());
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const { grid } = await loadWorkbookBytes(bytes, "so-chuyen-de-mau.xlsx");
  return readWorkbook(grid);
}

async function run() {
  const runs = Number(argValue("--runs", "200"));
  const { bienBanData, deDanData } = require(path.join(BUILD, "core", "make", "documentData.js"));
  const { fillTemplate } = require(path.join(BUILD, "documents", "fill.js"));
  const PizZip = require("pizzip");
  const Docxtemplater = require("docxtemplater");
  const { sampleRows } = require(path.join(BUILD, "core", "make", "sample.js"));

  const book = await sampleBook();
  const held = Number(sampleRows().minutes[0][0]);
  const templates = {
    "bien-ban": new Uint8Array(fs.readFileSync(path.join(ROOT, "assets", "templates", "bien-ban.docx"))),
    "de-dan": new Uint8Array(fs.readFileSync(path.join(ROOT, "assets", "templates", "de-dan.docx"))),
  };
  const today = { year: 2025, month: 11, day: 3 };
  const ours = (i) =>
    i % 2 === 0
      ? fillTemplate(templates["bien-ban"], bienBanData(book, held).data)
      : fillTemplate(templates["de-dan"], deDanData(book, held, { today }));
  const data = { "bien-ban": bienBanData(book, held).data, "de-dan": deDanData(book, held, { today }) };
  const raw = (i) => {
    const kind = i % 2 === 0 ? "bien-ban" : "de-dan";
    const doc = new Docxtemplater(new PizZip(templates[kind]), { paragraphLoop: true, linebreaks: true });
    doc.render(data[kind]);
    return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
  };

  for (let i = 0; i < 20; i++) {
    ours(i);
    raw(i);
  }
  const oursTimes = [];
  const rawTimes = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    let t0 = process.hrtime.bigint();
    bytes = ours(i).length;
    oursTimes.push(ms(t0));
    t0 = process.hrtime.bigint();
    raw(i);
    rawTimes.push(ms(t0));
  }
  const documentMs = median(oursTimes);
  const rawMs = median(rawTimes);
  const values = {
    documentMs: +documentMs.toFixed(2),
    documentMaxMs: +Math.max(...oursTimes).toFixed(2),
    docsPerSecond: Math.round(1000 / documentMs),
    docsVsRawRatio: +(documentMs / rawMs).toFixed(2),
    documentBytes: bytes,
  };
  let all = {};
  try {
    all = JSON.parse(fs.readFileSync(RESULTS, "utf8"));
  } catch {
    all = {};
  }
  Object.assign(all, values);
  fs.writeFileSync(RESULTS, JSON.stringify(all, null, 2) + "\n");
  process.stderr.write(
    `documents: ${values.documentMs} ms per document (median of ${runs}, max ${values.documentMaxMs} ms), ` +
      `${values.docsPerSecond}/s; docxtemplater alone ${rawMs.toFixed(2)} ms → ratio ${values.docsVsRawRatio}\n`,
  );
  return values;
}

module.exports = { run };

if (require.main === module) {
  if (!fs.existsSync(path.join(BUILD, "documents", "fill.js"))) {
    process.stderr.write("build/ is missing: run `npm run build:cli` first\n");
    process.exitCode = 1;
  } else {
    run().catch((err) => {
      process.stderr.write(`bench failed: ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 1;
    });
  }
}
