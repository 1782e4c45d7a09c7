import * as rule from "../../../src/core/rules/Y_KIEN_NGUOI_VANG";
import { testRule } from "../../support/ruleTester";

const held = [{ title: "Nâng cao chất lượng sinh hoạt", meetingOn: "10/02/2023" }, { meetingOn: "10/05/2023" }];
const attendance = [
  { stt: 1, name: "Nguyễn Văn An", status: "Có mặt" },
  { stt: 1, name: "Trần Thị Bình", status: "Vắng có lý do", reason: "Ốm" },
  { stt: 1, name: "Lê Văn Cường", status: "Vắng không lý do" },
  { stt: 2, name: "Trần Thị Bình", status: "Có mặt" },
];

testRule(rule, {
  valid: [
    {
      name: "opinions from members present",
      book: {
        topics: held,
        attendance,
        opinions: [
          { stt: 1, speaker: "Nguyễn Văn An", content: "Nhất trí" },
          { stt: 2, speaker: "Trần Thị Bình", content: "Bổ sung số liệu" },
        ],
      },
    },
    {
      name: "an absent member's opinion sent in writing, as the content says",
      book: {
        topics: held,
        attendance,
        opinions: [{ stt: 1, speaker: "Trần Thị Bình", content: "Gửi ý kiến bằng văn bản: nhất trí với dự thảo" }],
      },
    },
    {
      name: "no Điểm danh for the topic, or a topic that is cancelled",
      book: {
        topics: [{ meetingOn: "10/02/2023", status: "Hoãn" }, { meetingOn: "10/05/2023" }],
        attendance: [{ stt: 1, name: "Trần Thị Bình", status: "Vắng có lý do" }],
        opinions: [
          { stt: 1, speaker: "Trần Thị Bình", content: "Ý kiến" },
          { stt: 2, speaker: "Trần Thị Bình", content: "Ý kiến" },
        ],
      },
    },
  ],
  invalid: [
    {
      name: "an opinion from a member marked absent, with or without reason (đ/c and case do not matter)",
      book: {
        topics: held,
        attendance,
        opinions: [
          { stt: 1, speaker: "Nguyễn Văn An", content: "Nhất trí" },
          { stt: 1, speaker: "đ/c trần thị bình", content: "Đề nghị bổ sung phần liên hệ" },
          { stt: 1, speaker: "Lê Văn Cường", content: "Nhất trí" },
        ],
      },
      errors: [
        {
          sheet: "Ý kiến",
          row: 3,
          column: "Người phát biểu",
          message: ['"Nâng cao chất lượng sinh hoạt" (STT 1)', "vắng có lý do", "bằng văn bản"],
        },
        { sheet: "Ý kiến", row: 4, column: "Người phát biểu", message: "vắng không lý do" },
      ],
    },
  ],
});
