import * as rule from "../../../src/core/rules/CHUA_GUI_HOAN_THIEN";
import { testRule } from "../../support/ruleTester";

const col = "Ngày gửi bản hoàn thiện";

testRule(rule, {
  valid: [
    { name: "held and finalised", book: { topics: [{ meetingOn: "10/02/2023", finalSentOn: "15/02/2023" }] } },
    { name: "not held yet", asOf: "09/02/2023", book: { topics: [{ meetingOn: "10/02/2023" }] } },
    { name: "cancelled", book: { topics: [{ meetingOn: "10/02/2023", status: "Hoãn" }] } },
    { name: "no column", book: { missingColumns: [col], topics: [{ meetingOn: "10/02/2023" }] } },
  ],
  invalid: [
    {
      name: "held without (and with an unparsable date)",
      book: { topics: [{ meetingOn: "10/02/2023" }, { status: "Đã sinh hoạt", quarter: 2, finalSentOn: "x" }] },
      errors: [
        { row: 2, column: col, message: "cột Ngày gửi bản hoàn thiện" },
        { row: 3, column: col },
      ],
    },
  ],
});
