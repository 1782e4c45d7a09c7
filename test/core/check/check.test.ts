import { check, findingToJson, NO_REGISTER_CODE } from "../../../src/core/check/check";
import { RULES } from "../../../src/core/rules/index";
import type { Finding, ParsedWorkbook } from "../../../src/core/shared/types";
import { UserError } from "../../../src/core/shared/types";
import { buildBook, completeTopic, day } from "../../support/bookBuilder";

const SPEC_CODES = [
  "THIEU_CHUYEN_DE_QUY",
  "THIEU_KE_HOACH_NAM",
  "THIEU_PHU_TRACH",
  "PHU_TRACH_LA",
  "THIEU_THONG_QUA",
  "THONG_QUA_MUON",
  "THIEU_GUI_DU_THAO",
  "GUI_DU_THAO_MUON",
  "GUI_TRUOC_THONG_QUA",
  "CHUA_GUI_HOAN_THIEN",
  "CHUA_BAO_CAO_CAP_TREN",
  "HOAN_THIEN_TRUOC_SINH_HOAT",
  "DA_SINH_HOAT_THIEU_NGAY",
  "THIEU_QUY",
  "SAI_QUY",
  "NGOAI_NAM",
  "TRUNG_TEN",
  "THIEU_TEN",
  "NGAY_KHONG_HOP_LE",
  "THIEU_COT",
  "THIEU_DIEM_DANH",
  "VANG_KHONG_LY_DO",
  "VANG_NHIEU_LAN",
  "TY_LE_DU_THAP",
  "THOI_LUONG_NGAN",
  // SPEC §10
  "TRUNG_STT",
  "Y_KIEN_NGUOI_VANG",
  "BIEU_QUYET_VUOT",
];

const brief = (f: Finding) => [f.code, f.severity, f.sheet, f.row, f.column];

describe("registry", () => {
  it("has exactly one rule per code of SPEC §4", () => {
    expect(RULES.map((r) => r.meta.code).sort()).toEqual([...SPEC_CODES].sort());
  });
});

describe("check on a register kept by hand (samples/mau-so-tu-lam-2023)", () => {
  // The sample as the reader sees it: header on row 4 of "Chuyên đề 2023", no Quý,
  // Nhóm, Người thông qua, Hình thức or Trạng thái column, no Thông tin, dates as text.
  const sample: ParsedWorkbook = buildBook({
    sheet: "Chuyên đề 2023",
    headerRow: 4,
    sheetOrder: ["Chuyên đề 2023"],
    missingColumns: ["Quý", "Nhóm", "Người thông qua", "Hình thức", "Trạng thái"],
    topics: [
      {
        title: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2023",
        assignees: "Lê Thị Mai",
        approvedOn: "01/02/2023",
        draftSentOn: "03/02/2023",
        meetingOn: "10/02/2023",
        finalSentOn: "15/02/2023",
        reportedOn: "20/02/2023",
      },
      {
        title: "Nâng cao chất lượng dạy và học",
        assignees: "Phan Văn Hùng",
        approvedOn: "05/05/2023",
        draftSentOn: "04/05/2023",
        meetingOn: "12/05/2023",
      },
      { title: "Công tác phát triển đảng viên trong giáo viên trẻ", meetingOn: "15/9/2023" },
      { title: "Chuyển đổi số trong nhà trường", assignees: "Lê Thị Mai và Phan Văn Hùng", note: "Dự kiến tháng 12" },
    ],
  });
  const result = check(sample, { asOf: day("2023-12-31") });

  it("infers the year from the meeting dates and counts every topic row", () => {
    expect(result.year).toBe(2023);
    expect(result.asOf).toEqual({ year: 2023, month: 12, day: 31 });
    expect(result.register).toEqual({ sheet: "Chuyên đề 2023", headerRow: 4, topics: 4 });
  });

  it("gives the quarter summary of expected.json", () => {
    expect(result.quarters).toEqual([
      { quarter: 1, held: 1, planned: 1, ok: true },
      { quarter: 2, held: 1, planned: 1, ok: true },
      { quarter: 3, held: 1, planned: 1, ok: true },
      { quarter: 4, held: 0, planned: 0, ok: false },
    ]);
  });

  it("gives exactly the findings of expected.json, in its order", () => {
    expect(result.findings.map((f) => [f.code, f.severity, f.row])).toEqual([
      ["THIEU_CHUYEN_DE_QUY", "error", null],
      ["CHUA_BAO_CAO_CAP_TREN", "warning", 6],
      ["CHUA_GUI_HOAN_THIEN", "warning", 6],
      ["GUI_TRUOC_THONG_QUA", "error", 6],
      ["CHUA_BAO_CAO_CAP_TREN", "warning", 7],
      ["CHUA_GUI_HOAN_THIEN", "warning", 7],
      ["THIEU_GUI_DU_THAO", "error", 7],
      ["THIEU_PHU_TRACH", "error", 7],
      ["THIEU_THONG_QUA", "error", 7],
      ["THIEU_QUY", "warning", 8],
    ]);
    expect(result.findings.every((f) => f.sheet === "Chuyên đề 2023")).toBe(true);
    expect(result.findings[0].message).toContain("Quý IV/2023");
    expect(result.findings[1].message).toContain('"Nâng cao chất lượng dạy và học" (dòng 6)');
  });

  it("a day earlier, Quý IV has not ended and only warns", () => {
    const before = check(sample, { asOf: day("2023-12-30") });
    expect(before.findings[0]).toMatchObject({ code: "THIEU_CHUYEN_DE_QUY", severity: "warning", row: null });
    expect(before.quarters[3].ok).toBe(false);
  });
});

