import * as rule from "../../../src/core/rules/PHU_TRACH_LA";
import { testRule } from "../../support/ruleTester";

const members = ["Nguyễn Văn An", "Lê Thị Thủy", "Phan Văn Hùng"];

testRule(rule, {
  valid: [
    { name: "no member table", book: { topics: [{ assignees: "Ai Đó" }] } },
    { name: "a member table with no name", book: { members: [], topics: [{ assignees: "Ai Đó" }] } },
    {
      name: "names match case-insensitively, with đ/c and either tone-mark placement",
      book: { members, topics: [{ assignees: "nguyễn văn an và đ/c Lê Thị Thuỷ; PHAN VĂN HÙNG" }] },
    },
    {
      name: "plain ASCII names after a comma match too",
      book: { members: ["An", "Binh"], topics: [{ assignees: "An, Binh" }] },
    },
    { name: "cancelled rows are skipped", book: { members, topics: [{ assignees: "Ai Đó", status: "Hủy" }] } },
    {
      name: "no Người phụ trách column",
      book: { members, missingColumns: ["Người phụ trách"], topics: [{ assignees: "Ai Đó" }] },
    },
  ],
  invalid: [
    {
      name: "one finding per row naming every unknown name once; diacritics count",
      book: {
        members,
        topics: [
          { assignees: "Nguyễn Văn An, Nguyen Van An, Trần Bình và Trần Bình" },
          { assignees: "Lê Thị Thủy" },
          { assignees: "Võ Minh" },
        ],
      },
      errors: [
        { row: 2, column: "Người phụ trách", message: ['"Nguyen Van An", "Trần Bình"', "Đảng viên"] },
        { row: 4, column: "Người phụ trách", message: '"Võ Minh"' },
      ],
    },
  ],
});
