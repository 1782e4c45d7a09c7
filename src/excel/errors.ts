// Every error code the Excel JavaScript API documents (Excel.ErrorCodes and the table in
// learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling),
// each as one plain Vietnamese sentence a secretary can act on. The codes themselves are
// never shown.
const TRY_AGAIN = "Hãy thử lại sau giây lát.";
const UPDATE = "Hãy cập nhật Office (Tệp → Tài khoản → Tùy chọn cập nhật → Cập nhật ngay) rồi mở lại bổ trợ.";
const TOO_BIG =
  "Sổ quá lớn để Excel xử lý một lần (Excel trên web giới hạn mỗi lần trao đổi 5 MB). Hãy dùng Excel trên máy tính hoặc tách bớt các trang không cần.";

export const EXCEL_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  AccessDenied:
    "Excel không cho phép ghi vào sổ (sổ đang được bảo vệ, chỉ đọc hoặc bị phần mềm diệt vi-rút chặn). Hãy bỏ bảo vệ rồi thử lại.",
  ActivityLimitReached: `Excel đang bận vì bổ trợ gửi quá nhiều yêu cầu. ${TRY_AGAIN}`,
  ApiNotFound: `Phiên bản Excel này chưa có chức năng bổ trợ cần. ${UPDATE}`,
  Conflict: `Sổ vừa được người khác sửa cùng lúc. ${TRY_AGAIN}`,
  ContentLengthRequired: `Excel từ chối yêu cầu. ${TRY_AGAIN}`,
  EmptyChartSeries: "Biểu đồ không có dữ liệu để vẽ.",
  FilteredRangeConflict: "Trang đang lọc dữ liệu nên không ghi được. Hãy bỏ lọc (Dữ liệu → Xóa bộ lọc) rồi thử lại.",
  FormulaLengthExceedsLimit: "Công thức quá dài so với giới hạn của Excel.",
  GeneralException: `Excel không thực hiện được thao tác. ${TRY_AGAIN}`,
  InactiveWorkbook: "Sổ này không còn là sổ đang mở. Hãy chọn lại cửa sổ sổ chuyên đề rồi thử lại.",
  InsertDeleteConflict: "Không chèn hoặc xóa được ô vì vướng bảng hay ô đã gộp trên trang. Hãy kiểm tra trang rồi thử lại.",
  InvalidArgument:
    "Excel không nhận dữ liệu bổ trợ gửi (có thể tên trang hoặc vùng ô không hợp lệ). Hãy kiểm tra tên các trang rồi thử lại.",
  InvalidBinding: "Liên kết tới vùng ô không còn hợp lệ. Hãy mở lại bổ trợ.",
  InvalidOperation: "Excel không cho phép thao tác này trên sổ hiện tại (ví dụ vùng có ô đã gộp hay trang đang được bảo vệ).",
  InvalidOperationInCellEditMode: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để rời ô đang sửa rồi thử lại.",
  InvalidReference: "Vùng ô được nhắc tới không còn tồn tại (có thể trang đã bị đổi tên hoặc xóa). Hãy thử lại.",
  InvalidRequest: `Excel từ chối yêu cầu. ${TRY_AGAIN}`,
  InvalidSelection: "Vùng đang chọn không dùng được cho thao tác này. Hãy chọn một ô rồi thử lại.",
  ItemAlreadyExists: "Trong sổ đã có một trang hoặc bảng trùng tên. Hãy đổi tên trang/bảng đó rồi thử lại.",
  ItemNotFound: "Không tìm thấy trang hoặc bảng cần dùng (có thể vừa bị đổi tên hoặc xóa). Hãy thử lại.",
  MemoryLimitReached: "Excel hết bộ nhớ khi xử lý sổ. Hãy đóng bớt các sổ khác rồi thử lại.",
  MergedRangeConflict: "Vùng cần ghi có ô đã gộp. Hãy bỏ gộp ô ở vùng đó rồi thử lại.",
  NonBlankCellOffSheet: "Không chèn được ô vì sẽ đẩy dữ liệu ra ngoài trang.",
  NotImplemented: `Phiên bản Excel này chưa hỗ trợ thao tác bổ trợ cần. ${UPDATE}`,
  OpenWorkbookLinksBlocked: "Excel đang chặn liên kết tới sổ khác. Hãy cho phép liên kết rồi thử lại.",
  OperationCellsExceedLimit: TOO_BIG,
  PivotTableRangeConflict: "Vùng cần ghi chồng lên một PivotTable. Hãy dời PivotTable đó rồi thử lại.",
  PowerQueryRefreshResourceChallenge: "Excel cần đăng nhập lại để làm mới dữ liệu truy vấn.",
  PropertyNotLoaded: "Bổ trợ gặp lỗi khi đọc sổ. Hãy đóng rồi mở lại ngăn Sổ chuyên đề và thử lại.",
  RangeExceedsLimit: TOO_BIG,
  RangeImageExceedsLimit: "Vùng ô quá lớn để chụp thành hình.",
  RefreshWorkbookLinksBlocked: "Excel đang chặn làm mới liên kết tới sổ khác.",
  RequestAborted: `Yêu cầu tới Excel bị ngắt giữa chừng. ${TRY_AGAIN}`,
  RequestPayloadSizeLimitExceeded: TOO_BIG,
  ResponsePayloadSizeLimitExceeded: TOO_BIG,
  ServiceNotAvailable: `Dịch vụ Excel tạm thời không phản hồi. ${TRY_AGAIN}`,
  Unauthenticated: "Phiên đăng nhập Office đã hết. Hãy đăng nhập lại rồi thử lại.",
  UnsupportedFeature: "Sổ có tính năng mà thao tác này không hỗ trợ (ví dụ trang biểu đồ hay trang macro).",
  UnsupportedOperation: `Phiên bản Excel này không hỗ trợ thao tác bổ trợ cần. ${UPDATE}`,
  UnsupportedSheet: "Trang này (trang biểu đồ hoặc trang macro) không dùng được cho thao tác này.",
  InvalidObjectPath: "Trang hoặc vùng ô vừa dùng đã thay đổi. Hãy thử lại.",
  ValueNotLoaded: "Bổ trợ gặp lỗi khi đọc sổ. Hãy đóng rồi mở lại ngăn Sổ chuyên đề và thử lại.",
};

/** The Vietnamese sentence for an Excel error, or null when the error carries no known code. */
export function excelErrorMessage(err: unknown): string | null {
  if (typeof err !== "object" || err === null) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(EXCEL_ERROR_MESSAGES, code) ? EXCEL_ERROR_MESSAGES[code] : null;
}
