import * as rule from "../../../src/core/rules/THIEU_QUY";
import { testRule } from "../../support/ruleTester";

testRule(rule, {
  valid: [
    { name: "a date", book: { topics: [{ meetingOn: "10/02/2023" }] } },
    { name: "a Quý", book: { topics: [{ quarter: "Quý IV" }, { quarter: 2 }] } },
    { name: "cancelled", book: { topics: [{ status: "Hoãn" }] } },
  ],
  invalid: [
    {
      name: "no date and no quarter; an unreadable Quý or date counts as none",
      book: { topics: [{ note: "Dự kiến tháng 12" }, { quarter: "Quý V" }, { meetingOn: "tháng 12" }] },
      errors: [
        { row: 2, column: "Quý", message: "cột Quý" },
        { row: 3, column: "Quý" },
        { row: 4, column: "Quý" },
      ],
    },
    {
      name: "a register without a Quý column still needs a date",
      book: { missingColumns: ["Quý"], topics: [{ meetingOn: "10/02/2023" }, {}] },
      errors: [{ row: 3, column: "Quý" }],
    },
  ],
});
