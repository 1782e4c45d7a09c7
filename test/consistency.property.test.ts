// One verdict on every page (SPEC §10): over random registers and as-of dates, every output
// is read back the way a reader gets it — `kiem-tra --json` (the object the command prints),
// the report sheet's cells (rendered with exceljs and loaded again), the report's .docx text,
// the Tổng hợp rows (rendered and loaded again), the custom functions DEMQUY and KIEMTRA — and
// each topic's status, each quarter's verdict and the year's verdict must be the same in all
// of them, and the same as a plain reading of SPEC §4 (the oracle below). A disagreement
// planted in any one output fails here (see the report of issue 20).
import fc from "fast-check";
import { check } from "../src/core/check/check";
import { checkResultToJson } from "../src/cli/commands/kiem-tra";
import { loadWorkbookBytes } from "../src/cli/xlsx";
import { buildCanonicalWorkbook } from "../src/core/make/canonical";
import { buildConsolidationSheets, consolidateEntry } from "../src/core/make/consolidate";
import { quarterReport, reportSheet, reportSheetName } from "../src/core/make/report";
import type { ModelValue } from "../src/core/make/sheetModel";
import { compareDates, dateToExcelSerial, formatQuarter, quarterEnd, quarterOf } from "../src/core/read/dates";
import { readWorkbook } from "../src/core/read/register";
import type { CellValue, Quarter, SheetGrid, SimpleDate, WorkbookGrid } from "../src/core/shared/types";
import { quarterReportDocx } from "../src/documents/reportDocx";
import { demQuy, kiemTraWorkbook } from "../src/functions/compute";
import { newWorkbook, renderSheets } from "../src/xlsx/render";
import { docxParagraphs } from "./documents/docx";

const YEAR = 2024;
const MEMBERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"];
type Status = null | "Đã sinh hoạt" | "Dự kiến" | "Hoãn" | "Hủy";
type Label = "Đã sinh hoạt" | "Chưa xác nhận" | "Dự kiến" | "Hoãn" | "Hủy";
type Kind = "Đạt" | "Chưa đạt" | "Chưa đến hạn";

interface TopicSpec {
  quarter: "I" | "II" | "III" | "IV" | null;
  meeting: SimpleDate | null;
  status: Status;
  note: string;
  attended: boolean;
}

interface Case {
  topics: TopicSpec[];
  asOf: SimpleDate;
  minimum: number;
  quarter: Quarter;
}

const dayOf = (year: number, dayOfYear: number): SimpleDate => {
  const t = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

const topicArb: fc.Arbitrary<TopicSpec> = fc.record({
  quarter: fc.constantFrom<TopicSpec["quarter"]>(null, "I", "II", "III", "IV"),
  meeting: fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 365 }).map((d) => dayOf(YEAR, d)) },
    { weight: 1, arbitrary: fc.integer({ min: 300, max: 420 }).map((d) => dayOf(YEAR - 1, d)) },
  ),
  status: fc.constantFrom<Status>(null, "Đã sinh hoạt", "Dự kiến", "Dự kiến", "Hoãn", "Hủy"),
  note: fc.constantFrom("", "Trùng lịch công tác của đơn vị"),
  attended: fc.boolean(),
});

/** One topic per quarter, held or planned on a day of that quarter, so a good share of the
 *  registers can meet the year (random rows alone rarely cover four quarters). */
const yearArb: fc.Arbitrary<TopicSpec[]> = fc.tuple(
  ...([0, 1, 2, 3] as const).map((q) =>
    fc.record({
      quarter: fc.constant<TopicSpec["quarter"]>((["I", "II", "III", "IV"] as const)[q]),
      meeting: fc.integer({ min: q * 91 + 5, max: q * 91 + 85 }).map((d) => dayOf(YEAR, d)),
      status: fc.constantFrom<Status>("Đã sinh hoạt", "Dự kiến", null),
      note: fc.constant(""),
      attended: fc.boolean(),
    }),
  ),
);

const caseArb: fc.Arbitrary<Case> = fc.record({
  topics: fc.oneof(
    fc.array(topicArb, { minLength: 0, maxLength: 8 }),
    fc.tuple(yearArb, fc.array(topicArb, { maxLength: 3 })).map(([year, more]) => [...year, ...more]),
  ),
  asOf: fc.integer({ min: 0, max: 365 + 90 }).map((d) => dayOf(YEAR, d)),
  minimum: fc.constantFrom(3, 4, 5),
  quarter: fc.constantFrom<Quarter>(1, 2, 3, 4),
});

const title = (i: number) => `Chuyên đề số ${i + 1}`;

