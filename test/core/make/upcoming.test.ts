import { upcoming } from "../../../src/core/make/upcoming";
import { TITLE_IN_MESSAGE } from "../../../src/core/shared/text";
import { buildBook, day } from "../../support/bookBuilder";

const asOf = day("01/03/2024");
const brief = (items: ReturnType<typeof upcoming>) =>
  items.map((i) => [i.kind, i.row, i.deadline ? `${i.deadline.day}/${i.deadline.month}/${i.deadline.year}` : null]);

describe("upcoming (Việc sắp tới)", () => {
  it("topics meeting in the next 14 days lacking approval or sending, with their last day", () => {
    const book = buildBook({
      info: { year: 2024 },
      topics: [
        { meetingOn: "10/03/2024" }, // neither: approve by 08/03, send by 09/03
        { meetingOn: "15/03/2024", draftSentOn: "12/03/2024" }, // approve before sending: 11/03
        { meetingOn: "05/03/2024", approvedOn: "01/03/2024" }, // send by 04/03
        { meetingOn: "16/03/2024" }, // D+15: too far
        { meetingOn: "01/03/2024" }, // M = D: held, not upcoming
        { meetingOn: "12/03/2024", status: "Hoãn" },
        { meetingOn: "13/03/2024", approvedOn: "01/03/2024", draftSentOn: "02/03/2024" },
        { meetingOn: "14/03/2024", status: "Đã sinh hoạt", reportedOn: "14/03/2024" },
        { quarter: 2 },
      ],
    });
    const items = upcoming(book, { asOf });
    expect(brief(items)).toEqual([
      ["sending", 4, "4/3/2024"],
      ["approval", 2, "8/3/2024"],
      ["sending", 2, "9/3/2024"],
      ["approval", 3, "11/3/2024"],
      ["report", 6, null],
    ]);
    expect(items[0].text).toContain('"Chuyên đề 3" (dòng 4)');
    expect(items[0].text).toContain("04/03/2024");
    expect(items[3].text).toContain("12/03/2024");
    expect(items[4].text).toContain("Báo cáo cấp trên");
  });

  it("an approval already too late is still listed, marked overdue", () => {
    const items = upcoming(buildBook({ info: { year: 2024 }, topics: [{ meetingOn: "02/03/2024" }, { quarter: 1 }] }), {
      asOf,
    });
    expect(brief(items)).toEqual([
      ["approval", 2, "29/2/2024"],
      ["sending", 2, "1/3/2024"],
    ]);
    expect(items[0].text).toContain("đã quá hạn");
    expect(items[1].text).not.toContain("đã quá hạn");
  });

  it("a quarter ending within 30 days (end − D from 0 to 30) with no topic of Y", () => {
    const book = buildBook({ info: { year: 2024 }, topics: [{ quarter: 1, status: "Hủy" }] });
    expect(brief(upcoming(book, { asOf: day("01/03/2024") }))).toEqual([["quarter", null, "31/3/2024"]]);
    expect(brief(upcoming(book, { asOf: day("31/03/2024") }))).toEqual([["quarter", null, "31/3/2024"]]);
    expect(brief(upcoming(book, { asOf: day("29/02/2024") }))).toEqual([]);
    expect(brief(upcoming(book, { asOf: day("01/04/2024") }))).toEqual([]);
  });

  it("held topics not reported upward; none when the column is missing", () => {
    const topics = [
      { meetingOn: "10/01/2024" },
      { quarter: 1, status: "Đã sinh hoạt" },
      { meetingOn: "15/01/2024", reportedOn: "20/01/2024" },
      { meetingOn: "20/01/2024", status: "Hủy" },
    ];
    expect(brief(upcoming(buildBook({ info: { year: 2024 }, topics }), { asOf: day("01/02/2024") }))).toEqual([
      ["report", 2, null],
      ["report", 3, null],
    ]);
    const noColumn = buildBook({ info: { year: 2024 }, topics, missingColumns: ["Ngày báo cáo cấp trên"] });
    expect(upcoming(noColumn, { asOf: day("01/02/2024") })).toEqual([]);
  });

  it("a title as long as Excel allows (32,767 characters) is quoted cut at a word, each item readable", () => {
    const words = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ";
    const title = words.repeat(Math.ceil(32767 / words.length)).slice(0, 32767);
    const book = buildBook({
      info: { year: 2024 },
      topics: [
        { meetingOn: "10/03/2024", title },
        { meetingOn: "10/01/2024", title },
      ],
    });
    const items = upcoming(book, { asOf });
    expect(items.map((i) => i.kind)).toEqual(["approval", "sending", "report"]);
    for (const item of items) {
      expect(item.text.length).toBeLessThan(TITLE_IN_MESSAGE + 250);
      const quoted = /chuyên đề "([^"]*)" \(dòng \d+\)/.exec(item.text)![1];
      expect(quoted.endsWith("…")).toBe(true);
      expect(title.startsWith(quoted.slice(0, -1))).toBe(true);
      // Cut between words, never inside one.
      expect(title[quoted.length - 1]).toBe(" ");
    }
  });
});
