// The papers around one meeting besides the đề dẫn and the biên bản (documentData.ts): the
// sign-in sheet (danh sách đảng viên dự sinh hoạt) and the notice that sends the approved
// draft to members (thông báo). Their data from the register, Thông tin, Đảng viên and
// Biên bản; the placeholders of their templates documented in PAPER_FIELDS, beside the data.
// Pure: the .docx filling is in src/documents.
import { compareDates, formatDate, toDayNumber } from "../read/dates";
import { SHEETS } from "../read/layout";
import { inferYear } from "../check/facts";
import { documentNumber } from "../shared/partyFormat";
import { signsFor } from "./partyHeader";
import type { Member, SimpleDate, Topic, ParsedWorkbook } from "../shared/types";
import { UserError } from "../shared/types";
import { TEMPLATE_FIELDS, type TemplateField } from "./documentData";
import { minutesRow } from "./bienBanData";
import { TOPIC_REPORT_FIELDS } from "./topicReportFields";
import {
  approvalSentence,
  BLANK,
  commonData,
  formatSentence,
  findTopic,
  joinNames,
  memberList,
  orBlank,
  safe,
  timeText,
  topicVerdictOn,
  type DocumentData,
  type DocumentKind,
  type DocumentRow,
} from "./documentText";

/** Every kind of paper filled from a template, in the order a meeting needs them (the pane's
 *  buttons, `chuyende mau`). */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ["de-dan", "thong-bao", "danh-sach", "bien-ban", "bao-cao"];

/** What each paper is called in a sentence ("Đã lập danh sách ký tên…"). */
export const KIND_LABEL: Record<DocumentKind, string> = {
  "de-dan": "đề dẫn",
  "bien-ban": "biên bản",
  "danh-sach": "danh sách ký tên",
  "thong-bao": "thông báo",
  "bao-cao": "báo cáo kết quả",
};

/** The paper's name as a button or sentence starts it ("Danh sách ký tên"). */
export const DOCUMENT_LABEL = Object.fromEntries(
  Object.entries(KIND_LABEL).map(([k, v]) => [k, v.charAt(0).toLocaleUpperCase("vi") + v.slice(1)]),
) as Record<DocumentKind, string>;

const DS: DocumentKind[] = ["danh-sach"];
const TB: DocumentKind[] = ["thong-bao"];
/** The notice and the topic report (the number, who signs, the approval, the form). */
const TB_BC: DocumentKind[] = ["thong-bao", "bao-cao"];
const DS_TB: DocumentKind[] = ["danh-sach", "thong-bao"];

/** The placeholders only the sign-in sheet and the notice have (the header's, the topic's,
 *  the meeting's time and place and the chi bộ's numbers are in TEMPLATE_FIELDS, shared). */
