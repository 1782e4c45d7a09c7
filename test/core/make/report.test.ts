import { check } from "../../../src/core/check/check";
import { mmForWidthChars } from "../../../src/core/make/textFit";
import {
  buildQuarterReport,
  reportPages,
  defaultReportQuarter,
  quarterReport,
  unconfirmedNotice,
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
      completeTopic("15/01/2024", {
        title: "Học tập và làm theo tư tưởng Hồ Chí Minh",
        group: "Xây dựng Đảng",
        assignees: "Trần Thị Bình",
      }),
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

  test("number line, BÁO CÁO and its subject line (HD 36-HD/VPTW)", () => {
    expect(texts).toContain("Số ……-BC/CB");
    expect(texts).toContain("BÁO CÁO");
    expect(texts).toContain("Kết quả sinh hoạt chi bộ chuyên đề Quý I năm 2024");
    const numbered = buildQuarterReport(book, result, 1, 2024, { today: asOf, number: "07" });
    expect(allText(numbered)).toContain("Số 07-BC/CB");
  });

  test("summary: held this quarter, held so far vs the cell's yearly minimum", () => {
    const line1 = texts.find((t) => t.startsWith("1. Trong Quý I/2024"));
    expect(line1).toContain("đã sinh hoạt 02 chuyên đề");
    expect(line1).toContain("đạt yêu cầu");
    const line2 = texts.find((t) => t.startsWith("2. Từ đầu năm 2024"));
    expect(line2).toContain("đã sinh hoạt 02 chuyên đề");
    expect(line2).toContain("tối thiểu cả năm: 05 chuyên đề");
    expect(line2).toContain("còn thiếu 03 chuyên đề");
    // Plan of the year: the four topics not postponed/cancelled.
    expect(texts.find((t) => t.startsWith("3. Kế hoạch năm 2024"))).toContain("04 chuyên đề");
  });

  test("topic table lists the quarter's topics with the register's STT, turnout and steps", () => {
    const header = rowWith(model, "Chuyên đề", 2);
    const grid = rows(model);
    expect(grid[header]).toEqual(["", "STT", "Chuyên đề", "Ngày sinh hoạt", "Kết quả", "Các bước thực hiện"]);
    const titles = [1, 2, 3].map((i) => grid[header + i][2].split("\n")[0]);
    expect(titles).toEqual(["Học tập và làm theo tư tưởng Hồ Chí Minh", "Chuyên đề bị hoãn", "Nâng cao chất lượng chuyên môn"]);
    // STT as in the register (1, 2, 3 here; the builder numbers rows from 1).
    expect([1, 2, 3].map((i) => grid[header + i][1])).toEqual(["1", "2", "3"]);
    const first = grid[header + 1];
    expect(first[2]).toBe("Học tập và làm theo tư tưởng Hồ Chí Minh\nNhóm: Xây dựng Đảng\nPhụ trách: Trần Thị Bình");
    expect(first[3]).toBe("15/01/2024");
    // 7 present of 10 rows, 1 exempt → 7/9 = 77,77…, half up to one decimal as a clerk rounds.
    expect(first[4]).toBe("Đã sinh hoạt\nCó mặt 7/9 (77,8 %)");
    expect(first[5]).toBe("Thông qua: 08/01/2024\nGửi dự thảo: 10/01/2024\nGửi bản hoàn thiện: 20/01/2024\nBáo cáo cấp trên: 25/01/2024");
    expect(grid[header + 2][4]).toBe("Hoãn");
    expect(grid[header + 3][5]).toContain("Thông qua: chưa");
    expect(titles).not.toContain("Chuyển đổi số trong cơ quan");
  });

  test("the STT column shows the register's numbers, not a count from 1", () => {
    const b = buildBook({
      info: { year: 2024 },
      topics: [completeTopic("10/05/2024", { title: "Quý hai" }), completeTopic("10/02/2024", { title: "Quý một" })],
    });
    const m = buildQuarterReport(b, check(b, { asOf: day("2024-04-05") }), 1, 2024, { today: day("2024-04-05") });
    const r = rowWith(m, "Quý một", 2);
    expect(text(m, r, 1)).toBe("2");
  });

  test("shortcomings are plain statements about the cell's work: no instructions, no cell addresses", () => {
    const section = rowWith(model, "III. HẠN CHẾ, TỒN TẠI");
    const next = rowWith(model, "IV. CHUYÊN ĐỀ DỰ KIẾN");
    const listed = model.cells
      .filter((c) => c.row > section && c.row < next)
      .map((c) => show(c.value))
      .filter((t) => t !== "");
    expect(listed).toContain('- Chuyên đề "Nâng cao chất lượng chuyên môn" chưa được chi ủy (hoặc bí thư) thông qua trước khi sinh hoạt.');
    expect(listed).toContain(
      '- Đồng chí Đảng viên I vắng không lý do buổi sinh hoạt chuyên đề "Học tập và làm theo tư tưởng Hồ Chí Minh".',
    );
    expect(
      listed.some((t) => t.includes("Tỷ lệ đảng viên dự buổi sinh hoạt chuyên đề") && t.includes("77,8 %") && t.includes("85 %")),
    ).toBe(true);
    expect(listed).toContain("- Kế hoạch sinh hoạt chuyên đề năm 2024 của chi bộ chưa đủ 05 chuyên đề.");
    // The check's messages and their places never reach the paper.
    for (const f of result.findings) expect(listed.join("\n")).not.toContain(f.message);
    for (const t of allText(model)) {
      expect(t).not.toMatch(/dòng \d|cột [A-Z]\b|Vị trí|Sổ chuyên đề, dòng|[Hh]ãy |Sửa |sửa /);
    }
    // About other quarters: left out (the Q2 topic has no assignee; Đảng viên L was absent at topic 5).
    expect(listed.join("\n")).not.toContain("Chuyển đổi số");
    expect(listed.join("\n")).not.toContain("Đảng viên L");
  });

  test("a topic held only by its date, with no attendance and no minutes, reads Chưa xác nhận and is named", () => {
    const b = buildBook({
      info: { year: 2024 },
      topics: [
        completeTopic("10/02/2024", { title: "Có điểm danh" }),
        { title: "Chỉ có ngày", meetingOn: "20/03/2024", status: "Dự kiến", assignees: "An" },
        { title: "Ghi đã sinh hoạt", meetingOn: "25/03/2024", status: "Đã sinh hoạt", assignees: "An" },
      ],
      attendance: [{ stt: 1, name: "A", status: "Có mặt" }],
    });
    const r = check(b, { asOf: day("2024-04-05") });
    const m = buildQuarterReport(b, r, 1, 2024, { today: day("2024-04-05") });
    const row = rowWith(m, "Chỉ có ngày", 2);
    expect(text(m, row, 4)).toBe("Chưa xác nhận");
    expect(text(m, rowWith(m, "Ghi đã sinh hoạt", 2), 4)).toBe("Đã sinh hoạt");
    // Counted as held, as the check counts it (one treatment everywhere), and said to be unconfirmed.
    const line1 = allText(m).find((t) => t.startsWith("1. Trong Quý I/2024"));
    expect(line1).toContain("đã sinh hoạt 03 chuyên đề");
    expect(line1).toContain("trong đó 01 chuyên đề chưa xác nhận");
    expect(r.quarters[0].held).toBe(3);
    const rep = quarterReport(b, r, 1, 2024, { today: day("2024-04-05") });
    expect(rep.unconfirmed.map((t) => t.title)).toEqual(["Chỉ có ngày"]);
    expect(unconfirmedNotice(rep.unconfirmed)[0]).toContain('STT 2 "Chỉ có ngày"');
  });

  test("next quarter's planned topics", () => {
    const section = rowWith(model, "IV. CHUYÊN ĐỀ DỰ KIẾN QUÝ II/2024");
    const sign = rowWith(model, "T/M CHI BỘ");
    const listed = model.cells.filter((c) => c.row > section && c.row < sign).map((c) => show(c.value));
    expect(listed).toContain("- STT 4: Chuyển đổi số trong cơ quan; dự kiến sinh hoạt ngày 15/05/2024.");
    expect(listed.join("\n")).not.toContain("Công tác phát triển đảng viên");
  });

  test("Nơi nhận names the higher committee from Thông tin; T/M CHI BỘ, BÍ THƯ, the secretary's name below", () => {
    expect(texts).toContain("Nơi nhận:");
    expect(texts).toContain("- Đảng ủy Công ty Cổ phần Ánh Dương (để báo cáo),");
    const tm = rowWith(model, "T/M CHI BỘ");
    const bt = rowWith(model, "BÍ THƯ");
    const name = model.cells.find((c) => show(c.value) === "Nguyễn Văn An" && c.row > bt);
    expect(bt).toBe(tm + 1);
    expect(name).toBeDefined();
    const tmCell = model.cells.find((c) => show(c.value) === "T/M CHI BỘ")!;
    expect(name!.col).toBe(tmCell.col);
    expect(name!.row).toBeGreaterThan(bt + 2); // room to sign
  });

  test("printable: A4 portrait, widths sum to the printable width, text 11 pt or more, rows sized, Times New Roman", () => {
    expect(model.print).toMatchObject({ paper: "A4", orientation: "portrait", pageNumbersFromPage2: true });
    const widthsMm = (model.columnWidths ?? []).slice(1).map((w) => mmForWidthChars(w ?? 0));
    const total = widthsMm.reduce((a, w) => a + w, 0);
    expect(total).toBeLessThanOrEqual(165);
    expect(total).toBeGreaterThan(162);
    expect(model.cells.every((c) => c.style?.fontName === "Times New Roman")).toBe(true);
    expect(model.cells.every((c) => (c.style?.fontSize ?? 0) >= 11)).toBe(true);
    // Body text 13–14 pt.
    expect(at(model, rowWith(model, "1. Trong Quý I/2024"), 1)?.style?.fontSize).toBe(14);
    // Every row has a height, and a wrapped title gets more than one line.
    const heights = model.rowHeights ?? [];
    const last = Math.max(...model.cells.map((c) => c.row));
    for (let r = 1; r <= last; r++) expect(heights[r]).toBeGreaterThan(0);
    const first = rowWith(model, "Học tập và làm theo", 2);
    expect(heights[first]).toBeGreaterThan(4 * 12);
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

  test("the table header repeats on every page only when the table runs past the first page", () => {
    expect(model.print?.printTitleRows).toBeUndefined();
    const b = buildBook({
      info: { year: 2024 },
      topics: Array.from({ length: 14 }, (_, i) =>
        completeTopic(`${String(i + 1).padStart(2, "0")}/02/2024`, {
          title: `Chuyên đề số ${i + 1} về nâng cao năng lực lãnh đạo và sức chiến đấu của chi bộ`,
        }),
      ),
    });
    const m = buildQuarterReport(b, check(b, { asOf: day("2024-04-05") }), 1, 2024, { today: day("2024-04-05") });
    const header = rowWith(m, "Các bước thực hiện");
    expect(m.print?.printTitleRows).toEqual([header, header]);
  });

  test("Nơi nhận and the signature never stand alone on a page, nor a heading at a page's foot, however long the report", () => {
    let moved = 0;
    for (let n = 1; n <= 18; n++) {
      const b = buildBook({
        info: { year: 2024 },
        topics: Array.from({ length: n }, (_, i) =>
          completeTopic(`${String(i + 1).padStart(2, "0")}/02/2024`, {
            title: `Chuyên đề số ${i + 1} về nâng cao năng lực lãnh đạo của chi bộ`,
          }),
        ),
      });
      const m = buildQuarterReport(b, check(b, { asOf: day("2024-04-05") }), 1, 2024, { today: day("2024-04-05") });
      const last = Math.max(...m.cells.map((c) => c.row));
      const breaks = m.print?.pageBreaksBefore ?? [];
      const pageOf = reportPages(m.rowHeights ?? [], last, breaks);
      const noi = rowWith(m, "Nơi nhận:");
      expect([n, pageOf[last]]).toEqual([n, pageOf[noi]]);
      // The last section's text shares the page with them.
      expect([n, pageOf[noi - 2]]).toEqual([n, pageOf[noi]]);
      // No section heading is the last line of a page.
      for (const heading of ["I. KẾT QUẢ CHUNG", "II. CÁC CHUYÊN ĐỀ", "III. HẠN CHẾ, TỒN TẠI", "IV. CHUYÊN ĐỀ DỰ KIẾN"]) {
        const h = rowWith(m, heading);
        expect([n, heading, pageOf[h + 1]]).toEqual([n, heading, pageOf[h]]);
      }
      if (breaks.length > 0) moved++;
    }
    // Some of those lengths needed the last section moved down with the closing block.
    expect(moved).toBeGreaterThan(0);
  });

  test("a Q4 report plans the next year's Q1 and says when nothing is planned", () => {
    const m = buildQuarterReport(book, check(book, { asOf: day("2024-12-31") }), 4, 2024, { today: day("2024-12-31") });
    expect(m.name).toBe("Báo cáo Quý IV-2024");
    expect(allText(m).some((t) => t.includes("Chưa có chuyên đề nào dự kiến cho Quý I/2025"))).toBe(true);
    // No meeting in Quý IV: said in words, and no empty table.
    expect(allText(m)).toContain("Sổ không có chuyên đề nào của Quý IV/2024: chi bộ không tổ chức sinh hoạt chuyên đề trong quý.");
    expect(allText(m)).not.toContain("Các bước thực hiện");
    // Every missed quarter of the year is named in Hạn chế, tồn tại, with a remedy line.
    expect(allText(m)).toContain(
      "- Quý IV/2024 chi bộ không tổ chức sinh hoạt chuyên đề. Lý do: quý này không có chuyên đề nào trong kế hoạch.",
    );
    expect(allText(m)).toContain(
      '- Quý III/2024 chi bộ không tổ chức sinh hoạt chuyên đề. Lý do: chuyên đề "Công tác phát triển đảng viên" chưa tổ chức (sổ chưa ghi ngày sinh hoạt).',
    );
    expect(allText(m).filter((t) => t.startsWith("+ Hướng khắc phục:"))).toHaveLength(2);
  });

  test("user text that looks like a formula goes in as a plain value", () => {
    const b = buildBook({ info: { year: 2024 }, topics: [completeTopic("10/02/2024", { title: '=HYPERLINK("x")' })] });
    const m = buildQuarterReport(b, check(b, { asOf: day("2024-04-01") }), 1, 2024, { today: day("2024-04-01") });
    const cell = m.cells.find((c) => typeof c.value === "string" && c.value.startsWith('=HYPERLINK("x")'));
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
      (values[c.row - 1] ??= [])[c.col - 1] = v !== null && typeof v === "object" && !(v instanceof Date) ? null : v;
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
    const g = withoutReportSheets({
      sheets: [user, asGrid(model)],
      tables: [{ name: "t", sheet: "Sổ", top: 0, left: 0, bottom: 1, right: 1 }],
    });
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
