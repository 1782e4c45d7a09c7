import * as rule from "../../../src/core/rules/THIEU_PHU_TRACH";
import { testRule } from "../../support/ruleTester";

testRule(rule, {
  valid: [
    { name: "every topic has someone", book: { topics: [{ assignees: "Nguyễn Văn An" }, { assignees: "đ/c Lê Thị Mai" }] } },
    { name: "cancelled and postponed topics are skipped", book: { topics: [{ status: "Hủy" }, { status: "Hoãn" }] } },
    {
      name: "no Người phụ trách column: silent (THIEU_COT reports it)",
      book: { missingColumns: ["Người phụ trách"], topics: [{}, {}] },
    },
  ],
  invalid: [
    {
      name: "empty on a held and on a planned topic",
      book: {
        topics: [
          { assignees: "Nguyễn Văn An" },
          { title: "Học tập Nghị quyết", meetingOn: "10/02/2023", status: "Đã sinh hoạt" },
          { meetingOn: "10/02/2024", status: "Dự kiến" },
        ],
      },
      errors: [
        { row: 3, column: "Người phụ trách", message: ['Chuyên đề "Học tập Nghị quyết" (dòng 3)', "cột Người phụ trách"] },
        { row: 4, column: "Người phụ trách" },
      ],
    },
    {
      name: "a cell of separators only has no name",
      book: { topics: [{ assignees: " ; , " }] },
      errors: [{ row: 2, column: "Người phụ trách" }],
    },
  ],
});
