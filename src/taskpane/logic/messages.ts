// Turning any failure into one plain Vietnamese sentence for the pane.
import { UserError } from "../../core/shared/types";
import { excelErrorMessage } from "../../excel/errors";

export const GENERIC_ERROR =
  "Đã có lỗi không mong muốn. Hãy lưu sổ, đóng rồi mở lại ngăn Sổ chuyên đề và thử lại; nếu vẫn lỗi, hãy báo cho người hỗ trợ kèm thao tác vừa làm.";

/** Office.js error codes a user can act on. */
const OFFICE_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để rời ô đang sửa rồi thử lại.",
  AccessDenied: "Excel không cho phép ghi vào sổ (sổ đang được bảo vệ hoặc chỉ đọc). Hãy bỏ bảo vệ rồi thử lại.",
  ItemAlreadyExists: "Trong sổ đã có một trang hoặc bảng trùng tên. Hãy đổi tên trang/bảng đó rồi thử lại.",
  GeneralException: "Excel không thực hiện được thao tác. Hãy thử lại sau giây lát.",
  RequestPayloadSizeLimitExceeded: "Sổ quá lớn để xử lý một lần trong Excel trên web. Hãy dùng Excel trên máy tính hoặc chia bớt dữ liệu.",
};

export function errorMessage(err: unknown): string {
  if (err instanceof UserError) return err.message;
  const e = err as { name?: string; code?: string; message?: string } | null;
  if (e && e.name === "UserError" && typeof e.message === "string") return e.message;
  if (e && typeof e.code === "string" && OFFICE_MESSAGES[e.code]) return OFFICE_MESSAGES[e.code];
  // Every other documented Excel error code (src/excel/errors.ts).
  const excel = excelErrorMessage(err);
  if (excel) return excel;
  return GENERIC_ERROR;
}
