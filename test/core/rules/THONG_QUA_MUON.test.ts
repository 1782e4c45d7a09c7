import * as rule from "../../../src/core/rules/THONG_QUA_MUON";
import { testRule } from "../../support/ruleTester";

const col = "Ngày thông qua";

testRule(rule, {
  valid: [
    { name: "approved the day before", book: { topics: [{ meetingOn: "10/02/2023", approvedOn: "09/02/2023" }] } },
    { name: "no meeting date", book: { topics: [{ approvedOn: "09/02/2023" }] } },
    { name: "cancelled", book: { topics: [{ meetingOn: "10/02/2023", approvedOn: "12/02/2023", status: "Hoãn" }] } },
    { name: "an unparsable meeting date counts as empty", book: { topics: [{ meetingOn: "32/01/2023", approvedOn: "09/02/2023" }] } },
  ],
  invalid: [
    {
      name: "approved on M, and after M on a planned future topic",
      asOf: "01/01/2023",
      book: {
        topics: [
          { title: "A", meetingOn: "10/02/2023", approvedOn: "10/02/2023" },
          { title: "B", meetingOn: "10/03/2023", approvedOn: "15/03/2023", status: "Dự kiến" },
        ],
      },
      errors: [
        { row: 2, column: col, message: ['Chuyên đề "A" (dòng 2)', "10/02/2023"] },
        { row: 3, column: col, message: ["15/03/2023", "10/03/2023"] },
      ],
    },
  ],
});
