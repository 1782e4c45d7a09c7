// Everything the đề dẫn and the biên bản show (SPEC §7), computed from the register,
// Thông tin, Đảng viên, Điểm danh, Biên bản and Ý kiến. Pure: the .docx filling is in
// src/documents. The placeholders of the templates are exactly the keys produced here,
// documented once in TEMPLATE_FIELDS (README table, `chuyende mau`).
//
// A value the workbook does not have prints as a dotted blank (BLANK) so the
// secretary can write it in by hand on the printed page; it never prints "undefined".
import { percentText } from "../shared/percent";
import { formatDate, formatQuarter, formatVietnameseDate, quarterOf, romanQuarter } from "../read/dates";
import { inferYear } from "../check/facts";
import { placeAndDate, prefixedUpper } from "./partyHeader";
import { cleanText, compareKey } from "../read/values";
import type { AttendanceRow, Member, MinutesRow, ParsedWorkbook, Quarter, SimpleDate, DateCell, Topic } from "../shared/types";
import { UserError } from "../shared/types";
import { SHEETS } from "../read/layout";

/** The papers filled from a template: đề dẫn, biên bản, the sign-in sheet and the notice
 *  (their own data: meetingPapers.ts). */
export type DocumentKind = "de-dan" | "bien-ban" | "danh-sach" | "thong-bao";

/** One item of a loop ({#vangCoLyDo}{hoTen}{/vangCoLyDo}). */
export type DocumentRow = Record<string, string>;
export type DocumentValue = string | boolean | DocumentRow[];
/** The data a template is filled with: tag name → value. */
export type DocumentData = Record<string, DocumentValue>;

/** Printed where the workbook has no value, to be filled in by hand. */
export const BLANK = "……………";
const DATE_BLANK = "ngày …… tháng …… năm ……";

export interface TemplateField {
  /** The tag name as written in the template ({name}, {#name}…{/name}). */
  name: string;
  /** Documents that have it. */
  kinds: DocumentKind[];
  /** text = {name}; loop = {#name}…{/name} over a list; condition = {#name}…{/name} shown when true
   *  ({^name}…{/name} when false). */
  type: "text" | "loop" | "condition";
  /** For a field of each loop item: the loop's name. */
  itemOf?: string;
  /** Vietnamese description (README, `chuyende mau`). */
  description: string;
  /** Example value, as printed. */
  example: string;
}

/** Fields every paper of one topic has (header, the topic). */
const BOTH: DocumentKind[] = ["de-dan", "bien-ban", "danh-sach", "thong-bao"];
const BB: DocumentKind[] = ["bien-ban"];
/** Biên bản and the sign-in sheet (the chi bộ's numbers, who chairs, who minutes). */
const BB_DS: DocumentKind[] = ["bien-ban", "danh-sach"];
/** Every paper that says when and where the meeting is. */
const MEETING: DocumentKind[] = ["bien-ban", "danh-sach", "thong-bao"];

