// What the đề dẫn and the biên bản share (SPEC §7): the document data types, how a value
// prints (a dotted blank where the workbook has none, never "undefined"), finding the topic
// of an STT (refusing an STT two rows share), and the fields both documents carry. Split out
// of documentData.ts (the placeholder catalogue and the đề dẫn) and bienBanData.ts.
import { formatDate, formatQuarter, formatVietnameseDate, romanQuarter } from "../read/dates";
import { topicFacts } from "../check/facts";
import type { TopicVerdict } from "../check/verdicts";
import { computeVerdicts } from "../check/verdicts";
import { placeAndDate, prefixedUpper } from "./partyHeader";
import { cleanText, compareKey } from "../read/values";
import { shortTitle } from "../shared/text";
import type { DateCell, Member, ParsedWorkbook, SimpleDate, Topic } from "../shared/types";
import { UserError } from "../shared/types";

/** The papers filled from a template: đề dẫn, biên bản, the sign-in sheet and the notice
 *  (their own data: meetingPapers.ts), the report of a finished topic (topicReport.ts). */
export type DocumentKind = "de-dan" | "bien-ban" | "danh-sach" | "thong-bao" | "bao-cao";

/** One item of a loop ({#vangCoLyDo}{hoTen}{/vangCoLyDo}). */
export type DocumentRow = Record<string, string>;
export type DocumentValue = string | boolean | DocumentRow[];
/** The data a template is filled with: tag name → value. */
export type DocumentData = Record<string, DocumentValue>;

/** Printed where the workbook has no value, to be filled in by hand. */
export const BLANK = "……………";
export const DATE_BLANK = "ngày …… tháng …… năm ……";

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

export function upper(s: string): string {
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
export function prefixed(prefix: string, value: string): string {
  const v = safe(value);
  if (v === "") return `${prefix} ${BLANK}`;
  const key = compareKey(v);
  const p = compareKey(prefix);
  return key === p || key.startsWith(p + " ") ? v.charAt(0).toLocaleUpperCase("vi") + v.slice(1) : `${prefix} ${v}`;
}

export const ROLE_TEXT: Record<string, string> = {
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
  const topics = register.topics.filter((t) => t.stt === stt);
  if (topics.length > 1) {
    // Điểm danh, Biên bản and Ý kiến name their topic by STT: with two rows of one STT
    // their rows belong to either, so no document is made (TRUNG_STT in the check).
    const rows = topics.map((t) => `dòng ${t.row} “${shortTitle(t.title)}”`).join(", ");
    throw new UserError(
      "TRUNG_STT",
      `Sổ có ${topics.length} chuyên đề cùng STT ${stt} (${rows}) trong trang “${register.sheet}” — không biết lập văn bản cho chuyên đề nào. ` +
        `Đánh lại STT cho mỗi chuyên đề một số riêng, sửa STT chuyên đề ở các trang Điểm danh, Biên bản, Ý kiến cho khớp, rồi lập lại.`,
      { sheet: register.sheet },
    );
  }
  if (topics.length === 1) return topics[0];
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

/** The topic's status as the verdict model sees it on `asOf` (check/verdicts.ts). */
export function topicVerdictOn(book: ParsedWorkbook, topic: Topic, asOf: SimpleDate): TopicVerdict | undefined {
  return computeVerdicts(book, { asOf }).topicAt(topic.row);
}

/** Fields shared by both documents. The topic's quarter and year are the check's (quarter
 *  of its meeting date, else its Quý; year of the date, else the register year
 *  `registerYear`, blank when unknown); its status is the verdict model's. */
export function commonData(
  book: ParsedWorkbook,
  topic: Topic,
  headerDate: SimpleDate | null,
  registerYear: number | null,
  verdict: TopicVerdict | undefined,
): DocumentData {
  const info = book.info;
  // A cell directly under a higher committee (no đảng bộ cơ sở) prints that committee.
  const committee = safe(info.dangBoCoSo) || safe(info.dangBoCapTren);
  const facts =
    verdict?.facts ?? topicFacts(topic, registerYear ?? 0, headerDate ?? topic.meetingOn.value ?? { year: 0, month: 1, day: 1 });
  const quarter = facts.quarter;
  const year = facts.meeting || registerYear !== null ? facts.year : null;
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
    trangThai: verdict ? verdict.label : BLANK,
  };
}

/** Data of the đề dẫn of topic `stt`. The header date is `opts.today` (today, or --ngay). */

/** "Ngày 08/09/2025, Chi ủy đã thông qua dự thảo đề dẫn": who approved the draft and when, in
 *  the words of the notice and the topic report. */
export function approvalSentence(topic: Topic): string {
  const approver = safe(topic.approvedBy);
  const who = approver === "" ? "Chi ủy" : compareKey(approver) === "bi thu" ? "Bí thư chi bộ" : approver;
  const approved = topic.approvedOn.value;
  return approved ? `Ngày ${formatDate(approved)}, ${who} đã thông qua dự thảo đề dẫn` : `${who} đã thông qua dự thảo đề dẫn`;
}

/** "sinh hoạt chuyên đề riêng" / "… lồng ghép với sinh hoạt chi bộ thường kỳ". */
export function formatSentence(topic: Topic): string {
  return topic.format === "longGhep" ? "sinh hoạt chuyên đề lồng ghép với sinh hoạt chi bộ thường kỳ" : "sinh hoạt chuyên đề riêng";
}
