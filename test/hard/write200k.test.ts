// A 200,000-row register (issue 24 item 7, the write half): `chuyen-doi` and `bao-cao`
// write it in a child process under 1 GB peak resident memory and a minute of processor
// time, and what they write opens: every XML part well-formed (xmllint), the rows all
// there (counted by a streaming parse of the sheet), the report re-read by kiem-tra.
jest.setTimeout(900_000);
import { execFileSync } from "child_process";
import * as path from "path";
import { readFileSync, rmSync, writeFileSync } from "fs";
import { Unzip, UnzipInflate, strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { ensureBuilt } from "../cli/helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { missingTools } from "../support/tools";
import { xmlOutline } from "../../src/xlsx/xmlOutline";

interface Measured {
  exit: number | null;
  seconds: number;
  cpuSeconds: number | null;
  peakRssMb: number | null;
  stderr: string;
  stdout: string;
}
interface WriteBench {
  makeRegister(file: string, rows: number): Promise<void>;
  runMeasured(args: string[], options?: { timeout?: number }): Measured;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bench = require("../../bench/write200k.js") as WriteBench;

const ROWS = 200_000;
const BIN = path.join(__dirname, "..", "..", "bin", "chuyende.js");
let dir: string;
let input: string;

beforeAll(async () => {
  ensureBuilt();
  dir = makeTempDir("chuyende-write200k-");
  input = path.join(dir, "so-200k.xlsx");
  await bench.makeRegister(input, ROWS);
});
afterAll(() => removeTempDir(dir));

/** The <row> elements of each sheet part, counted as the part is inflated (never whole). */
function rowsPerSheet(file: string): Map<string, number> {
  const counts = new Map<string, number>();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (f) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(f.name)) return;
    const parser = new SaxesParser();
    let n = 0;
    parser.on("opentag", (t) => {
      if (t.name === "row") n++;
    });
    const decoder = new TextDecoder();
    f.ondata = (err, chunk, final) => {
      if (err) throw err;
      parser.write(decoder.decode(chunk, { stream: !final }));
      if (final) {
        parser.close();
        counts.set(f.name, n);
      }
    };
    f.start();
  };
  unzip.push(new Uint8Array(readFileSync(file)), true);
  return counts;
}

function sheetPartOf(file: string, sheet: string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(file)), { filter: (f) => !f.name.startsWith("xl/worksheets/sheet") });
  const sheets = xmlOutline(strFromU8(parts["xl/workbook.xml"]), 3).filter((e) => e.path === "workbook/sheets/sheet");
  const rels = xmlOutline(strFromU8(parts["xl/_rels/workbook.xml.rels"]), 2);
  const id = sheets.find((e) => e.attrs.name === sheet)?.attrs["r:id"];
  const target = rels.find((e) => e.attrs.Id === id)?.attrs.Target;
  if (!target) throw new Error(`no sheet ${sheet}`);
  return `xl/${target}`;
}

/** Every XML part through xmllint (streaming, so the 100 MB sheet is no burden). */
function expectValidXml(file: string): void {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const out = path.join(dir, "part.xml");
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    writeFileSync(out, data);
    expect(() => execFileSync("xmllint", ["--noout", "--stream", out], { stdio: "pipe" })).not.toThrow();
  }
  rmSync(out, { force: true });
}

const skip = missingTools("xmllint");
const maybe = skip ? test.skip : test;

function expectBounded(r: Measured, what: string): void {
  process.stderr.write(`${what} of ${ROWS} rows: ${r.seconds} s, ${r.cpuSeconds} s processor, peak ${r.peakRssMb} MB\n`);
  expect(r.stderr).not.toMatch(/at .*\(.*:\d+:\d+\)/);
  expect(r.peakRssMb).not.toBeNull();
  expect(r.peakRssMb as number).toBeLessThan(1024);
  // Processor time, so that four other engineers' jobs on two cores do not decide it.
  expect(r.cpuSeconds as number).toBeLessThan(60);
}

maybe("chuyen-doi of 200,000 rows: under 1 GB and a minute, every row written, valid XML", () => {
  const out = path.join(dir, "chuan.xlsx");
  const r = bench.runMeasured([BIN, "chuyen-doi", input, "-o", out, "--ngay", "31/12/2024"]);
  expect(r.exit).toBe(0);
  expectBounded(r, "chuyen-doi");
  expect(r.stdout).toContain(`${ROWS} chuyên đề`);
  const rows = rowsPerSheet(out);
  // The register: 3 title/header rows, the rows, 10 empty rows to fill in.
  expect(rows.get(sheetPartOf(out, "Sổ chuyên đề (chuẩn)"))).toBe(2 + 1 + ROWS + 10);
  // The user's register carried over: header + rows.
  expect(rows.get(sheetPartOf(out, "Sổ chuyên đề"))).toBe(ROWS + 1);
  expectValidXml(out);
});

maybe("bao-cao of 200,000 rows: under 1 GB and a minute, re-read by kiem-tra, valid XML", () => {
  const out = path.join(dir, "bao-cao.xlsx");
  const r = bench.runMeasured([BIN, "bao-cao", input, "--quy", "IV", "--ngay", "31/12/2024", "-o", out]);
  expect(r.exit).toBe(1); // the register's findings (rows without a date) are errors
  expectBounded(r, "bao-cao");
  expectValidXml(out);
  const again = bench.runMeasured([BIN, "kiem-tra", out, "--json", "--ngay", "31/12/2024"]);
  const json = JSON.parse(again.stdout) as { register: { topics: number } };
  expect(json.register.topics).toBe(ROWS);
  expect(rowsPerSheet(out).get(sheetPartOf(out, "Báo cáo Quý IV-2024"))).toBeGreaterThan(ROWS / 4);
});
