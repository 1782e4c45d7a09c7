import * as rule from "../../../src/core/rules/THIEU_DIEM_DANH";
import { testRule } from "../../support/ruleTester";

const present = (stt: number, name = "Nguyễn Văn An") => ({ stt, name, status: "Có mặt" });

testRule(rule, {
  valid: [
    { name: "no Điểm danh table at all", book: { topics: [{ meetingOn: "10/02/2023" }] } },
    {
      name: "held topics have attendance rows; not-held and cancelled topics need none",
      book: {
        topics: [{ meetingOn: "10/02/2023" }, { quarter: 4 }, { meetingOn: "10/03/2023", status: "Hoãn" }],
        attendance: [present(1)],
      },
    },
  ],
  invalid: [
    {
      name: "a held topic with no row of its STT",
      book: {
        topics: [{ meetingOn: "10/02/2023" }, { stt: 5, meetingOn: "10/05/2023", status: "Đã sinh hoạt" }],
        attendance: [present(1), present(2)],
      },
      errors: [{ row: 3, column: null, message: ["STT chuyên đề 5", "Điểm danh"] }],
    },
    {
      name: "an empty Điểm danh table: every held topic; a topic without STT cannot match",
      book: {
        topics: [{ meetingOn: "10/02/2023" }, { stt: null, status: "Đã sinh hoạt", quarter: 2 }],
        attendance: [],
      },
      errors: [
        { row: 2, column: null },
        { row: 3, column: null, message: "chưa có STT" },
      ],
    },
  ],
});
