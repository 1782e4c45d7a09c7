// Builds ParsedWorkbooks for the check's tests from short, readable specs: values
// are written as a secretary types them ("10/02/2023", "Đã sinh hoạt", "II",
// "Lồng ghép", "08:00") and go through the real value parsers of src/core/read/values.ts.
import { addDays, formatDate, parseIsoDate } from "../../src/core/read/dates";
import { defaultInfo, SHEETS } from "../../src/core/read/layout";
import type {
  AttendanceRow,
  CellInfo,
  FoundTable,
  Member,
  MinutesRow,
  OpinionRow,
  ParsedWorkbook,
  Register,
  RegisterColumn,
  SimpleDate,
  Topic,
} from "../../src/core/shared/types";
import { REGISTER_COLUMNS } from "../../src/core/shared/types";
import {
  parseAttendanceStatus,
  parseDateCell,
  parseFormat,
  parseMemberKind,
  parseNames,
  parseQuarter,
  parseStatus,
  parseTime,
} from "../../src/core/read/values";

export interface TopicSpec {
  /** Excel row; default: header row + 1 + index. */
  row?: number;
  /** Default: index + 1; null for none. */
  stt?: number | null;
  /** `Quý` as typed: "II", 2, "Quý 3". */
  quarter?: string | number;
  /** Default "Chuyên đề <n>". */
  title?: string;
  group?: string;
  /** `Người phụ trách` as typed: "A, B và C". */
  assignees?: string;
  approvedOn?: string;
  approvedBy?: string;
  draftSentOn?: string;
  meetingOn?: string;
  /** "Riêng" / "Lồng ghép". */
  format?: string;
  /** "Dự kiến" / "Đã sinh hoạt" / "Hoãn" / "Hủy" (any text the reader accepts). */
  status?: string;
  finalSentOn?: string;
  reportedOn?: string;
  note?: string;
}

export interface AttendanceSpec {
  row?: number;
  stt: number | null;
  name: string;
  /** "Có mặt" / "Vắng có lý do" / "Vắng không lý do" / "Miễn sinh hoạt". */
  status: string;
  reason?: string;
}

export interface MinutesSpec {
  row?: number;
  stt: number | null;
  start?: string;
  end?: string;
  /** `Biểu quyết` as typed: "12/12 tán thành". */
  vote?: string;
}

export interface MemberSpec {
  name: string;
  /** `Chức vụ`: "Bí thư", "Chi ủy viên", "Đảng viên"… */
  role?: string;
  /** `Loại` as typed: "Chính thức" / "Dự bị". */
  kind?: string;
  exempt?: boolean;
}

export interface OpinionSpec {
  row?: number;
  stt: number | null;
  speaker: string;
  content?: string;
}

export interface BookSpec {
  topics?: TopicSpec[];
  /** Register sheet name; default "Sổ chuyên đề". */
  sheet?: string;
  /** Default 1 (topics from row 2). */
  headerRow?: number;
  /** Columns the register does not have. */
  missingColumns?: RegisterColumn[];
  untitledRows?: number[];
  info?: Partial<CellInfo>;
  /** Đảng viên names, or rows with Chức vụ / Loại (rows from 2); undefined = no member table. */
  members?: (string | MemberSpec)[];
  /** Điểm danh rows (rows from 2 unless given); undefined = no attendance table. */
  attendance?: AttendanceSpec[];
  /** Biên bản rows (rows from 2 unless given); undefined = no minutes table. */
  minutes?: MinutesSpec[];
  /** Ý kiến rows (rows from 2 unless given); undefined = no opinions table. */
  opinions?: OpinionSpec[];
  /** Workbook sheet order; default Thông tin, Đảng viên, the register, Điểm danh, Biên bản. */
  sheetOrder?: string[];
}

/** "31/12/2023" or "2023-12-31" → SimpleDate (for D in tests). */
export function day(s: string): SimpleDate {
  const iso = parseIsoDate(s);
  if (iso) return iso;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) throw new Error(`test date "${s}" is not dd/mm/yyyy`);
  return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
}

export function buildTopic(spec: TopicSpec, index: number, headerRow = 1): Topic {
  const stt = spec.stt === undefined ? index + 1 : spec.stt;
  return {
    row: spec.row ?? headerRow + 1 + index,
    stt,
    sttText: stt === null ? "" : String(stt),
    quarterValue: spec.quarter === undefined ? null : parseQuarter(spec.quarter),
    title: spec.title ?? `Chuyên đề ${index + 1}`,
    group: spec.group ?? "",
    assignees: parseNames(spec.assignees ?? ""),
    approvedOn: parseDateCell(spec.approvedOn ?? ""),
    approvedBy: spec.approvedBy ?? "",
    draftSentOn: parseDateCell(spec.draftSentOn ?? ""),
    meetingOn: parseDateCell(spec.meetingOn ?? ""),
    format: spec.format === undefined ? null : parseFormat(spec.format),
    status: spec.status === undefined ? null : parseStatus(spec.status),
    finalSentOn: parseDateCell(spec.finalSentOn ?? ""),
    reportedOn: parseDateCell(spec.reportedOn ?? ""),
    note: spec.note ?? "",
  };
}

