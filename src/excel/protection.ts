// Protected sheets and workbooks, checked before anything is written (both hosts). Excel
// refuses changes to a protected sheet (Xem lại › Bảo vệ trang tính) and adding, deleting,
// moving or renaming sheets of a workbook whose structure is protected (Xem lại › Bảo vệ
// sổ làm việc; learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks,
// "Protect workbook structure"). A command finding either stops before its first write and
// says which sheet and how to unprotect, so the workbook is left as it was. The add-in
// never unprotects anything itself: protection is the workbook owner's decision.
// Pure (no Office.js calls): the file host (src/file) uses the same checks and messages.
import { UserError } from "../core/shared/types";

/** What a host knows about protection, read with the workbook. */
export interface ProtectionState {
  /** The workbook's structure is protected. */
  structureProtected?: boolean;
  sheets: readonly { name: string; protected?: boolean }[];
}

/** Where the user unprotects: in this Excel, or in Excel (or LibreOffice) before reopening the file. */
export type ProtectionHost = "excel" | "file";

const UNCHANGED = "Sổ chưa bị thay đổi gì.";

function unprotectStep(host: ProtectionHost, step: string): string {
  return host === "excel"
    ? `Hãy bỏ bảo vệ: ${step} (nhập mật khẩu nếu có), rồi làm lại.`
    : `Hãy mở tệp bằng Excel, bỏ bảo vệ: ${step} (nhập mật khẩu nếu có), lưu lại rồi mở lại tệp ở đây.`;
}

/** Refuses adding (or replacing) sheets when the workbook's structure is protected. */
export function assertCanAddSheets(state: ProtectionState, names: readonly string[], host: ProtectionHost = "excel"): void {
  if (!state.structureProtected || names.length === 0) return;
  const what = names.length === 1 ? `trang “${names[0]}”` : `các trang ${names.map((n) => `“${n}”`).join(", ")}`;
  throw new UserError(
    "SO_DUOC_BAO_VE",
    `Sổ đang được bảo vệ cấu trúc nên không thêm được ${what}. ` +
      `${unprotectStep(host, "thẻ Xem lại › bấm Bảo vệ sổ làm việc để tắt")} ${UNCHANGED}`,
  );
}

/** Refuses writing into (or replacing) `sheet` when it is protected. */
export function assertCanWriteSheet(state: ProtectionState, sheet: string, host: ProtectionHost = "excel"): void {
  const found = state.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
  if (!found?.protected) return;
  throw new UserError(
    "TRANG_DUOC_BAO_VE",
    `Trang “${found.name}” đang được bảo vệ nên không ghi được vào trang này. ` +
      `${unprotectStep(host, "thẻ Xem lại › Bỏ bảo vệ trang tính")} ${UNCHANGED}`,
    { sheet: found.name },
  );
}
