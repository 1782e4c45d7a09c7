import * as rule from "../../../src/core/rules/GUI_DU_THAO_MUON";
import { testRule } from "../../support/ruleTester";

const col = "Ngày gửi dự thảo";

testRule(rule, {
  valid: [
    { name: "sent the day before M", book: { topics: [{ meetingOn: "10/02/2023", draftSentOn: "09/02/2023" }] } },
    { name: "no M", book: { topics: [{ draftSentOn: "09/02/2023" }] } },
    { name: "cancelled", book: { topics: [{ meetingOn: "10/02/2023", draftSentOn: "10/02/2023", status: "Hủy" }] } },
  ],
  invalid: [
    {
      name: "sent on the meeting day, and after it",
      book: {
        topics: [
          { meetingOn: "10/02/2023", draftSentOn: "10/02/2023" },
          { meetingOn: "10/05/2023", draftSentOn: "11/05/2023" },
        ],
      },
      errors: [
        { row: 2, column: col, message: ["10/02/2023", "trước buổi sinh hoạt"] },
        { row: 3, column: col, message: "11/05/2023" },
      ],
    },
  ],
});
