import * as rule from "../../../src/core/rules/DA_SINH_HOAT_THIEU_NGAY";
import { testRule } from "../../support/ruleTester";

const col = "Ngày sinh hoạt";

testRule(rule, {
  valid: [
    { name: "held with a date", book: { topics: [{ status: "Đã sinh hoạt", meetingOn: "10/02/2023" }] } },
    { name: "planned or empty status without a date", book: { topics: [{ status: "Dự kiến" }, {}] } },
    { name: "cancelled", book: { topics: [{ status: "Hủy" }] } },
    { name: "no Ngày sinh hoạt column", book: { missingColumns: [col], topics: [{ status: "Đã sinh hoạt" }] } },
  ],
  invalid: [
    {
      name: "held status with no date, and with an unparsable one",
      book: {
        topics: [
          { title: "Chuyển đổi số", status: "Đã tổ chức", quarter: "II" },
          { status: "Đã sinh hoạt", meetingOn: "31/02/2023" },
        ],
      },
      errors: [
        { row: 2, column: col, message: ['"Chuyển đổi số" (dòng 2)', "cột Ngày sinh hoạt"] },
        { row: 3, column: col },
      ],
    },
  ],
});
