import * as rule from "../../../src/core/rules/THIEU_THONG_QUA";
import { testRule } from "../../support/ruleTester";

const col = "Ngày thông qua";

testRule(rule, {
  valid: [
    { name: "held with an approval date", book: { topics: [{ meetingOn: "10/02/2023", approvedOn: "01/02/2023" }] } },
    { name: "not held yet (M > D)", asOf: "09/02/2023", book: { topics: [{ meetingOn: "10/02/2023" }] } },
    { name: "planned without a date", book: { topics: [{ quarter: 4, status: "Dự kiến" }] } },
    {
      name: "cancelled",
      book: {
        topics: [
          { meetingOn: "10/02/2023", status: "Hủy" },
          { meetingOn: "10/03/2023", status: "Hoãn" },
        ],
      },
    },
    { name: "no Ngày thông qua column", book: { missingColumns: [col], topics: [{ meetingOn: "10/02/2023" }] } },
  ],
  invalid: [
    {
      name: "held by status, by a past 'Dự kiến' date, and on M = D",
      asOf: "10/02/2023",
      book: {
        topics: [{ status: "Đã sinh hoạt", quarter: 1 }, { meetingOn: "05/01/2023", status: "Dự kiến" }, { meetingOn: "10/02/2023" }],
      },
      errors: [
        { row: 2, column: col, message: "Ghi ngày chi ủy (hoặc bí thư) thông qua dự thảo đề dẫn vào cột Ngày thông qua" },
        { row: 3, column: col },
        { row: 4, column: col },
      ],
    },
    {
      name: "an unparsable approval date counts as empty",
      book: { topics: [{ meetingOn: "10/02/2023", approvedOn: "31/02/2023" }] },
      errors: [{ row: 2, column: col }],
    },
  ],
});