export { defaultInfo };

function table<T>(sheet: string, columns: readonly string[], rows: T[]): FoundTable<T> {
  return { sheet, headerRow: 1, columns: Object.fromEntries(columns.map((c, i) => [c, i + 1])), rows };
}

export function buildBook(spec: BookSpec = {}): ParsedWorkbook {
  const headerRow = spec.headerRow ?? 1;
  const sheet = spec.sheet ?? SHEETS.register;
  const missing = new Set<RegisterColumn>(spec.missingColumns ?? []);
  const columns: Register["columns"] = {};
  const headers: Register["headers"] = {};
  let col = 1;
  for (const c of REGISTER_COLUMNS) {
    if (missing.has(c)) continue;
    columns[c] = col++;
    headers[c] = c;
  }
  const register: Register = {
    sheet,
    headerRow,
    columns,
    headers,
    topics: (spec.topics ?? []).map((t, i) => buildTopic(t, i, headerRow)),
    untitledRows: spec.untitledRows ?? [],
    fromTable: true,
  };
  const members: FoundTable<Member> | null = spec.members
    ? table(
        SHEETS.members,
        ["Họ và tên", "Chức vụ", "Loại", "Miễn sinh hoạt", "Ghi chú"],
        spec.members.map((m, i) => {
          const o: MemberSpec = typeof m === "string" ? { name: m } : m;
          return {
            row: i + 2,
            name: o.name,
            role: o.role ?? "",
            kind: o.kind ? parseMemberKind(o.kind) : null,
            exempt: o.exempt ?? false,
            note: "",
          };
        }),
      )
    : null;
  const attendance: FoundTable<AttendanceRow> | null = spec.attendance
    ? table(
        SHEETS.attendance,
        ["STT chuyên đề", "Họ và tên", "Tình trạng", "Lý do"],
        spec.attendance.map((a, i) => ({
          row: a.row ?? i + 2,
          topicStt: a.stt,
          name: a.name,
          status: parseAttendanceStatus(a.status),
          reason: a.reason ?? "",
        })),
      )
    : null;
  const minutes: FoundTable<MinutesRow> | null = spec.minutes
    ? table(
        SHEETS.minutes,
        ["STT chuyên đề", "Bắt đầu", "Kết thúc", "Biểu quyết"],
        spec.minutes.map((m, i) => ({
          row: m.row ?? i + 2,
          topicStt: m.stt,
          start: m.start === undefined ? null : parseTime(m.start),
          end: m.end === undefined ? null : parseTime(m.end),
          place: "",
          chair: "",
          secretary: "",
          delegates: "",
          purpose: "",
          conclusion: "",
          tasks: "",
          vote: m.vote ?? "",
        })),
      )
    : null;
  const opinions: FoundTable<OpinionRow> | null = spec.opinions
    ? table(
        SHEETS.opinions,
        ["STT chuyên đề", "Người phát biểu", "Nội dung"],
        spec.opinions.map((o, i) => ({ row: o.row ?? i + 2, topicStt: o.stt, speaker: o.speaker, content: o.content ?? "" })),
      )
    : null;
  return {
    sheetOrder: spec.sheetOrder ?? [SHEETS.info, SHEETS.members, sheet, SHEETS.attendance, SHEETS.minutes],
    date1904: false,
    register,
    info: defaultInfo(spec.info),
    members,
    attendance,
    minutes,
    opinions,
  };
}

/**
 * A topic with every step done on time around meeting date `meetingOn` (approved 7
 * days before, sent 5 days before, finalised and reported 5 and 10 days after), for
 * tests that want one rule to fire on an otherwise clean register.
 */
export function completeTopic(meetingOn: string, extra: TopicSpec = {}): TopicSpec {
  const m = day(meetingOn);
  const shift = (n: number) => formatDate(addDays(m, n));
  return {
    assignees: "Nguyễn Văn An",
    approvedOn: shift(-7),
    draftSentOn: shift(-5),
    meetingOn,
    status: "Đã sinh hoạt",
    format: "Riêng",
    finalSentOn: shift(5),
    reportedOn: shift(10),
    ...extra,
  };
}
