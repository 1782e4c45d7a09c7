import { check } from "../../../src/core/check/check";
import {
  buildConsolidationSheets,
  consolidateEntry,
  consolidationJson,
  isConsolidationWorkbook,
  uniqueSheetName,
  type ConsolidatedCell,
} from "../../../src/core/make/consolidate";
import type { ModelValue, SheetModel } from "../../../src/core/make/sheetModel";
import type { ParsedWorkbook } from "../../../src/core/shared/types";
import { buildBook, completeTopic, day } from "../../support/bookBuilder";

const asOf = day("2024-12-31");

function show(v: ModelValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && !(v instanceof Date) && "date" in v) {
    const d = v.date;
    return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;
  }
  return String(v);
}

/** The sheet as text, tables included (header row, then data rows), 1-based. */
function grid(model: SheetModel): string[][] {
  const out: string[][] = [];
  for (const t of model.tables ?? []) {
    t.headers.forEach((h, j) => ((out[t.top] ??= [])[t.left + j] = h));
    t.rows.forEach((row, i) => row.forEach((v, j) => ((out[t.top + 1 + i] ??= [])[t.left + j] = show(v))));
  }
  for (const c of model.cells) (out[c.row] ??= [])[c.col] = show(c.value);
  return Array.from(out, (r) => (r ? Array.from(r, (v) => v ?? "") : []));
}

/** A cell that held a topic every quarter. */
function fullBook(): ParsedWorkbook {
  return buildBook({
    info: { dangBoCoSo: "Đảng bộ Phường 1", chiBo: "Chi bộ Khu phố 1", year: 2024 },
    topics: [
      completeTopic("10/02/2024", { title: "Chuyên đề quý một", group: "Xây dựng Đảng" }),
      completeTopic("10/05/2024", { title: "Chuyên đề quý hai" }),
      completeTopic("10/08/2024", { title: "Chuyên đề quý ba" }),
      completeTopic("10/11/2024", { title: "Chuyên đề quý bốn", assignees: "Lê Thị Hoa và Trần Văn Nam" }),
    ],
  });
}

/** A cell that skipped Q2 and Q4 (one topic postponed). */
function gappyBook(): ParsedWorkbook {
  return buildBook({
    info: { dangBoCoSo: "Đảng bộ Phường 2", chiBo: "Chi bộ Khu phố 7", year: 2024 },
    topics: [
      completeTopic("10/02/2024", { title: "Một" }),
      completeTopic("10/03/2024", { title: "Hai" }),
      { title: "Ba", quarter: "II", status: "Hoãn" },
      completeTopic("10/08/2024", { title: "Bốn" }),
      { title: "Năm", meetingOn: "ngày 40 tháng 13" },
    ],
  });
}

describe("consolidateEntry", () => {
  test("a cell that met the quota", () => {
    const book = fullBook();
    const e = consolidateEntry("a.xlsx", book, check(book, { asOf }));
    expect(e).toMatchObject({
      file: "a.xlsx",
      partyCommittee: "Đảng bộ Phường 1",
      cell: "Chi bộ Khu phố 1",
      year: 2024,
      quarters: [1, 1, 1, 1],
      total: 4,
      meetsMinimum: true,
      errors: 0,
      missingQuarters: [],
    });
    expect(e.topics.map((t) => t.title)).toEqual(["Chuyên đề quý một", "Chuyên đề quý hai", "Chuyên đề quý ba", "Chuyên đề quý bốn"]);
    expect(e.topics[3]).toMatchObject({ quarter: 4, assignees: "Lê Thị Hoa, Trần Văn Nam", status: "Đã sinh hoạt" });
  });

  test("counts held topics per quarter and names the ended quarters without one", () => {
    const book = gappyBook();
    const result = check(book, { asOf });
    const e = consolidateEntry("b.xlsx", book, result);
    expect(e.quarters).toEqual([2, 0, 1, 0]);
    expect(e.total).toBe(3);
    expect(e.meetsMinimum).toBe(false);
    expect(e.missingQuarters).toEqual([2, 4]);
    expect(e.errors).toBe(result.findings.filter((f) => f.severity === "error").length);
    expect(e.warnings).toBe(result.findings.filter((f) => f.severity === "warning").length);
    expect(e.errors).toBeGreaterThanOrEqual(3); // two missing quarters, the bad date
    const statuses = Object.fromEntries(e.topics.map((t) => [t.title, t.status]));
    expect(statuses).toEqual({ Một: "Đã sinh hoạt", Hai: "Đã sinh hoạt", Ba: "Hoãn", Bốn: "Đã sinh hoạt", Năm: "Dự kiến" });
    // An unparsable date is shown as written.
    expect(e.topics[4].meetingText).toBe("ngày 40 tháng 13");
  });

  test("missing quarters are only those that have ended (not a warning for a quarter to come)", () => {
    const book = gappyBook();
    const e = consolidateEntry("b.xlsx", book, check(book, { asOf: day("2024-09-01") }));
    expect(e.missingQuarters).toEqual([2]);
  });
});

