import { check } from "../../../src/core/check/check";
import {
  buildQuarterReport,
  defaultReportQuarter,
  isQuarterReportSheet,
  reportSheetName,
  withoutReportSheets,
} from "../../../src/core/make/report";
import { partyHeader } from "../../../src/core/make/partyHeader";
import type { ModelCell, ModelValue, SheetModel } from "../../../src/core/make/sheetModel";
import type { CheckResult, Finding, ParsedWorkbook, SheetGrid } from "../../../src/core/shared/types";
import { buildBook, completeTopic, day } from "../../support/bookBuilder";

/** Text of a model value ("" for empty, dd/mm/yyyy for dates). */
function show(v: ModelValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && !(v instanceof Date) && "date" in v) {
    const d = v.date;
    return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;
  }
  if (typeof v === "object" && !(v instanceof Date) && "formula" in v) return `=${v.formula}`;
  return String(v);
}

function at(model: SheetModel, row: number, col: number): ModelCell | undefined {
  return model.cells.find((c) => c.row === row && c.col === col);
}

function text(model: SheetModel, row: number, col: number): string {
  const c = at(model, row, col);
  return c ? show(c.value) : "";
}

/** Rows of the sheet as text, column 1.. last used column. */
function rows(model: SheetModel): string[][] {
  const out: string[][] = [];
  for (const c of model.cells) {
    (out[c.row] ??= [])[c.col] = show(c.value);
  }
  return Array.from(out, (r) => (r ? Array.from(r, (v) => v ?? "") : []));
}

function rowWith(model: SheetModel, needle: string, col?: number): number {
  const found = model.cells.find((c) => (col === undefined || c.col === col) && show(c.value).includes(needle));
  if (!found) throw new Error(`no cell with "${needle}"`);
  return found.row;
}

function allText(model: SheetModel): string[] {
  return model.cells.map((c) => show(c.value)).filter((t) => t !== "");
}

// A cell's year 2024, reported for Q1 on 05/04/2024.
function sampleBook(): ParsedWorkbook {
  return buildBook({
    info: {
      dangBoCoSo: "Công ty Cổ phần Ánh Dương",
      chiBo: "Chi bộ Phòng Kế toán",
      biThu: "Nguyễn Văn An",
      diaDanh: "Hà Nội",
      year: 2024,
      minTopicsPerYear: 5,
    },
    members: ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"],
    topics: [
      completeTopic("15/01/2024", { title: "Học tập và làm theo tư tưởng Hồ Chí Minh", group: "Xây dựng Đảng", assignees: "Trần Thị Bình" }),
      { title: "Chuyên đề bị hoãn", quarter: "I", status: "Hoãn", assignees: "Lê Văn Cường" },
      completeTopic("20/03/2024", { title: "Nâng cao chất lượng chuyên môn", assignees: "Lê Văn Cường", approvedOn: "" }),
      { title: "Chuyển đổi số trong cơ quan", meetingOn: "15/05/2024", status: "Dự kiến" },
      { title: "Công tác phát triển đảng viên", quarter: "III", assignees: "Nguyễn Văn An" },
    ],
    attendance: [
      ...["A", "B", "C", "D", "E", "F", "G"].map((n) => ({ stt: 1, name: `Đảng viên ${n}`, status: "Có mặt" })),
      { stt: 1, name: "Đảng viên H", status: "Vắng có lý do", reason: "Ốm" },
      { stt: 1, name: "Đảng viên I", status: "Vắng không lý do" },
      { stt: 1, name: "Đảng viên K", status: "Miễn sinh hoạt" },
      { stt: 5, name: "Đảng viên L", status: "Vắng không lý do" },
    ],
  });
}

function findingOf(result: CheckResult, code: string, pick: (f: Finding) => boolean = () => true): Finding {
  const f = result.findings.find((x) => x.code === code && pick(x));
  if (!f) throw new Error(`the check gave no ${code}: ${result.findings.map((x) => x.code).join(", ")}`);
  return f;
}

describe("reportSheetName / defaultReportQuarter", () => {
  test("sheet name uses a Roman quarter and a dash (no slash in sheet names)", () => {
    expect(reportSheetName(2, 2024)).toBe("Báo cáo Quý II-2024");
    expect(reportSheetName(4, 2021)).toBe("Báo cáo Quý IV-2021");
  });

  test.each([
    ["2024-02-10", 4, 2023],
    ["2024-01-01", 4, 2023],
    ["2024-03-31", 1, 2024],
    ["2024-04-01", 1, 2024],
    ["2024-08-15", 2, 2024],
    ["2024-12-30", 3, 2024],
    ["2024-12-31", 4, 2024],
  ])("on %s the last ended quarter is Q%i/%i", (today, quarter, year) => {
    expect(defaultReportQuarter(day(today))).toEqual({ quarter, year });
  });
});

