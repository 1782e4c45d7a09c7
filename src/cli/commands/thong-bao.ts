// `chuyende thong-bao FILE.xlsx --stt N -o OUT.docx [--mau MAU.docx] [--ghi-de]` — the notice
// that sends the approved draft of one topic to members: topic, drafter, time and place,
// what to read beforehand, dated the day the draft is sent. A register whose dates break the
// guidance (sent on or after the meeting day, or before approval) is refused, naming the
// dates (exit 2, nothing written); gaps are "Cảnh báo: …" on stderr.
import type { Command } from "../command";
import { thongBaoData } from "../../core/make/meetingPapers";
import { dateOption } from "../io";
import { runDocumentCommand } from "./de-dan";

export const thongBao: Command = {
  name: "thong-bao",
  summary: "Lập thông báo gửi dự thảo đề dẫn đến đảng viên (.docx) cho một chuyên đề của sổ.",
  usage: "chuyende thong-bao FILE.xlsx --stt N -o OUT.docx [--mau MAU.docx] [--ghi-de]",
  examples: [
    {
      command: "chuyende thong-bao so-chuyen-de-2025.xlsx --stt 3 -o thong-bao-3.docx",
      does: "thông báo gửi dự thảo chuyên đề STT 3, ghi ngày gửi dự thảo trong sổ",
    },
    {
      command: "chuyende thong-bao so-chuyen-de-2025.xlsx --stt 3 -o thong-bao-3.docx --mau mau-thong-bao.docx",
      does: "theo mẫu .docx của chi bộ",
    },
  ],
  valueOptions: ["stt", "o", "output", "mau"],
  run(args, io) {
    return runDocumentCommand(
      { kind: "thong-bao", data: (book, stt, a, cliIo) => thongBaoData(book, stt, { today: dateOption(a, cliIo) }) },
      args,
      io,
    );
  },
};