describe("consolidationJson", () => {
  test("exactly SPEC §8's keys, in order", () => {
    const b1 = fullBook();
    const json = consolidationJson([consolidateEntry("x/a.xlsx", b1, check(b1, { asOf }))], [{ file: "x/hong.xlsx", reason: "Tệp hỏng" }]);
    expect(Object.keys(json)).toEqual(["cells", "unreadable", "duplicates"]);
    expect(Object.keys(json.cells[0])).toEqual([
      "file",
      "partyCommittee",
      "cell",
      "year",
      "quarters",
      "total",
      "meetsMinimum",
      "errors",
      "warnings",
      "missingQuarters",
    ]);
    expect(Object.keys(json.unreadable[0])).toEqual(["file", "reason"]);
    expect(json.unreadable[0]).toEqual({ file: "x/hong.xlsx", reason: "Tệp hỏng" });
  });
});

describe("buildConsolidationSheets", () => {
  const b1 = fullBook();
  const b2 = gappyBook();
  const entries: ConsolidatedCell[] = [
    consolidateEntry("pb1/kp1.xlsx", b1, check(b1, { asOf })),
    consolidateEntry("pb2/kp7.xlsx", b2, check(b2, { asOf })),
  ];
  const unreadable = [{ file: "pb2/cu.xls", reason: "Tệp cu.xls là định dạng .xls cũ — hãy lưu lại dưới dạng .xlsx." }];
  const [summary, list, leftOut] = buildConsolidationSheets(entries, unreadable, { asOf });

  test("sheet Tổng hợp: one row per cell and a total row, no file names nor checker counts", () => {
    expect(summary.name).toBe("Tổng hợp");
    const g = grid(summary);
    const header = g.findIndex((r) => r[2] === "Đảng bộ cơ sở");
    expect(g[header].slice(1, 15)).toEqual([
      "STT",
      "Đảng bộ cơ sở",
      "Chi bộ",
      "Năm",
      "Quý I",
      "Quý II",
      "Quý III",
      "Quý IV",
      "Tổng số đã sinh hoạt",
      "Kết quả cả năm",
      "Quý không sinh hoạt chuyên đề",
    ]);
    expect(g[header][12]).toBeUndefined();
    expect(g[header + 1].slice(1, 11)).toEqual(["1", "Đảng bộ Phường 1", "Chi bộ Khu phố 1", "2024", "1", "1", "1", "1", "4", "Đạt"]);
    expect(g[header + 2].slice(1, 11)).toEqual(["2", "Đảng bộ Phường 2", "Chi bộ Khu phố 7", "2024", "2", "0", "1", "0", "3", "Chưa đạt"]);
    expect(g[header + 2][11]).toBe("II, IV");
    expect(g[header + 3][1]).toBe("Cộng");
    expect(g[header + 3].slice(5, 12)).toEqual(["3", "1", "2", "1", "7", "1/2 đạt", "1 chi bộ"]);
    expect(g.flat().some((v) => /\.xlsx?$/.test(String(v ?? "")))).toBe(false);
    expect(g[1][1]).toBe("TỔNG HỢP KẾT QUẢ SINH HOẠT CHI BỘ CHUYÊN ĐỀ NĂM 2024");
    expect(g[2][1]).toContain("31/12/2024");
    expect(g[2][1]).toContain("1 sổ chưa tổng hợp được, xem trang “Sổ chưa tổng hợp”");
    expect(summary.print?.footer).toContain("Trang &P");
    expect(summary.print?.printTitleRows).toEqual([header, header]);
  });

  test("sheet Sổ chưa tổng hợp: the unreadable files by unit, with the reason", () => {
    expect(leftOut.name).toBe("Sổ chưa tổng hợp");
    const g = grid(leftOut);
    expect(g[1][1]).toBe("DANH SÁCH SỔ CHƯA TỔNG HỢP ĐƯỢC NĂM 2024");
    const bad = g.find((r) => r[3] === "pb2/cu.xls");
    expect(bad?.[2]).toBe("pb2");
    expect(bad?.[4]).toContain(".xls cũ");
    expect(buildConsolidationSheets(entries, [], { asOf })).toHaveLength(2);
  });

  test("sheet Danh sách chuyên đề: every topic with its cell", () => {
    expect(list.name).toBe("Danh sách chuyên đề");
    const g = grid(list);
    const header = g.findIndex((r) => r[6] === "Tên chuyên đề");
    const body = g.slice(header + 1).filter((r) => r.length > 0);
    expect(body).toHaveLength(b1.register!.topics.length + b2.register!.topics.length);
    const ba = body.find((r) => r[6] === "Ba")!;
    expect(ba.slice(2, 6)).toEqual(["Đảng bộ Phường 2", "Chi bộ Khu phố 7", "2024", "II"]);
    expect(ba[10]).toBe("Hoãn");
    const q4 = body.find((r) => r[6] === "Chuyên đề quý bốn")!;
    expect(q4[3]).toBe("Chi bộ Khu phố 1");
    expect(q4[9]).toBe("10/11/2024");
    expect(q4[11]).toBeUndefined();
  });

  test("names never clash with the workbook's sheets (compared without case)", () => {
    const [s, l] = buildConsolidationSheets(entries, [], { existingNames: ["tổng hợp", "Danh sách chuyên đề", "Danh sách chuyên đề (2)"] });
    expect(s.name).toBe("Tổng hợp (2)");
    expect(l.name).toBe("Danh sách chuyên đề (3)");
    expect(uniqueSheetName("Tổng hợp", new Set(["Khác"]))).toBe("Tổng hợp");
    const long = "x".repeat(31);
    const name = uniqueSheetName(long, new Set([long]));
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });

  test("the rows are Excel tables (filterable), with names unique in the workbook", () => {
    expect(summary.tables?.map((t) => t.name)).toEqual(["tblTongHop"]);
    expect(list.tables?.map((t) => t.name)).toEqual(["tblDanhSachChuyenDe"]);
    expect(summary.tables![0].rows).toHaveLength(2);
    const [s2, l2] = buildConsolidationSheets(entries, [], { existingTables: ["TBLTONGHOP", "tblDanhSachChuyenDe"] });
    expect(s2.tables![0].name).toBe("tblTongHop2");
    expect(l2.tables![0].name).toBe("tblDanhSachChuyenDe2");
  });

  test("no readable workbook still gives both sheets, saying so", () => {
    const [s, l] = buildConsolidationSheets([], unreadable);
    expect(s.cells.some((c) => c.value === "Không có sổ nào đọc được.")).toBe(true);
    expect(l.cells.some((c) => c.value === "Không có chuyên đề nào.")).toBe(true);
  });

  test("its own output is recognised, so a second run does not read it as a register", () => {
    const asSheet = (m: SheetModel) => {
      const values: (string | number | null)[][] = [];
      for (const c of m.cells) (values[c.row - 1] ??= [])[c.col - 1] = typeof c.value === "object" ? null : (c.value as string | number);
      for (let i = 0; i < values.length; i++) values[i] ??= [];
      return { name: m.name, values };
    };
    expect(isConsolidationWorkbook({ sheets: [asSheet(summary), asSheet(list)] })).toBe(true);
    expect(isConsolidationWorkbook({ sheets: [{ name: "Sổ chuyên đề", values: [["STT", "Tên chuyên đề"]] }] })).toBe(false);
  });
});

