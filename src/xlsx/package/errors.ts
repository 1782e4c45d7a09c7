// The reader's two kinds of refusal, in a secretary's words, naming the file: too large
// (a bound was passed) or broken (not what an .xlsx/.docx should hold). One home for the
// wording so every part of the reader says it alike.
import { UserError } from "../../core/shared/types";

const MiB = 1024 * 1024;

/** The file as messages name it (its last part) and as the error's details keep it. */
export interface FileLabel {
  name: string;
  file: string;
  /** The form to save a repaired copy as, named in the advice (".xlsx", ".docx"). */
  saveAs?: string;
}

export function mb(n: number): string {
  return `${Math.max(1, Math.round(n / MiB)).toLocaleString("vi-VN")} MB`;
}

export function count(n: number): string {
  return n.toLocaleString("vi-VN");
}

const ADVICE =
  "Sổ chuyên đề thật nhỏ hơn nhiều; tệp có thể bị hỏng hoặc bị làm phình — hãy mở bằng Excel, xóa phần thừa, lưu lại rồi chạy lại.";

export function tooLarge(at: FileLabel, what: string): UserError {
  return new UserError("TEP_QUA_LON", `Tệp ${at.name} quá lớn để đọc: ${what}. ${ADVICE}`, { file: at.file });
}

export function broken(at: FileLabel, what: string): UserError {
  return new UserError(
    "TEP_HONG",
    `Tệp ${at.name} bị hỏng: ${what} — hãy mở bằng ${at.saveAs === ".docx" ? "Word" : "Excel"} (chọn Có khi được hỏi có khôi phục nội dung không), ` +
      `lưu lại${at.saveAs ? ` dưới dạng ${at.saveAs}` : ""} rồi chạy lại.`,
    { file: at.file },
  );
}
