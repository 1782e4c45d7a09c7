// Custom functions of the namespace CHUYENDE (SPEC §5). The JSDoc below is the source
// of functions.json (custom-functions-metadata-plugin; the build then sets
// allowErrorForDataTypeAny, scripts/functions-metadata.js), and the build appends the
// CustomFunctions.associate calls. The work is done in compute.ts by the engine.
//
// KIEMTRA with no range reads the open workbook through the Excel API (possible in the
// shared runtime) and is a streaming function: it subscribes to worksheet changes and
// sets a new result when the findings change, so it refreshes when the register does.
// KIEMTRA and DEMQUY depend on today: DEMQUY is volatile (recalculated whenever Excel
// recalculates), and KIEMTRA, which as a streaming function cannot be volatile
// (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json, "volatile"), sets a
// new result when the date changes. Nothing here calls Office.js before Office.onReady: the
// date system is learned by the first function that needs it (src/excel/dateSystem.ts).
import { todayLocal } from "../core/read/dates";
import type { WorkbookGrid } from "../core/shared/types";
import { workbookDateSystem } from "../excel/dateSystem";
import { excelErrorMessage } from "../excel/errors";
import { setSupported } from "../excel/office";
import { readWorkbookGrid } from "../excel/read";
import { demQuy, FunctionInputError, kiemTraRange, kiemTraWorkbook, ngayVN, phanCong, quy, withoutOwnOutput } from "./compute";
import { errorArgumentMessage, errorCellMessage, rangeOrigin } from "./inputErrors";

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

/** Runs `work` with the workbook's date system (1900 or 1904), learned after Office.onReady. */
async function withDateSystem<T>(work: (date1904: boolean) => T): Promise<T> {
  let date1904: boolean;
  try {
    date1904 = await workbookDateSystem.get();
  } catch (err) {
    throw excelError(err);
  }
  return guard(() => work(date1904));
}

/** Throws the Vietnamese message when an argument is (or holds) an error value. */
function refuseErrors(message: string | null): void {
  if (message) throw new FunctionInputError(message);
}

// ---- a new day: KIEMTRA's results depend on today

const HOUR = 3_600_000;
const dayListeners = new Set<() => void>();
let dayTimer: ReturnType<typeof setTimeout> | undefined;
let dayKey = "";

function todayKey(): string {
  const d = todayLocal();
  return `${d.year}-${d.month}-${d.day}`;
}

/** Checks the date just after midnight and at least hourly (a machine asleep at midnight,
 *  a changed clock), and tells every listener when it has changed. */
function scheduleDayCheck(): void {
  const now = new Date();
  const nextMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1).getTime();
  dayTimer = setTimeout(
    () => {
      const key = todayKey();
      if (key !== dayKey) {
        dayKey = key;
        dayListeners.forEach((l) => l());
      }
      scheduleDayCheck();
    },
    Math.min(nextMidnight - now.getTime(), HOUR),
  );
}

/** Calls `listener` whenever the local date changes, until the returned function is called. */
function onNewDay(listener: () => void): () => void {
  if (dayListeners.size === 0) {
    dayKey = todayKey();
    scheduleDayCheck();
  }
  dayListeners.add(listener);
  return () => {
    dayListeners.delete(listener);
    if (dayListeners.size === 0) clearTimeout(dayTimer);
  };
}

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
  subscribed = Office.onReady()
    .then(() =>
      Excel.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.onChanged.add(scheduleRefresh);
        // A sheet added, deleted or renamed can be the register itself (Excel.WorksheetCollection
        // events: onAdded/onDeleted ExcelApi 1.7, onNameChanged ExcelApi 1.17).
        worksheets.onAdded.add(scheduleRefresh);
        worksheets.onDeleted.add(scheduleRefresh);
        if (setSupported("ExcelApi", "1.17")) worksheets.onNameChanged.add(scheduleRefresh);
        await context.sync();
      }),
    )
    .catch(() => {
      subscribed = null;
    });
}