export const PAPER_FIELDS: readonly TemplateField[] = [
  { name: "thuNgay", kinds: DS_TB, type: "text", description: "Thứ của ngày sinh hoạt", example: "thứ Ba" },
  // Sign-in sheet
  { name: "dangVien", kinds: DS, type: "loop", description: "Các đảng viên của chi bộ (vòng lặp, theo thứ tự danh sách)", example: "" },
  { name: "stt", kinds: DS, type: "text", itemOf: "dangVien", description: "Số thứ tự", example: "1" },
  { name: "hoTen", kinds: DS, type: "text", itemOf: "dangVien", description: "Họ và tên", example: "Nguyễn Văn An" },
  { name: "chucVu", kinds: DS, type: "text", itemOf: "dangVien", description: "Chức vụ trong chi bộ", example: "Bí thư" },
  { name: "loai", kinds: DS, type: "text", itemOf: "dangVien", description: "Chính thức / Dự bị", example: "Chính thức" },
  {
    name: "ghiChu",
    kinds: DS,
    type: "text",
    itemOf: "dangVien",
    description: "“Miễn sinh hoạt” cho đảng viên được miễn, để trống cho người khác",
    example: "Miễn sinh hoạt",
  },
  // Notice
  {
    name: "so",
    kinds: TB_BC,
    type: "text",
    description: "Số và ký hiệu (thông báo: …-TB/CB; báo cáo chuyên đề: …-BC/CB)",
    example: "Số ……-TB/CB",
  },
  {
    name: "thayMat",
    kinds: TB_BC,
    type: "text",
    description: "Dòng ký thay mặt: “T/M CHI ỦY” khi chi bộ có chi ủy, “T/M CHI BỘ” khi chỉ có bí thư (Thông tin: Chi bộ có chi ủy)",
    example: "T/M CHI ỦY",
  },
  {
    name: "phuTrachText",
    kinds: TB,
    type: "text",
    description: "“đồng chí …” / “các đồng chí …” người chuẩn bị, viết giữa câu",
    example: "đồng chí Lê Văn Hùng",
  },
  { name: "ngayGui", kinds: TB, type: "text", description: "Ngày gửi dự thảo, dd/mm/yyyy (ngày của thông báo)", example: "10/09/2025" },
  {
    name: "thongQuaText",
    kinds: TB_BC,
    type: "text",
    description: "Câu về việc thông qua dự thảo",
    example: "Ngày 08/09/2025, Chi ủy đã thông qua dự thảo đề dẫn",
  },
  {
    name: "hinhThucSinhHoat",
    kinds: TB_BC,
    type: "text",
    description: "Hình thức sinh hoạt, viết thành câu",
    example: "sinh hoạt chuyên đề riêng",
  },
  {
    name: "taiLieu",
    kinds: TB,
    type: "loop",
    description: "Tài liệu đảng viên nghiên cứu trước (vòng lặp)",
    example: "",
  },
  {
    name: "noiDung",
    kinds: TB,
    type: "text",
    itemOf: "taiLieu",
    description: "Một tài liệu",
    example: "Dự thảo đề dẫn chuyên đề (gửi kèm thông báo này)",
  },
];

/** Every placeholder any template may use. */
export const ALL_TEMPLATE_FIELDS: readonly TemplateField[] = [...TEMPLATE_FIELDS, ...PAPER_FIELDS, ...TOPIC_REPORT_FIELDS];

const WEEKDAYS = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

/** "thứ Ba" (1970-01-01, day 0, was a Thursday). */
export function weekdayName(d: SimpleDate): string {
  return WEEKDAYS[(((toDayNumber(d) + 4) % 7) + 7) % 7];
}

const KIND_TEXT: Record<string, string> = { chinhThuc: "Chính thức", duBi: "Dự bị" };

/** Rows of the sign-in sheet when the workbook has no member list: numbered, to write in. */
const EMPTY_SIGN_IN_ROWS = 15;

/** Time, place and weekday of the meeting; a place the register lacks is a problem to name. */
function meetingFields(book: ParsedWorkbook, topic: Topic, stt: number, problems: string[]): DocumentData {
  const minutes = minutesRow(book, stt);
  const meeting = topic.meetingOn.value;
  if (!safe(minutes?.place ?? "")) {
    problems.push(
      `Chưa ghi Địa điểm sinh hoạt của chuyên đề STT ${stt} (trang “${book.minutes?.sheet ?? SHEETS.minutes}”) — để trống để điền tay.`,
    );
  }
  return {
    gioBatDau: timeText(minutes?.start ?? null),
    diaDiem: orBlank(minutes?.place),
    thuNgay: meeting ? weekdayName(meeting) : BLANK,
  };
}

function where(book: ParsedWorkbook, topic: Topic): string {
  return `trang “${book.register?.sheet ?? SHEETS.register}” dòng ${topic.row}`;
}