// ---- the oracle: SPEC §4 and §10 read plainly --------------------------------

function oracleTopic(t: TopicSpec, asOf: SimpleDate): { label: Label; held: boolean; quarter: Quarter | null; year: number } {
  const quarter = t.meeting ? quarterOf(t.meeting) : t.quarter ? ((["I", "II", "III", "IV"].indexOf(t.quarter) + 1) as Quarter) : null;
  const year = t.meeting ? t.meeting.year : YEAR;
  if (t.status === "Hoãn") return { label: "Hoãn", held: false, quarter, year };
  if (t.status === "Hủy") return { label: "Hủy", held: false, quarter, year };
  const held = t.status === "Đã sinh hoạt" || (t.meeting !== null && compareDates(t.meeting, asOf) <= 0);
  if (!held) return { label: "Dự kiến", held, quarter, year };
  return { label: t.status === "Đã sinh hoạt" || t.attended ? "Đã sinh hoạt" : "Chưa xác nhận", held, quarter, year };
}

function oracleQuarters(c: Case): { held: number; kind: Kind }[] {
  return ([1, 2, 3, 4] as Quarter[]).map((q) => {
    const held = c.topics.map((t) => oracleTopic(t, c.asOf)).filter((o) => o.held && o.year === YEAR && o.quarter === q).length;
    const ended = compareDates(quarterEnd(YEAR, q), c.asOf) <= 0;
    return { held, kind: held > 0 ? "Đạt" : ended ? "Chưa đạt" : "Chưa đến hạn" };
  });
}

function oracleYear(c: Case): Kind {
  const quarters = oracleQuarters(c);
  const held = quarters.reduce((n, q) => n + q.held, 0);
  const ended = compareDates(quarterEnd(YEAR, 4), c.asOf) <= 0;
  if (quarters.some((q) => q.kind === "Chưa đạt") || (ended && held < c.minimum)) return "Chưa đạt";
  return ended ? "Đạt" : "Chưa đến hạn";
}

// ---- the register as a file, and every output read back -----------------------

function registerRows(c: Case): ModelValue[][] {
  return c.topics.map((t, i) => [
    i + 1,
    t.quarter,
    title(i),
    "Xây dựng Đảng",
    MEMBERS[i % MEMBERS.length],
    null,
    null,
    null,
    t.meeting ? { date: t.meeting } : null,
    "Riêng",
    t.status,
    null,
    null,
    t.note === "" ? null : t.note,
  ]);
}

async function reload(models: Parameters<typeof renderSheets>[1], name: string): Promise<WorkbookGrid> {
  const wb = newWorkbook();
  renderSheets(wb, models);
  return (await loadWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), name)).grid;
}

const text = (v: CellValue): string => (v === null || v === undefined ? "" : v instanceof Date ? "" : String(v));

function cellsOf(sheet: SheetGrid): string[][] {
  return sheet.values.map((row) => (row ?? []).map(text));
}

/** The line starting with `prefix` among the texts (trimmed). */
function line(texts: string[], prefix: string): string {
  const found = texts.find((t) => t.startsWith(prefix));
  if (found === undefined) throw new Error(`no line starting "${prefix}"`);
  return found;
}

function quarterKindOf(line1: string): Kind {
  if (line1.includes("— đạt yêu cầu")) return "Đạt";
  if (line1.includes("— chưa đạt yêu cầu")) return "Chưa đạt";
  if (line1.includes("chưa đến hạn")) return "Chưa đến hạn";
  throw new Error(`no verdict in "${line1}"`);
}

function yearKindOf(line2: string): Kind {
  if (line2.includes("chi bộ đạt yêu cầu")) return "Đạt";
  if (line2.includes("chi bộ chưa đạt yêu cầu")) return "Chưa đạt";
  if (line2.includes("chưa kết thúc")) return "Chưa đến hạn";
  throw new Error(`no year verdict in "${line2}"`);
}

interface ReadBack {
  json: { quarters: { quarter: number; held: number; planned: number; ok: boolean }[]; findings: { code: string; severity: string }[] };
  sheet: { line1: string; line2: string; byQuarter: string[]; statuses: Map<string, string> };
  docx: { line1: string; line2: string; byQuarter: string[]; statuses: Map<string, string> };
  tongHop: { quarters: number[]; total: number; year: string; missing: string; statuses: Map<string, string> };
  demQuy: number[];
  kiemTraMissed: number;
}

