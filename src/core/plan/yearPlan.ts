// The annual plan document "KẾ HOẠCH sinh hoạt chi bộ chuyên đề năm Y": the data its
// template (assets/templates/ke-hoach.docx) is filled with, from Thông tin and the register,
// its number "Số …-KH/CB" and its date. A value the workbook lacks prints as a dotted line to
// fill in by hand; a quarter with no topic still gets its row, saying it has none, since the
// plan must cover every quarter, and the secretary is warned.
import { addDays, compareDates, formatDate, formatVietnameseDate, romanQuarter } from "../read/dates";
import { BLANK, type DocumentData, type DocumentRow } from "../make/documentData";
import { QUARTERS } from "../check/facts";
import { computeVerdicts } from "../check/verdicts";
import { placeAndDate, prefixedName, prefixedUpper, signsFor } from "../make/partyHeader";
import { documentNumber } from "../shared/partyFormat";
import { planWarnings } from "./addTopic";
import type { ParsedWorkbook, Quarter, SimpleDate } from "../shared/types";
import { cleanText } from "../read/values";
import { anniversariesOf } from "./anniversaries";
import { groupOf, groupName } from "./suggestions";

/** A shorter line for the table's narrow columns (it must not wrap there). */
const CELL_BLANK = "………";

export interface PlanField {
  name: string;
  type: "text" | "loop";
  itemOf?: string;
  description: string;
  example: string;
}

/** Every placeholder of the plan template (README table; a test compares the template). */
export const PLAN_FIELDS: readonly PlanField[] = [
  { name: "dangBoCoSoUpper", type: "text", description: "Dòng đầu tiêu đề trái, chữ in hoa", example: "ĐẢNG BỘ TRƯỜNG THPT NGUYỄN DU" },
  { name: "chiBoUpper", type: "text", description: "Dòng thứ hai tiêu đề trái, chữ in hoa (in đậm)", example: "CHI BỘ TỔ TOÁN – TIN" },
  {
    name: "diaDanhNgay",
    type: "text",
    description: "Địa danh và ngày lập kế hoạch (tiêu đề phải, in nghiêng)",
    example: "Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2021",
  },
  { name: "so", type: "text", description: "Số và ký hiệu của kế hoạch (dưới tên chi bộ)", example: "Số 01-KH/CB" },
  { name: "nam", type: "text", description: "Năm của kế hoạch", example: "2021" },
  { name: "chiBo", type: "text", description: "Tên chi bộ, có chữ “Chi bộ” ở đầu", example: "Chi bộ Tổ Toán – Tin" },
  { name: "soToiThieu", type: "text", description: "Số chuyên đề tối thiểu/năm (Thông tin), hai chữ số", example: "04" },
  { name: "soChuyenDe", type: "text", description: "Số chuyên đề trong kế hoạch, hai chữ số", example: "05" },
  { name: "chuyenDe", type: "loop", description: "Các dòng của bảng chuyên đề, theo quý", example: "" },
  { name: "quy", type: "text", itemOf: "chuyenDe", description: "Quý (chỉ ghi ở dòng đầu của quý)", example: "Quý I" },
  { name: "stt", type: "text", itemOf: "chuyenDe", description: "Số thứ tự trong kế hoạch", example: "1" },
  {
    name: "ten",
    type: "text",
    itemOf: "chuyenDe",
    description: "Tên chuyên đề (quý chưa có chuyên đề: dòng ghi rõ quý còn trống)",
    example: "Nâng cao chất lượng sinh hoạt chi bộ",
  },
  { name: "nhom", type: "text", itemOf: "chuyenDe", description: "Nhóm nội dung", example: "Xây dựng Đảng" },
  { name: "phuTrach", type: "text", itemOf: "chuyenDe", description: "Người phụ trách xây dựng đề dẫn", example: "Trần Thị Bình" },
  { name: "thoiGian", type: "text", itemOf: "chuyenDe", description: "Ngày sinh hoạt dự kiến", example: "25/02/2021" },
  { name: "kyNiem", type: "loop", description: "Các ngày kỷ niệm lớn trong năm (Nghị định 145/2013/NĐ-CP)", example: "" },
  {
    name: "noiDung",
    type: "text",
    itemOf: "kyNiem",
    description: "Ngày kỷ niệm và quý của nó",
    example: "Kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2021) — Quý I",
  },
  { name: "capTren", type: "text", description: "Cấp ủy cấp trên trực tiếp (Nơi nhận)", example: "Đảng ủy Trường THPT Nguyễn Du" },
  {
    name: "thayMat",
    type: "text",
    description: "Dòng ký thay mặt: “T/M CHI ỦY” khi chi bộ có chi ủy, “T/M CHI BỘ” khi chỉ có bí thư (Thông tin: Chi bộ có chi ủy)",
    example: "T/M CHI ỦY",
  },
  { name: "biThu", type: "text", description: "Bí thư chi bộ (ký tên)", example: "Nguyễn Văn An" },
];

