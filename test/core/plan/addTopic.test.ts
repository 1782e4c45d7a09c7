// Adding a suggestion to a quarter: the row goes after the user's rows (never over them),
// the dates are planned around the meeting day so the row passes the check, and the plan
// warns about an empty quarter or a single group.
import { applyPlannedRow, PLAN_OFFSETS, planTopicRow, planWarnings, registerPlan } from "../../../src/core/plan/addTopic";
import { check } from "../../../src/core/check/check";
import { readWorkbook } from "../../../src/core/read/register";
import { addDays } from "../../../src/core/read/dates";
import { UserError, type WorkbookGrid } from "../../../src/core/shared/types";
import { planGrid, type RowSpec } from "./planGrid";

const asOf = { year: 2021, month: 1, day: 10 };

const written: RowSpec[] = [
  {
    Quý: "I",
    "Tên chuyên đề": "Học tập Nghị quyết Đại hội XIII",
    Nhóm: "Xây dựng Đảng",
    "Người phụ trách": "Nguyễn Văn An",
    "Ngày sinh hoạt": "25/02/2021",
    "Trạng thái": "Dự kiến",
  },
  {
    Quý: "II",
    "Tên chuyên đề": "Nâng cao chất lượng chuyên môn",
    Nhóm: "Nhiệm vụ chuyên môn",
    "Người phụ trách": "Trần Thị Bình",
    "Trạng thái": "Dự kiến",
    "Ghi chú": "do tổ trưởng đề xuất",
  },
];

function snapshot(grid: WorkbookGrid, sheet: string): string {
  return JSON.stringify(grid.sheets.find((s) => s.name === sheet)!.values);
}

describe("planTopicRow", () => {
  test("fills the first empty numbered row of the table; dates from the meeting day; passes the check", () => {
    const grid = planGrid({ rows: written, emptyRows: 3 });
    const before = snapshot(grid, "Sổ chuyên đề");
    const meeting = { year: 2021, month: 8, day: 20 };
    const r = planTopicRow(
      grid,
      { title: "Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ", group: 1, quarter: 3, meeting, drafters: "Lê Văn Cường" },
      { asOf },
    );
    expect(r.row).toMatchObject({ sheet: "Sổ chuyên đề", row: 4, table: "tblChuyenDe", extendsTable: false });
    const cell = (c: string) => r.row.cells.find((x) => x.column === c)?.value;
    // The pre-numbered STT 3 stays as it is (not written again).
    expect(cell("STT")).toBeUndefined();
    expect(cell("Quý")).toBe("III");
    expect(cell("Nhóm")).toBe("Xây dựng Đảng");
    expect(cell("Trạng thái")).toBe("Dự kiến");
    expect(cell("Người thông qua")).toBe("Chi ủy");
    expect(cell("Ngày sinh hoạt")).toEqual({ date: meeting });
    expect(cell("Ngày thông qua")).toEqual({ date: { year: 2021, month: 8, day: 13 } });
    expect(cell("Ngày gửi dự thảo")).toEqual({ date: { year: 2021, month: 8, day: 17 } });
    expect(cell("Ngày gửi bản hoàn thiện")).toEqual({ date: { year: 2021, month: 8, day: 27 } });
    expect(cell("Ngày báo cáo cấp trên")).toEqual({ date: { year: 2021, month: 8, day: 30 } });
    expect(PLAN_OFFSETS.draftSent).toBeLessThanOrEqual(-1);

    const after = applyPlannedRow(grid, r.row);
    // The input grid is not changed, and every row the user wrote is the same afterwards.
    expect(snapshot(grid, "Sổ chuyên đề")).toBe(before);
    const old = JSON.parse(before) as unknown[][];
    const now = after.sheets[1].values;
    for (let i = 0; i <= written.length; i++) expect(now[i]).toEqual(old[i]);

    // The check, both before the meeting and once it has been held, has nothing on the row.
    for (const d of [asOf, { year: 2021, month: 12, day: 31 }]) {
      const res = check(readWorkbook(after), { asOf: d, year: 2021 });
      expect(res.findings.filter((f) => f.row === 4)).toEqual([]);
    }
  });

  test("a full table grows by one row below it; STT continues", () => {
    const grid = planGrid({ rows: written });
    const r = planTopicRow(grid, { title: "Công tác thanh niên", group: "Lãnh đạo đoàn thể", quarter: 4 }, { asOf });
    expect(r.row).toMatchObject({ row: 4, extendsTable: true });
    expect(r.row.cells.find((c) => c.column === "STT")?.value).toBe(3);
    // Without a date only the quarter is planned: no date is invented.
    expect(r.row.cells.map((c) => c.column)).not.toContain("Ngày sinh hoạt");
    const after = applyPlannedRow(grid, r.row);
    expect(after.tables?.find((t) => t.name === "tblChuyenDe")?.bottom).toBe(3);
    expect(readWorkbook(after).register?.topics.map((t) => t.title)).toEqual([
      "Học tập Nghị quyết Đại hội XIII",
      "Nâng cao chất lượng chuyên môn",
      "Công tác thanh niên",
    ]);
  });

  test("never overwrites: text right below a full table stops the operation", () => {
    const grid = planGrid({ rows: written, below: [[null, null, "Người lập biểu"]] });
    expect(() => planTopicRow(grid, { title: "Chuyên đề mới", group: 1, quarter: 3 }, { asOf })).toThrow(/không ghi đè/);
  });

  test("refuses a title the year already has, a date outside the quarter, an empty title", () => {
    const grid = planGrid({ rows: written, emptyRows: 2 });
    expect(() => planTopicRow(grid, { title: "học tập nghị quyết đại hội XIII", group: 1, quarter: 3 }, { asOf })).toThrow(
      /đã có chuyên đề này/,
    );
    expect(() => planTopicRow(grid, { title: "Mới", group: 1, quarter: 3, meeting: { year: 2021, month: 2, day: 1 } }, { asOf })).toThrow(
      /thuộc Quý I\/2021, không phải Quý III\/2021/,
    );
    expect(() => planTopicRow(grid, { title: "  ", group: 1, quarter: 3 }, { asOf })).toThrow(UserError);
  });

  test("the quarter follows the date when only the date is given", () => {
    const grid = planGrid({ rows: written, emptyRows: 2 });
    const r = planTopicRow(grid, { title: "Mới", group: 2, meeting: { year: 2021, month: 11, day: 5 }, drafters: "An" }, { asOf });
    expect(r.quarter).toBe(4);
    expect(r.row.cells.find((c) => c.column === "Ngày thông qua")?.value).toEqual({ date: addDays({ year: 2021, month: 11, day: 5 }, -7) });
  });
});

