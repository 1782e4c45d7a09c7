// "Add a suggestion to quarter Q as a planned topic" (issue 16): the register row to append,
// with the dates a chi bộ plans around the meeting day (Guidance 09 §2.1, §2.2c; SPEC §4),
// and the warnings about the year's plan. Pure: the pane and the CLI write the row.
//
// The row goes after the register's last row holding data — never over a row the user
// wrote. Inside the table tblChuyenDe that is the first empty row (a pre-numbered STT
// counts as empty, SPEC §3.6); when the table is full the table grows by one row. Any
// non-empty or merged cell where the row would go stops the operation with a message.
import { addDays, formatDate, formatQuarter, quarterOf, romanQuarter } from "../read/dates";
import { computeFacts, QUARTERS } from "../check/facts";
import { CHOICES } from "../read/layout";
import { dataRows, locateRegister, readWorkbook, sheetView } from "../read/register";
import { noRegisterError } from "../check/check";
import type { ModelValue } from "../make/sheetModel";
import type { Quarter, RegisterColumn, SimpleDate, WorkbookGrid } from "../shared/types";
import { REGISTER_COLUMNS, UserError } from "../shared/types";
import { cleanText, compareKey, isBlank } from "../read/values";
import { groupOf, groupName, type GroupNumber } from "./suggestions";

/** Days between the planned dates and the meeting day M. The draft reaches members at least
 *  one day before (HD 42-HD/BTCTW); approval comes before sending (GUI_TRUOC_THONG_QUA);
 *  the finished topic is sent, then reported, after the meeting (§2.2c). */
export const PLAN_OFFSETS = {
  approval: -7,
  draftSent: -3,
  finalSent: 7,
  reported: 10,
} as const;

export interface NewTopic {
  title: string;
  /** The register's `Nhóm` text, or 1/2/3. */
  group: string | GroupNumber;
  quarter?: Quarter;
  /** The chosen meeting date; without it only the quarter is planned. */
  meeting?: SimpleDate | null;
  /** `Người phụ trách`, as the user writes it. */
  drafters?: string;
  /** `Người thông qua`: Chi ủy (default) or Bí thư. */
  approvedBy?: string;
  note?: string;
}

/** One cell of the row to write. `col` is the Excel column (1-based). */
export interface PlannedCell {
  column: RegisterColumn;
  col: number;
  value: ModelValue;
}

export interface PlannedRow {
  sheet: string;
  /** Excel row (1-based). */
  row: number;
  /** The register's table (tblChuyenDe) when it has one. */
  table: string | null;
  /** The row is just below the table, which must grow to take it. */
  extendsTable: boolean;
  /** First and last Excel columns of the register (or table). */
  left: number;
  right: number;
  cells: PlannedCell[];
}

export interface PlanWarning {
  code: "QUY_TRONG" | "MOT_NHOM" | "THIEU_PHU_TRACH";
  quarter?: Quarter;
  message: string;
}

export interface AddTopicResult {
  row: PlannedRow;
  year: number;
  quarter: Quarter;
  /** Warnings about the year once the row is added. */
  warnings: PlanWarning[];
}

/** A plan's topic as the warnings see it. */
export interface PlannedTopic {
  quarter: Quarter | null;
  group: GroupNumber | null;
  cancelled: boolean;
  year: number;
}

/** Warnings about a year's plan: a quarter with no topic, all topics from one group. */
export function planWarnings(topics: readonly PlannedTopic[], year: number): PlanWarning[] {
  const live = topics.filter((t) => !t.cancelled && t.year === year);
  const out: PlanWarning[] = [];
  for (const q of QUARTERS) {
    if (!live.some((t) => t.quarter === q)) {
      out.push({
        code: "QUY_TRONG",
        quarter: q,
        message: `${formatQuarter(q, year)} chưa có chuyên đề nào — mỗi quý phải sinh hoạt ít nhất một chuyên đề (HD 09-HD/ĐUK).`,
      });
    }
  }
  const groups = new Set(live.map((t) => t.group).filter((g): g is GroupNumber => g !== null));
  if (live.length >= 2 && groups.size === 1 && live.every((t) => t.group !== null)) {
    const [only] = [...groups];
    out.push({
      code: "MOT_NHOM",
      message:
        `Cả ${live.length} chuyên đề năm ${year} đều thuộc nhóm ${groupName(only)} — nên chọn thêm chuyên đề ` +
        `về các nhóm khác (xây dựng Đảng, nhiệm vụ chuyên môn, lãnh đạo đoàn thể).`,
    });
  }
  return out;
}

