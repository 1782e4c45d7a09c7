import * as rule from "../../../src/core/rules/VANG_NHIEU_LAN";
import { testRule } from "../../support/ruleTester";

const sheet = "Điểm danh";
const absent = (stt: number, name: string, row?: number) => ({ stt, name, status: "Vắng không lý do", row });
const topics = [{ meetingOn: "10/02/2023" }, { meetingOn: "10/05/2023" }, { meetingOn: "10/08/2023" }, { meetingOn: "10/11/2023" }];

testRule(rule, {
  valid: [
    {
      name: "absent once; twice on the same topic counts once",
      book: { topics, attendance: [absent(1, "A"), absent(2, "B"), absent(2, "B")] },
    },
    {
      name: "absences at not-held, cancelled or other-year topics do not count",
      asOf: "01/09/2023",
      book: {
        info: { year: 2023 },
        topics: [
          { meetingOn: "10/02/2023" },
          { meetingOn: "10/05/2023", status: "Hủy" },
          { meetingOn: "10/11/2023" },
          { meetingOn: "10/02/2022" },
        ],
        attendance: [absent(1, "A"), absent(2, "A"), absent(3, "A"), absent(4, "A"), absent(9, "A")],
      },
    },
    {
      name: "with reason is not without reason",
      book: { topics, attendance: [absent(1, "A"), { stt: 2, name: "A", status: "Vắng có lý do" }] },
    },
  ],
  invalid: [
    {
      name: "one per member, on the row reaching the second topic; names matched with compareKey",
      book: {
        topics,
        attendance: [
          absent(1, "Lê Thị Thuỷ"),
          absent(1, "Trần Bình"),
          absent(1, "lê thị thủy"),
          absent(3, "Lê Thị Thủy"),
          absent(4, "LÊ THỊ THỦY"),
          absent(2, "Trần Bình"),
        ],
      },
      errors: [
        { sheet, row: 5, column: "Họ và tên", message: ["Lê Thị Thủy", "3 buổi", "năm 2023"] },
        { sheet, row: 7, column: "Họ và tên", message: ["Trần Bình", "2 buổi"] },
      ],
    },
    {
      name: "rows are taken in sheet order whatever order they arrive in",
      book: { topics, attendance: [absent(2, "A", 9), absent(1, "A", 4)] },
      errors: [{ sheet, row: 9, column: "Họ và tên" }],
    },
  ],
});
