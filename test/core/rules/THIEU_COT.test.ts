import * as rule from "../../../src/core/rules/THIEU_COT";
import { testRule } from "../../support/ruleTester";

testRule(rule, {
  valid: [
    { name: "all columns", book: { topics: [{}] } },
    {
      name: "columns outside the six are not required",
      book: { missingColumns: ["Quý", "Nhóm", "Hình thức", "Trạng thái", "Ghi chú"], topics: [{}] },
    },
  ],
  invalid: [
    {
      name: "one per missing column, in the canonical order, on the register sheet",
      book: {
        sheet: "Chuyên đề 2023",
        missingColumns: ["Ngày báo cáo cấp trên", "Ngày thông qua", "Người phụ trách"],
        topics: [{}],
      },
      errors: [
        { row: null, column: "Người phụ trách", sheet: "Chuyên đề 2023", message: "Người phụ trách" },
        { row: null, column: "Ngày thông qua", sheet: "Chuyên đề 2023" },
        { row: null, column: "Ngày báo cáo cấp trên", sheet: "Chuyên đề 2023" },
      ],
    },
  ],
});
