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

describe("NGAY_KHONG_HOP_LE on a row with data but no title", () => {
  test("the bad date of an untitled row is reported beside its THIEU_TEN", () => {
    const { readWorkbook } = require("../../../src/core/read/register") as typeof import("../../../src/core/read/register");
    const { check } = require("../../../src/core/check/check") as typeof import("../../../src/core/check/check");
    const grid = {
      sheets: [
        {
          name: "Sổ",
          values: [
            ["STT", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Ngày thông qua"],
            [1, "Học tập Nghị quyết", "An", "10/02/2024", "01/02/2024"],
            [2, "", "Bình", "45/01/2024", ""],
            [3, "Xây dựng chi bộ", "Chi", "10/05/2024", "01/05/2024"],
          ],
        },
      ],
    };
    const result = check(readWorkbook(grid), { asOf: { year: 2024, month: 1, day: 1 } });
    const row3 = result.findings.filter((f) => f.row === 3).map((f) => [f.code, f.severity, f.column]);
    expect(row3).toEqual([
      ["NGAY_KHONG_HOP_LE", "error", "Ngày sinh hoạt"],
      ["THIEU_TEN", "warning", "Tên chuyên đề"],
    ]);
  });
});
