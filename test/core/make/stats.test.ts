import { assignmentCounts, countHeld } from "../../../src/core/make/stats";
import { check } from "../../../src/core/check/check";
import { UserError } from "../../../src/core/shared/types";
import { buildBook, day } from "../../support/bookBuilder";

const book = buildBook({
  info: { year: 2023 },
  members: ["Nguyễn Văn An", "Lê Thị Thủy", "Phan Văn Hùng"],
  topics: [
    { meetingOn: "10/02/2023", assignees: "Nguyễn Văn An" },
    { quarter: 1, status: "Đã sinh hoạt", assignees: "Lê Thị Thuỷ và nguyễn văn an" },
    { meetingOn: "20/03/2023", status: "Hoãn", assignees: "Phan Văn Hùng" },
    { meetingOn: "10/05/2023", status: "Dự kiến", assignees: "Trần Bình, Nguyễn Văn An" },
    { meetingOn: "10/02/2022", assignees: "Trần Bình" },
  ],
});

describe("countHeld (=CHUYENDE.DEMQUY)", () => {
  it("counts held topics of the year in the quarter, as the check's summary does", () => {
    const asOf = day("31/12/2023");
    expect(countHeld(book, 1, undefined, asOf)).toBe(2);
    expect(countHeld(book, 2, 2023, asOf)).toBe(1);
    // The year given is Y, so the undated held topic (year = Y) counts in 2022 too,
    // exactly as `kiem-tra --nam 2022` would count it.
    expect(countHeld(book, 1, 2022, asOf)).toBe(2);
    expect(countHeld(book, 2, 2022, asOf)).toBe(0);
    expect(countHeld(book, 3, 2023, asOf)).toBe(0);
    const summary = check(book, { asOf }).quarters;
    for (const q of [1, 2, 3, 4] as const) expect(countHeld(book, q, undefined, asOf)).toBe(summary[q - 1].held);
  });

  it("a 'Dự kiến' topic is held once its date has passed", () => {
    expect(countHeld(book, 2, 2023, day("09/05/2023"))).toBe(0);
    expect(countHeld(book, 2, 2023, day("10/05/2023"))).toBe(1);
  });

  it("no register: a UserError", () => {
    expect(() => countHeld({ ...book, register: null }, 1, undefined, day("31/12/2023"))).toThrow(UserError);
  });
});

describe("assignmentCounts (=CHUYENDE.PHANCONG)", () => {
  it("every member of the Đảng viên table (0 included), then other assignees; cancelled topics left out", () => {
    expect(assignmentCounts(book)).toEqual([
      { name: "Nguyễn Văn An", count: 3 },
      { name: "Lê Thị Thủy", count: 1 },
      { name: "Phan Văn Hùng", count: 0 },
      { name: "Trần Bình", count: 2 },
    ]);
  });

  it("a given list replaces the table, keeps its spelling and order", () => {
    expect(assignmentCounts(book, ["Phan Văn Hùng", "lê thị thuỷ", ""])).toEqual([
      { name: "Phan Văn Hùng", count: 0 },
      { name: "lê thị thuỷ", count: 1 },
      { name: "Nguyễn Văn An", count: 3 },
      { name: "Trần Bình", count: 2 },
    ]);
  });

  it("a name twice in one topic counts once", () => {
    const b = buildBook({ topics: [{ assignees: "Lê An, lê an" }] });
    expect(assignmentCounts(b)).toEqual([{ name: "Lê An", count: 1 }]);
  });
});

describe("assignmentCounts and the đ/c prefix", () => {
  test('a member listed as "Đ/c An" and an assignee "An" are one person', () => {
    const b = buildBook({ topics: [{ assignees: "An" }, { assignees: "đồng chí An, Bình" }] });
    expect(assignmentCounts(b, ["Đ/c An", "Bình", "Chi"])).toEqual([
      { name: "An", count: 2 },
      { name: "Bình", count: 1 },
      { name: "Chi", count: 0 },
    ]);
  });
});
