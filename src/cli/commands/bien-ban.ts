// `chuyende bien-ban FILE --stt N -o OUT.docx [--mau TEMPLATE.docx] [--ghi-de]` — the
// minutes of one topic's meeting. Counts that do not add up (and other gaps) are printed
// as "Cảnh báo: …" on stderr; the document is still made (exit 0).
import type { Command } from "../command";
import { bienBanData } from "../../core/make/documentData";
import { dateOption } from "../io";
import { runDocumentCommand } from "./de-dan";

export const bienBan: Command = {
  name: "bien-ban",
  summary: "Lập biên bản sinh hoạt chi bộ chuyên đề .docx cho một chuyên đề của sổ.",
  usage: "chuyende bien-ban FILE --stt N -o OUT.docx [--mau TEMPLATE.docx] [--ghi-de]",
  valueOptions: ["stt", "o", "output", "mau"],
  run(args, io) {
    return runDocumentCommand(
      { kind: "bien-ban", data: (book, stt, a, cliIo) => bienBanData(book, stt, { today: dateOption(a, cliIo) }) },
      args,
      io,
    );
  },
};