/** Every placeholder the templates may use. */
export const TEMPLATE_FIELDS: readonly TemplateField[] = [
  // Header (both documents)
  {
    name: "dangBoCapTren",
    kinds: BOTH,
    type: "text",
    description: "Đảng bộ cấp trên (Thông tin)",
    example: "Đảng bộ Khối Cơ sở Bộ Công Thương",
  },
  {
    name: "dangBoCoSo",
    kinds: BOTH,
    type: "text",
    description: "Đảng bộ cơ sở (Thông tin), có chữ “Đảng bộ” ở đầu",
    example: "Đảng bộ Trường THPT Nguyễn Du",
  },
  {
    name: "dangBoCoSoUpper",
    kinds: BOTH,
    type: "text",
    description: "Dòng đầu tiêu đề trái, chữ in hoa",
    example: "ĐẢNG BỘ TRƯỜNG THPT NGUYỄN DU",
  },
  {
    name: "chiBo",
    kinds: BOTH,
    type: "text",
    description: "Tên chi bộ (Thông tin), có chữ “Chi bộ” ở đầu",
    example: "Chi bộ Tổ Toán – Tin",
  },
  {
    name: "chiBoUpper",
    kinds: BOTH,
    type: "text",
    description: "Dòng thứ hai tiêu đề trái, chữ in hoa (in đậm)",
    example: "CHI BỘ TỔ TOÁN – TIN",
  },
  { name: "diaDanh", kinds: BOTH, type: "text", description: "Địa danh (Thông tin)", example: "Thành phố Hồ Chí Minh" },
  {
    name: "ngayVietBang",
    kinds: BOTH,
    type: "text",
    description: "Ngày của văn bản viết bằng chữ (biên bản: ngày sinh hoạt; đề dẫn: ngày lập hoặc --ngay)",
    example: "ngày 05 tháng 02 năm 2021",
  },
  { name: "ngay", kinds: BOTH, type: "text", description: "Ngày của văn bản, dd/mm/yyyy", example: "05/02/2021" },
  {
    name: "diaDanhNgay",
    kinds: BOTH,
    type: "text",
    description: "Địa danh và ngày tháng (tiêu đề phải, in nghiêng)",
    example: "Thành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2021",
  },
  { name: "biThu", kinds: BOTH, type: "text", description: "Bí thư chi bộ (Thông tin)", example: "Nguyễn Văn An" },
  { name: "phoBiThu", kinds: BOTH, type: "text", description: "Phó bí thư chi bộ (Thông tin)", example: "Trần Thị Bình" },
  // The topic
  { name: "stt", kinds: BOTH, type: "text", description: "STT của chuyên đề trong sổ", example: "1" },
  { name: "nam", kinds: BOTH, type: "text", description: "Năm của chuyên đề", example: "2021" },
  { name: "quy", kinds: BOTH, type: "text", description: "Quý (số La Mã)", example: "I" },
  { name: "quyText", kinds: BOTH, type: "text", description: "Quý và năm", example: "Quý I/2021" },
  {
    name: "quyTextUpper",
    kinds: BOTH,
    type: "text",
    description: "Quý và năm, chữ in hoa (dùng trong tên văn bản)",
    example: "QUÝ I/2021",
  },
  { name: "tenChuyenDe", kinds: BOTH, type: "text", description: "Tên chuyên đề", example: "Nâng cao chất lượng sinh hoạt chi bộ" },
  {
    name: "tenChuyenDeUpper",
    kinds: BOTH,
    type: "text",
    description: "Tên chuyên đề, chữ in hoa",
    example: "NÂNG CAO CHẤT LƯỢNG SINH HOẠT CHI BỘ",
  },
  { name: "nhom", kinds: BOTH, type: "text", description: "Nhóm nội dung", example: "Xây dựng Đảng" },
  {
    name: "nguoiPhuTrach",
    kinds: BOTH,
    type: "text",
    description: "Người phụ trách chuẩn bị đề dẫn",
    example: "Lê Văn Cường và Phạm Thị Dung",
  },
  {
    name: "dongChiPhuTrach",
    kinds: BOTH,
    type: "text",
    description: "“Đồng chí …” / “Các đồng chí …” người phụ trách",
    example: "Các đồng chí Lê Văn Cường và Phạm Thị Dung",
  },
  {
    name: "nguoiChuanBi",
    kinds: BOTH,
    type: "loop",
    description: "Danh sách người phụ trách (vòng lặp, mỗi người một dòng ký tên)",
    example: "",
  },
  {
    name: "hoTen",
    kinds: BOTH,
    type: "text",
    itemOf: "nguoiChuanBi",
    description: "Họ và tên một người phụ trách",
    example: "Lê Văn Cường",
  },
  { name: "nguoiThongQua", kinds: BOTH, type: "text", description: "Người/cấp thông qua dự thảo", example: "Chi ủy" },
  { name: "ngayThongQua", kinds: BOTH, type: "text", description: "Ngày thông qua dự thảo", example: "20/01/2021" },
  { name: "ngayGuiDuThao", kinds: BOTH, type: "text", description: "Ngày gửi dự thảo cho đảng viên", example: "25/01/2021" },
  { name: "ngaySinhHoat", kinds: BOTH, type: "text", description: "Ngày sinh hoạt, dd/mm/yyyy", example: "05/02/2021" },
  {
    name: "ngaySinhHoatVietBang",
    kinds: BOTH,
    type: "text",
    description: "Ngày sinh hoạt viết bằng chữ",
    example: "ngày 05 tháng 02 năm 2021",
  },
  { name: "hinhThuc", kinds: BOTH, type: "text", description: "Hình thức sinh hoạt", example: "Riêng" },
  {
    name: "hinhThucText",
    kinds: BOTH,
    type: "text",
    description: "“ (lồng ghép với sinh hoạt chi bộ thường kỳ)” khi lồng ghép, còn lại để trống",
    example: " (lồng ghép với sinh hoạt chi bộ thường kỳ)",
  },
  { name: "longGhep", kinds: BOTH, type: "condition", description: "Đúng khi sinh hoạt lồng ghép", example: "" },
  // The minutes (biên bản)
  { name: "gioBatDau", kinds: MEETING, type: "text", description: "Giờ bắt đầu", example: "08 giờ 00" },
  { name: "gioKetThuc", kinds: BB, type: "text", description: "Giờ kết thúc", example: "10 giờ 00" },
  { name: "diaDiem", kinds: MEETING, type: "text", description: "Địa điểm sinh hoạt", example: "Phòng họp A" },
  { name: "chuTri", kinds: BB_DS, type: "text", description: "Người chủ trì", example: "Nguyễn Văn An" },
  {
    name: "chuTriChucVuText",
    kinds: BB,
    type: "text",
    description: "“ – Bí thư chi bộ” … theo chức vụ của người chủ trì (danh sách Đảng viên)",
    example: " – Bí thư chi bộ",
  },
  { name: "thuKy", kinds: BB_DS, type: "text", description: "Thư ký ghi biên bản", example: "Trần Thị Bình" },
  { name: "tongSo", kinds: BB_DS, type: "text", description: "Tổng số đảng viên của chi bộ", example: "12" },
  { name: "soChinhThuc", kinds: BB_DS, type: "text", description: "Số đảng viên chính thức", example: "11" },
  { name: "soDuBi", kinds: BB_DS, type: "text", description: "Số đảng viên dự bị", example: "1" },
  { name: "soMienSinhHoat", kinds: BB_DS, type: "text", description: "Số đảng viên miễn sinh hoạt", example: "1" },
  { name: "soPhaiDu", kinds: BB_DS, type: "text", description: "Số đảng viên phải dự (tổng số trừ miễn sinh hoạt)", example: "11" },
  { name: "soCoMat", kinds: BB, type: "text", description: "Số có mặt", example: "9" },
  { name: "soCoMatChinhThuc", kinds: BB, type: "text", description: "Số có mặt là đảng viên chính thức", example: "8" },
  { name: "soCoMatDuBi", kinds: BB, type: "text", description: "Số có mặt là đảng viên dự bị", example: "1" },
  { name: "tyLeCoMat", kinds: BB, type: "text", description: "Tỷ lệ có mặt trên số phải dự", example: "81,8%" },
  { name: "soVang", kinds: BB, type: "text", description: "Số vắng (có và không có lý do)", example: "2" },
  { name: "soVangCoLyDo", kinds: BB, type: "text", description: "Số vắng có lý do", example: "1" },
  { name: "soVangKhongLyDo", kinds: BB, type: "text", description: "Số vắng không lý do", example: "1" },
  { name: "coVangCoLyDo", kinds: BB, type: "condition", description: "Đúng khi có người vắng có lý do", example: "" },
  { name: "vangCoLyDo", kinds: BB, type: "loop", description: "Danh sách vắng có lý do (vòng lặp)", example: "" },
  { name: "hoTen", kinds: BB, type: "text", itemOf: "vangCoLyDo", description: "Họ và tên người vắng", example: "Đỗ Văn Em" },
  { name: "lyDo", kinds: BB, type: "text", itemOf: "vangCoLyDo", description: "Lý do vắng", example: "Đi công tác" },
  { name: "coVangKhongLyDo", kinds: BB, type: "condition", description: "Đúng khi có người vắng không lý do", example: "" },
  { name: "vangKhongLyDo", kinds: BB, type: "loop", description: "Danh sách vắng không lý do (vòng lặp)", example: "" },
  { name: "hoTen", kinds: BB, type: "text", itemOf: "vangKhongLyDo", description: "Họ và tên người vắng", example: "Hồ Thị Giang" },
  {
    name: "daiBieu",
    kinds: BB,
    type: "text",
    description: "Đại biểu dự (“không có” khi biên bản để trống)",
    example: "Đồng chí Vũ Văn Hải, Đảng ủy viên",
  },
  { name: "coDaiBieu", kinds: BB, type: "condition", description: "Đúng khi có đại biểu", example: "" },
  { name: "mucDich", kinds: BB, type: "text", description: "Mục đích, yêu cầu chủ trì nêu", example: "Thống nhất nhận thức và giải pháp…" },
  { name: "yKien", kinds: BB, type: "loop", description: "Các ý kiến phát biểu (vòng lặp, theo thứ tự trong bảng Ý kiến)", example: "" },
  { name: "stt", kinds: BB, type: "text", itemOf: "yKien", description: "Số thứ tự ý kiến", example: "1" },
  { name: "nguoiPhatBieu", kinds: BB, type: "text", itemOf: "yKien", description: "Người phát biểu", example: "Lê Văn Cường" },
  { name: "noiDung", kinds: BB, type: "text", itemOf: "yKien", description: "Tóm tắt ý kiến", example: "Đề nghị bổ sung số liệu…" },
  {
    name: "coYKien",
    kinds: BB,
    type: "condition",
    description: "Đúng khi đã ghi ít nhất một ý kiến ({^coYKien}…{/coYKien}: khi chưa có)",
    example: "",
  },
  { name: "ketLuan", kinds: BB, type: "text", description: "Kết luận của chủ trì", example: "Chi bộ thống nhất…" },
  { name: "nhiemVu", kinds: BB, type: "text", description: "Nhiệm vụ giao", example: "Đồng chí Cường hoàn thiện đề dẫn trước 15/02" },
  { name: "bieuQuyet", kinds: BB, type: "text", description: "Kết quả biểu quyết", example: "11/11 tán thành" },
  { name: "coBieuQuyet", kinds: BB, type: "condition", description: "Đúng khi có biểu quyết", example: "" },
];

