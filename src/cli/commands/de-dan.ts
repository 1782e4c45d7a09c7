// `chuyende de-dan FILE.xlsx --stt N -o OUT.docx [--mau MAU.docx] [--ngay dd/mm/yyyy] [--ghi-de]`
// — the đề dẫn (draft introductory report) of one topic, from the built-in template or
// the user's own. Also holds what bien-ban.ts shares: loading and checking a template,
// making the document, writing it.
import { promises as fs } from "fs";
import * as path from "path";
import type { Command, CliIO, ParsedArgs } from "../command";
import { readWorkbookFile } from "../xlsx";
import { checkOutputPath, dateOption, intOption, overwriteOption, requireInput, requireOutput, stringOption, writeFileAtomic } from "../io";
import { readWorkbook } from "../../core/read/register";
import { deDanData, type DocumentData, type DocumentKind } from "../../core/make/documentData";
import type { ParsedWorkbook } from "../../core/shared/types";
import { UserError, type WorkbookGrid } from "../../core/shared/types";
import { hasXmlForbidden } from "../../core/shared/xmlText";
import { columnLetter } from "../../core/make/sheetModel";
import { checkTemplate, fillTemplate } from "../../documents/fill";
import { TEMPLATE_LIMITS } from "../../documents/template";

import { KIND_LABEL } from "../../core/make/meetingPapers";

/** assets/templates/<kind>.docx (from build/cli/commands or src/cli/commands alike). */
export function builtInTemplatePath(kind: DocumentKind): string {
  return path.resolve(__dirname, "..", "..", "..", "assets", "templates", `${kind}.docx`);
}

/** Reads a template file; a missing or unreadable file is a UserError naming it. */
export async function readTemplateFile(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new UserError("MAU_LA_THU_MUC", `${file} là thư mục, không phải tệp mẫu .docx.`, { file });
    // Refused before it is read: a huge file never reaches memory.
    if (stat.size > TEMPLATE_LIMITS.fileBytes) {
      throw new UserError(
        "MAU_QUA_LON",
        `Mẫu ${path.basename(file)} quá lớn (${Math.round(stat.size / 1048576)} MB; mẫu Word thường dưới 1 MB, giới hạn ${TEMPLATE_LIMITS.fileBytes / 1048576} MB).`,
        { file },
      );
    }
    return new Uint8Array(await fs.readFile(file));
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError("KHONG_CO_MAU", `Không tìm thấy tệp mẫu ${file}.`, { file });
    throw new UserError(
      "KHONG_DOC_DUOC_MAU",
      `Không đọc được tệp mẫu ${file}. Kiểm tra tệp còn đó và không bị khóa (đóng Word nếu đang mở tệp) rồi chạy lại.`,
      { file },
    );
  }
}

/** The template bytes: the user's (--mau, checked: any bad or unknown tag stops here, so
 *  nothing is written) or the built-in one. */
export async function loadTemplate(kind: DocumentKind, mau: string | undefined): Promise<{ bytes: Uint8Array; name: string }> {
  if (!mau) {
    const file = builtInTemplatePath(kind);
    return { bytes: await readTemplateFile(file), name: path.basename(file) };
  }
  const name = path.basename(mau);
  const bytes = await readTemplateFile(mau);
  const result = checkTemplate(bytes, kind, { name });
  const problems = [...result.errors, ...result.unknownMessages];
  if (problems.length) {
    throw new UserError(
      "MAU_SAI_THE",
      `Mẫu ${name} chưa dùng được cho ${KIND_LABEL[kind]}:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        `Sửa mẫu rồi chạy lại (kiểm tra bằng: chuyende mau ${mau} --loai ${kind}).`,
      { file: mau },
    );
  }
  return { bytes, name };
}

export interface DocumentJob {
  kind: DocumentKind;
  /** Computes the data (and problems to warn about) from the workbook. */
  data(book: ParsedWorkbook, stt: number, args: ParsedArgs, io: CliIO): { data: DocumentData; problems: string[] };
}

/** Cells holding characters a Word document cannot hold (control characters, U+FFFF…):
 *  they are left out of the document; the secretary is told which cell (Thông tin, most
 *  often, pasted from another program) so the register can be corrected. */
function forbiddenCharacterNotes(grid: WorkbookGrid): string[] {
  const notes: string[] = [];
  for (const sheet of grid.sheets) {
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "string" && hasXmlForbidden(v) && notes.length < 10) {
          notes.push(
            `Trang “${sheet.name}”, ô ${columnLetter(c + 1)}${r + 1} có ký tự điều khiển không in được (thường do dán từ chương trình khác); ` +
              `văn bản đã bỏ ký tự đó — hãy gõ lại nội dung ô này trong sổ.`,
          );
        }
      }),
    );
  }
  return notes;
}

/** The common run of de-dan and bien-ban. */
export async function runDocumentCommand(job: DocumentJob, args: ParsedArgs, io: CliIO): Promise<number> {
  const input = requireInput(args);
  const output = requireOutput(args, `${job.kind.toUpperCase()}.docx`);
  const stt = intOption(args, "stt", 1);
  if (stt === undefined) throw new UserError("THIEU_THAM_SO", `Thiếu số thứ tự chuyên đề: thêm --stt N (STT trong sổ).`);
  const overwrite = overwriteOption(args);
  const mau = stringOption(args, "mau");
  const inputs = mau ? [input, mau] : [input];
  // Refuse a bad output, a bad template and bad dates before reading the workbook.
  await checkOutputPath(output, { overwrite, inputs });
  const template = await loadTemplate(job.kind, mau);
  const { grid } = await readWorkbookFile(input);
  const book = readWorkbook(grid);
  const { data, problems } = job.data(book, stt, args, io);
  const bytes = fillTemplate(template.bytes, data, { name: template.name });
  await writeFileAtomic(output, bytes, { overwrite, inputs });
  for (const p of [...forbiddenCharacterNotes(grid), ...problems]) io.stderr(`Cảnh báo: ${p}\n`);
  io.stdout(
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- both are text fields of the document data
    `Đã lập ${KIND_LABEL[job.kind]} chuyên đề STT ${stt} “${String(data.tenChuyenDe)}” (${String(data.quyText)})` +
      `${mau ? ` theo mẫu ${template.name}` : ""} và ghi vào ${output}.\n`,
  );
  return 0;
}

export const deDan: Command = {
  name: "de-dan",
  summary: "Lập đề dẫn (dự thảo chuyên đề) .docx cho một chuyên đề của sổ.",
  usage: "chuyende de-dan FILE.xlsx --stt N -o OUT.docx [--mau MAU.docx] [--ngay dd/mm/yyyy] [--ghi-de]",
  examples: [
    { command: "chuyende de-dan so-chuyen-de-2025.xlsx --stt 3 -o de-dan-3.docx", does: "đề dẫn của chuyên đề STT 3 theo mẫu có sẵn" },
    { command: "chuyende de-dan so-chuyen-de-2025.xlsx --stt 3 -o de-dan-3.docx --mau mau-de-dan.docx", does: "theo mẫu .docx của chi bộ" },
  ],
  valueOptions: ["stt", "o", "output", "mau", "ngay"],
  run(args, io) {
    return runDocumentCommand(
      {
        kind: "de-dan",
        data: (book, stt, a, cliIo) => ({ data: deDanData(book, stt, { today: dateOption(a, cliIo) }), problems: [] }),
      },
      args,
      io,
    );
  },
};
