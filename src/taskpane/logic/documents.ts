// Tài liệu: the papers of one topic (đề dẫn, biên bản, the sign-in sheet, the notice, the
// report of the finished topic) as a .docx, from the built-in template or the user's own.
// Loaded on demand (docxtemplater is in this chunk only).
import { bienBanData, deDanData, type DocumentData, type DocumentKind } from "../../core/make/documentData";
import { danhSachData, DOCUMENT_LABEL, thongBaoData } from "../../core/make/meetingPapers";
import { baoCaoData } from "../../core/make/topicReport";
import { readWorkbook as parseWorkbook } from "../../core/read/register";
import type { ParsedWorkbook, SimpleDate, Topic } from "../../core/shared/types";
import { UserError } from "../../core/shared/types";
import { checkTemplate, fillTemplate } from "../../documents/fill";
import type { WorkbookHost } from "../../excel/host";
import { DOCX_MIME, type SavedFile } from "./savedFile";
import { engineGrid } from "./workbookGrid";

export async function loadBook(host: WorkbookHost): Promise<ParsedWorkbook> {
  const snapshot = await host.session((s) => s.read());
  return parseWorkbook(engineGrid(snapshot));
}

/** Topics that can get a document: those with a number in STT. */
export function documentTopics(book: ParsedWorkbook): Topic[] {
  if (!book.register) {
    throw new UserError("KHONG_CO_SO", "Không tìm thấy sổ chuyên đề trong sổ Excel này — hãy dùng Tạo sổ hoặc Chuyển đổi trước.");
  }
  return book.register.topics.filter((t) => t.stt !== null);
}

/** A topic as the list of Tài liệu offers it. */
export interface TopicChoice {
  stt: number;
  label: string;
}

/** The topics that can get a document, as the list shows them (only this crosses from the
 *  file worker, not the register). */
export async function topicChoices(host: WorkbookHost): Promise<TopicChoice[]> {
  return documentTopics(await loadBook(host)).map((t) => ({ stt: t.stt!, label: `${t.sttText}. ${t.title}` }));
}

export { DOCUMENT_LABEL };

export interface MadeDocument {
  file: SavedFile;
  /** Things the secretary should look at (counts that do not add up…). */
  problems: string[];
}

/** Refuses a user's own template with bad or unknown tags before anything is filled (as the
 *  CLI does): an unknown tag would silently print as nothing. The CLI's pointer to
 *  `chuyende mau` is dropped — the pane's user may not have the command line. */
export function assertUsableTemplate(template: Uint8Array, kind: DocumentKind, name: string): string[] {
  const result = checkTemplate(template, kind, { name });
  const problems = [...result.errors, ...result.unknownMessages].map((p) =>
    p.replace(/\s*Xem danh sách: chuyende mau[^.]*\.\s*$/, "").replace(/\?\.$/, "?"),
  );
  if (problems.length === 0) return result.removed;
  throw new UserError(
    "MAU_SAI_THE",
    `Mẫu ${name} chưa dùng được cho ${DOCUMENT_LABEL[kind].toLowerCase()}:\n${problems.map((p) => `• ${p}`).join("\n")}\n` +
      "Hãy sửa mẫu trong Word rồi chọn lại tệp mẫu.",
    { file: name },
  );
}

/** Fills `template` for topic `stt`. `templateName` is set when the template is the user's
 *  own file: it is checked first (assertUsableTemplate). */
export function makeDocument(
  book: ParsedWorkbook,
  kind: DocumentKind,
  stt: number,
  template: Uint8Array,
  opts: { today: SimpleDate; templateName?: string },
): MadeDocument {
  const removed = opts.templateName !== undefined ? assertUsableTemplate(template, kind, opts.templateName) : [];
  const made: Record<DocumentKind, () => { data: DocumentData; problems: string[] }> = {
    "de-dan": () => ({ data: deDanData(book, stt, { today: opts.today }), problems: [] }),
    "bien-ban": () => bienBanData(book, stt, { today: opts.today }),
    "danh-sach": () => danhSachData(book, stt, { today: opts.today }),
    "thong-bao": () => thongBaoData(book, stt, { today: opts.today }),
    "bao-cao": () => baoCaoData(book, stt, { today: opts.today }),
  };
  const { data, problems } = made[kind]();
  const bytes = fillTemplate(template, data, { name: opts.templateName });
  return {
    file: {
      name: `${kind}-chuyen-de-${stt}.docx`,
      bytes,
      mime: DOCX_MIME,
    },
    // What the user's template lost (macros, field codes, outside links), said once.
    problems: removed.length ? [...problems, `Mẫu ${opts.templateName} đã được bỏ bớt: ${removed.join("; ")}.`] : problems,
  };
}

/** Reads the workbook and fills the paper (where the workbook is: the page's file worker). */
export async function makeDocumentFrom(
  host: WorkbookHost,
  kind: DocumentKind,
  stt: number,
  template: Uint8Array,
  opts: { today: SimpleDate; templateName?: string },
): Promise<MadeDocument> {
  return makeDocument(await loadBook(host), kind, stt, template, opts);
}
