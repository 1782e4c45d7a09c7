import * as rule from "../../../src/core/rules/TRUNG_TEN";
import { testRule } from "../../support/ruleTester";

const col = "Tên chuyên đề";

testRule(rule, {
  valid: [
    { name: "different titles", book: { topics: [{ title: "Chuyển đổi số" }, { title: "Cải cách hành chính" }] } },
    {
      name: "diacritics count",
      book: { topics: [{ title: "Học tập Nghị quyết" }, { title: "Hoc tap Nghi quyet" }] },
    },
    {
      name: "same title in different years",
      book: {
        topics: [
          { title: "Chuyển đổi số", meetingOn: "10/02/2022" },
          { title: "Chuyển đổi số", meetingOn: "10/02/2023" },
        ],
      },
    },
    {
      name: "the earlier one is cancelled, or the later one is",
      book: {
        topics: [{ title: "Chuyển đổi số", status: "Hoãn" }, { title: "Chuyển đổi số" }, { title: "Chuyển đổi số", status: "Hủy" }],
      },
    },
  ],
  invalid: [
    {
      name: "case, spacing and tone-mark placement do not matter; every later row",
      book: {
        info: { year: 2023 },
        topics: [
          { title: "Phát huy vai trò Hoà giải" },
          { title: "Khác" },
          { title: "phát huy  vai trò hòa giải", meetingOn: "10/05/2023" },
          { title: "PHÁT HUY VAI TRÒ HOÀ GIẢI" },
        ],
      },
      errors: [
        { row: 4, column: col, message: ["dòng 2", "(dòng 4)"] },
        { row: 5, column: col, message: "dòng 2" },
      ],
    },
  ],
});
