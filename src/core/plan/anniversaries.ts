// The year's great anniversaries ("các ngày kỷ niệm lớn trong năm", Guidance 09 §1.1, first
// item), so the plan can propose a topic tied to one in the quarter it falls in.
//
// Source: Nghị định 145/2013/NĐ-CP ngày 29/10/2013 của Chính phủ, Điều 4 "Các ngày lễ lớn"
// (https://hethongphapluat.com/nghi-dinh-145-2013-nd-cp-…/dieu-4). Its list is: Tết Nguyên đán
// (1 tháng Giêng âm lịch), Ngày thành lập Đảng Cộng sản Việt Nam (03-02-1930), Giỗ Tổ Hùng
// Vương (10-3 âm lịch), Ngày Giải phóng miền Nam, thống nhất đất nước (30-4-1975), Ngày Chiến
// thắng Điện Biên Phủ (07-5-1954), Ngày sinh Chủ tịch Hồ Chí Minh (19-5-1890), Ngày Cách mạng
// Tháng Tám (19-8-1945) và Ngày Quốc khánh (02-9-1945). The two lunar-calendar days are left
// out: their solar date, and so their quarter, changes every year, and they are not events a
// topic "ôn truyền thống" of. Nothing is added beyond the decree's list.
//
// The same decree, Điều 3 (Giải thích từ ngữ), names the anniversaries that are celebrated:
// "năm tròn" is a number of years divisible by 10 (it ends in 0: 80 năm, 100 năm) and "năm
// chẵn" one divisible by 5 that is not a năm tròn (it ends in 5: 75 năm, 95 năm), as the
// article is quoted. Those years are marked with that name.
import { quarterOf } from "../read/dates";
import type { Quarter, SimpleDate } from "../shared/types";

export interface GreatDay {
  /** The event's date (the founding year for a yearly anniversary). */
  date: SimpleDate;
  /** Name as the decree writes it. */
  name: string;
}

export const GREAT_DAYS: readonly GreatDay[] = [
  { date: { year: 1930, month: 2, day: 3 }, name: "Ngày thành lập Đảng Cộng sản Việt Nam" },
  { date: { year: 1975, month: 4, day: 30 }, name: "Ngày Giải phóng miền Nam, thống nhất đất nước" },
  { date: { year: 1954, month: 5, day: 7 }, name: "Ngày Chiến thắng Điện Biên Phủ" },
  { date: { year: 1890, month: 5, day: 19 }, name: "Ngày sinh Chủ tịch Hồ Chí Minh" },
  { date: { year: 1945, month: 8, day: 19 }, name: "Ngày Cách mạng Tháng Tám" },
  { date: { year: 1945, month: 9, day: 2 }, name: "Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam" },
];

export interface Anniversary {
  /** The day in the plan's year. */
  date: SimpleDate;
  quarter: Quarter;
  name: string;
  /** How many years since the event. */
  years: number;
  /** A multiple of 5: a năm tròn or a năm chẵn (Nghị định 145/2013/NĐ-CP, Điều 3). */
  round: boolean;
  /** "năm tròn" (a multiple of 10), "năm chẵn" (a multiple of 5, not of 10), or null. */
  roundName: "năm tròn" | "năm chẵn" | null;
  /** "Kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2021)". */
  label: string;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const dm = (d: SimpleDate): string => `${pad(d.day)}/${pad(d.month)}`;

/** Nghị định 145/2013/NĐ-CP, Điều 3: "năm tròn" ends in 0, "năm chẵn" in 5. */
export function roundName(years: number): "năm tròn" | "năm chẵn" | null {
  if (years % 10 === 0) return "năm tròn";
  return years % 5 === 0 ? "năm chẵn" : null;
}

/** The great anniversaries of `year`, in date order. */
export function anniversariesOf(year: number): Anniversary[] {
  return GREAT_DAYS.filter((g) => g.date.year < year)
    .map((g) => {
      const date = { year, month: g.date.month, day: g.date.day };
      const years = year - g.date.year;
      return {
        date,
        quarter: quarterOf(date),
        name: g.name,
        years,
        round: years % 5 === 0,
        roundName: roundName(years),
        label: `Kỷ niệm ${years} năm ${g.name} (${dm(g.date)}/${g.date.year} – ${dm(date)}/${year})`,
      };
    })
    .sort((a, b) => a.date.month - b.date.month || a.date.day - b.date.day);
}

/** A topic title for an anniversary, in the words of Guidance 09 §1.1's first item. */
export function anniversaryTopic(a: Anniversary): string {
  return `Ôn truyền thống, ${a.label.charAt(0).toLocaleLowerCase("vi")}${a.label.slice(1)}`;
}