/** The sign-in sheet of topic `stt`: every member with Chính thức/Dự bị and a column to
 *  sign, those excused from sinh hoạt marked; the topic, the date, time and place. Dated the
 *  meeting day (blank without one). Problems: what the secretary should fill in first. */
export function danhSachData(
  book: ParsedWorkbook,
  stt: number,
  opts: { today?: SimpleDate } = {},
): { data: DocumentData; problems: string[] } {
  const topic = findTopic(book, stt);
  const problems: string[] = [];
  const meeting = topic.meetingOn.value;
  if (!meeting) problems.push(`Chuyên đề STT ${stt} chưa có Ngày sinh hoạt (${where(book, topic)}) — ngày trên danh sách để trống.`);
  // Without a meeting date the quarter's year is the register year (as in the check).
  const asOf = opts.today ?? meeting;
  const verdict = asOf ? topicVerdictOn(book, topic, asOf) : undefined;
  const data = commonData(book, topic, meeting, opts.today ? inferYear(book, { asOf: opts.today }) : book.info.year, verdict);
  Object.assign(data, meetingFields(book, topic, stt, problems));
  const minutes = minutesRow(book, stt);
  const members: Member[] = memberList(book);
  const rows: DocumentRow[] = members.map((m, i) => ({
    stt: String(i + 1),
    hoTen: safe(m.name),
    chucVu: safe(m.role),
    loai: m.kind ? KIND_TEXT[m.kind] : "",
    ghiChu: m.exempt ? "Miễn sinh hoạt" : "",
  }));
  if (rows.length === 0) {
    problems.push(
      `Chưa có danh sách đảng viên (trang “${book.members?.sheet ?? SHEETS.members}”) — danh sách in ${EMPTY_SIGN_IN_ROWS} dòng trống để ghi tay.`,
    );
    for (let i = 0; i < EMPTY_SIGN_IN_ROWS; i++) rows.push({ stt: String(i + 1), hoTen: "", chucVu: "", loai: "", ghiChu: "" });
  }
  const noKind = members.filter((m) => m.kind === null).map((m) => safe(m.name));
  if (noKind.length > 0) {
    problems.push(
      `${noKind.length} đảng viên chưa ghi Loại (Chính thức/Dự bị) ở trang “${book.members?.sheet ?? SHEETS.members}”: ${noKind.slice(0, 10).join(", ")}.`,
    );
  }
  const count = (f: (m: Member) => boolean) => (members.length ? String(members.filter(f).length) : BLANK);
  const chair = safe(minutes?.chair ?? "") || safe(book.info.biThu);
  Object.assign(data, {
    dangVien: rows,
    tongSo: members.length ? String(members.length) : BLANK,
    soChinhThuc: count((m) => m.kind === "chinhThuc"),
    soDuBi: count((m) => m.kind === "duBi"),
    soMienSinhHoat: count((m) => m.exempt),
    soPhaiDu: count((m) => !m.exempt),
    chuTri: orBlank(chair),
    thuKy: orBlank(minutes?.secretary),
  } satisfies DocumentData);
  return { data, problems };
}

/** The notice sending the approved draft of topic `stt` to members: the topic, the drafter,
 *  the time and place, what to read beforehand, dated the day the draft is sent. The
 *  guidance has the draft approved, then sent at least one day before the meeting: a register
 *  that says otherwise is refused (the notice would state it), naming the dates to correct. */
