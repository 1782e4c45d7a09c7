// Chuyển đổi (SPEC §6.2, §8 chuyen-doi): a register kept in the secretary's own layout
// → the rows of the canonical table tblChuyenDe. The mapping is proposed from the
// header match of §3.6 and may be edited by the user before converting. Nothing is
// lost: a value that does not parse stays as written, and the columns that feed no
// canonical column go into Ghi chú as "Header: value".
import { REGISTER_SPECS } from "../read/columns";
import { romanQuarter } from "../read/dates";
import { CHOICES } from "../read/layout";
import {
  findHeaderRow,
  locateRegister,
  makeParsers,
  registerRows,
  sheetView,
  withViews,
  type HeaderRow,
  type Located,
} from "../read/register";
import { columnLetter } from "../shared/columnLetters";
import type { ModelValue } from "./sheetModel";
import {
  REGISTER_COLUMNS,
  UserError,
  type CellValue,
  type MeetingFormat,
  type RegisterColumn,
  type TopicStatus,
  type WorkbookGrid,
} from "../shared/types";
import { cellText, isBlank, normalizeKey } from "../read/values";

/** A column of the source sheet: Excel column (1-based) and its header text ("" when none). */
export interface SourceColumn {
  col: number;
  header: string;
}

export interface ConversionPlan {
  sheet: string;
  /** Excel row of the source header (the top row of a two-row header). */
  headerRow: number;
  /** Excel row of the first data row. */
  firstDataRow: number;
  /** Last Excel row that may hold data (a table's last row, else the sheet's). */
  lastRow: number;
  /** The source is already the table tblChuyenDe. */
  fromTable: boolean;
  /** Every column under the source header, left to right (the choices for the mapping). */
  sourceColumns: SourceColumn[];
  /** Canonical column → source column (1-based), or null for none. Editable. */
  columns: Record<RegisterColumn, number | null>;
  /** Canonical column → header text of its source column ("" for none). */
  headers: Record<RegisterColumn, string>;
  /** Source columns feeding no canonical column (their values go into Ghi chú). */
  unmapped: SourceColumn[];
}

function planFrom(loc: Located): ConversionPlan {
  const h = loc.header;
  const texts = new Map(h.cells.map((c) => [c.col, c.text]));
  const sourceColumns: SourceColumn[] = [];
  for (let col = h.left; col <= h.right; col++) sourceColumns.push({ col, header: texts.get(col) ?? "" });
  const columns = {} as Record<RegisterColumn, number | null>;
  const headers = {} as Record<RegisterColumn, string>;
  for (const name of REGISTER_COLUMNS) {
    const col = h.columns[name];
    columns[name] = col ?? null;
    headers[name] = col === undefined ? "" : (h.headers[name] ?? texts.get(col) ?? "");
  }
  const plan: ConversionPlan = {
    sheet: loc.sheet.name,
    headerRow: h.row,
    firstDataRow: h.firstDataRow,
    lastRow: loc.lastRow,
    fromTable: loc.table !== null,
    sourceColumns,
    columns,
    headers,
    unmapped: [],
  };
  plan.unmapped = unmappedColumns(plan);
  return plan;
}

/** The source columns the plan does not use. */
export function unmappedColumns(plan: ConversionPlan): SourceColumn[] {
  const used = new Set(Object.values(plan.columns).filter((c): c is number => c !== null));
  return plan.sourceColumns.filter((s) => !used.has(s.col));
}

/** The proposed mapping for the register of the workbook (SPEC §3.6), or null when no
 *  sheet looks like a register. With `sheetName`, that sheet is used: its header row
 *  is the first of its first 20 rows with ≥3 matches including Tên chuyên đề, else
 *  the first with a Tên chuyên đề header. */
export function proposeMapping(grid: WorkbookGrid, sheetName?: string): ConversionPlan | null {
  return withViews(() => proposeNow(grid, sheetName));
}

function proposeNow(grid: WorkbookGrid, sheetName?: string): ConversionPlan | null {
  if (sheetName === undefined) {
    const loc = locateRegister(grid);
    return loc ? planFrom(loc) : null;
  }
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  if (!sheet) return null;
  const key = "Tên chuyên đề";
  const header: HeaderRow | null =
    findHeaderRow(sheet, REGISTER_SPECS, { minMatches: 3, key }) ?? findHeaderRow(sheet, REGISTER_SPECS, { minMatches: 1, key });
  if (!header) return null;
  return planFrom({ sheet, header, lastRow: sheetView(sheet).rowCount, table: null });
}

const STATUS_TEXT: Record<TopicStatus, string> = {
  planned: CHOICES.status[0],
  held: CHOICES.status[1],
  postponed: CHOICES.status[2],
  cancelled: CHOICES.status[3],
};

const FORMAT_TEXT: Record<MeetingFormat, string> = {
  rieng: CHOICES.format[0],
  longGhep: CHOICES.format[1],
};

/** The canonical spelling of a drop-down value when the text is one of them
 *  (ignoring case, diacritics and spacing), else the text as written. */
function choiceSpeller(choices: readonly string[]): (text: string) => string {
  const byKey = new Map(choices.map((c) => [normalizeKey(c), c]));
  const cache = new Map<string, string>();
  return (text) => {
    let r = cache.get(text);
    if (r === undefined) {
      r = byKey.get(normalizeKey(text)) ?? text;
      cache.set(text, r);
    }
    return r;
  };
}