function checkOpenWorkbook(nam: number | undefined, ngayKiemTra: unknown, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  let last = "";
  let running = false;
  let again = false;
  // Where this formula spills its table: never read back as part of the register.
  const at = invocation.address;
  let shape = { rows: 1, cols: 1 };
  const refresh = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    // delayForCellEdit: while the user is typing in a cell the read waits instead of failing
    // with InvalidOperationInCellEditMode (Excel.RunOptions, ExcelApi 1.11).
    Office.onReady()
      .then(() => Excel.run({ delayForCellEdit: true }, (context) => readWorkbookGrid(context)))
      .then((grid: WorkbookGrid) => {
        workbookDateSystem.set(grid.date1904 === true);
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
  const stopDay = onNewDay(refresh);
  invocation.onCanceled = () => {
    refreshers.delete(refresh);
    stopDay();
  };
  subscribeToChanges();
  refresh();
}

/** KIEMTRA(range): the findings now, and again on each new day (the range itself changing
 *  makes Excel call the function anew). */
function checkRange(values: any[][], nam: number, ngayKiemTra: any, invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  const origin = rangeOrigin(invocation.parameterAddresses?.[0]);
  const at = origin ? { top: origin.top, left: origin.left } : undefined;
  const compute = (): void => {
    withDateSystem((date1904) => kiemTraRange(values, nam, ngayKiemTra, todayLocal(), at, date1904)).then(
      (table) => invocation.setResult(table),
      (err: unknown) => invocation.setResult(err instanceof CustomFunctions.Error ? err : excelError(err)),
    );
  };
  invocation.onCanceled = onNewDay(compute);
  compute();
}

/**
 * Kiểm tra sổ chuyên đề theo Hướng dẫn 09-HD/ĐUK. Trả về bảng Mã | Mức độ | Dòng | Cột | Nội dung, hoặc "Đạt" khi không có lỗi, cảnh báo. Hạn được tính đến hôm nay: kết quả tự cập nhật khi sang ngày mới. Bỏ trống sổ chuyên đề để kiểm tra sổ đang mở (tự cập nhật cả khi sổ thay đổi). Ô đang báo lỗi (#N/A, #VALUE!…) trong vùng được kiểm tra như khi kiểm tra trong ngăn Sổ chuyên đề.
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
  checkRange(soChuyenDe, nam, ngayKiemTra, invocation);
}

/** The box this formula's result covers ("Sổ!H2" and the last result's size), 0-based. */
function ownBox(
  address: string | undefined,
  shape: { rows: number; cols: number },
): { sheet: string; top: number; left: number; bottom: number; right: number } | null {
  const origin = rangeOrigin(address);
  if (!origin || !origin.sheet) return null;
  return {
    sheet: origin.sheet,
    top: origin.top - 1,
    left: origin.left - 1,
    bottom: origin.top - 2 + shape.rows,
    right: origin.left - 2 + shape.cols,
  };
}

/**
 * Quý (1–4) của một ngày; #VALUE! khi giá trị không phải ngày.
 * @customfunction QUY
 * @param ngay Ngày (ô ngày hoặc chữ dạng dd/mm/yyyy).
 * @returns Quý 1, 2, 3 hoặc 4.
 */
async function quyFn(ngay: any): Promise<number> {
  return withDateSystem((date1904) => {
    refuseErrors(errorArgumentMessage(ngay, "Ô ngày"));
    return quy(ngay, date1904);
  });
}

/**
 * Số chuyên đề đã sinh hoạt trong một quý, tính như khi kiểm tra sổ và tính đến hôm nay, nên Excel tính lại hàm này mỗi lần tính lại sổ. Nếu vùng có ô đang báo lỗi (#N/A, #VALUE!…), hàm cho biết ô nào.
 * @customfunction DEMQUY
 * @volatile
 * @param soChuyenDe Vùng sổ chuyên đề gồm cả dòng tiêu đề (chọn cả bảng trên trang Sổ chuyên đề).
 * @param quy Quý: 1–4 hoặc I–IV.
 * @param [nam] Năm (mặc định: Năm của sổ).
 * @returns Số chuyên đề đã sinh hoạt.
 */
async function demQuyFn(soChuyenDe: any[][], quy: any, nam?: number): Promise<number> {
  return withDateSystem((date1904) => {
    refuseErrors(errorCellMessage(soChuyenDe, "đếm số chuyên đề"));
    refuseErrors(errorArgumentMessage(quy, "Ô quý"));
    return demQuy(soChuyenDe, quy, nam, todayLocal(), date1904);
  });
}

/**
 * Số chuyên đề được phân công cho mỗi đảng viên: bảng Họ và tên | Số chuyên đề. Nếu vùng có ô đang báo lỗi (#N/A, #VALUE!…), hàm cho biết ô nào.
 * @customfunction PHANCONG
 * @requiresParameterAddresses
 * @param soChuyenDe Vùng sổ chuyên đề gồm cả dòng tiêu đề (chọn cả bảng trên trang Sổ chuyên đề).
 * @param [dangVien] Danh sách họ tên đảng viên (người chưa được phân công được tính 0).
 * @param invocation Thông tin lời gọi.
 * @returns Bảng Họ và tên | Số chuyên đề.
 */
function phanCongFn(soChuyenDe: any[][], dangVien: any[][], invocation: CustomFunctions.Invocation): any[][] {
  return guard(() => {
    const addresses = invocation.parameterAddresses;
    refuseErrors(errorCellMessage(soChuyenDe, "lập bảng phân công", addresses?.[0]));
    if (Array.isArray(dangVien)) refuseErrors(errorCellMessage(dangVien, "lập bảng phân công", addresses?.[1]));
    return phanCong(soChuyenDe, Array.isArray(dangVien) ? dangVien : undefined);
  });
}

/**
 * Ngày viết theo thể thức văn bản của Đảng, ví dụ "ngày 05 tháng 02 năm 2021".
 * @customfunction NGAYVN
 * @param ngay Ngày (ô ngày hoặc chữ dạng dd/mm/yyyy).
 * @returns Ngày viết bằng chữ.
 */
async function ngayVNFn(ngay: any): Promise<string> {
  return withDateSystem((date1904) => {
    refuseErrors(errorArgumentMessage(ngay, "Ô ngày"));
    return ngayVN(ngay, date1904);
  });
}
export { kiemTra, quyFn, demQuyFn, phanCongFn, ngayVNFn };