export function thongBaoData(
  book: ParsedWorkbook,
  stt: number,
  opts: { today?: SimpleDate; number?: string } = {},
): { data: DocumentData; problems: string[] } {
  const topic = findTopic(book, stt);
  const problems: string[] = [];
  const meeting = topic.meetingOn.value;
  const sent = topic.draftSentOn.value;
  const approved = topic.approvedOn.value;
  const at = where(book, topic);
  if (sent && meeting && compareDates(sent, meeting) >= 0) {
    throw new UserError(
      "GUI_DU_THAO_MUON",
      `Không lập thông báo cho chuyên đề STT ${stt}: sổ ghi gửi dự thảo ngày ${formatDate(sent)}, ` +
        `${compareDates(sent, meeting) === 0 ? "trùng ngày sinh hoạt" : "sau ngày sinh hoạt"} ${formatDate(meeting)} ` +
        `(${at}). Dự thảo phải gửi đảng viên ít nhất 01 ngày trước buổi sinh hoạt — hãy sửa Ngày gửi dự thảo hoặc Ngày sinh hoạt rồi lập lại.`,
      { sheet: book.register?.sheet, row: topic.row, column: "Ngày gửi dự thảo" },
    );
  }
  if (sent && approved && compareDates(sent, approved) < 0) {
    throw new UserError(
      "GUI_TRUOC_THONG_QUA",
      `Không lập thông báo cho chuyên đề STT ${stt}: sổ ghi gửi dự thảo ngày ${formatDate(sent)}, trước ngày thông qua ${formatDate(approved)} ` +
        `(${at}). Thông báo gửi dự thảo đã được thông qua — hãy sửa Ngày thông qua hoặc Ngày gửi dự thảo rồi lập lại.`,
      { sheet: book.register?.sheet, row: topic.row, column: "Ngày gửi dự thảo" },
    );
  }
  if (!sent) problems.push(`Chuyên đề STT ${stt} chưa ghi Ngày gửi dự thảo (${at}) — ngày của thông báo để trống để điền tay.`);
  if (!approved)
    problems.push(`Chuyên đề STT ${stt} chưa ghi Ngày thông qua dự thảo (${at}) — thông báo chỉ ghi dự thảo đã được thông qua.`);
  if (!meeting) problems.push(`Chuyên đề STT ${stt} chưa có Ngày sinh hoạt (${at}) — thời gian sinh hoạt để trống để điền tay.`);
  if (sent && meeting && toDayNumber(meeting) - toDayNumber(sent) < 2) {
    problems.push(
      `Dự thảo gửi ngày ${formatDate(sent)}, sinh hoạt ngày ${formatDate(meeting)}: đảng viên chỉ có một ngày để nghiên cứu trước.`,
    );
  }
  const asOf = opts.today ?? sent;
  const verdict = asOf ? topicVerdictOn(book, topic, asOf) : undefined;
  const data = commonData(book, topic, sent, opts.today ? inferYear(book, { asOf: opts.today }) : book.info.year, verdict);
  Object.assign(data, meetingFields(book, topic, stt, problems));
  const drafters = topic.assignees.map(safe).filter((n) => n !== "");
  Object.assign(data, {
    so: documentNumber("notice", "chiBo", opts.number),
    thayMat: signsFor(book.info, book.members?.rows ?? []),
    phuTrachText:
      drafters.length > 1 ? `các đồng chí ${joinNames(drafters)}` : drafters.length === 1 ? `đồng chí ${drafters[0]}` : `đồng chí ${BLANK}`,
    ngayGui: sent ? formatDate(sent) : BLANK,
    thongQuaText: approvalSentence(topic),
    hinhThucSinhHoat: formatSentence(topic),
    taiLieu: [
      { noiDung: "Dự thảo đề dẫn chuyên đề (gửi kèm thông báo này), nhất là phần “Các vấn đề đề nghị chi bộ thảo luận”" },
      { noiDung: `Các văn bản, nghị quyết, chỉ thị liên quan đến chuyên đề “${orBlank(topic.title)}”` },
      {
        noiDung:
          drafters.length > 0
            ? `Ý kiến đóng góp xin gửi ${drafters.length > 1 ? "các đồng chí" : "đồng chí"} ${joinNames(drafters)} trước buổi sinh hoạt`
            : "Ý kiến đóng góp xin gửi người chuẩn bị đề dẫn trước buổi sinh hoạt",
      },
    ],
  } satisfies DocumentData);
  return { data, problems };
}
