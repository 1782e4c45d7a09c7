import * as rule from "../../../src/core/rules/VANG_KHONG_LY_DO";
import { testRule } from "../../support/ruleTester";

const sheet = "Điểm danh";

testRule(rule, {
  valid: [
    {
      name: "present, absent with reason, exempt",
      book: {
        topics: [{ meetingOn: "10/02/2023" }],
        attendance: [
          { stt: 1, name: "A", status: "Có mặt" },
          { stt: 1, name: "B", status: "Vắng có lý do", reason: "Ốm" },
          { stt: 1, name: "C", status: "Miễn sinh hoạt" },
        ],
      },
    },
    {
      name: "attendance of a cancelled topic is skipped with it",
      book: {
        topics: [{ meetingOn: "10/02/2023", status: "Hoãn" }],
        attendance: [{ stt: 1, name: "A", status: "Vắng không lý do" }],
      },
    },
  ],
  invalid: [
    {
      name: "each such row of Điểm danh, column Tình trạng; unknown STT too",
      book: {
        topics: [{ title: "Chuyển đổi số", meetingOn: "10/02/2023" }],
        attendance: [
          { stt: 1, name: "Lê Văn Bình", status: "Có mặt" },
          { stt: 1, name: "Trần Thị Cúc", status: "Vắng không lý do" },
          { stt: 9, name: "Lê Văn Bình", status: "Vắng không lý do" },
        ],
      },
      errors: [
        { sheet, row: 3, column: "Tình trạng", message: ["Trần Thị Cúc", '"Chuyển đổi số" (STT 1)'] },
        { sheet, row: 4, column: "Tình trạng", message: "STT 9" },
      ],
    },
  ],
});
