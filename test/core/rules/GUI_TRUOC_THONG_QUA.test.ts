import * as rule from "../../../src/core/rules/GUI_TRUOC_THONG_QUA";
import { testRule } from "../../support/ruleTester";

testRule(rule, {
  valid: [
    { name: "sent after approval", book: { topics: [{ approvedOn: "01/02/2023", draftSentOn: "03/02/2023" }] } },
    { name: "sent the day of approval", book: { topics: [{ approvedOn: "03/02/2023", draftSentOn: "03/02/2023" }] } },
    { name: "no approval date", book: { topics: [{ draftSentOn: "03/02/2023" }] } },
    { name: "cancelled", book: { topics: [{ approvedOn: "05/02/2023", draftSentOn: "03/02/2023", status: "Hoãn" }] } },
  ],
  invalid: [
    {
      name: "sent before approval, with or without a meeting date",
      book: {
        topics: [
          { approvedOn: "05/05/2023", draftSentOn: "04/05/2023", meetingOn: "12/05/2023" },
          { approvedOn: "05/05/2023", draftSentOn: "04/05/2023" },
        ],
      },
      errors: [
        { row: 2, column: "Ngày gửi dự thảo", message: ["04/05/2023", "05/05/2023"] },
        { row: 3, column: "Ngày gửi dự thảo" },
      ],
    },
  ],
});
