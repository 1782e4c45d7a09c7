// What Báo cáo quý says about a finding: a plain statement of the cell's work as the
// higher committee reads it ("Chuyên đề … chưa được gửi dự thảo cho đảng viên trước buổi
// sinh hoạt"), never an instruction or a cell address. The check's own messages (src/core/
// rules) tell the secretary what to fix and where; they stay in the pane and in kiem-tra.
// Findings about how the register is kept (a missing column, a bad date, a wrong Quý…)
// are the secretary's to fix before sending and are not work to report upward: they map
// to null here and the CLI and the pane name them in their notice instead.
import type { TopicFacts } from "../check/facts";
import type { AttendanceRow, Finding, MinutesRow, ParsedWorkbook } from "../shared/types";
import { percentText, thresholdText } from "../shared/percent";

export interface ShortcomingContext {
  /** The topic the finding is about, when it is about one. */
  topic: TopicFacts | null;
  /** The Điểm danh row it points at (VANG_KHONG_LY_DO, VANG_NHIEU_LAN). */
  attendance: AttendanceRow | null;
  /** Year and quarter the report is for ("Quý I/2024"). */
  quarterName: string;
  year: number;
  minTopicsPerYear: number;
  minAttendanceRate: number;
  /** Present / expected of the topic's meeting, when Điểm danh has it. */
  turnout: { present: number; expected: number } | null;
}

type Statement = (c: ShortcomingContext, f: Finding) => string | null;

function topicName(c: ShortcomingContext): string {
  const title = c.topic?.topic.title.trim() ?? "";
  return title === "" ? "Một chuyên đề" : `Chuyên đề "${title}"`;
}

function memberName(c: ShortcomingContext): string {
  const name = c.attendance?.name.trim() ?? "";
  return name === "" ? "Một đảng viên" : `Đồng chí ${name}`;
}

function meetingOf(c: ShortcomingContext): string {
  const title = c.topic?.topic.title.trim() ?? "";
  return title === "" ? "một buổi sinh hoạt chuyên đề" : `buổi sinh hoạt chuyên đề "${title}"`;
}

/** Keyed by rule code (SPEC §4). A code missing here (a rule added later) is left out
 *  of the report rather than printed in the check's wording. */
