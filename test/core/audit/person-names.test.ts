// Audit regression: names in the Đảng viên and Điểm danh lists are compared as Names
// (SPEC §3.7): a leading "đ/c" / "đồng chí" is dropped, tone placement and case ignored.
import { check } from "../../../src/core/check/check";
import { buildBook, completeTopic, day } from "../../support/bookBuilder";

const run = (b: Parameters<typeof buildBook>[0]) => check(buildBook(b), { asOf: day("31/12/2023") }).findings;

describe("person names with a leading đ/c or đồng chí", () => {
  test("VANG_NHIEU_LAN: 'Đ/c Minh' and 'đồng chí Minh' are one member, reported once on the second topic", () => {
    const findings = run({
      topics: [completeTopic("10/02/2023"), completeTopic("10/05/2023")],
      attendance: [
        { stt: 1, name: "Đ/c Minh", status: "Vắng không lý do" },
        { stt: 1, name: "Lan", status: "Có mặt" },
        { stt: 2, name: "đồng chí Minh", status: "Vắng không lý do" },
        { stt: 2, name: "Lan", status: "Có mặt" },
      ],
    });
    const many = findings.filter((f) => f.code === "VANG_NHIEU_LAN");
    expect(many.map((f) => [f.sheet, f.row, f.column])).toEqual([["Điểm danh", 4, "Họ và tên"]]);
    expect(many[0].message).toMatch(/^Đồng chí Minh vắng không lý do 2 buổi/);
    const once = findings.filter((f) => f.code === "VANG_KHONG_LY_DO");
    expect(once.map((f) => f.row)).toEqual([2, 4]);
    expect(once[0].message).toMatch(/^Đồng chí Minh vắng/);
  });

  test("PHU_TRACH_LA: a member listed as 'Đ/c Nguyễn Văn An' is known as 'Nguyễn Văn An'", () => {
    const findings = run({
      members: ["Đ/c Nguyễn Văn An", "đồng chí Trần Thị Bình"],
      topics: [
        completeTopic("10/02/2023", { assignees: "Nguyễn Văn An và Trần Thị Bình" }),
        completeTopic("10/05/2023", { assignees: "Lê Văn C" }),
      ],
    });
    expect(findings.filter((f) => f.code === "PHU_TRACH_LA").map((f) => f.row)).toEqual([3]);
  });
});