describe("ordering", () => {
  const book = buildBook({
    sheetOrder: ["Thông tin", "Điểm danh", "Sổ chuyên đề", "Biên bản"],
    info: { year: 2023 },
    missingColumns: ["Ngày báo cáo cấp trên", "Người phụ trách"],
    untitledRows: [4],
    topics: [
      { meetingOn: "10/02/2023", approvedOn: "10/02/2023", draftSentOn: "31/02/2023", finalSentOn: "01/02/2023" },
      { row: 3, quarter: "III" },
      { row: 5, meetingOn: "15/05/2023", draftSentOn: "x", approvedOn: "y", finalSentOn: "01/06/2023" },
    ],
    attendance: [
      { stt: 1, name: "An", status: "Vắng không lý do" },
      { stt: 3, name: "An", status: "Vắng không lý do" },
      { stt: 3, name: "Bình", status: "Có mặt" },
    ],
    minutes: [{ stt: 1, start: "08:00", end: "08:30" }],
  });
  const result = check(book, { asOf: day("31/12/2023") });

  it("quarter-level by quarter, year-level, then sheet in workbook order, row, code, column", () => {
    expect(result.findings.map(brief)).toEqual([
      ["THIEU_CHUYEN_DE_QUY", "error", "Sổ chuyên đề", null, null],
      ["THIEU_CHUYEN_DE_QUY", "error", "Sổ chuyên đề", null, null],
      ["THIEU_KE_HOACH_NAM", "error", "Sổ chuyên đề", null, null],
      ["VANG_KHONG_LY_DO", "warning", "Điểm danh", 2, "Tình trạng"],
      ["VANG_KHONG_LY_DO", "warning", "Điểm danh", 3, "Tình trạng"],
      ["VANG_NHIEU_LAN", "warning", "Điểm danh", 3, "Họ và tên"],
      // THIEU_COT names a column, so it is not year-level (SPEC §4: those have row and
      // column null): it sorts with the register's sheet, before that sheet's rows.
      ["THIEU_COT", "warning", "Sổ chuyên đề", null, "Người phụ trách"],
      ["THIEU_COT", "warning", "Sổ chuyên đề", null, "Ngày báo cáo cấp trên"],
      ["HOAN_THIEN_TRUOC_SINH_HOAT", "error", "Sổ chuyên đề", 2, "Ngày gửi bản hoàn thiện"],
      ["NGAY_KHONG_HOP_LE", "error", "Sổ chuyên đề", 2, "Ngày gửi dự thảo"],
      ["THIEU_GUI_DU_THAO", "error", "Sổ chuyên đề", 2, "Ngày gửi dự thảo"],
      ["THONG_QUA_MUON", "error", "Sổ chuyên đề", 2, "Ngày thông qua"],
      ["TY_LE_DU_THAP", "warning", "Sổ chuyên đề", 2, null],
      ["THIEU_TEN", "warning", "Sổ chuyên đề", 4, "Tên chuyên đề"],
      ["NGAY_KHONG_HOP_LE", "error", "Sổ chuyên đề", 5, "Ngày thông qua"],
      ["NGAY_KHONG_HOP_LE", "error", "Sổ chuyên đề", 5, "Ngày gửi dự thảo"],
      ["THIEU_GUI_DU_THAO", "error", "Sổ chuyên đề", 5, "Ngày gửi dự thảo"],
      ["THIEU_THONG_QUA", "error", "Sổ chuyên đề", 5, "Ngày thông qua"],
      ["TY_LE_DU_THAP", "warning", "Sổ chuyên đề", 5, null],
      ["THOI_LUONG_NGAN", "warning", "Biên bản", 2, "Kết thúc"],
    ]);
    expect(result.findings.slice(0, 2).map((f) => f.quarter)).toEqual([3, 4]);
  });

  it("quarter summary: held, planned (held included) and ok per quarter", () => {
    expect(result.quarters).toEqual([
      { quarter: 1, held: 1, planned: 1, ok: true },
      { quarter: 2, held: 1, planned: 1, ok: true },
      { quarter: 3, held: 0, planned: 1, ok: false },
      { quarter: 4, held: 0, planned: 0, ok: false },
    ]);
  });
});

