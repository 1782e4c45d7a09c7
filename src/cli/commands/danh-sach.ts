// `chuyende danh-sach FILE.xlsx --stt N -o OUT.docx [--mau MAU.docx] [--ghi-de]` — the sign-in
// sheet of one topic's meeting: every member with Chính thức/Dự bị and a column to sign,
// those excused from sinh hoạt marked. Gaps (no member list, no place) are printed as
// "Cảnh báo: …" on stderr; the sheet is still made (exit 0).
import type { Command } from "../command";
import { danhSachData } from "../../core/make/meetingPapers";
import { dateOption } from "../io";
import { runDocumentCommand } from "./de-dan";

export const danhSach: Command = {
  name: "danh-sach",
  summary: "Lập danh sách đảng viên ký tên dự sinh hoạt chuyên đề (.docx) cho một chuyên đề của sổ.",
  usage: "chuyende danh-sach FILE.xlsx --stt N -o OUT.docx [--mau MAU.docx] [--ghi-de]",
  examples: [
    {
      command: "chuyende danh-sach so-chuyen-de-2025.xlsx --stt 3 -o danh-sach-3.docx",
      does: "danh sách ký tên buổi sinh hoạt chuyên đề STT 3",
    },
    {
      command: "chuyende danh-sach so-chuyen-de-2025.xlsx --stt 3 -o danh-sach-3.docx --mau mau-danh-sach.docx --ghi-de",
      does: "theo mẫu của chi bộ, ghi đè tệp cũ",
    },
  ],
  valueOptions: ["stt", "o", "output", "mau"],
  run(args, io) {
    return runDocumentCommand(
      { kind: "danh-sach", data: (book, stt, a, cliIo) => danhSachData(book, stt, { today: dateOption(a, cliIo) }) },
      args,
      io,
    );
  },
};