describe("buildQuarterReport", () => {
  const book = sampleBook();
  const asOf = day("2024-04-05");
  const result = check(book, { asOf });
  const model = buildQuarterReport(book, result, 1, 2024, { today: asOf });
  const texts = allText(model);

  test("is named for its quarter and carries the party header", () => {
    expect(model.name).toBe("Báo cáo Quý I-2024");
    expect(texts).toContain("ĐẢNG BỘ CÔNG TY CỔ PHẦN ÁNH DƯƠNG");
    expect(texts).toContain("CHI BỘ PHÒNG KẾ TOÁN");
    expect(texts).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(texts).toContain("Hà Nội, ngày 05 tháng 4 năm 2024");
    const chiBo = model.cells.find((c) => show(c.value) === "CHI BỘ PHÒNG KẾ TOÁN");
    expect(chiBo?.style?.bold).toBe(true);
  });

  test("title names the quarter and year", () => {
    expect(texts).toContain("BÁO CÁO KẾT QUẢ SINH HOẠT CHI BỘ CHUYÊN ĐỀ QUÝ I NĂM 2024");
  });

  test("summary: held this quarter, held so far vs the cell's yearly minimum", () => {
    const line1 = texts.find((t) => t.startsWith("1. Trong Quý I/2024"));
    expect(line1).toContain("đã sinh hoạt 2 chuyên đề");
    expect(line1).toContain("đạt yêu cầu");
    const line2 = texts.find((t) => t.startsWith("2. Từ đầu năm 2024"));
    expect(line2).toContain("đã sinh hoạt 2 chuyên đề");
    expect(line2).toContain("tối thiểu cả năm: 5 chuyên đề");
    expect(line2).toContain("còn thiếu 3");
    // Plan of the year: the four topics not postponed/cancelled.
    expect(texts.find((t) => t.startsWith("3. Kế hoạch năm 2024"))).toContain("4 chuyên đề");
  });

  test("topic table lists the quarter's topics with attendance and dates", () => {
    const header = rowWith(model, "Tên chuyên đề", 2);
    const grid = rows(model);
    expect(grid[header]).toEqual([
      "",
      "STT",
      "Tên chuyên đề",
      "Nhóm",
      "Người phụ trách",
      "Ngày sinh hoạt",
      "Kết quả",
      "Số có mặt/tổng số",
      "Ngày thông qua",
      "Ngày gửi dự thảo",
      "Ngày gửi bản hoàn thiện",
      "Ngày báo cáo cấp trên",
    ]);
    const titles = [1, 2, 3].map((i) => grid[header + i][2]);
    expect(titles).toEqual(["Học tập và làm theo tư tưởng Hồ Chí Minh", "Chuyên đề bị hoãn", "Nâng cao chất lượng chuyên môn"]);
    const first = grid[header + 1];
    expect(first[3]).toBe("Xây dựng Đảng");
    expect(first[4]).toBe("Trần Thị Bình");
    expect(first[5]).toBe("15/01/2024");
    expect(first[6]).toBe("Đã sinh hoạt");
    // 7 present of 10 rows, 1 exempt → 7/9, shown to one decimal (never rounded up).
    expect(first[7]).toBe("7/9 (77,7%)");
    expect(first[8]).toBe("08/01/2024");
    expect(first[9]).toBe("10/01/2024");
    expect(first[10]).toBe("20/01/2024");
    expect(first[11]).toBe("25/01/2024");
    expect(grid[header + 2][6]).toBe("Hoãn");
    expect(grid[header + 3][8]).toBe(""); // no approval date
    // Dates are real date cells, not text.
    expect(at(model, header + 1, 5)?.value).toEqual({ date: { year: 2024, month: 1, day: 15 } });
    // The attendance ratio stays text (Excel would read 7/9 as a date).
    expect(at(model, header + 1, 7)?.style?.numberFormat).toBe("@");
    // Next quarter's topic is not in this table.
    expect(titles).not.toContain("Chuyển đổi số trong cơ quan");
  });

  test("open findings: this quarter's topics and year-level ones, errors first", () => {
    const section = rowWith(model, "III. NHỮNG VIỆC CÒN TỒN TẠI");
    const next = rowWith(model, "IV. CHUYÊN ĐỀ DỰ KIẾN");
    const listed = model.cells.filter((c) => c.row > section && c.row < next && c.col === 2).map((c) => show(c.value));
    const severities = model.cells
      .filter((c) => c.row > section + 1 && c.row < next && c.col === 3)
      .map((c) => show(c.value));
    const approval = findingOf(result, "THIEU_THONG_QUA");
    const lowAttendance = findingOf(result, "TY_LE_DU_THAP");
    const absentT1 = findingOf(result, "VANG_KHONG_LY_DO", (f) => f.row === 10);
    const yearPlan = findingOf(result, "THIEU_KE_HOACH_NAM");
    for (const f of [approval, lowAttendance, absentT1, yearPlan]) expect(listed).toContain(f.message);
    // About other quarters: left out.
    const noAssignee = findingOf(result, "THIEU_PHU_TRACH"); // the Q2 topic
    const q4 = findingOf(result, "THIEU_CHUYEN_DE_QUY", (f) => f.quarter === 4);
    const absentT5 = findingOf(result, "VANG_KHONG_LY_DO", (f) => f.row === 12);
    for (const f of [noAssignee, q4, absentT5]) expect(listed).not.toContain(f.message);
    expect(severities.length).toBeGreaterThanOrEqual(4);
    const firstWarning = severities.indexOf("Cảnh báo");
    expect(severities.slice(0, firstWarning).every((s) => s === "Lỗi")).toBe(true);
    expect(severities.slice(firstWarning).every((s) => s === "Cảnh báo")).toBe(true);
  });

  test("next quarter's planned topics", () => {
    const section = rowWith(model, "IV. CHUYÊN ĐỀ DỰ KIẾN QUÝ II/2024");
    const sign = rowWith(model, "T/M CHI BỘ");
    const listed = model.cells.filter((c) => c.row > section && c.row < sign && c.col === 2).map((c) => show(c.value));
    expect(listed).toContain("Chuyển đổi số trong cơ quan");
    expect(listed).not.toContain("Công tác phát triển đảng viên");
    const planRow = rowWith(model, "Chuyển đổi số trong cơ quan", 2);
    expect(text(model, planRow, 5)).toBe("15/05/2024");
    expect(text(model, planRow, 6)).toBe("Dự kiến");
  });

  test("signature block: T/M CHI BỘ, BÍ THƯ, the secretary's name below", () => {
    const tm = rowWith(model, "T/M CHI BỘ");
    const bt = rowWith(model, "BÍ THƯ");
    const name = model.cells.find((c) => show(c.value) === "Nguyễn Văn An" && c.row > bt);
    expect(bt).toBe(tm + 1);
    expect(name).toBeDefined();
    const tmCell = model.cells.find((c) => show(c.value) === "T/M CHI BỘ")!;
    expect(name!.col).toBe(tmCell.col);
    expect(name!.row).toBeGreaterThan(bt + 2); // room to sign
  });

  test("printable: A4 portrait, fit to width, topic header repeated, Times New Roman", () => {
    const header = rowWith(model, "Tên chuyên đề", 2);
    expect(model.print).toMatchObject({ paper: "A4", orientation: "portrait", fitToWidth: true, printTitleRows: [header, header] });
    expect(model.cells.every((c) => c.style?.fontName === "Times New Roman")).toBe(true);
    // Merges never overlap each other.
    const merges = model.merges ?? [];
    for (let i = 0; i < merges.length; i++) {
      for (let j = i + 1; j < merges.length; j++) {
        const a = merges[i];
        const b = merges[j];
        const overlap = a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
        expect(overlap).toBe(false);
      }
    }
  });

  test("a Q4 report plans the next year's Q1 and says when nothing is planned", () => {
    const m = buildQuarterReport(book, check(book, { asOf: day("2024-12-31") }), 4, 2024, { today: day("2024-12-31") });
    expect(m.name).toBe("Báo cáo Quý IV-2024");
    expect(allText(m).some((t) => t.includes("Chưa có chuyên đề nào dự kiến cho Quý I/2025"))).toBe(true);
    expect(allText(m).some((t) => t.includes("Không có chuyên đề nào trong Quý IV/2024"))).toBe(true);
    // The quarter's own missing-topic error is listed.
    const r = check(book, { asOf: day("2024-12-31") });
    const q4 = findingOf(r, "THIEU_CHUYEN_DE_QUY", (f) => f.quarter === 4 && f.severity === "error");
    expect(allText(m)).toContain(q4.message);
  });

  test("user text that looks like a formula goes in as a plain value", () => {
    const b = buildBook({ info: { year: 2024 }, topics: [completeTopic("10/02/2024", { title: "=HYPERLINK(\"x\")" })] });
    const m = buildQuarterReport(b, check(b, { asOf: day("2024-04-01") }), 1, 2024, { today: day("2024-04-01") });
    const cell = m.cells.find((c) => c.value === '=HYPERLINK("x")');
    expect(cell).toBeDefined();
  });

  test("empty Thông tin leaves blanks to fill by hand", () => {
    const b = buildBook({ topics: [completeTopic("10/02/2024")] });
    const m = buildQuarterReport(b, check(b, { asOf: day("2024-04-01") }), 1, 2024, { today: day("2024-04-01") });
    expect(allText(m)).toContain("CHI BỘ ……………");
    expect(allText(m)).toContain("Ngày 01 tháng 4 năm 2024");
  });
});