function orBlank(s: string | null | undefined): string {
  const v = cleanText(s ?? "");
  return v === "" ? BLANK : v;
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/** "Đảng ủy …" of the committee right above the cell: the đảng bộ cơ sở, else the higher
 *  committee (a cell directly under it). */
export function committeeAbove(dangBoCoSo: string, dangBoCapTren: string): string {
  const name = cleanText(dangBoCoSo) || cleanText(dangBoCapTren);
  if (name === "") return `Đảng ủy ${BLANK}`;
  const bare = name.replace(/^(đảng bộ|đảng ủy|đảng uỷ)\s+/i, "");
  return `Đảng ủy ${bare}`;
}

export interface YearPlanRow {
  quarter: Quarter | null;
  title: string;
  group: string;
  drafters: string;
  meeting: SimpleDate | null;
}

/** The year's topics that are not postponed or cancelled (the verdict model's statuses),
 *  by quarter (then date, then register order). */
export function yearPlanRows(book: ParsedWorkbook, year: number, asOf: SimpleDate): YearPlanRow[] {
  return computeVerdicts(book, { asOf, year })
    .topics.filter((t) => t.kind !== "postponed" && t.kind !== "cancelled" && t.facts.year === year)
    .map((t, i) => ({ f: t.facts, i }))
    .sort(
      (a, b) =>
        (a.f.quarter ?? 9) - (b.f.quarter ?? 9) ||
        (a.f.meeting && b.f.meeting ? a.f.meeting.month - b.f.meeting.month || a.f.meeting.day - b.f.meeting.day : 0) ||
        a.i - b.i,
    )
    .map(({ f }) => {
      const n = groupOf(f.topic.group);
      return {
        quarter: f.quarter,
        title: f.topic.title,
        group: n ? groupName(n) : f.topic.group,
        drafters: f.topic.assignees.join(", "),
        meeting: f.meeting,
      };
    });
}

/** What the row of a quarter without a topic says (the secretary fills it in by hand or
 *  plans a topic and makes the plan again). */
export const EMPTY_QUARTER_TEXT = "Chưa có chuyên đề nào trong quý — chi bộ cần bổ sung";

export interface YearPlanOptions {
  year: number;
  /** Today (the default date of the plan). */
  today: SimpleDate;
  /** The date the secretary chose for the plan (CLI --ngay, the pane's date), if any. */
  date?: SimpleDate | null;
  /** The plan's number ("01" → "Số 01-KH/CB"); dots to fill by hand otherwise. */
  number?: string;
}

export interface YearPlan {
  data: DocumentData;
  /** The date printed on the plan. */
  date: SimpleDate;
  /** What the secretary should know before sending it (quarters without a topic, a date
   *  after the first meeting), in Vietnamese. */
  warnings: string[];
}

/** The plan's date: the one chosen, else today when planning ahead, but never after the
 *  first meeting it plans (a plan written up late is dated the day before that meeting). */
export function planDate(
  rows: readonly YearPlanRow[],
  today: SimpleDate,
  chosen?: SimpleDate | null,
): { date: SimpleDate; warning: string | null } {
  const first = rows
    .map((r) => r.meeting)
    .filter((m): m is SimpleDate => m !== null)
    .sort(compareDates)[0];
  if (chosen) {
    const late = first && compareDates(chosen, first) >= 0;
    return {
      date: chosen,
      warning: late
        ? `Ngày lập kế hoạch ${formatDate(chosen)} ${compareDates(chosen, first) === 0 ? "trùng" : "sau"} buổi sinh hoạt chuyên đề đầu tiên kế hoạch dự kiến (${formatDate(first)}) — ` +
          `kế hoạch phải có trước buổi sinh hoạt; nên chọn ngày sớm hơn.`
        : null,
    };
  }
  if (first && compareDates(today, first) >= 0) return { date: addDays(first, -1), warning: null };
  return { date: today, warning: null };
}

/** The plan document of year `opts.year`: its data, its date and the warnings. */
export function yearPlan(book: ParsedWorkbook, opts: YearPlanOptions): YearPlan {
  const info = book.info;
  const rows = yearPlanRows(book, opts.year, opts.today);
  const { date, warning } = planDate(rows, opts.today, opts.date);
  const table: DocumentRow[] = [];
  let n = 0;
  for (const q of [...QUARTERS, null]) {
    const mine = rows.filter((r) => r.quarter === q);
    const label = q ? `Quý ${romanQuarter(q)}` : "Chưa rõ quý";
    if (mine.length === 0 && q !== null) {
      table.push({ quy: label, stt: "", ten: EMPTY_QUARTER_TEXT, nhom: CELL_BLANK, phuTrach: CELL_BLANK, thoiGian: CELL_BLANK });
      continue;
    }
    mine.forEach((r, i) => {
      n++;
      table.push({
        quy: i === 0 ? label : "",
        stt: String(n),
        ten: orBlank(r.title),
        nhom: cleanText(r.group) || CELL_BLANK,
        phuTrach: cleanText(r.drafters) || CELL_BLANK,
        thoiGian: r.meeting ? formatDate(r.meeting) : CELL_BLANK,
      });
    });
  }
  const place = cleanText(info.diaDanh);
  const topics = computeVerdicts(book, { asOf: opts.today, year: opts.year }).topics.map(({ facts: f }) => ({
    quarter: f.quarter,
    group: groupOf(f.topic.group),
    cancelled: f.cancelled,
    year: f.year,
  }));
  const warnings = planWarnings(topics, opts.year).map((w) => w.message);
  if (warning) warnings.push(warning);
  const data: DocumentData = {
    dangBoCoSoUpper: prefixedUpper("Đảng bộ", cleanText(info.dangBoCoSo) || info.dangBoCapTren),
    chiBoUpper: prefixedUpper("Chi bộ", info.chiBo),
    so: documentNumber("plan", "chiBo", opts.number),
    diaDanhNgay: place ? placeAndDate(place, date) : `${BLANK}, ${formatVietnameseDate(date)}`,
    nam: String(opts.year),
    chiBo: prefixedName("Chi bộ", info.chiBo) || `Chi bộ ${BLANK}`,
    soToiThieu: two(info.minTopicsPerYear),
    soChuyenDe: two(n),
    chuyenDe: table,
    kyNiem: anniversariesOf(opts.year).map((a) => ({
      noiDung: `${a.label}${a.roundName ? ` (${a.roundName})` : ""} — Quý ${romanQuarter(a.quarter)}`,
    })),
    capTren: committeeAbove(info.dangBoCoSo, info.dangBoCapTren),
    thayMat: signsFor(info, book.members?.rows ?? []),
    biThu: orBlank(info.biThu),
  };
  return { data, date, warnings };
}

/** The plan document's data for year `year` (see yearPlan). */
export function yearPlanData(book: ParsedWorkbook, opts: YearPlanOptions): DocumentData {
  return yearPlan(book, opts).data;
}
