// The report of one finished topic to the cấp ủy cấp trên (guidance 09-HD/ĐUK §2.2c: "Chuyên đề
// sau khi hoàn thiện phải gửi đảng viên trong chi bộ để nghiên cứu, học tập và báo cáo cấp ủy
// cấp trên trực tiếp"): what was held, attendance, conclusions and tasks. Its data is the biên
// bản's (bienBanData: one count of attendance) with the notice's number, approval and signature,
// dated the day it is reported. Pure: filled into bao-cao.docx by src/documents.
import { compareDates, formatDate, formatVietnameseDate } from "../read/dates";
import { twoDigits } from "../check/verdicts";
import { documentNumber } from "../shared/partyFormat";
import type { ParsedWorkbook, SimpleDate } from "../shared/types";
import { UserError } from "../shared/types";
import { SHEETS } from "../read/layout";
import { higherCommitteeName, placeAndDate, signsFor } from "./partyHeader";
import { bienBanData } from "./bienBanData";
import {
  approvalSentence,
  BLANK,
  dateCellText,
  findTopic,
  formatSentence,
  joinNames,
  safe,
  topicVerdictOn,
  type DocumentData,
  type DocumentRow,
} from "./documentText";

/** The report of topic `stt`, dated its Ngày báo cáo cấp trên when the register has one, else
 *  `opts.today`. A topic not yet held is refused: the report states a meeting that took place. */
export function baoCaoData(
  book: ParsedWorkbook,
  stt: number,
  opts: { today: SimpleDate; number?: string },
): { data: DocumentData; problems: string[] } {
  const topic = findTopic(book, stt);
  const meeting = topic.meetingOn.value;
  const verdict = topicVerdictOn(book, topic, opts.today);
  const registerSheet = book.register?.sheet ?? SHEETS.register;
  if (!meeting || !verdict || !verdict.counts) {
    const state = verdict ? `sổ ghi “${verdict.label}”` : "sổ chưa ghi";
    throw new UserError(
      "CHUA_SINH_HOAT",
      `Chưa lập được báo cáo chuyên đề STT ${stt} “${safe(topic.title)}”: chuyên đề chưa sinh hoạt (${state}` +
        `${meeting ? `, ngày sinh hoạt ${formatDate(meeting)}` : ", chưa có ngày sinh hoạt"}; trang “${registerSheet}” dòng ${topic.row}). ` +
        `Báo cáo kết quả lập sau buổi sinh hoạt — khi đã sinh hoạt, ghi Ngày sinh hoạt và Trạng thái “Đã sinh hoạt” rồi lập lại.`,
      { sheet: registerSheet, row: topic.row, column: "Trạng thái" },
    );
  }
  const { data, problems } = bienBanData(book, stt, { today: opts.today });
  if (verdict.kind === "unconfirmed") {
    problems.push(
      `Chuyên đề STT ${stt} đã qua ngày sinh hoạt nhưng sổ chưa có điểm danh, biên bản — báo cáo để trống số có mặt, kết luận để điền tay; ` +
        `nên ghi Trạng thái “Đã sinh hoạt” và nhập Điểm danh, Biên bản rồi lập lại.`,
    );
  }
  // Dated the day it is reported: the register's Ngày báo cáo cấp trên, else today (never
  // before the meeting it reports).
  const reported = topic.reportedOn.value;
  let date = reported ?? opts.today;
  if (compareDates(date, meeting) < 0) {
    problems.push(
      `Ngày báo cáo cấp trên ${formatDate(date)} trước ngày sinh hoạt ${formatDate(meeting)} (trang “${registerSheet}” dòng ${topic.row}) — báo cáo ghi ngày sinh hoạt; hãy sửa ngày trong sổ.`,
    );
    date = meeting;
  }
  const opinions = (data.yKien as DocumentRow[]) ?? [];
  const speakers = [...new Set(opinions.map((o) => o.nguoiPhatBieu))];
  const finalSent = topic.finalSentOn.value;
  const drafters = topic.assignees.map(safe).filter((n) => n !== "");
  const who = drafters.length > 1 ? `Các đồng chí ${joinNames(drafters)}` : `Đồng chí ${drafters[0] ?? BLANK}`;
  if (!finalSent) {
    problems.push(
      `Chuyên đề STT ${stt} chưa ghi Ngày gửi bản hoàn thiện (trang “${registerSheet}” dòng ${topic.row}) — báo cáo ghi chuyên đề đang được hoàn thiện.`,
    );
  }
  Object.assign(data, {
    so: documentNumber("report", "chiBo", opts.number),
    thayMat: signsFor(book.info, book.members?.rows ?? []),
    capTren: higherCommitteeName(book.info),
    thongQuaText: approvalSentence(topic),
    ngayGuiDuThao: dateCellText(topic.draftSentOn),
    hinhThucSinhHoat: formatSentence(topic),
    yKienText:
      opinions.length === 0
        ? "sổ chưa ghi ý kiến phát biểu (trang Ý kiến)"
        : `có ${twoDigits(opinions.length)} lượt ý kiến phát biểu của ${speakers.length > 1 ? "các đồng chí" : "đồng chí"} ${joinNames(speakers)}`,
    hoanThienText: finalSent
      ? `${who} đã tiếp thu ý kiến, hoàn thiện chuyên đề; chuyên đề đã được gửi đảng viên trong chi bộ ngày ${formatDate(finalSent)} để nghiên cứu, học tập`
      : `${who} tiếp thu ý kiến của chi bộ để hoàn thiện chuyên đề; chuyên đề hoàn thiện sẽ được gửi đảng viên trong chi bộ để nghiên cứu, học tập`,
    ngay: formatDate(date),
    ngayVietBang: formatVietnameseDate(date),
    diaDanhNgay: placeAndDate(safe(book.info.diaDanh), date),
  } satisfies DocumentData);
  return { data, problems };
}
