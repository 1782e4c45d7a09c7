// The data rows of a located block, and the register's rows read into topics.
// Split out of register.ts; the reading stage's entry point is still register.ts.
import type { CellValue, Register, RegisterColumn, Topic, WorkbookGrid } from "../shared/types";
import { REGISTER_DATE_COLUMNS } from "../shared/types";
import { isExcelError, normalizeKey, parseDateCell } from "./values";
import { blank, makeParsers, type Parsers } from "./parsers";
import { sheetView, withViews, type SheetView } from "./sheetView";
import { locateRegister, TITLE, type Located } from "./locate";

// ---------------------------------------------------------------------------
// Data rows

/** The rows of a block that hold data (SPEC §3.6): rows with no own value, or whose
 *  only own values are in `ignoreCols` (a pre-numbered STT), count as empty; cells
 *  copied from merged areas are not own values. Only the header's columns count. */
export function dataRows(loc: Located, ignoreCols: readonly number[] = []): number[] {
  const view = sheetView(loc.sheet);
  const { left, right, firstDataRow } = loc.header;
  const last = Math.min(loc.lastRow, view.rowCount);
  const ignore: boolean[] = [];
  for (const c of ignoreCols) ignore[c] = true;
  const out: number[] = [];
  for (let row = firstDataRow; row <= last; row++) {
    const r = row - 1;
    const vals = view.values[r];
    if (!vals) continue;
    const end = Math.min(right, vals.length);
    for (let col = left; col <= end; col++) {
      if (ignore[col]) continue;
      if (!blank(view.own(r, col - 1))) {
        out.push(row);
        break;
      }
    }
  }
  return out;
}

/** Reader of a located block's cells by canonical column name. */
function cellReader(loc: Located): (row: number, column: string) => CellValue {
  const view = sheetView(loc.sheet);
  const cols = loc.header.columns;
  return (row, column) => {
    const col = cols[column];
    return col === undefined ? null : view.value(row - 1, col - 1);
  };
}

/** The register's data rows split into titled rows (topics), untitled rows before the
 *  last titled one (THIEU_TEN) and the footer after it (ignored). With no title
 *  column at all every data row is untitled. */
export function registerRows(loc: Located, titleColumn?: number | null): { titled: number[]; untitled: number[] } {
  const view = sheetView(loc.sheet);
  const stt = loc.header.columns["STT"];
  const rows = dataRows(loc, stt === undefined ? [] : [stt]);
  const title = titleColumn === undefined ? loc.header.columns[TITLE] : titleColumn;
  if (title === undefined || title === null) return { titled: [], untitled: rows };
  const titled: number[] = [];
  const untitled: number[] = [];
  for (const row of rows) {
    // An error (#N/A from a lookup filled down the column) is not a title: the row is
    // untitled (THIEU_TEN) or footer, never a topic called "#N/A".
    const v = view.value(row - 1, title - 1);
    if (blank(v) || isExcelError(v)) untitled.push(row);
    else titled.push(row);
  }
  if (!loc.table) dropSignatureBlock(view, loc.header.columns, titled, title);
  const lastTitled = titled.length ? titled[titled.length - 1] : 0;
  return { titled, untitled: untitled.filter((r) => r < lastTitled) };
}

const REGISTER_DATE_NAMES: readonly string[] = REGISTER_DATE_COLUMNS;

/** A signature block written in the title column below the last topic ("Người lập
 *  biểu", "T/M CHI BỘ", "…, ngày … tháng … năm …", then a name) is a footer too.
 *  Only the trailing rows with no STT and no date are looked at, and the block
 *  starts at the first of them that reads as a signature line. */
function dropSignatureBlock(view: SheetView, columns: Record<string, number>, titled: number[], title: number): void {
  const stt = columns["STT"];
  const dateCols = Object.entries(columns)
    .filter(([name]) => REGISTER_DATE_NAMES.includes(name))
    .map(([, col]) => col);
  let start = titled.length;
  while (start > 0) {
    const r = titled[start - 1] - 1;
    if (stt !== undefined && !blank(view.value(r, stt - 1))) break;
    if (dateCols.some((c) => parseDateCell(view.value(r, c - 1)).value !== null)) break;
    start--;
  }
  for (let i = start; i < titled.length; i++) {
    if (isSignature(view.value(titled[i] - 1, title - 1))) {
      titled.length = i;
      return;
    }
  }
}

const SIGNATURE_RE = new RegExp(
  [
    String.raw`^(?:bi thu|pho bi thu|bi thu chi bo|pho bi thu chi bo|nguoi lap|nguoi lap bieu|nguoi lap bang|nguoi ghi|nguoi tong hop|ky ten|chu ky|ky ghi ro ho ten|ky va ghi ro ho ten|ky ho ten)$`,
    String.raw`^(?:t m|tm|thay mat|nguoi lap|xac nhan) `,
    String.raw`^xac nhan$`,
    String.raw`(?:^| )ngay(?: \d+)? thang(?: \d+)? nam(?: \d+)?$`,
  ].join("|"),
);

/** Text of a signature block line under a table. */
function isSignature(v: CellValue): boolean {
  return typeof v === "string" && SIGNATURE_RE.test(normalizeKey(v));
}

function parseTopic(get: (row: number, column: RegisterColumn) => CellValue, row: number, p: Parsers): Topic {
  const stt = get(row, "STT");
  return {
    row,
    stt: p.number(stt),
    sttText: p.text(stt),
    quarterValue: p.quarter(get(row, "Quý")),
    title: p.text(get(row, "Tên chuyên đề")),
    group: p.text(get(row, "Nhóm")),
    assignees: p.names(get(row, "Người phụ trách")),
    approvedOn: p.date(get(row, "Ngày thông qua")),
    approvedBy: p.text(get(row, "Người thông qua")),
    draftSentOn: p.date(get(row, "Ngày gửi dự thảo")),
    meetingOn: p.date(get(row, "Ngày sinh hoạt")),
    format: p.format(get(row, "Hình thức")),
    status: p.status(get(row, "Trạng thái")),
    finalSentOn: p.date(get(row, "Ngày gửi bản hoàn thiện")),
    reportedOn: p.date(get(row, "Ngày báo cáo cấp trên")),
    note: p.text(get(row, "Ghi chú")),
  };
}

/** The register (SPEC §3.3, §3.6), or null when the workbook has none. */
export function findRegister(grid: WorkbookGrid): Register | null {
  return withViews(() => {
    const loc = locateRegister(grid);
    return loc ? readRegister(grid, loc) : null;
  });
}

export function readRegister(grid: WorkbookGrid, loc: Located, parsers?: Parsers): Register {
  const p = parsers ?? makeParsers(!!grid.date1904);
  const get = cellReader(loc);
  const { titled, untitled } = registerRows(loc);
  return {
    sheet: loc.sheet.name,
    headerRow: loc.header.row,
    columns: loc.header.columns,
    headers: loc.header.headers,
    topics: titled.map((row) => parseTopic(get, row, p)),
    untitledRows: untitled,
    untitledInvalidDates: untitled.flatMap((row) =>
      REGISTER_DATE_COLUMNS.flatMap((column) => {
        const cell = p.date(get(row, column));
        return cell.invalid ? [{ row, column, text: cell.text }] : [];
      }),
    ),
    fromTable: loc.table !== null,
  };
}
