// `chuyende bien-ban FILE.xlsx --stt N -o OUT.docx [--mau MAU.docx] [--ghi-de]` — the
// minutes of one topic's meeting. Counts that do not add up (and other gaps) are printed
// as "Cảnh báo: …" on stderr; the document is still made (exit 0).
import type { Command } from "../command";
import { bienBanData } from "../../core/make/documentData";
import { dateOption } from "../io";
import { runDocumentCommand } from "./de-dan";

export const bienBan: Command = {
  name: "bien-ban",
  summary: "Lập biên bản sinh hoạt chi bộ chuyên đề .docx cho một chuyên đề của sổ.",
  usage: "chuyende bien-ban FILE.xlsx --stt N -o OUT.docx [--mau MAU.docx] [--ghi-de]",
  examples: [
    { command: "chuyende bien-ban so-chuyen-de-2025.xlsx --stt 3 -o bien-ban-3.docx", does: "biên bản buổi sinh hoạt chuyên đề STT 3" },
    {
      command: "chuyende bien-ban so-chuyen-de-2025.xlsx --stt 3 -o bien-ban-3.docx --mau mau-bien-ban.docx --ghi-de",
      does: "theo mẫu của chi bộ, ghi đè tệp cũ",
    },
  ],
  valueOptions: ["stt", "o", "output", "mau"],
  run(args, io) {
    return runDocumentCommand(
      { kind: "bien-ban", data: (book, stt, a, cliIo) => bienBanData(book, stt, { today: dateOption(a, cliIo) }) },
      args,
      io,
    );
  },
};
