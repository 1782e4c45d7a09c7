import * as rule from "../../../src/core/rules/THIEU_GUI_DU_THAO";
import { testRule } from "../../support/ruleTester";

const col = "Ngày gửi dự thảo";

testRule(rule, {
  valid: [
    { name: "held and sent", book: { topics: [{ meetingOn: "10/02/2023", draftSentOn: "05/02/2023" }] } },
    { name: "not held yet", asOf: "09/02/2023", book: { topics: [{ meetingOn: "10/02/2023" }] } },
    { name: "cancelled", book: { topics: [{ meetingOn: "10/02/2023", status: "Huỷ" }] } },
    { name: "no Ngày gửi dự thảo column", book: { missingColumns: [col], topics: [{ meetingOn: "10/02/2023" }] } },
  ],
  invalid: [
    {
      name: "held (status, past date, M = D) without sending",
      asOf: "10/02/2023",
      book: { topics: [{ status: "Hoàn thành", quarter: 1 }, { meetingOn: "10/02/2023" }] },
      errors: [
        { row: 2, column: col, message: "cột Ngày gửi dự thảo" },
        { row: 3, column: col },
      ],
    },
    {
      name: "an unparsable sending date counts as empty",
      book: { topics: [{ meetingOn: "10/02/2023", draftSentOn: "hôm qua" }] },
      errors: [{ row: 2, column: col }],
    },
  ],
});