export const SHORTCOMINGS: Readonly<Record<string, Statement>> = {
  // A missed quarter (the error) is said by the verdict model with the register's reason
  // and a remedy line (verdicts.ts noMeetingSentence, remedySentence); quarterReport.ts
  // writes those. Only the warning (no plan for a quarter to come) is said here.
  THIEU_CHUYEN_DE_QUY: (c, f) => (f.severity === "error" ? null : `Chưa có chuyên đề nào được đưa vào kế hoạch cho ${c.quarterName}.`),
  THIEU_KE_HOACH_NAM: (c) =>
    `Kế hoạch sinh hoạt chuyên đề năm ${c.year} của chi bộ chưa đủ ${String(c.minTopicsPerYear).padStart(2, "0")} chuyên đề.`,
  THIEU_PHU_TRACH: (c) => `${topicName(c)} chưa được phân công đảng viên phụ trách chuẩn bị.`,
  PHU_TRACH_LA: (c) =>
    `Người phụ trách ${topicName(c).charAt(0).toLocaleLowerCase("vi")}${topicName(c).slice(1)} không có trong danh sách đảng viên của chi bộ.`,
  THIEU_THONG_QUA: (c) => `${topicName(c)} chưa được chi ủy (hoặc bí thư) thông qua trước khi sinh hoạt.`,
  THONG_QUA_MUON: (c) => `${topicName(c)} được thông qua vào hoặc sau ngày sinh hoạt, không phải trước đó.`,
  THIEU_GUI_DU_THAO: (c) => `${topicName(c)} chưa được gửi dự thảo cho đảng viên trước buổi sinh hoạt.`,
  GUI_DU_THAO_MUON: (c) =>
    `Dự thảo ${lowerTopic(c)} được gửi cho đảng viên muộn: vào hoặc sau ngày sinh hoạt (theo HD 42-HD/BTCTW, phải gửi trước ít nhất một ngày).`,
  GUI_TRUOC_THONG_QUA: (c) => `Dự thảo ${lowerTopic(c)} được gửi cho đảng viên trước khi được thông qua.`,
  CHUA_GUI_HOAN_THIEN: (c) => `${topicName(c)} chưa được hoàn thiện và gửi lại đảng viên sau buổi sinh hoạt.`,
  CHUA_BAO_CAO_CAP_TREN: (c) => `Kết quả sinh hoạt ${lowerTopic(c)} chưa được báo cáo cấp trên.`,
  HOAN_THIEN_TRUOC_SINH_HOAT: (c) => `Ngày gửi bản hoàn thiện hoặc báo cáo cấp trên của ${lowerTopic(c)} được ghi trước ngày sinh hoạt.`,
  DA_SINH_HOAT_THIEU_NGAY: (c) => `${topicName(c)} được ghi là đã sinh hoạt nhưng chưa ghi ngày sinh hoạt.`,
  THIEU_DIEM_DANH: (c) => `Chưa có danh sách điểm danh ${meetingOf(c)}.`,
  VANG_KHONG_LY_DO: (c) => `${memberName(c)} vắng không lý do ${meetingOf(c)}.`,
  VANG_NHIEU_LAN: (c) => `${memberName(c)} vắng không lý do từ 02 buổi sinh hoạt chuyên đề trở lên trong năm ${c.year}.`,
  TY_LE_DU_THAP: (c) =>
    c.turnout && c.turnout.expected > 0
      ? `Tỷ lệ đảng viên dự ${meetingOf(c)} đạt ${percentText(c.turnout.present, c.turnout.expected, c.minAttendanceRate)}, ` +
        `dưới mức tối thiểu ${thresholdText(c.minAttendanceRate)}.`
      : `Tỷ lệ đảng viên dự ${meetingOf(c)} dưới mức tối thiểu ${thresholdText(c.minAttendanceRate)}.`,
  THOI_LUONG_NGAN: (c) => `Thời lượng ${meetingOf(c)} ngắn hơn thời lượng tối thiểu.`,
};

function lowerTopic(c: ShortcomingContext): string {
  const t = topicName(c);
  return t.charAt(0).toLocaleLowerCase("vi") + t.slice(1);
}

/** The statement for `f`, or null when it is not something to report upward. */
export function shortcomingOf(f: Finding, c: ShortcomingContext): string | null {
  const statement = SHORTCOMINGS[f.code];
  return statement ? statement(c, f) : null;
}

/** The topic and Điểm danh row a finding points at, found through its sheet and row. */
export function findingSubject(
  f: Finding,
  book: ParsedWorkbook,
  topics: readonly TopicFacts[],
): { topic: TopicFacts | null; attendance: AttendanceRow | null } {
  if (f.row === null) return { topic: null, attendance: null };
  const registerSheet = book.register?.sheet;
  if (f.sheet === registerSheet) return { topic: topics.find((t) => t.row === f.row) ?? null, attendance: null };
  const byStt = (stt: number | null) => (stt === null ? null : (topics.find((t) => t.topic.stt === stt) ?? null));
  if (book.attendance?.sheet === f.sheet) {
    const a = book.attendance.rows.find((r) => r.row === f.row) ?? null;
    return { topic: byStt(a?.topicStt ?? null), attendance: a };
  }
  if (book.minutes?.sheet === f.sheet) {
    const m: MinutesRow | null = book.minutes.rows.find((r) => r.row === f.row) ?? null;
    return { topic: byStt(m?.topicStt ?? null), attendance: null };
  }
  return { topic: null, attendance: null };
}