/** Text keeping its line breaks (a note written over several lines stays so). */
function multilineText(v: CellValue): string {
  if (typeof v !== "string") return cellText(v);
  return v
    .split(/\r\n?|\n/)
    .map((line) => cellText(line))
    .filter((line) => line !== "")
    .join("\n");
}

function orNull(s: string): string | null {
  return s === "" ? null : s;
}

/** The canonical tblChuyenDe rows (REGISTER_COLUMNS order) from the source sheet as
 *  the plan maps it: empty rows and the footer dropped, rows without a title kept
 *  (so THIEU_TEN still shows them), merged values applied to every row. */
export function convertRegister(grid: WorkbookGrid, plan: ConversionPlan): ModelValue[][] {
  return withViews(() => convertNow(grid, plan));
}

function convertNow(grid: WorkbookGrid, plan: ConversionPlan): ModelValue[][] {
  const sheet = grid.sheets.find((s) => s.name === plan.sheet);
  if (!sheet) {
    throw new UserError("KHONG_CO_TRANG", `Không tìm thấy trang "${plan.sheet}" trong sổ để chuyển đổi.`, {
      sheet: plan.sheet,
    });
  }
  const view = sheetView(sheet);
  const p = makeParsers(!!grid.date1904);
  const groupSpelling = choiceSpeller(CHOICES.group);
  const approverSpelling = choiceSpeller(CHOICES.approvedBy);
  const columns: Record<string, number> = {};
  for (const name of REGISTER_COLUMNS) {
    const col = plan.columns[name];
    if (col !== null && col !== undefined) columns[name] = col;
  }
  const sourceCols = plan.sourceColumns.map((s) => s.col);
  const mappedCols = Object.values(columns);
  const left = Math.min(...sourceCols, ...mappedCols);
  const right = Math.max(...sourceCols, ...mappedCols);
  const loc: Located = {
    sheet,
    header: {
      sheet: sheet.name,
      row: plan.headerRow,
      firstDataRow: plan.firstDataRow,
      columns,
      headers: {},
      cells: [],
      left: Number.isFinite(left) ? left : 1,
      right: Number.isFinite(right) ? right : 1,
    },
    lastRow: plan.lastRow,
    table: null,
  };
  const { titled, untitled } = registerRows(loc, plan.columns["Tên chuyên đề"]);
  const rows = [...titled, ...untitled].sort((a, b) => a - b);
  const extras = unmappedColumns(plan).map((s) => ({
    col: s.col,
    label: s.header || `Cột ${columnLetter(s.col)}`,
  }));

  const get = (row: number, name: RegisterColumn): CellValue => {
    const col = columns[name];
    return col === undefined ? null : view.value(row - 1, col - 1);
  };
  const text = (v: CellValue) => orNull(p.text(v));
  const dateValue = (v: CellValue): ModelValue => {
    const d = p.date(v);
    return d.value ? { date: d.value } : orNull(d.text);
  };

  let counter = 0;
  const out: ModelValue[][] = [];
  for (const row of rows) {
    const isTitled = !isBlank(get(row, "Tên chuyên đề"));
    const cells: Record<RegisterColumn, ModelValue> = {} as Record<RegisterColumn, ModelValue>;

    if (columns["STT"] === undefined) {
      // No STT in the source: number the topics, which Điểm danh and Biên bản refer to.
      cells["STT"] = isTitled ? ++counter : null;
    } else {
      const v = get(row, "STT");
      const n = p.number(v);
      cells["STT"] = n !== null ? n : text(v);
    }

    const q = get(row, "Quý");
    const quarter = p.quarter(q);
    cells["Quý"] = quarter ? romanQuarter(quarter) : text(q);

    cells["Tên chuyên đề"] = text(get(row, "Tên chuyên đề"));
    cells["Nhóm"] = orNull(groupSpelling(p.text(get(row, "Nhóm"))));

    const who = get(row, "Người phụ trách");
    const names = p.names(who);
    cells["Người phụ trách"] = names.length ? names.join(", ") : text(who);

    cells["Ngày thông qua"] = dateValue(get(row, "Ngày thông qua"));
    cells["Người thông qua"] = orNull(approverSpelling(p.text(get(row, "Người thông qua"))));
    cells["Ngày gửi dự thảo"] = dateValue(get(row, "Ngày gửi dự thảo"));
    cells["Ngày sinh hoạt"] = dateValue(get(row, "Ngày sinh hoạt"));

    const f = get(row, "Hình thức");
    const format = p.format(f);
    cells["Hình thức"] = format ? FORMAT_TEXT[format] : text(f);

    const s = get(row, "Trạng thái");
    const status = p.status(s);
    cells["Trạng thái"] = status ? STATUS_TEXT[status] : text(s);

    cells["Ngày gửi bản hoàn thiện"] = dateValue(get(row, "Ngày gửi bản hoàn thiện"));
    cells["Ngày báo cáo cấp trên"] = dateValue(get(row, "Ngày báo cáo cấp trên"));

    const notes: string[] = [];
    const note = multilineText(get(row, "Ghi chú"));
    if (note) notes.push(note);
    for (const x of extras) {
      const m = view.mergeAt(row - 1, x.col - 1);
      if (m && m.left < x.col - 1) continue; // part of a cell merged from the left: already read there
      const v = p.text(view.value(row - 1, x.col - 1));
      if (v) notes.push(`${x.label}: ${v}`);
    }
    cells["Ghi chú"] = notes.length ? notes.join("; ") : null;

    out.push(REGISTER_COLUMNS.map((name) => cells[name]));
  }
  return out;
}