// ---------------------------------------------------------------------------
// Small formatting helpers (document wording lives here, beside its data)

/** Control characters would make the .docx XML invalid; they are never meant. A line
 *  break the secretary typed in a cell (Alt+Enter) stays one: the document shows it. */
export function safe(s: string): string {
  return (
    s
      .split(/\r\n|\r|\n/)
      // eslint-disable-next-line no-control-regex -- control characters are what is being removed
      .map((line) => cleanText(line.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, " ")))
      .filter((line) => line !== "")
      .join("\n")
  );
}

export function orBlank(s: string | null | undefined): string {
  const t = safe(s ?? "");
  return t === "" ? BLANK : t;
}

function upper(s: string): string {
  return s.normalize("NFC").toLocaleUpperCase("vi").normalize("NFC");
}

/** "A", "A và B", "A, B và C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} và ${names[names.length - 1]}`;
}

export function dateCellText(cell: DateCell): string {
  if (cell.value) return formatDate(cell.value);
  return orBlank(cell.text);
}

/** "08 giờ 00" */
export function timeText(minutes: number | null): string {
  if (minutes === null) return "…… giờ ……";
  const m = Math.round(minutes);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(m / 60) % 24)} giờ ${pad(m % 60)}`;
}

/** Prefixed name in normal case: "Trường THPT X" → "Đảng bộ Trường THPT X". */
function prefixed(prefix: string, value: string): string {
  const v = safe(value);
  if (v === "") return `${prefix} ${BLANK}`;
  const key = compareKey(v);
  const p = compareKey(prefix);
  return key === p || key.startsWith(p + " ") ? v.charAt(0).toLocaleUpperCase("vi") + v.slice(1) : `${prefix} ${v}`;
}

const ROLE_TEXT: Record<string, string> = {
  "bí thư": " – Bí thư chi bộ",
  "phó bí thư": " – Phó Bí thư chi bộ",
  "chi ủy viên": " – Chi ủy viên",
};

// ---------------------------------------------------------------------------
// Finding the topic and its rows

export function findTopic(book: ParsedWorkbook, stt: number): Topic {
  const register = book.register;
  if (!register) {
    throw new UserError(
      "KHONG_CO_SO",
      `Không tìm thấy sổ chuyên đề trong tệp (cần một bảng có cột “Tên chuyên đề”) — không lập được văn bản cho STT ${stt}.`,
    );
  }
  const topic = register.topics.find((t) => t.stt === stt);
  if (topic) return topic;
  const available = [...new Set(register.topics.map((t) => t.stt).filter((n): n is number => n !== null))].sort((a, b) => a - b);
  const list =
    available.length === 0
      ? "sổ chưa có chuyên đề nào ghi STT (cột STT trống)"
      : `các STT có trong sổ: ${available.slice(0, 40).join(", ")}${available.length > 40 ? ", …" : ""}`;
  throw new UserError("KHONG_CO_STT", `Không có chuyên đề STT ${stt} trong trang “${register.sheet}” — ${list}.`, {
    sheet: register.sheet,
  });
}

export function memberList(book: ParsedWorkbook): Member[] {
  return (book.members?.rows ?? []).filter((m) => safe(m.name) !== "");
}

function quarterAndYear(topic: Topic, fallbackYear: number | null): { quarter: Quarter | null; year: number | null } {
  const m = topic.meetingOn.value;
  if (m) return { quarter: quarterOf(m), year: m.year };
  return { quarter: topic.quarterValue, year: fallbackYear };
}

/** Fields shared by both documents. */
export function commonData(book: ParsedWorkbook, topic: Topic, headerDate: SimpleDate | null, fallbackYear: number | null): DocumentData {
  const info = book.info;
  // A cell directly under a higher committee (no đảng bộ cơ sở) prints that committee.
  const committee = safe(info.dangBoCoSo) || safe(info.dangBoCapTren);
  const { quarter, year } = quarterAndYear(topic, fallbackYear);
  const quyText = quarter
    ? year !== null
      ? formatQuarter(quarter, year)
      : `Quý ${romanQuarter(quarter)}`
    : `Quý ${BLANK}${year !== null ? `/${year}` : ""}`;
  const drafters = topic.assignees.map(safe).filter((n) => n !== "");
  const meeting = topic.meetingOn.value;
  const place = safe(info.diaDanh);
  return {
    dangBoCapTren: orBlank(info.dangBoCapTren),
    dangBoCoSo: prefixed("Đảng bộ", committee),
    dangBoCoSoUpper: prefixedUpper("Đảng bộ", committee),
    chiBo: prefixed("Chi bộ", info.chiBo),
    chiBoUpper: prefixedUpper("Chi bộ", info.chiBo),
    diaDanh: orBlank(place),
    ngayVietBang: headerDate ? formatVietnameseDate(headerDate) : DATE_BLANK,
    ngay: headerDate ? formatDate(headerDate) : BLANK,
    diaDanhNgay: headerDate ? placeAndDate(place, headerDate) : `${place || BLANK}, ${DATE_BLANK}`,
    biThu: orBlank(info.biThu),
    phoBiThu: orBlank(info.phoBiThu),
    stt: topic.stt !== null ? String(topic.stt) : orBlank(topic.sttText),
    nam: year !== null ? String(year) : BLANK,
    quy: quarter ? romanQuarter(quarter) : BLANK,
    quyText,
    quyTextUpper: upper(quyText),
    tenChuyenDe: orBlank(topic.title),
    tenChuyenDeUpper: upper(orBlank(topic.title)),
    nhom: orBlank(topic.group),
    nguoiPhuTrach: drafters.length ? joinNames(drafters) : BLANK,
    dongChiPhuTrach: drafters.length > 1 ? `Các đồng chí ${joinNames(drafters)}` : `Đồng chí ${drafters[0] ?? BLANK}`,
    nguoiChuanBi: drafters.map((hoTen) => ({ hoTen })),
    nguoiThongQua: orBlank(topic.approvedBy),
    ngayThongQua: dateCellText(topic.approvedOn),
    ngayGuiDuThao: dateCellText(topic.draftSentOn),
    ngaySinhHoat: dateCellText(topic.meetingOn),
    ngaySinhHoatVietBang: meeting ? formatVietnameseDate(meeting) : DATE_BLANK,
    hinhThuc: topic.format === "longGhep" ? "Lồng ghép" : topic.format === "rieng" ? "Riêng" : BLANK,
    hinhThucText: topic.format === "longGhep" ? " (lồng ghép với sinh hoạt chi bộ thường kỳ)" : "",
    longGhep: topic.format === "longGhep",
  };
}

/** Data of the đề dẫn of topic `stt`. The header date is `opts.today` (today, or --ngay). */
export function deDanData(book: ParsedWorkbook, stt: number, opts: { today: SimpleDate }): DocumentData {
  const topic = findTopic(book, stt);
  // A topic without a meeting date belongs to the register year Y of SPEC §4 (Năm, else
  // the most common meeting year), as in the check — not to the year the draft is printed.
  return commonData(book, topic, opts.today, inferYear(book, { asOf: opts.today }));
}

// ---------------------------------------------------------------------------
// Biên bản

interface Counts {
  total: number | null;
  chinhThuc: number | null;
  duBi: number | null;
  exempt: number | null;
  present: number | null;
  /** Those present split by Loại of the member list; null when a name present is not on
   *  the list or has no Loại (the split would not add up). */
  presentChinhThuc: number | null;
  presentDuBi: number | null;
  absentWithReason: number | null;
  absentWithoutReason: number | null;
  withReason: DocumentRow[];
  withoutReason: DocumentRow[];
}

function num(n: number | null): string {
  return n === null ? BLANK : String(n);
}

function namesText(names: string[]): string {
  const shown = names.slice(0, 10);
  return shown.join(", ") + (names.length > shown.length ? ` và ${names.length - shown.length} người khác` : "");
}

/** Member counts of the meeting, from Điểm danh when it has rows for the topic, else the
 *  member list only (present/absent left blank). Problems say what does not add up. */
function countMembers(book: ParsedWorkbook, stt: number, problems: string[]): Counts {
  const members = memberList(book);
  const attendanceSheet = book.attendance?.sheet ?? SHEETS.attendance;
  const membersSheet = book.members?.sheet ?? SHEETS.members;
  const rows: AttendanceRow[] = (book.attendance?.rows ?? []).filter((r) => r.topicStt === stt && safe(r.name) !== "");
  const c: Counts = {
    total: members.length ? members.length : null,
    chinhThuc: members.length ? members.filter((m) => m.kind === "chinhThuc").length : null,
    duBi: members.length ? members.filter((m) => m.kind === "duBi").length : null,
    exempt: members.length ? members.filter((m) => m.exempt).length : null,
    present: null,
    presentChinhThuc: null,
    presentDuBi: null,
    absentWithReason: null,
    absentWithoutReason: null,
    withReason: [],
    withoutReason: [],
  };
  if (members.length) {
    const noKind = members.filter((m) => m.kind === null).map((m) => safe(m.name));
    if (noKind.length) {
      problems.push(
        `Trang “${membersSheet}”: ${noKind.length} đảng viên chưa ghi Loại (Chính thức/Dự bị): ${namesText(noKind)} — ` +
          `số chính thức + dự bị trong biên bản sẽ không bằng tổng số.`,
      );
    }
  }
  if (rows.length === 0) {
    problems.push(
      `Trang “${attendanceSheet}” chưa có dòng điểm danh nào cho chuyên đề STT ${stt} — số có mặt, vắng để trống (${BLANK}) để điền tay.`,
    );
    if (!members.length) {
      problems.push(`Không có danh sách đảng viên (trang “${SHEETS.members}”) — tổng số đảng viên để trống.`);
    }
    return c;
  }

  let present = 0;
  let exempt = 0;
  const kindOf = new Map(members.map((m) => [compareKey(safe(m.name)), m.kind]));
  let presentChinhThuc: number | null = 0;
  let presentDuBi: number | null = 0;
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const r of rows) {
    const name = safe(r.name);
    const key = compareKey(name);
    if (seen.has(key)) duplicates.push(name);
    else seen.set(key, name);
    switch (r.status) {
      case "present": {
        present++;
        const kind = kindOf.get(key);
        if (kind === "chinhThuc" && presentChinhThuc !== null) presentChinhThuc++;
        else if (kind === "duBi" && presentDuBi !== null) presentDuBi++;
        else {
          presentChinhThuc = null;
          presentDuBi = null;
        }
        break;
      }
      case "exempt":
        exempt++;
        break;
      case "absentWithReason":
        c.withReason.push({ hoTen: name, lyDo: orBlank(r.reason) });
        break;
      case "absentWithoutReason":
        c.withoutReason.push({ hoTen: name });
        break;
      default:
        problems.push(
          `Trang “${attendanceSheet}” dòng ${r.row} (${name}): Tình trạng trống hoặc không rõ — ghi Có mặt / Vắng có lý do / Vắng không lý do / Miễn sinh hoạt; dòng này chưa được tính.`,
        );
    }
  }
  if (duplicates.length) {
    problems.push(
      `Trang “${attendanceSheet}” ghi hai lần cho chuyên đề STT ${stt}: ${namesText(duplicates)} — mỗi đảng viên chỉ một dòng.`,
    );
  }
  c.present = present;
  c.presentChinhThuc = presentChinhThuc;
  c.presentDuBi = presentDuBi;
  c.exempt = exempt;
  c.absentWithReason = c.withReason.length;
  c.absentWithoutReason = c.withoutReason.length;
  const counted = present + exempt + c.withReason.length + c.withoutReason.length;
  if (!members.length) {
    c.total = counted;
    return c;
  }
  const memberKeys = new Set(members.map((m) => compareKey(m.name)));
  const notListed = [...seen.entries()].filter(([k]) => !memberKeys.has(k)).map(([, n]) => n);
  const notMarked = members.filter((m) => !seen.has(compareKey(m.name))).map((m) => safe(m.name));
  if (counted !== c.total) {
    let message =
      `Số liệu không khớp ở chuyên đề STT ${stt}: có mặt ${present} + vắng có lý do ${c.withReason.length} + ` +
      `vắng không lý do ${c.withoutReason.length} + miễn sinh hoạt ${exempt} = ${counted}, nhưng tổng số đảng viên ` +
      `(trang “${membersSheet}”) là ${c.total}.`;
    if (notMarked.length) message += ` Chưa điểm danh: ${namesText(notMarked)}.`;
    if (notListed.length) message += ` Có trong điểm danh nhưng không có trong danh sách đảng viên: ${namesText(notListed)}.`;
    problems.push(`${message} Hãy sửa trang “${attendanceSheet}” rồi lập lại biên bản.`);
  } else if (notListed.length) {
    problems.push(
      `Trang “${attendanceSheet}”, chuyên đề STT ${stt}: ${namesText(notListed)} không có trong danh sách đảng viên (trang “${membersSheet}”)` +
        (notMarked.length ? `; chưa điểm danh: ${namesText(notMarked)}` : "") +
        ` — kiểm tra lại cách viết họ tên.`,
    );
  }
  return c;
}

export function minutesRow(book: ParsedWorkbook, stt: number): MinutesRow | null {
  return (book.minutes?.rows ?? []).find((r) => r.topicStt === stt) ?? null;
}

/** Data of the biên bản of topic `stt`, and the problems found while computing it
 *  (counts that do not add up, missing minutes…), in Vietnamese. */
export function bienBanData(
  book: ParsedWorkbook,
  stt: number,
  opts: { today?: SimpleDate } = {},
): { data: DocumentData; problems: string[] } {
  const topic = findTopic(book, stt);
  const problems: string[] = [];
  const registerSheet = book.register?.sheet ?? SHEETS.register;
  const meeting = topic.meetingOn.value;
  if (!meeting) {
    problems.push(
      topic.meetingOn.invalid
        ? `Ngày sinh hoạt của chuyên đề STT ${stt} (“${topic.meetingOn.text}”, trang “${registerSheet}” dòng ${topic.row}) không phải ngày hợp lệ — ngày trong biên bản để trống.`
        : `Chuyên đề STT ${stt} chưa có Ngày sinh hoạt (trang “${registerSheet}” dòng ${topic.row}) — ngày trong biên bản để trống.`,
    );
  }
  // Without a meeting date the quarter's year is the register year Y (SPEC §4).
  const data = commonData(book, topic, meeting, opts.today ? inferYear(book, { asOf: opts.today }) : book.info.year);

  const minutes = minutesRow(book, stt);
  if (!minutes) {
    problems.push(
      `Trang “${book.minutes?.sheet ?? SHEETS.minutes}” chưa có dòng cho chuyên đề STT ${stt} — giờ, địa điểm, chủ trì, thư ký, kết luận để trống (${BLANK}) để điền tay.`,
    );
  }
  const members = memberList(book);
  let chair = safe(minutes?.chair ?? "");
  if (!chair && safe(book.info.biThu)) {
    chair = safe(book.info.biThu);
    problems.push(`Biên bản chuyên đề STT ${stt} chưa ghi Chủ trì — đã ghi Bí thư ${chair} (Thông tin); sửa nếu người khác chủ trì.`);
  }
  const chairMember = chair ? members.find((m) => compareKey(m.name) === compareKey(chair)) : undefined;
  const chairRole = chairMember
    ? (ROLE_TEXT[compareKey(chairMember.role)] ?? "")
    : compareKey(chair) === compareKey(book.info.biThu) && chair
      ? ROLE_TEXT["bí thư"]
      : "";

  const counts = countMembers(book, stt, problems);
  const mustAttend = counts.total !== null && counts.exempt !== null ? counts.total - counts.exempt : null;
  const absent =
    counts.absentWithReason !== null && counts.absentWithoutReason !== null ? counts.absentWithReason + counts.absentWithoutReason : null;

  const opinions: DocumentRow[] = (book.opinions?.rows ?? [])
    .filter((r) => r.topicStt === stt && (safe(r.speaker) !== "" || safe(r.content) !== ""))
    .map((r, i) => ({ stt: String(i + 1), nguoiPhatBieu: orBlank(r.speaker), noiDung: orBlank(r.content) }));
  const delegates = safe(minutes?.delegates ?? "");
  const vote = safe(minutes?.vote ?? "");

  Object.assign(data, {
    gioBatDau: timeText(minutes?.start ?? null),
    gioKetThuc: timeText(minutes?.end ?? null),
    diaDiem: orBlank(minutes?.place),
    chuTri: orBlank(chair),
    chuTriChucVuText: chairRole,
    thuKy: orBlank(minutes?.secretary),
    tongSo: num(counts.total),
    soChinhThuc: num(counts.chinhThuc),
    soDuBi: num(counts.duBi),
    soMienSinhHoat: num(counts.exempt),
    soPhaiDu: num(mustAttend),
    soCoMat: num(counts.present),
    soCoMatChinhThuc: num(counts.presentChinhThuc),
    soCoMatDuBi: num(counts.presentDuBi),
    tyLeCoMat: counts.present !== null && mustAttend !== null && mustAttend > 0 ? percentText(counts.present / mustAttend) : BLANK,
    soVang: num(absent),
    soVangCoLyDo: num(counts.absentWithReason),
    soVangKhongLyDo: num(counts.absentWithoutReason),
    coVangCoLyDo: counts.withReason.length > 0,
    vangCoLyDo: counts.withReason,
    coVangKhongLyDo: counts.withoutReason.length > 0,
    vangKhongLyDo: counts.withoutReason,
    daiBieu: delegates || (minutes ? "không có" : BLANK),
    coDaiBieu: delegates !== "",
    mucDich: orBlank(minutes?.purpose),
    yKien: opinions,
    coYKien: opinions.length > 0,
    ketLuan: orBlank(minutes?.conclusion),
    nhiemVu: orBlank(minutes?.tasks),
    bieuQuyet: vote || BLANK,
    coBieuQuyet: vote !== "",
  } satisfies DocumentData);
  return { data, problems };
}
