// Kiểm tra's findings per topic (issue 12, Build 2): the year and its quarters on top, then
// one group per topic in register order with its title once, errors before warnings, the
// topic's Điểm danh and Biên bản findings with it; every item keeps its cell. The order of
// SPEC §4 (what --json prints) is unchanged.
import { checkPane, checkView, GROUPS_SHOWN, YEAR_GROUP_TITLE } from "../../src/taskpane/logic/check";
import { buildBook, completeTopic, day } from "../support/bookBuilder";

const book = buildBook({
  topics: [
    // Row 2: held, no approval date (error) and not reported upward (warning).
    { ...completeTopic("10/02/2023"), approvedOn: "", reportedOn: "" },
    // Row 3: draft sent after the meeting (error), assignee not a member (warning), Quý wrong (warning).
    { ...completeTopic("10/05/2023"), approvedOn: "11/05/2023", draftSentOn: "12/05/2023", assignees: "Người Lạ", quarter: "I" },
    // Row 4: planned later in the year, nothing wrong yet.
    { title: "Chuyên đề quý bốn", quarter: "IV", assignees: "Nguyễn Văn An" },
  ],
  members: ["Nguyễn Văn An"],
  attendance: [
    { stt: 1, name: "Nguyễn Văn An", status: "Có mặt" },
    { stt: 2, name: "Nguyễn Văn An", status: "Vắng không lý do" },
  ],
});
const view = checkView(book, day("15/10/2023"));

describe("findings grouped per topic", () => {
  it("puts the year and quarter findings first, then topics in register order", () => {
    expect(view.groups.map((g) => g.title)).toEqual([
      YEAR_GROUP_TITLE,
      'Chuyên đề "Chuyên đề 1" (dòng 2)',
      'Chuyên đề "Chuyên đề 2" (dòng 3)',
    ]);
    expect(view.groups[0].items.every((i) => i.finding.row === null)).toBe(true);
    expect(view.groups[0].items.map((i) => i.finding.code)).toContain("THIEU_CHUYEN_DE_QUY");
  });

  it("lists a topic's errors before its warnings, SPEC order kept inside each", () => {
    const second = view.groups[2];
    const severities = second.items.map((i) => i.finding.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "error" ? -1 : 1)));
    expect(severities[0]).toBe("error");
    // In SPEC order (by code within a row) SAI_QUY, a warning, comes before THONG_QUA_MUON, an error.
    const specOrder = view.findings.filter((f) => f.finding.row === 3).map((f) => f.finding.code);
    expect(specOrder.indexOf("SAI_QUY")).toBeLessThan(specOrder.indexOf("THONG_QUA_MUON"));
    const grouped = second.items.map((i) => i.finding.code);
    expect(grouped.indexOf("THONG_QUA_MUON")).toBeLessThan(grouped.indexOf("SAI_QUY"));
    expect({ errors: second.errors, warnings: second.warnings }).toEqual({
      errors: second.items.filter((i) => i.finding.severity === "error").length,
      warnings: second.items.filter((i) => i.finding.severity === "warning").length,
    });
  });

  it("says the title once: the items inside drop the topic's name", () => {
    for (const g of view.groups.slice(1)) {
      for (const item of g.items.filter((i) => i.finding.sheet === book.register?.sheet)) {
        expect(item.finding.message.startsWith(g.title)).toBe(true);
        expect(item.text).not.toContain(g.title);
        expect(item.text).toMatch(/^[A-ZĐÀ-Ỹ"]/u);
      }
    }
    const approval = view.groups[1].items.find((i) => i.finding.code === "THIEU_THONG_QUA");
    expect(approval?.text).toMatch(/^Đã sinh hoạt nhưng chưa có ngày thông qua đề dẫn\./);
  });

  it("joins a topic's Điểm danh findings to it by STT, keeping their own cell", () => {
    const absent = view.groups[2].items.find((i) => i.finding.code === "VANG_KHONG_LY_DO");
    expect(absent?.cell?.sheet).toBe(book.attendance?.sheet);
    expect(absent?.text).toBe(absent?.finding.message);
  });

  it("keeps every finding exactly once, each with the cell it had, and SPEC §4's order in findings", () => {
    const grouped = view.groups.flatMap((g) => g.items.map((i) => i.finding));
    expect(grouped).toHaveLength(view.findings.length);
    expect(new Set(grouped)).toEqual(new Set(view.findings.map((f) => f.finding)));
    expect(view.findings.map((f) => f.finding)).toEqual(view.result.findings);
    for (const g of view.groups) for (const i of g.items) expect(i.cell).toEqual(view.findings.find((f) => f.finding === i.finding)?.cell);
  });

  it("links each topic's title to its title cell", () => {
    expect(view.groups[1].cell).toEqual({ sheet: book.register?.sheet, row: 2, col: book.register?.columns["Tên chuyên đề"] });
  });

  it("gives an untitled row with data a group of its own, and findings of no topic a group per sheet", () => {
    const other = checkView(
      buildBook({
        topics: [completeTopic("10/02/2023")],
        untitledRows: [5],
        attendance: [{ stt: 9, name: "Lê Văn C", status: "Vắng không lý do" }],
      }),
      day("15/10/2023"),
    );
    const titles = other.groups.map((g) => g.title);
    expect(titles).toContain(`Trang ${book.attendance?.sheet}`);
    expect(titles).toContain("Dòng 5 (chưa có tên chuyên đề)");
    expect(titles.indexOf("Dòng 5 (chưa có tên chuyên đề)")).toBeLessThan(titles.indexOf(`Trang ${book.attendance?.sheet}`));
  });
});

describe("what the pane is sent of a check (checkPane)", () => {
  it("keeps the counts of every finding but only the first groups, the rest by slice", () => {
    const pane = checkPane(view, 1);
    expect(pane.errors + pane.warnings).toBe(view.result.findings.length);
    expect(pane.errors).toBe(view.result.findings.filter((f) => f.severity === "error").length);
    expect(pane.groupCount).toBe(view.groups.length);
    expect(pane.groups).toEqual(view.groups.slice(0, 1));
    expect("findings" in pane.result).toBe(false);
    expect(checkPane(view).groups).toEqual(view.groups.slice(0, GROUPS_SHOWN));
  });
});
