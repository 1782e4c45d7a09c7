// Custom functions of the namespace CHUYENDE (SPEC §5). The JSDoc below is the source
// of functions.json (custom-functions-metadata-plugin), and the build appends the
// CustomFunctions.associate calls. The work is done in compute.ts by the engine.
//
// KIEMTRA with no range reads the open workbook through the Excel API (possible in the
// shared runtime) and is a streaming function: it subscribes to worksheet changes and
// sets a new result when the findings change, so it refreshes when the register does.
import { todayLocal } from "../core/read/dates";
import { columnNumber } from "../core/shared/columnLetters";
import type { WorkbookGrid } from "../core/shared/types";
import { parseAreas } from "../excel/address";
import { excelErrorMessage } from "../excel/errors";
import { setSupported } from "../excel/office";
import { readWorkbookGrid } from "../excel/read";
import { demQuy, FunctionInputError, kiemTraRange, kiemTraWorkbook, ngayVN, phanCong, quy, withoutOwnOutput } from "./compute";

// Opened outside Excel there is no CustomFunctions global; the associate calls appended
// by the build must not throw there.
const host = globalThis as { CustomFunctions?: unknown };
if (typeof host.CustomFunctions === "undefined") {
  host.CustomFunctions = { associate: () => undefined };
}

/** A compute error as Excel shows it: #VALUE! with the Vietnamese message. */
function excelError(err: unknown): CustomFunctions.Error {
  const message =
    err instanceof FunctionInputError || (err as Error)?.name === "UserError"
      ? (err as Error).message
      : (excelErrorMessage(err) ?? "Lỗi khi tính.");
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    throw excelError(err);
  }
}

// ---- the workbook's date system, for the cell functions

/** True when the open workbook counts dates from 1904 (learned from each read of it), so
 *  that QUY, NGAYVN, DEMQUY and KIEMTRA(range) give the dates the pane gives. */
let date1904 = false;

function learnDateSystem(): void {
  if (typeof Excel === "undefined") return;
  // Office.js has no date-system flag; DATE(1904,1,1) is serial 0 only in the 1904 system.
  Excel.run(async (context) => {
    const probe = context.workbook.functions.date(1904, 1, 1);
    probe.load("value");
    await context.sync();
    date1904 = probe.value === 0;
  }).catch(() => undefined);
}
learnDateSystem();

// ---- refreshing KIEMTRA() when the workbook changes

const refreshers = new Set<() => void>();
let subscribed: Promise<unknown> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

/** Recomputes every KIEMTRA() once a burst of events has settled. */
function scheduleRefresh(): Promise<void> {
  // Many edits arrive together (a paste, a fill); recompute once they settle.
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => refreshers.forEach((r) => r()), 700);
  return Promise.resolve();
}

function subscribeToChanges(): void {
  if (subscribed) return;
  subscribed = Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.onChanged.add(scheduleRefresh);
    // A sheet added, deleted or renamed can be the register itself (Excel.WorksheetCollection
    // events: onAdded/onDeleted ExcelApi 1.7, onNameChanged ExcelApi 1.17).
    worksheets.onAdded.add(scheduleRefresh);
    worksheets.onDeleted.add(scheduleRefresh);
    if (setSupported("ExcelApi", "1.17")) worksheets.onNameChanged.add(scheduleRefresh);
    await context.sync();
  }).catch(() => {
    subscribed = null;
  });
}

function checkOpenWorkbook(nam: number | undefined, ngayKiemTra: unknown, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  let last = "";
  let running = false;
  let again = false;
  // Where this formula spills its table: never read back as part of the register.
  const at = (invocation as unknown as { address?: string }).address;
  let shape = { rows: 1, cols: 1 };
  const refresh = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    // delayForCellEdit: while the user is typing in a cell the read waits instead of failing
    // with InvalidOperationInCellEditMode (Excel.RunOptions, ExcelApi 1.11).
    Excel.run({ delayForCellEdit: true }, (context) => readWorkbookGrid(context))
      .then((grid: WorkbookGrid) => {
        date1904 = grid.date1904 === true;
        const table = kiemTraWorkbook(withoutOwnOutput(grid, ownBox(at, shape)), nam, ngayKiemTra, todayLocal());
        const key = JSON.stringify(table);
        // Setting the same result again would only cause another change event.
        if (key !== last) {
          last = key;
          shape = { rows: table.length, cols: Math.max(1, ...table.map((r) => r.length)) };
          invocation.setResult(table);
        }
      })
      .catch((err: unknown) => {
        // Forget the last result, so the next good run shows its table again.
        last = "";
        invocation.setResult(excelError(err));
      })
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  };
  refreshers.add(refresh);
  invocation.onCanceled = () => {
    refreshers.delete(refresh);
  };
  subscribeToChanges();
  refresh();
}

