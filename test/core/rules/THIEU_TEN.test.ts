import * as rule from "../../../src/core/rules/THIEU_TEN";
import { testRule } from "../../support/ruleTester";

testRule(rule, {
  valid: [{ name: "no untitled row", book: { topics: [{}] } }],
  invalid: [
    {
      name: "one per untitled row, whatever the register's sheet",
      book: { sheet: "KH 2023", topics: [{}, { row: 7 }], untitledRows: [5, 3] },
      errors: [
        { row: 3, column: "Tên chuyên đề", sheet: "KH 2023", message: "Dòng 3" },
        { row: 5, column: "Tên chuyên đề", sheet: "KH 2023" },
      ],
    },
  ],
});
