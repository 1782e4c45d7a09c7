// A Biên bản row with both times whose duration is below `Thời lượng tối thiểu`
// (90 min), or `... khi lồng ghép` (120 min) when the topic's Hình thức is Lồng ghép.
// Joined to the register by STT: a row whose STT belongs only to cancelled topics
// is skipped; a row whose STT matches no topic is held to the plain minimum.
// Decision: the duration is Kết thúc − Bắt đầu with no wrap past midnight. A party
// cell does not meet across midnight, so an end before the start is an entry
// mistake; it is reported (negative duration < minimum) with a message saying so.
import { formatTime } from "../read/dates";
import type { RuleContext, RuleMeta } from "./context";
import { onlyCancelled, topicByStt } from "./context";

export const meta: RuleMeta = {
  code: "THOI_LUONG_NGAN",
  severity: "warning",
  description: "Buổi sinh hoạt chuyên đề ngắn hơn thời lượng tối thiểu",
  source: "HD 12-HD/BTCTW; HD 42-HD/BTCTW",
};

export function check(context: RuleContext): void {
  const minutes = context.book.minutes;
  if (!minutes) return;
  const { minDurationMinutes, minDurationCombinedMinutes } = context.thresholds;
  for (const row of minutes.rows) {
    if (row.start === null || row.end === null || onlyCancelled(context, row.topicStt)) continue;
    const topic = row.topicStt === null ? undefined : context.topicsByStt.get(row.topicStt)?.find((t) => !t.cancelled);
    const combined = topic?.topic.format === "longGhep";
    const min = combined ? minDurationCombinedMinutes : minDurationMinutes;
    const duration = row.end - row.start;
    if (duration >= min) continue;
    const times = `${formatTime(row.start)}–${formatTime(row.end)}`;
    const where = `Biên bản ${topicByStt(context, row.topicStt)}`;
    context.report({
      sheet: minutes.sheet,
      row: row.row,
      column: "Kết thúc",
      message:
        duration < 0
          ? `${where}: giờ kết thúc ${formatTime(row.end)} trước giờ bắt đầu ${formatTime(row.start)}. ` +
            `Kiểm tra lại cột Bắt đầu và Kết thúc (ghi giờ theo 24 giờ, ví dụ 14:00).`
          : `${where}: buổi sinh hoạt kéo dài ${duration} phút (${times}), dưới mức tối thiểu ${min} phút` +
            `${combined ? " khi sinh hoạt lồng ghép" : ""} (theo HD 12-HD/BTCTW và HD 42-HD/BTCTW). Kiểm tra lại giờ Bắt đầu, Kết thúc; ` +
            `các buổi sau cần bảo đảm đủ thời lượng sinh hoạt chuyên đề.`,
    });
  }
}