/**
 * Kiểm tra sổ chuyên đề theo Hướng dẫn 09-HD/ĐUK. Trả về bảng Mã | Mức độ | Dòng | Cột | Nội dung, hoặc "Đạt" khi không có lỗi, cảnh báo. Bỏ trống sổ chuyên đề để kiểm tra sổ đang mở (tự cập nhật khi sổ thay đổi). Nếu vùng chọn có ô lỗi (#VALUE!, #N/A…), Excel không chạy hàm: hãy sửa ô lỗi, hoặc bỏ trống để kiểm tra cả sổ.
 * @customfunction KIEMTRA
 * @streaming
 * @requiresStreamAddress
 * @requiresParameterAddresses
 * @param [soChuyenDe] Vùng sổ chuyên đề gồm cả dòng tiêu đề (chọn cả bảng trên trang Sổ chuyên đề). Bỏ trống: sổ trong sổ Excel đang mở.
 * @param [nam] Năm của sổ (mặc định: Năm trong trang Thông tin).
 * @param [ngayKiemTra] Ngày tính hạn (mặc định: hôm nay).
 * @param invocation Thông tin lời gọi.
 */
function kiemTra(
  // Optional (see [soChuyenDe] above); typed without "| undefined" so the metadata says matrix.
  soChuyenDe: any[][],
  nam: number,
  ngayKiemTra: any,
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  // Omitted, or a single empty cell: check the open workbook.
  const single = Array.isArray(soChuyenDe) && soChuyenDe.length === 1 && soChuyenDe[0].length === 1 ? soChuyenDe[0][0] : undefined;
  const hasRange = Array.isArray(soChuyenDe) && soChuyenDe.length > 0 && !(single === null || single === "");
  if (!hasRange) {
    checkOpenWorkbook(typeof nam === "number" ? nam : undefined, ngayKiemTra, invocation);
    return;
  }
  try {
    const address = (invocation as unknown as { parameterAddresses?: string[] }).parameterAddresses?.[0];
    invocation.setResult(kiemTraRange(soChuyenDe, nam, ngayKiemTra, todayLocal(), topLeftOf(address), date1904));
  } catch (err) {
    invocation.setResult(excelError(err));
  }
}

/** The box this formula's result covers ("Sổ!H2" and the last result's size), 0-based. */
function ownBox(
  address: string | undefined,
  shape: { rows: number; cols: number },
): { sheet: string; top: number; left: number; bottom: number; right: number } | null {
  if (!address) return null;
  const box = parseAreas(address)[0];
  if (!box) return null;
  const raw = address.slice(0, address.lastIndexOf("!"));
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, top: box.top - 1, left: box.left - 1, bottom: box.top - 2 + shape.rows, right: box.left - 2 + shape.cols };
}

/** "Sheet1!B3:F20" → {top: 3, left: 2}. */
function topLeftOf(address: string | undefined): { top: number; left: number } | undefined {
  const m = address ? /!\$?([A-Z]{1,3})\$?(\d+)/.exec(address) : null;
  if (!m) return undefined;
  return { top: Number(m[2]), left: columnNumber(m[1]) };
}

/**
 * Quý (1–4) của một ngày; #VALUE! khi giá trị không phải ngày.
 * @customfunction QUY
 * @param ngay Ngày (ô ngày hoặc chữ dạng dd/mm/yyyy).
 * @returns Quý 1, 2, 3 hoặc 4.
 */
function quyFn(ngay: any): number {
  return guard(() => quy(ngay, date1904));
}

/**
 * Số chuyên đề đã sinh hoạt trong một quý, tính như khi kiểm tra sổ. Vùng có ô lỗi (#VALUE!, #N/A…) thì Excel không chạy hàm: hãy sửa ô lỗi trước.
 * @customfunction DEMQUY
 * @param soChuyenDe Vùng sổ chuyên đề gồm cả dòng tiêu đề (chọn cả bảng trên trang Sổ chuyên đề).
 * @param quy Quý: 1–4 hoặc I–IV.
 * @param [nam] Năm (mặc định: Năm của sổ).
 * @returns Số chuyên đề đã sinh hoạt.
 */
function demQuyFn(soChuyenDe: any[][], quy: any, nam?: number): number {
  return guard(() => demQuy(soChuyenDe, quy, nam, todayLocal(), date1904));
}

/**
 * Số chuyên đề được phân công cho mỗi đảng viên: bảng Họ và tên | Số chuyên đề. Vùng có ô lỗi (#VALUE!, #N/A…) thì Excel không chạy hàm: hãy sửa ô lỗi trước.
 * @customfunction PHANCONG
 * @param soChuyenDe Vùng sổ chuyên đề gồm cả dòng tiêu đề (chọn cả bảng trên trang Sổ chuyên đề).
 * @param [dangVien] Danh sách họ tên đảng viên (người chưa được phân công được tính 0).
 * @returns Bảng Họ và tên | Số chuyên đề.
 */
function phanCongFn(soChuyenDe: any[][], dangVien?: any[][]): any[][] {
  return guard(() => phanCong(soChuyenDe, dangVien));
}

/**
 * Ngày viết theo thể thức văn bản của Đảng, ví dụ "ngày 05 tháng 02 năm 2021".
 * @customfunction NGAYVN
 * @param ngay Ngày (ô ngày hoặc chữ dạng dd/mm/yyyy).
 * @returns Ngày viết bằng chữ.
 */
function ngayVNFn(ngay: any): string {
  return guard(() => ngayVN(ngay, date1904));
}
export { kiemTra };
