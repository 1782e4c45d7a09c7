import * as rule from "../../../src/core/rules/SAI_QUY";
import { testRule } from "../../support/ruleTester";

testRule(rule, {
  valid: [
    {
      name: "quarter matches the date",
      book: {
        topics: [
          { meetingOn: "31/03/2023", quarter: "I" },
          { meetingOn: "01/04/2023", quarter: 2 },
        ],
      },
    },
    { name: "no Quý", book: { topics: [{ meetingOn: "10/02/2023" }] } },
    { name: "no date", book: { topics: [{ quarter: 3 }] } },
    { name: "cancelled", book: { topics: [{ meetingOn: "10/02/2023", quarter: 3, status: "Hủy" }] } },
  ],
  invalid: [
    {
      name: "Quý differs from the quarter of M",
      book: { topics: [{ meetingOn: "01/04/2023", quarter: "Quý I" }] },
      errors: [{ row: 2, column: "Quý", message: ["Quý I", "Quý II", "01/04/2023"] }],
    },
  ],
});
