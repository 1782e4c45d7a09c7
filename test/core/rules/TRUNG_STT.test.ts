import * as rule from "../../../src/core/rules/TRUNG_STT";
import { testRule } from "../../support/ruleTester";

testRule(rule, {
  valid: [
    {
      name: "every topic its own STT",
      book: { topics: [{ stt: 1 }, { stt: 2 }, { stt: 3 }] },
    },
    {
      name: "rows without STT are not duplicates of each other",
      book: { topics: [{ stt: null }, { stt: null }, { stt: 1 }] },
    },
  ],
  invalid: [
    {
      name: "two rows with STT 4: the later one, naming the first",
      book: {
        topics: [{ stt: 4, title: "Học tập tư tưởng Hồ Chí Minh" }, { stt: 5 }, { stt: 4, title: "Chuyển đổi số" }],
      },
      errors: [
        {
          row: 4,
          column: "STT",
          message: ['Chuyên đề "Chuyển đổi số" (dòng 4)', "trùng STT 4", '"Học tập tư tưởng Hồ Chí Minh" ở dòng 2', "Điểm danh"],
        },
      ],
    },
    {
      name: "a cancelled or another year's row with the same STT is just as ambiguous",
      book: {
        topics: [
          { stt: 1, meetingOn: "10/02/2023" },
          { stt: 1, status: "Hủy" },
          { stt: 1, meetingOn: "10/02/2022" },
        ],
      },
      errors: [
        { row: 3, column: "STT" },
        { row: 4, column: "STT" },
      ],
    },
  ],
});
