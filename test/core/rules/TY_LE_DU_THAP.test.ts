import * as rule from "../../../src/core/rules/TY_LE_DU_THAP";
import type { AttendanceSpec } from "../../support/bookBuilder";
import { testRule } from "../../support/ruleTester";

function rows(stt: number, counts: Partial<Record<string, number>>): AttendanceSpec[] {
  const out: AttendanceSpec[] = [];
  for (const [status, n] of Object.entries(counts)) {
    for (let i = 0; i < (n ?? 0); i++) out.push({ stt, name: `${status} ${i}`, status });
  }
  return out;
}

const held = [{ meetingOn: "10/02/2023" }];

testRule(rule, {
  valid: [
    {
      name: "exactly the minimum: 17 of 20 = 85%",
      book: { topics: held, attendance: rows(1, { "Có mặt": 17, "Vắng có lý do": 3 }) },
    },
    {
      name: "exempt members are left out of the denominator: 8 of (10 − 1)",
      book: { topics: held, attendance: rows(1, { "Có mặt": 8, "Vắng có lý do": 1, "Miễn sinh hoạt": 1 }) },
    },
    {
      name: "everyone exempt: denominator 0, no finding",
      book: { topics: held, attendance: rows(1, { "Miễn sinh hoạt": 3 }) },
    },
    {
      name: "not held, cancelled, or no attendance rows",
      asOf: "01/01/2023",
      book: {
        topics: [{ meetingOn: "10/02/2023" }, { meetingOn: "10/03/2022", status: "Hoãn" }, { meetingOn: "10/04/2022" }],
        attendance: [...rows(1, { "Vắng không lý do": 5 }), ...rows(2, { "Vắng không lý do": 5 })],
      },
    },
    {
      name: "decided on the exact fraction: 17/20 is 85 % exactly, 1700/2000 too",
      book: { topics: held, attendance: rows(1, { "Có mặt": 1700, "Vắng có lý do": 300 }) },
    },
    {
      name: "the minimum comes from Thông tin",
      book: { info: { minAttendanceRate: 0.5 }, topics: held, attendance: rows(1, { "Có mặt": 1, "Vắng có lý do": 1 }) },
    },
  ],
  invalid: [
    {
      name: "below the minimum; rows with an unknown status count as not present",
      book: {
        topics: [{ title: "Chuyển đổi số", meetingOn: "10/02/2023" }, { meetingOn: "10/05/2023" }],
        attendance: [
          ...rows(1, { "Có mặt": 7, "Vắng không lý do": 1, "Vắng có lý do": 1, "Miễn sinh hoạt": 1 }),
          ...rows(2, { "Có mặt": 7, "": 2, "Miễn sinh hoạt": 2 }),
        ],
      },
      errors: [
        // 7/9 = 77,777… % rounded half up to one decimal, as a clerk does.
        { row: 2, column: null, message: ['"Chuyển đổi số" (dòng 2)', "7/9", "(77,8 %)", "tối thiểu 85 %"] },
        { row: 3, column: null, message: ["7/9"] },
      ],
    },
    {
      name: "19 of 22 against 90 %: printed 86,4 % as the upper office computes it",
      book: { info: { minAttendanceRate: 0.9 }, topics: held, attendance: rows(1, { "Có mặt": 19, "Vắng có lý do": 3 }) },
      errors: [{ row: 2, column: null, message: ["19/22", "(86,4 %)", "tối thiểu 90 %"] }],
    },
    {
      name: "just below the minimum never reads as the minimum: 2124/2500 = 84,96 % against 85 %",
      book: { topics: held, attendance: rows(1, { "Có mặt": 2124, "Vắng có lý do": 376 }) },
      errors: [{ row: 2, column: null, message: ["2124/2500", "(84,96 %)", "tối thiểu 85 %"] }],
    },
  ],
});
