import * as rule from "../../../src/core/rules/HOAN_THIEN_TRUOC_SINH_HOAT";
import { testRule } from "../../support/ruleTester";

testRule(rule, {
  valid: [
    {
      name: "finalised and reported on the meeting day or after",
      book: { topics: [{ meetingOn: "10/02/2023", finalSentOn: "10/02/2023", reportedOn: "20/02/2023" }] },
    },
    { name: "no M", book: { topics: [{ finalSentOn: "01/01/2023", reportedOn: "01/01/2023" }] } },
    { name: "cancelled", book: { topics: [{ meetingOn: "10/02/2023", finalSentOn: "01/02/2023", status: "Hoãn" }] } },
  ],
  invalid: [
    {
      name: "both columns before M give two findings, in column order",
      book: { topics: [{ meetingOn: "10/02/2023", finalSentOn: "09/02/2023", reportedOn: "01/02/2023" }] },
      errors: [
        { row: 2, column: "Ngày gửi bản hoàn thiện", message: ["09/02/2023", "10/02/2023"] },
        { row: 2, column: "Ngày báo cáo cấp trên", message: "01/02/2023" },
      ],
    },
    {
      name: "only the report before M",
      book: { topics: [{ meetingOn: "10/02/2023", finalSentOn: "12/02/2023", reportedOn: "09/02/2023" }] },
      errors: [{ row: 2, column: "Ngày báo cáo cấp trên" }],
    },
  ],
});
