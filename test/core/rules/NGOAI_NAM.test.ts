import * as rule from "../../../src/core/rules/NGOAI_NAM";
import { testRule } from "../../support/ruleTester";

testRule(rule, {
  valid: [
    { name: "all in Y", book: { info: { year: 2023 }, topics: [{ meetingOn: "10/02/2023" }, {}] } },
    { name: "cancelled", book: { info: { year: 2023 }, topics: [{ meetingOn: "10/02/2022", status: "Hoãn" }] } },
  ],
  invalid: [
    {
      name: "a date of another year than Thông tin's Năm",
      book: { info: { year: 2023 }, topics: [{ meetingOn: "10/02/2023" }, { meetingOn: "05/01/2024" }] },
      errors: [{ row: 3, column: "Ngày sinh hoạt", message: ["05/01/2024", "năm 2023"] }],
    },
    {
      name: "Y inferred: the most common year; a tie goes to the later year",
      book: { topics: [{ meetingOn: "10/02/2022" }, { meetingOn: "10/02/2023" }] },
      errors: [{ row: 2, column: "Ngày sinh hoạt", message: "năm 2023" }],
    },
    {
      name: "Y inferred counts cancelled rows' dates too",
      book: {
        topics: [{ meetingOn: "10/02/2022", status: "Hủy" }, { meetingOn: "10/03/2022", status: "Hủy" }, { meetingOn: "10/02/2023" }],
      },
      errors: [{ row: 4, column: "Ngày sinh hoạt", message: "năm 2022" }],
    },
    {
      name: "an explicit year wins over Thông tin",
      year: 2024,
      book: { info: { year: 2023 }, topics: [{ meetingOn: "10/02/2023" }] },
      errors: [{ row: 2, column: "Ngày sinh hoạt" }],
    },
  ],
});