describe("quarter summary", () => {
  it("counts held status without a date in its Quý, leaves out cancelled and other years", () => {
    const result = check(
      buildBook({
        info: { year: 2024 },
        topics: [
          completeTopic("10/02/2024"),
          { quarter: 1, status: "Đã sinh hoạt" },
          completeTopic("10/03/2024", { status: "Hoãn" }),
          completeTopic("10/03/2023"),
          { quarter: 2, status: "Dự kiến" },
          { meetingOn: "01/05/2024", status: "Dự kiến" },
          { meetingOn: "20/05/2024" },
        ],
      }),
      { asOf: day("10/05/2024") },
    );
    expect(result.quarters).toEqual([
      { quarter: 1, held: 2, planned: 2, ok: true },
      { quarter: 2, held: 1, planned: 3, ok: true },
      { quarter: 3, held: 0, planned: 0, ok: false },
      { quarter: 4, held: 0, planned: 0, ok: false },
    ]);
    expect(result.register?.topics).toBe(7);
    expect(result.findings.filter((f) => f.code === "THIEU_CHUYEN_DE_QUY").map((f) => f.severity)).toEqual(["warning", "warning"]);
  });
});

describe("JSON", () => {
  it("a finding has exactly code, severity, sheet, row, column, message — no quarter", () => {
    const result = check(buildBook({ topics: [{ meetingOn: "10/02/2023" }] }), { asOf: day("31/12/2023") });
    const quarterFinding = result.findings.find((f) => f.code === "THIEU_CHUYEN_DE_QUY");
    expect(quarterFinding?.quarter).toBe(2);
    const json = JSON.parse(JSON.stringify(result.findings.map(findingToJson)));
    for (const f of json) expect(Object.keys(f)).toEqual(["code", "severity", "sheet", "row", "column", "message"]);
    expect(json[0]).toEqual({
      code: "THIEU_CHUYEN_DE_QUY",
      severity: "error",
      sheet: "Sổ chuyên đề",
      row: null,
      column: null,
      message: quarterFinding?.message,
    });
  });

  it("every message is NFC Vietnamese", () => {
    const result = check(buildBook({ topics: [{ meetingOn: "10/02/2023", status: "Hủy" }, {}] }), {
      asOf: day("31/12/2023"),
    });
    expect(result.findings.length).toBeGreaterThan(3);
    for (const f of result.findings) expect(f.message).toBe(f.message.normalize("NFC"));
  });
});

describe("input", () => {
  it("a workbook without a register is a UserError KHONG_CO_SO telling how to make one", () => {
    const book = { ...buildBook(), register: null };
    let error: unknown;
    try {
      check(book, { asOf: day("31/12/2023") });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe(NO_REGISTER_CODE);
    expect((error as UserError).message).toMatch(/Không tìm thấy sổ chuyên đề/);
    expect((error as UserError).message).toMatch(/Tạo sổ/);
    // Read in the pane too: the buttons, not the command line's commands (the CLI adds those).
    expect((error as UserError).message).not.toMatch(/chuyende|tbl/);
    expect((error as UserError).message).toMatch(/Chuyển đổi/);
  });

  it("does not change the workbook it checks", () => {
    const book = buildBook({ topics: [{ meetingOn: "10/02/2023" }, {}], attendance: [] });
    const copy = JSON.parse(JSON.stringify(book));
    check(book, { asOf: day("31/12/2023") });
    expect(JSON.parse(JSON.stringify(book))).toEqual(copy);
  });

  it("Y: explicit, else Thông tin, else the most common meeting year (tie → later), else the year of D", () => {
    const topics = [{ meetingOn: "10/02/2022" }, { meetingOn: "10/02/2023" }, { meetingOn: "10/02/2023" }];
    const D = { asOf: day("01/01/2030") };
    expect(check(buildBook({ topics }), D).year).toBe(2023);
    expect(check(buildBook({ topics: topics.slice(0, 2) }), D).year).toBe(2023);
    expect(check(buildBook({ topics: [{ meetingOn: "10/02/2022" }, { meetingOn: "10/02/2021" }] }), D).year).toBe(2022);
    expect(check(buildBook({ topics, info: { year: 2021 } }), D).year).toBe(2021);
    expect(check(buildBook({ topics, info: { year: 2021 } }), { ...D, year: 2025 }).year).toBe(2025);
    expect(check(buildBook({ topics: [{ meetingOn: "31/02/2022" }, {}] }), D).year).toBe(2030);
  });
});
