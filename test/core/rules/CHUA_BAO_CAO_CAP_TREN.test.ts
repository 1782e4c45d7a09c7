import * as rule from "../../../src/core/rules/CHUA_BAO_CAO_CAP_TREN";
import { testRule } from "../../support/ruleTester";

const col = "Ngày báo cáo cấp trên";

testRule(rule, {
  valid: [
    { name: "held and reported", book: { topics: [{ meetingOn: "10/02/2023", reportedOn: "20/02/2023" }] } },
    { name: "not held yet", asOf: "09/02/2023", book: { topics: [{ meetingOn: "10/02/2023" }] } },
    { name: "cancelled", book: { topics: [{ meetingOn: "10/02/2023", status: "Hủy" }] } },
    { name: "no column", book: { missingColumns: [col], topics: [{ meetingOn: "10/02/2023" }] } },
  ],
  invalid: [
    {
      name: "held without",
      asOf: "10/02/2023",
      book: { topics: [{ meetingOn: "10/02/2023" }] },
      errors: [{ row: 2, column: col, message: "cột Ngày báo cáo cấp trên" }],
    },
  ],
});