async function outputs(c: Case): Promise<ReadBack> {
  const grid = await reload(
    buildCanonicalWorkbook({
      year: YEAR,
      chiBo: "Chi bộ Phòng Kế toán",
      dangBoCoSo: "Đảng bộ Phường Bến Thành",
      info: { biThu: MEMBERS[0], minTopicsPerYear: c.minimum },
      members: MEMBERS.map((n, i) => [n, i === 0 ? "Bí thư" : "Đảng viên", "Chính thức", "Không", null]),
      register: registerRows(c),
      attendance: c.topics.flatMap((t, i) =>
        t.attended ? MEMBERS.map((n, k) => [i + 1, n, k === 4 ? "Vắng có lý do" : "Có mặt", null]) : [],
      ),
      emptyRows: 0,
    }),
    "so.xlsx",
  );
  const book = readWorkbook(grid);
  const result = check(book, { asOf: c.asOf });
  const json = JSON.parse(JSON.stringify(checkResultToJson("so.xlsx", result))) as ReadBack["json"];

  // Báo cáo quý: the sheet as bao-cao writes it, loaded again; the Word file's paragraphs.
  const report = quarterReport(book, result, c.quarter, YEAR, { today: c.asOf });
  const name = reportSheetName(c.quarter, YEAR);
  const reportGrid = await reload([reportSheet(report, name)], "bc.xlsx");
  const rows = cellsOf(reportGrid.sheets.find((s) => s.name === name)!);
  const sheetTexts = rows.flat().filter((t) => t !== "");
  const sheetStatuses = new Map<string, string>();
  const header = rows.findIndex((r) => r[0] === "STT" && r[3] === "Kết quả");
  if (header >= 0) {
    for (let r = header + 1; r < rows.length && /^\d+$/.test(rows[r][0] ?? ""); r++) {
      sheetStatuses.set(rows[r][1].split("\n")[0], rows[r][3].split("\n")[0]);
    }
  }
  const paragraphs = docxParagraphs(quarterReportDocx(report));
  const docxStatuses = new Map<string, string>();
  const at = paragraphs.indexOf("Các bước thực hiện");
  if (at >= 0) {
    for (let p = at + 1; p + 4 < paragraphs.length && /^\d+$/.test(paragraphs[p]); p += 5) {
      docxStatuses.set(paragraphs[p + 1].split("\n")[0], paragraphs[p + 3].split("\n")[0]);
    }
  }
  const byQuarter = (texts: string[]) => texts.filter((t) => /^- Quý (I|II|III|IV)\/2024: /.test(t));

  // Tổng hợp: both sheets as tong-hop writes them, loaded again.
  const thGrid = await reload(buildConsolidationSheets([consolidateEntry("so.xlsx", book, result)], [], { asOf: c.asOf }), "th.xlsx");
  const summary = cellsOf(thGrid.sheets.find((s) => s.name === "Tổng hợp")!);
  const h = summary.findIndex((r) => r.includes("Kết quả cả năm"));
  const row = summary[h + 1];
  // A trailing empty cell is not in the row.
  const col = (header: string) => row[summary[h].indexOf(header)] ?? "";
  const list = cellsOf(thGrid.sheets.find((s) => s.name === "Danh sách chuyên đề")!);
  const lh = list.findIndex((r) => r.includes("Tình hình"));
  const thStatuses = new Map<string, string>();
  for (const r of list.slice(lh + 1)) {
    const t = r[list[lh].indexOf("Tên chuyên đề")];
    if (t) thStatuses.set(t, r[list[lh].indexOf("Tình hình")]);
  }

  // Custom functions on the register as Excel hands it over (dates as serial numbers).
  const registerValues = grid.sheets
    .find((s) => s.name === "Sổ chuyên đề")!
    .values.map((r) =>
      (r ?? []).map((v) =>
        v instanceof Date ? dateToExcelSerial({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() }) : v,
      ),
    );
  const demQuyByQuarter = [1, 2, 3, 4].map((q) => demQuy(registerValues, q, YEAR, c.asOf));
  const kiemTra = kiemTraWorkbook(grid, YEAR, dateToExcelSerial(c.asOf), c.asOf);
  const kiemTraMissed = kiemTra.filter((r) => r[0] === "THIEU_CHUYEN_DE_QUY" && r[1] === "Lỗi").length;

  return {
    json,
    sheet: {
      line1: line(sheetTexts, "1. "),
      line2: line(sheetTexts, "2. "),
      byQuarter: byQuarter(sheetTexts),
      statuses: sheetStatuses,
    },
    docx: { line1: line(paragraphs, "1. "), line2: line(paragraphs, "2. "), byQuarter: byQuarter(paragraphs), statuses: docxStatuses },
    tongHop: {
      quarters: ["Quý I", "Quý II", "Quý III", "Quý IV"].map((q) => Number(col(q))),
      total: Number(col("Tổng số đã sinh hoạt")),
      year: col("Kết quả cả năm"),
      missing: col("Quý không sinh hoạt chuyên đề"),
      statuses: thStatuses,
    },
    demQuy: demQuyByQuarter,
    kiemTraMissed,
  };
}

