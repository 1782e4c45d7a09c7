import * as rule from "../../../src/core/rules/THIEU_KE_HOACH_NAM";
import { testRule } from "../../support/ruleTester";

const year = { row: null, column: null };

testRule(rule, {
  valid: [
    {
      name: "four non-cancelled topics of Y, held, planned or undated",
      book: {
        info: { year: 2023 },
        topics: [{ meetingOn: "10/02/2023", status: "Đã sinh hoạt" }, { quarter: 2 }, { meetingOn: "15/09/2023" }, {}],
      },
    },
    {
      name: "the minimum comes from Thông tin",
      book: { info: { year: 2023, minTopicsPerYear: 2 }, topics: [{ quarter: 1 }, { quarter: 2 }] },
    },
  ],
  invalid: [
    {
      name: "cancelled, postponed and other-year topics do not count",
      book: {
        info: { year: 2023 },
        topics: [
          { quarter: 1 },
          { quarter: 2 },
          { quarter: 3 },
          { quarter: 4, status: "Hủy" },
          { quarter: 4, status: "Hoãn" },
          { meetingOn: "20/12/2022" },
        ],
      },
      errors: [{ ...year, message: ["Năm 2023", "3 chuyên đề", "tối thiểu 4"] }],
    },
    {
      name: "a higher minimum from Thông tin",
      book: { info: { year: 2023, minTopicsPerYear: 6 }, topics: [{}, {}, {}, {}, {}] },
      errors: [{ ...year, message: ["5 chuyên đề", "tối thiểu 6"] }],
    },
    {
      name: "an explicit year with no topic dated in it",
      year: 2024,
      book: {
        topics: [{ meetingOn: "10/02/2023" }, { meetingOn: "10/05/2023" }, { meetingOn: "10/08/2023" }, { meetingOn: "10/11/2023" }],
      },
      errors: [{ ...year, message: ["Năm 2024", "0 chuyên đề"] }],
    },
  ],
});