describe("warnings", () => {
  test("an empty quarter, and a missing drafter, after the add", () => {
    const grid = planGrid({ rows: written, emptyRows: 2 });
    const r = planTopicRow(grid, { title: "Mới", group: 3, quarter: 3 }, { asOf });
    expect(r.warnings.map((w) => w.code)).toEqual(["QUY_TRONG", "THIEU_PHU_TRACH"]);
    expect(r.warnings[0]).toMatchObject({ quarter: 4 });
    expect(r.warnings[0].message).toMatch(/^Quý IV\/2021 chưa có chuyên đề nào/);
  });

  test("all topics from one group", () => {
    const rows: RowSpec[] = [1, 2, 3, 4].map((q) => ({
      Quý: q,
      "Tên chuyên đề": `Chuyên đề ${q}`,
      Nhóm: "Xây dựng Đảng",
      "Người phụ trách": "An",
    }));
    const plan = registerPlan(planGrid({ rows }), asOf);
    const w = planWarnings(plan.topics, plan.year);
    expect(w.map((x) => x.code)).toEqual(["MOT_NHOM"]);
    expect(w[0].message).toContain("Xây dựng Đảng");
    // One topic from another group ends the warning; a cancelled one does not.
    const mixed = registerPlan(
      planGrid({ rows: [...rows, { Quý: 2, "Tên chuyên đề": "Khác", Nhóm: "Lãnh đạo đoàn thể", "Trạng thái": "Hủy" }] }),
      asOf,
    );
    expect(planWarnings(mixed.topics, mixed.year).map((x) => x.code)).toEqual(["MOT_NHOM"]);
    const fixed = registerPlan(planGrid({ rows: [...rows, { Quý: 2, "Tên chuyên đề": "Khác", Nhóm: "Lãnh đạo đoàn thể" }] }), asOf);
    expect(planWarnings(fixed.topics, fixed.year)).toEqual([]);
  });

  test("every empty quarter of an empty register", () => {
    const plan = registerPlan(planGrid({ rows: [], emptyRows: 4 }), asOf);
    expect(planWarnings(plan.topics, plan.year).map((w) => w.quarter)).toEqual([1, 2, 3, 4]);
  });
});
