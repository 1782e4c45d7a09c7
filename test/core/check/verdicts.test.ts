// The verdict model: each topic's status, each quarter's and the year's verdict, the words
// they are said in — and that they agree with the check's quarter summary.
import { check } from "../../../src/core/check/check";
import { computeVerdicts, noMeetingSentence, remedySentence, TOPIC_STATUS_LABEL } from "../../../src/core/check/verdicts";
import type { BookSpec } from "../../support/bookBuilder";
import { buildBook, completeTopic, day } from "../../support/bookBuilder";
import { POSTPONED_Q3 } from "../../support/registers";

describe("topic status", () => {
  const book = buildBook({
    info: { year: 2024 },
    topics: [
      { meetingOn: "10/02/2024", status: "Đã sinh hoạt" },
      { meetingOn: "12/02/2024", status: "Dự kiến" }, // date passed, Điểm danh has it
      { meetingOn: "14/02/2024", status: "Dự kiến" }, // date passed, nothing records it
      { meetingOn: "16/02/2024" }, // no status, date passed, nothing records it
      { meetingOn: "10/05/2024", status: "Dự kiến" },
      { meetingOn: "10/02/2024", status: "Hoãn", note: "Trùng lịch." },
      { meetingOn: "10/02/2024", status: "Hủy" },
      { quarter: "II" },
    ],
    attendance: [{ stt: 2, name: "A", status: "Có mặt" }],
  });
  const v = computeVerdicts(book, { asOf: day("2024-04-05") });

  test("held / unconfirmed / planned / postponed / cancelled, with one label each", () => {
    expect(v.topics.map((t) => t.kind)).toEqual([
      "held",
      "held",
      "unconfirmed",
      "unconfirmed",
      "planned",
      "postponed",
      "cancelled",
      "planned",
    ]);
    expect(v.topics.map((t) => t.label)).toEqual(v.topics.map((t) => TOPIC_STATUS_LABEL[t.kind]));
    expect(TOPIC_STATUS_LABEL).toEqual({
      held: "Đã sinh hoạt",
      unconfirmed: "Chưa xác nhận",
      planned: "Dự kiến",
      postponed: "Hoãn",
      cancelled: "Hủy",
    });
  });

  test("an unconfirmed topic counts as held, as the check counts it", () => {
    expect(v.quarters[0].held).toBe(4);
    expect(v.quarters[0].unconfirmed).toBe(2);
    expect(check(book, { asOf: day("2024-04-05") }).quarters[0].held).toBe(4);
    expect(v.topicAt(7)?.note).toBe("Trùng lịch.");
  });
});

describe("quarter and year verdicts", () => {
  test("Quý III postponed, four held: the quarter and the year are Chưa đạt, naming Quý III and its reason", () => {
    const book = buildBook(POSTPONED_Q3);
    const v = computeVerdicts(book, { asOf: day("2025-01-10") });
    expect(v.quarters.map((q) => q.kind)).toEqual(["met", "met", "notMet", "met"]);
    expect(v.quarters.map((q) => q.label)).toEqual(["Đạt", "Đạt", "Chưa đạt", "Đạt"]);
    expect(v.yearVerdict).toMatchObject({ kind: "notMet", label: "Chưa đạt", held: 4, minimum: 4, shortfall: 0, missedQuarters: [3] });
    expect(v.yearVerdict.sentence).toBe(
      "Năm 2024 chi bộ chưa đạt yêu cầu sinh hoạt chuyên đề: đã sinh hoạt 04 chuyên đề (tối thiểu 04 chuyên đề/năm, mỗi quý ít nhất 01 chuyên đề), " +
        "nhưng Quý III/2024 không tổ chức sinh hoạt chuyên đề.",
    );
    expect(noMeetingSentence(v.quarters[2])).toBe(
      'Quý III/2024 chi bộ không tổ chức sinh hoạt chuyên đề. Lý do: chuyên đề "Lãnh đạo Công đoàn cơ sở" hoãn (Hoãn do trùng đợt kiểm tra của Kiểm toán Nhà nước).',
    );
    expect(remedySentence(v.quarters[2])).toContain('bố trí sinh hoạt bù chuyên đề "Lãnh đạo Công đoàn cơ sở" (hoãn từ Quý III/2024)');
    // The check agrees quarter by quarter.
    const r = check(book, { asOf: day("2025-01-10") });
    expect(r.quarters.map((q) => [q.held, q.planned])).toEqual(v.quarters.map((q) => [q.held, q.planned]));
    expect(r.quarters.map((q) => q.ok)).toEqual([true, true, false, true]);
  });

  test("met only when the year has ended with the minimum held and every quarter held one", () => {
    const spec: BookSpec = {
      info: { year: 2024 },
      topics: ["14/03/2024", "20/06/2024", "10/09/2024", "10/12/2024"].map((d) => completeTopic(d)),
    };
    const v = computeVerdicts(buildBook(spec), { asOf: day("2024-12-31") });
    expect(v.yearVerdict.kind).toBe("met");
    expect(v.yearVerdict.sentence).toContain("Năm 2024 chi bộ đạt yêu cầu");
    // Before Quý IV ends: not yet due, even with Quý IV's meeting held.
    expect(computeVerdicts(buildBook(spec), { asOf: day("2024-12-20") }).yearVerdict.kind).toBe("notDue");
  });

  test("a year ended one topic short is Chưa đạt even with every quarter held", () => {
    const v = computeVerdicts(
      buildBook({
        info: { year: 2024, minTopicsPerYear: 5 },
        topics: ["14/03/2024", "20/06/2024", "10/09/2024", "10/12/2024"].map((d) => completeTopic(d)),
      }),
      { asOf: day("2025-01-02") },
    );
    expect(v.yearVerdict).toMatchObject({ kind: "notMet", shortfall: 1, missedQuarters: [] });
    expect(v.yearVerdict.sentence).toContain("còn thiếu 01 chuyên đề so với mức tối thiểu");
  });

  test("mid-year: a missed quarter already makes the year Chưa đạt; otherwise Chưa đến hạn", () => {
    const book = buildBook({ info: { year: 2024 }, topics: [{ quarter: "I" }, completeTopic("10/05/2024")] });
    const v = computeVerdicts(book, { asOf: day("2024-06-01") });
    expect(v.quarters.map((q) => q.kind)).toEqual(["notMet", "met", "notDue", "notDue"]);
    expect(v.yearVerdict).toMatchObject({ kind: "notMet", missedQuarters: [1] });
    const early = computeVerdicts(book, { asOf: day("2024-03-01") });
    expect(early.quarters[0].kind).toBe("notDue");
    expect(early.yearVerdict.kind).toBe("notDue");
    expect(early.yearVerdict.sentence).toMatch(/^Năm 2024 chưa kết thúc: đến ngày 01\/03\/2024/);
  });

  test("a quarter with nothing planned says so", () => {
    const v = computeVerdicts(buildBook({ info: { year: 2024 }, topics: [completeTopic("10/05/2024")] }), { asOf: day("2024-06-01") });
    expect(noMeetingSentence(v.quarters[0])).toBe(
      "Quý I/2024 chi bộ không tổ chức sinh hoạt chuyên đề. Lý do: quý này không có chuyên đề nào trong kế hoạch.",
    );
  });
});