/** The plan's topics of a parsed workbook, for planWarnings. */
export function registerPlan(grid: WorkbookGrid, asOf: SimpleDate, year?: number): { year: number; topics: PlannedTopic[] } {
  const book = readWorkbook(grid);
  const facts = computeFacts(book, { asOf, year });
  return {
    year: facts.year,
    topics: facts.topics.map((f) => ({ quarter: f.quarter, group: groupOf(f.topic.group), cancelled: f.cancelled, year: f.year })),
  };
}

function where(sheet: string, row: number): string {
  return `trang "${sheet}", dòng ${row}`;
}

/** Plans the row for `topic` in the register of `grid`. Throws a UserError when the topic
 *  cannot be added as asked (no title, wrong quarter, same title as a topic of the year,
 *  no free row). */
export function planTopicRow(grid: WorkbookGrid, topic: NewTopic, opts: { asOf: SimpleDate; year?: number }): AddTopicResult {
  const title = cleanText(topic.title);
  if (title === "") throw new UserError("THIEU_TEN", "Chưa có tên chuyên đề để thêm.");
  const groupNo = typeof topic.group === "number" ? topic.group : groupOf(topic.group);
  const loc = locateRegister(grid);
  if (!loc) throw noRegisterError();
  const book = readWorkbook(grid);
  const register = book.register;
  if (!register) throw noRegisterError();
  const facts = computeFacts(book, { asOf: opts.asOf, year: opts.year });
  const year = opts.year ?? (topic.meeting ? topic.meeting.year : facts.year);

  const meeting = topic.meeting ?? null;
  if (meeting && meeting.year !== year) {
    throw new UserError("SAI_NAM", `Ngày sinh hoạt ${formatDate(meeting)} không thuộc năm ${year} của sổ.`);
  }
  const quarter = topic.quarter ?? (meeting ? quarterOf(meeting) : null);
  if (!quarter) throw new UserError("THIEU_QUY", "Chưa chọn quý cho chuyên đề (I, II, III hoặc IV).");
  if (meeting && quarterOf(meeting) !== quarter) {
    throw new UserError(
      "SAI_QUY",
      `Ngày sinh hoạt ${formatDate(meeting)} thuộc ${formatQuarter(quarterOf(meeting), year)}, không phải ${formatQuarter(quarter, year)} — sửa ngày hoặc quý.`,
    );
  }
  const same = facts.topics.find((f) => !f.cancelled && f.year === year && compareKey(f.topic.title) === compareKey(title));
  if (same) {
    throw new UserError(
      "TRUNG_TEN",
      `Sổ đã có chuyên đề này (${where(register.sheet, same.row)}) trong năm ${year} — không thêm lần nữa.`,
      { sheet: register.sheet, row: same.row },
    );
  }

  // Where the row goes.
  const view = sheetView(loc.sheet);
  const cols = loc.header.columns;
  const sttCol = cols["STT"];
  const used = dataRows(loc, sttCol === undefined ? [] : [sttCol]);
  const lastTitled = register.topics.length ? register.topics[register.topics.length - 1].row : 0;
  const left = loc.table ? loc.table.left + 1 : loc.header.left;
  const right = loc.table ? loc.table.right + 1 : loc.header.right;
  const lastUsed = loc.table ? Math.max(loc.header.row, ...used) : Math.max(loc.header.row, lastTitled);
  const row = lastUsed + 1;
  const extendsTable = loc.table !== null && row > loc.table.bottom + 1;
  let keepStt = false;
  for (let c = left; c <= right; c++) {
    const r = row - 1;
    if (view.mergeAt(r, c - 1)) {
      throw new UserError(
        "DONG_BI_GOP",
        `Không thêm được: ô ${where(loc.sheet.name, row)} nằm trong vùng ô gộp — bỏ gộp ô hoặc chèn một dòng trống ngay dưới chuyên đề cuối rồi làm lại.`,
        { sheet: loc.sheet.name, row },
      );
    }
    if (isBlank(view.value(r, c - 1))) continue;
    if (c === sttCol && !extendsTable) {
      keepStt = true;
      continue;
    }
    throw new UserError(
      "DONG_DA_CO_DU_LIEU",
      `Không thêm được: ${where(loc.sheet.name, row)} (ngay dưới chuyên đề cuối) đã có nội dung — chương trình không ghi đè. ` +
        `Chèn một dòng trống ở đó rồi làm lại.`,
      { sheet: loc.sheet.name, row },
    );
  }

  const maxStt = Math.max(0, ...register.topics.map((t) => t.stt ?? 0));
  const values: Partial<Record<RegisterColumn, ModelValue>> = {
    STT: keepStt ? undefined : maxStt + 1,
    Quý: CHOICES.quarter[quarter - 1],
    "Tên chuyên đề": title,
    Nhóm: groupNo ? groupName(groupNo) : cleanText(String(topic.group)),
    "Người phụ trách": cleanText(topic.drafters ?? "") || null,
    "Trạng thái": "Dự kiến",
    "Ghi chú": topic.note ? cleanText(topic.note) : null,
  };
  if (meeting) {
    Object.assign(values, {
      "Ngày thông qua": { date: addDays(meeting, PLAN_OFFSETS.approval) },
      "Người thông qua": cleanText(topic.approvedBy ?? "") || CHOICES.approvedBy[0],
      "Ngày gửi dự thảo": { date: addDays(meeting, PLAN_OFFSETS.draftSent) },
      "Ngày sinh hoạt": { date: meeting },
      "Hình thức": CHOICES.format[0],
      "Ngày gửi bản hoàn thiện": { date: addDays(meeting, PLAN_OFFSETS.finalSent) },
      "Ngày báo cáo cấp trên": { date: addDays(meeting, PLAN_OFFSETS.reported) },
    } satisfies Partial<Record<RegisterColumn, ModelValue>>);
  }
  const cells: PlannedCell[] = [];
  for (const column of REGISTER_COLUMNS) {
    const col = cols[column];
    const value = values[column];
    if (col === undefined || value === undefined || value === null) continue;
    cells.push({ column, col, value });
  }

  const after: PlannedTopic[] = [
    ...facts.topics.map((f) => ({ quarter: f.quarter, group: groupOf(f.topic.group), cancelled: f.cancelled, year: f.year })),
    { quarter, group: groupNo, cancelled: false, year },
  ];
  const warnings = planWarnings(after, year);
  if (!values["Người phụ trách"]) {
    warnings.push({
      code: "THIEU_PHU_TRACH",
      message: `Chuyên đề mới chưa có người phụ trách — điền cột Người phụ trách (${where(loc.sheet.name, row)}).`,
    });
  }
  return {
    row: { sheet: loc.sheet.name, row, table: loc.table ? loc.table.name : null, extendsTable, left, right, cells },
    year,
    quarter,
    warnings,
  };
}