describe("dedupeCells and the printed Tổng hợp", () => {
  const { dedupeCells, cellDisplayName } =
    require("../../../src/core/make/consolidate") as typeof import("../../../src/core/make/consolidate");
  const { mmForWidthChars } = require("../../../src/core/make/textFit") as typeof import("../../../src/core/make/textFit");

  test("chi bộ names are written 'Chi bộ …' on every row", () => {
    expect(cellDisplayName("Phòng Tổ chức")).toBe("Chi bộ Phòng Tổ chức");
    expect(cellDisplayName("chi bộ 3")).toBe("Chi bộ 3");
    expect(cellDisplayName("Chi bộ Khu phố 1")).toBe("Chi bộ Khu phố 1");
    expect(cellDisplayName("")).toBe("");
  });

  test("the latest entry wins; a tie goes to the later file time; unnamed cells always count", () => {
    const b = fullBook();
    const base = consolidateEntry("a.xlsx", b, check(b, { asOf }));
    const older = { ...base, file: "old.xlsx", latestEntry: { year: 2024, month: 1, day: 1 } };
    const same = { ...base, file: "copy.xlsx" };
    const other = { ...base, file: "other.xlsx", cell: "Khu phố 99" };
    const anon1 = { ...base, file: "n1.xlsx", cell: "", partyCommittee: "" };
    const anon2 = { ...anon1, file: "n2.xlsx" };
    const times: Record<string, number> = { "a.xlsx": 1, "copy.xlsx": 2 };
    const r = dedupeCells([base, older, same, other, anon1, anon2], (f) => times[f]);
    expect(r.cells.map((c) => c.file)).toEqual(["copy.xlsx", "other.xlsx", "n1.xlsx", "n2.xlsx"]);
    expect(r.duplicates).toEqual([
      { file: "a.xlsx", keptFile: "copy.xlsx" },
      { file: "old.xlsx", keptFile: "copy.xlsx" },
    ]);
  });

  test("A4 landscape, widths within 262 mm, Times New Roman from 11 pt, borders, wrapped headers", () => {
    const b = fullBook();
    const [summary, list] = buildConsolidationSheets([consolidateEntry("a.xlsx", b, check(b, { asOf }))], []);
    for (const m of [summary, list]) {
      expect(m.print).toMatchObject({ paper: "A4", orientation: "landscape" });
      const mm = (m.columnWidths ?? []).slice(1).reduce((a: number, w) => a + mmForWidthChars(w ?? 0), 0);
      expect(mm).toBeLessThanOrEqual(262);
      expect(m.cells.every((c) => c.style?.fontName === "Times New Roman" && (c.style.fontSize ?? 0) >= 11)).toBe(true);
      const head = m.cells.filter((c) => c.value === "Chi bộ");
      expect(head[0]?.style).toMatchObject({ wrap: true, border: true, bold: true });
    }
  });
});