function assertAgree(c: Case, out: ReadBack): void {
  const quarters = oracleQuarters(c);
  const topics = c.topics.map((t) => oracleTopic(t, c.asOf));

  // Each topic's status: the report's table (sheet and Word) and Tổng hợp's list.
  topics.forEach((o, i) => {
    expect([title(i), out.tongHop.statuses.get(title(i))]).toEqual([title(i), o.label]);
    if (o.year === YEAR && o.quarter === c.quarter) {
      expect([title(i), out.sheet.statuses.get(title(i))]).toEqual([title(i), o.label]);
      expect([title(i), out.docx.statuses.get(title(i))]).toEqual([title(i), o.label]);
    }
  });
  const inQuarter = topics.filter((o) => o.year === YEAR && o.quarter === c.quarter).length;
  expect(out.sheet.statuses.size).toBe(inQuarter);
  expect(out.docx.statuses.size).toBe(inQuarter);

  // Each quarter's count and verdict: kiem-tra --json, DEMQUY, KIEMTRA, Tổng hợp, the report.
  expect(out.json.quarters.map((q) => q.held)).toEqual(quarters.map((q) => q.held));
  expect(out.json.quarters.map((q, i) => (quarters[i].kind === "Chưa đạt" ? !q.ok : true))).toEqual([true, true, true, true]);
  expect(out.demQuy).toEqual(quarters.map((q) => q.held));
  expect(out.tongHop.quarters).toEqual(quarters.map((q) => q.held));
  expect(out.tongHop.total).toBe(quarters.reduce((n, q) => n + q.held, 0));
  const missed = quarters.map((q, i) => (q.kind === "Chưa đạt" ? ["I", "II", "III", "IV"][i] : "")).filter((x) => x !== "");
  expect(out.tongHop.missing).toBe(missed.join(", "));
  expect(out.kiemTraMissed).toBe(missed.length);
  expect(out.json.findings.filter((f) => f.code === "THIEU_CHUYEN_DE_QUY" && f.severity === "error").length).toBe(missed.length);
  expect(quarterKindOf(out.sheet.line1)).toBe(quarters[c.quarter - 1].kind);
  expect(out.docx.line1).toBe(out.sheet.line1);

  // The year's verdict: Tổng hợp's row and, in Quý IV, the report's line and its list by quarter.
  const year = oracleYear(c);
  expect(out.tongHop.year).toBe(year);
  if (c.quarter === 4) {
    expect(yearKindOf(out.sheet.line2)).toBe(year);
    expect(out.docx.line2).toBe(out.sheet.line2);
    expect(out.sheet.byQuarter).toHaveLength(4);
    out.sheet.byQuarter.forEach((l, i) => {
      const name = formatQuarter((i + 1) as Quarter, YEAR);
      const held = quarters[i].held;
      expect(l.startsWith(held > 0 ? `- ${name}: đã sinh hoạt ${String(held).padStart(2, "0")} chuyên đề` : `- ${name}: `)).toBe(true);
      if (held === 0) expect(l).toMatch(/không tổ chức|chưa tổ chức/);
    });
    expect(out.docx.byQuarter).toEqual(out.sheet.byQuarter);
  }
}

test("every output states the same topic statuses and quarter and year verdicts", async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      assertAgree(c, await outputs(c));
    }),
    // Each run writes and reads four workbooks and one document: a few dozen cover the
    // statuses, the quarters and the year's three verdicts (seeded: the same cases in CI).
    { numRuns: 40, seed: 20_2024 },
  );
}, 120_000);

test("the cases reach every verdict: met, not met and not yet due, for quarters and the year", () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(caseArb, (c) => {
      seen.add(`year ${oracleYear(c)}`);
      for (const q of oracleQuarters(c)) seen.add(`quarter ${q.kind}`);
      for (const t of c.topics) seen.add(`topic ${oracleTopic(t, c.asOf).label}`);
    }),
    { numRuns: 40, seed: 20_2024 },
  );
  expect([...seen].sort()).toEqual(
    [
      "quarter Chưa đạt",
      "quarter Chưa đến hạn",
      "quarter Đạt",
      "topic Chưa xác nhận",
      "topic Dự kiến",
      "topic Hoãn",
      "topic Hủy",
      "topic Đã sinh hoạt",
      "year Chưa đạt",
      "year Chưa đến hạn",
      "year Đạt",
    ].sort(),
  );
});
