// Kế hoạch năm: its date (today when planning ahead, never after the first meeting it plans;
// a chosen date after it is printed with a warning) and the row of an empty quarter.
import { EMPTY_QUARTER_TEXT, planDate, yearPlan, type YearPlanRow } from "../../../src/core/plan/yearPlan";
import { buildBook, day } from "../../support/bookBuilder";

const row = (meeting: string | null): YearPlanRow => ({
  quarter: 1,
  title: "Chuyên đề",
  group: "",
  drafters: "",
  meeting: meeting ? day(meeting) : null,
});

describe("planDate", () => {
  const rows = [row("2026-03-20"), row("2026-02-25"), row(null)];
  test.each([
    ["planning ahead: today", "2025-12-28", null, "2025-12-28", false],
    ["written up after the first meeting: the day before it", "2026-04-10", null, "2026-02-24", false],
    ["on the day of the first meeting: the day before it", "2026-02-25", null, "2026-02-24", false],
    ["a date chosen before the first meeting", "2026-04-10", "2026-01-05", "2026-01-05", false],
    ["a date chosen after the first meeting is kept, with a warning", "2026-04-10", "2026-03-01", "2026-03-01", true],
  ])("%s", (_label, today, chosen, expected, warns) => {
    const r = planDate(rows, day(today), chosen ? day(chosen) : null);
    expect(r.date).toEqual(day(expected));
    expect(r.warning !== null).toBe(warns);
    if (warns) expect(r.warning).toContain("25/02/2026");
  });

  test("a plan without any meeting date is dated today", () => {
    expect(planDate([row(null)], day("2026-05-01")).date).toEqual(day("2026-05-01"));
  });
});

describe("yearPlan", () => {
  test("a quarter without a topic gets a row saying so, and a warning; the number reads Số …-KH/CB", () => {
    const book = buildBook({
      info: { chiBo: "Chi bộ 3", year: 2026 },
      topics: [
        { quarter: "I", title: "Học tập nghị quyết", meetingOn: "20/02/2026" },
        { quarter: "III", title: "Công tác đoàn thể", meetingOn: "20/08/2026" },
      ],
    });
    const plan = yearPlan(book, { year: 2026, today: day("2026-01-05") });
    const rows = plan.data.chuyenDe as Record<string, string>[];
    expect(rows.map((r) => [r.quy, r.ten])).toEqual([
      ["Quý I", "Học tập nghị quyết"],
      ["Quý II", EMPTY_QUARTER_TEXT],
      ["Quý III", "Công tác đoàn thể"],
      ["Quý IV", EMPTY_QUARTER_TEXT],
    ]);
    expect(plan.warnings).toEqual([expect.stringMatching(/^Quý II\/2026 chưa có chuyên đề nào/), expect.stringMatching(/^Quý IV\/2026/)]);
    expect(plan.data.so).toBe("Số ……-KH/CB");
    expect(yearPlan(book, { year: 2026, today: day("2026-01-05"), number: "02" }).data.so).toBe("Số 02-KH/CB");
    expect(plan.date).toEqual(day("2026-01-05"));
  });
});
