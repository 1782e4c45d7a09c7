import * as rule from "../../../src/core/rules/NGAY_KHONG_HOP_LE";
import { testRule } from "../../support/ruleTester";

testRule(rule, {
  valid: [
    {
      name: "every date form the reader accepts, and empty cells",
      book: {
        topics: [
          { approvedOn: "1/2/2023", draftSentOn: "03-02-2023", meetingOn: "2023-02-10", finalSentOn: "ngày 15 tháng 2 năm 2023" },
          {},
        ],
      },
    },
  ],
  invalid: [
    {
      name: "one per bad cell, in column order, on cancelled rows too",
      book: {
        topics: [
          { meetingOn: "31/02/2023", approvedOn: "abc", reportedOn: "10/02/2023" },
          { meetingOn: "tháng 5", status: "Hủy" },
        ],
      },
      errors: [
        { row: 2, column: "Ngày thông qua", message: ['"abc"', "cột Ngày thông qua"] },
        { row: 2, column: "Ngày sinh hoạt", message: '"31/02/2023"' },
        { row: 3, column: "Ngày sinh hoạt", message: '"tháng 5"' },
      ],
    },
  ],
});
