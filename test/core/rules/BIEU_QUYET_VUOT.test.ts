import * as rule from "../../../src/core/rules/BIEU_QUYET_VUOT";
import type { AttendanceSpec, MemberSpec } from "../../support/bookBuilder";
import { testRule } from "../../support/ruleTester";

// Ten members: eight chính thức, two dự bị; one chính thức absent at the meeting.
const members: MemberSpec[] = [
  ...Array.from({ length: 8 }, (_, i) => ({ name: `Chính thức ${i + 1}`, kind: "Chính thức" })),
  { name: "Dự bị 1", kind: "Dự bị" },
  { name: "Dự bị 2", kind: "Dự bị" },
];
const attendance: AttendanceSpec[] = members.map((m, i) => ({ stt: 1, name: m.name, status: i === 0 ? "Vắng có lý do" : "Có mặt" }));
const topics = [{ title: "Công tác phát triển đảng viên", meetingOn: "10/02/2023" }];

testRule(rule, {
  valid: [
    { name: "7/7: the chính thức members present", book: { topics, members, attendance, minutes: [{ stt: 1, vote: "7/7 tán thành" }] } },
    {
      name: "counts written as words, within the chính thức present",
      book: { topics, members, attendance, minutes: [{ stt: 1, vote: "6 tán thành, 1 không tán thành" }] },
    },
    {
      name: "no count written, or a share",
      book: {
        topics,
        members,
        attendance,
        minutes: [
          { stt: 1, vote: "Nhất trí cao" },
          { stt: 1, vote: "100% tán thành" },
        ],
      },
    },
    {
      name: "no attendance rows: nothing to compare with",
      book: { topics, members, minutes: [{ stt: 1, vote: "12/12 tán thành" }] },
    },
    {
      name: "a present member the list does not know counts as chính thức (no warning on a guess)",
      book: {
        topics,
        members,
        attendance: [...attendance, { stt: 1, name: "Người lạ", status: "Có mặt" }],
        minutes: [{ stt: 1, vote: "8/8 tán thành" }],
      },
    },
  ],
  invalid: [
    {
      name: "9/9 with the two dự bị counted: more votes than the seven chính thức present",
      book: { topics, members, attendance, minutes: [{ stt: 1, vote: "9/9 đảng viên có mặt tán thành" }] },
      errors: [
        {
          sheet: "Biên bản",
          row: 2,
          column: "Biểu quyết",
          message: [
            '"Công tác phát triển đảng viên" (STT 1)',
            "9 phiếu",
            "nhiều hơn 7 đảng viên chính thức có mặt",
            "2 đảng viên dự bị",
            "7/7",
          ],
        },
      ],
    },
    {
      name: "counts by kind adding up above the ceiling",
      book: { topics, members, attendance, minutes: [{ stt: 1, vote: "Tán thành: 8; không tán thành: 0; ý kiến khác: 1" }] },
      errors: [{ sheet: "Biên bản", row: 2, column: "Biểu quyết", message: "9 phiếu" }],
    },
  ],
});