describe("partyHeader", () => {
  test("a value already starting with Đảng bộ / Chi bộ is not prefixed twice", () => {
    const h = partyHeader({ dangBoCoSo: "Đảng bộ Phường 5", dangBoCapTren: "", chiBo: "chi bộ khu phố 3", diaDanh: "" }, day("2021-02-05"));
    expect(h.committee).toBe("ĐẢNG BỘ PHƯỜNG 5");
    expect(h.cell).toBe("CHI BỘ KHU PHỐ 3");
    expect(h.placeAndDate).toBe("Ngày 05 tháng 02 năm 2021");
  });

  test("without Đảng bộ cơ sở the higher committee heads the report, as in the documents", () => {
    const h = partyHeader({ dangBoCoSo: " ", dangBoCapTren: "Đảng bộ Khối Cơ sở", chiBo: "Khu phố 3", diaDanh: "" }, day("2021-02-05"));
    expect(h.committee).toBe("ĐẢNG BỘ KHỐI CƠ SỞ");
    expect(partyHeader({ dangBoCoSo: "", dangBoCapTren: "", chiBo: "", diaDanh: "" }, day("2021-02-05")).committee).toBe("ĐẢNG BỘ ……………");
  });
});

describe("recognising report sheets", () => {
  const book = sampleBook();
  const asOf = day("2024-04-05");
  const model = buildQuarterReport(book, check(book, { asOf }), 1, 2024, { today: asOf });
  const asGrid = (m: SheetModel): SheetGrid => {
    const values: SheetGrid["values"] = [];
    for (const c of m.cells) {
      const v = c.value;
      (values[c.row - 1] ??= [])[c.col - 1] =
        v !== null && typeof v === "object" && !(v instanceof Date) ? null : (v as string | number | null);
    }
    for (let i = 0; i < values.length; i++) values[i] ??= [];
    return { name: m.name, values };
  };

  test("a report is recognised by its title; a user's sheet of that name is not", () => {
    expect(isQuarterReportSheet(asGrid(model))).toBe(true);
    expect(isQuarterReportSheet({ name: "Báo cáo Quý I-2024", values: [["Ghi chép của tôi"]] })).toBe(false);
    // A user's register with a look-alike banner is never taken for a report.
    const banner = { name: "Sổ 2024", values: [["BÁO CÁO KẾT QUẢ SINH HOẠT CHI BỘ CHUYÊN ĐỀ QUÝ I NĂM 2024"], ["STT", "Tên chuyên đề"]] };
    expect(isQuarterReportSheet(banner)).toBe(false);
  });

  test("withoutReportSheets drops only report sheets", () => {
    const user: SheetGrid = { name: "Sổ", values: [["STT", "Tên chuyên đề"]] };
    const g = withoutReportSheets({ sheets: [user, asGrid(model)], tables: [{ name: "t", sheet: "Sổ", top: 0, left: 0, bottom: 1, right: 1 }] });
    expect(g.sheets.map((s) => s.name)).toEqual(["Sổ"]);
    expect(g.tables?.map((t) => t.name)).toEqual(["t"]);
  });
});

describe("reportQuarterFor (bao-cao without --quy)", () => {
  const { reportQuarterFor } = require("../../../src/core/make/report") as typeof import("../../../src/core/make/report");
  test("a past year's register reports its Quý IV, this year's the last ended quarter", () => {
    expect(reportQuarterFor(2025, { year: 2026, month: 11, day: 27 })).toBe(4);
    expect(reportQuarterFor(2026, { year: 2026, month: 11, day: 27 })).toBe(3);
    expect(reportQuarterFor(2026, { year: 2026, month: 9, day: 30 })).toBe(3);
    expect(reportQuarterFor(2026, { year: 2026, month: 2, day: 10 })).toBe(1);
    expect(reportQuarterFor(2027, { year: 2026, month: 11, day: 27 })).toBe(1);
  });
});
