// The biên bản's data (SPEC §7): who attended (Đảng viên and Điểm danh), the meeting
// (Biên bản), the opinions (Ý kiến), and the problems found while computing it (counts that
// do not add up, an opinion from a member marked absent, more votes than chính thức members
// present…), in Vietnamese. Counting attendance is check/attendance.ts's; the topic's
// status is the verdict model's.
import { percentText } from "../shared/percent";
import { formatDate } from "../read/dates";
import { inferYear } from "../check/facts";
import { absentRowOf, isWrittenOpinion, presentByKind, voteCeiling } from "../check/attendance";
import { voteCount } from "../read/vote";
import { compareKey } from "../read/values";
import type { AttendanceRow, MinutesRow, ParsedWorkbook, SimpleDate } from "../shared/types";
import { SHEETS } from "../read/layout";
import type { DocumentData, DocumentRow } from "./documentText";
import { BLANK, ROLE_TEXT, commonData, findTopic, memberList, orBlank, safe, timeText, topicVerdictOn } from "./documentText";

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
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const r of rows) {
    const name = safe(r.name);
    const key = compareKey(name);
    if (seen.has(key)) duplicates.push(name);
    else seen.set(key, name);
    switch (r.status) {
      case "present":
        present++;
        break;
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
  // The split by Loại (check/attendance.ts); left blank when a name present is not on the
  // list or has no Loại, since the two would not add up.
  const byKind = presentByKind(rows, members);
  c.presentChinhThuc = byKind.unknown > 0 ? null : byKind.chinhThuc;
  c.presentDuBi = byKind.unknown > 0 ? null : byKind.duBi;
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
  // Without a meeting date the quarter's year is the register year Y (SPEC §4). The status
  // is the verdict model's on the day the minutes are made (else on the meeting day).
  const asOf = opts.today ?? meeting;
  const verdict = asOf ? topicVerdictOn(book, topic, asOf) : undefined;
  const data = commonData(book, topic, meeting, opts.today ? inferYear(book, { asOf: opts.today }) : book.info.year, verdict);
  if (verdict && !verdict.counts) {
    problems.push(
      verdict.kind === "planned"
        ? `Chuyên đề STT ${stt} chưa sinh hoạt (sổ ghi ${verdict.label}${meeting ? `, ngày sinh hoạt ${formatDate(meeting)}` : ""}) — biên bản lập trước, sau buổi sinh hoạt cần lập lại cho đủ số liệu.`
        : `Chuyên đề STT ${stt} đang ghi ${verdict.label} trong sổ — kiểm tra lại Trạng thái trước khi dùng biên bản này.`,
    );
  }

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

  // An opinion from a member Điểm danh marks absent is printed with "(vắng mặt)" beside
  // the name, never as if they had spoken in the room (Y_KIEN_NGUOI_VANG).
  const attendance = (book.attendance?.rows ?? []).filter((r) => r.topicStt === stt);
  const opinionSheet = book.opinions?.sheet ?? SHEETS.opinions;
  const opinions: DocumentRow[] = (book.opinions?.rows ?? [])
    .filter((r) => r.topicStt === stt && (safe(r.speaker) !== "" || safe(r.content) !== ""))
    .map((r, i) => {
      const absent = absentRowOf(attendance, r.speaker) !== undefined;
      if (absent && !isWrittenOpinion(r.content)) {
        problems.push(
          `Trang “${opinionSheet}” dòng ${r.row}: ý kiến của đồng chí ${safe(r.speaker)} nhưng điểm danh ghi đồng chí vắng — biên bản ghi “(vắng mặt)” bên tên. ` +
            `Nếu đồng chí có mặt, sửa Điểm danh; nếu gửi ý kiến bằng văn bản, ghi rõ trong nội dung ý kiến.`,
        );
      }
      return { stt: String(i + 1), nguoiPhatBieu: `${orBlank(r.speaker)}${absent ? " (vắng mặt)" : ""}`, noiDung: orBlank(r.content) };
    });
  const delegates = safe(minutes?.delegates ?? "");
  const vote = safe(minutes?.vote ?? "");
  const votes = voteCount(vote);
  if (votes !== null && attendance.length > 0) {
    const { ceiling } = voteCeiling(attendance, members);
    if (votes > ceiling) {
      problems.push(
        `Biểu quyết ghi “${vote}” (${votes} phiếu) nhiều hơn ${ceiling} đảng viên chính thức có mặt; đảng viên dự bị không biểu quyết — sửa cột Biểu quyết ở trang “${book.minutes?.sheet ?? SHEETS.minutes}”.`,
      );
    }
  }

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
    tyLeCoMat: counts.present !== null && mustAttend !== null && mustAttend > 0 ? percentText(counts.present, mustAttend) : BLANK,
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