/** The grid with the planned row written in (what the workbook will hold). */
export function applyPlannedRow(grid: WorkbookGrid, planned: PlannedRow, date1904 = false): WorkbookGrid {
  const sheets = grid.sheets.map((s) => {
    if (s.name !== planned.sheet) return s;
    const values = s.values.map((r) => (r ? [...r] : r));
    while (values.length < planned.row) values.push([]);
    const line = [...(values[planned.row - 1] ?? [])];
    for (const cell of planned.cells) {
      const v = cell.value;
      line[cell.col - 1] = v !== null && typeof v === "object" && !(v instanceof Date) ? ("date" in v ? formatDate(v.date) : null) : v;
    }
    values[planned.row - 1] = line;
    return { ...s, values };
  });
  const tables = (grid.tables ?? []).map((t) => (planned.extendsTable && t.name === planned.table ? { ...t, bottom: planned.row - 1 } : t));
  return { ...grid, sheets, tables, date1904: grid.date1904 ?? date1904 };
}

/** A one-line summary of an added topic for the user. */
export function addedSummary(result: AddTopicResult, title: string): string {
  const dateCell = result.row.cells.find((c) => c.column === "Ngày sinh hoạt");
  const d =
    dateCell && dateCell.value !== null && typeof dateCell.value === "object" && "date" in dateCell.value ? dateCell.value.date : null;
  return (
    `Đã thêm “${cleanText(title)}” vào Quý ${romanQuarter(result.quarter)}/${result.year}` +
    (d ? `, sinh hoạt ngày ${formatDate(d)}` : "") +
    ` (dòng ${result.row.row} của trang "${result.row.sheet}").`
  );
}
