import * as rule from "../../../src/core/rules/THOI_LUONG_NGAN";
import { testRule } from "../../support/ruleTester";

const sheet = "Biên bản";
const topics = [
  { meetingOn: "10/02/2023", format: "Riêng" },
  { meetingOn: "10/05/2023", format: "Lồng ghép" },
  { meetingOn: "10/08/2023", status: "Hoãn" },
];

testRule(rule, {
  valid: [
    { name: "no Biên bản table", book: { topics } },
    {
      name: "exactly the minimum (90, 120 when lồng ghép); a missing time; a cancelled topic",
      book: {
        topics,
        minutes: [
          { stt: 1, start: "08:00", end: "09h30" },
          { stt: 2, start: "14:00", end: "16:00" },
          { stt: 1, start: "08:00" },
          { stt: 3, start: "08:00", end: "08:30" },
        ],
      },
    },
    {
      name: "the minimum comes from Thông tin",
      book: { info: { minDurationMinutes: 60 }, topics, minutes: [{ stt: 1, start: "8h", end: "9h" }] },
    },
  ],
  invalid: [
    {
      name: "shorter than the minimum, Kết thúc of the Biên bản row",
      book: {
        topics,
        minutes: [
          { stt: 1, start: "08:00", end: "09:00" },
          { stt: 2, start: "14:00", end: "15:45" },
          { stt: 7, start: "08:00", end: "09:29" },
        ],
      },
      errors: [
        { sheet, row: 2, column: "Kết thúc", message: ["60 phút", "08:00–09:00", "90 phút"] },
        { sheet, row: 3, column: "Kết thúc", message: ["105 phút", "120 phút", "lồng ghép"] },
        { sheet, row: 4, column: "Kết thúc", message: ["89 phút", "STT 7"] },
      ],
    },
    {
      name: "an end before the start is an entry mistake, not a meeting past midnight",
      book: { topics, minutes: [{ stt: 1, start: "14:00", end: "10:00" }] },
      errors: [{ sheet, row: 2, column: "Kết thúc", message: "trước giờ bắt đầu" }],
    },
  ],
});
