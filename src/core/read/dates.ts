// Calendar arithmetic on SimpleDate (no time zone, no JS Date pitfalls) and the
// fixed text forms of dates, times and quarters. Pure integer maths: works for
// any year, needs no Node API, and gives the same answer in every time zone.
import type { Quarter, SimpleDate, TimeOfDay } from "../shared/types";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** A real calendar day, year 1–9999 (what Excel and a register can hold). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function toDayNumber(d: SimpleDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber (civil_from_days). */
export function fromDayNumber(n: number): SimpleDate {
  const z = Math.floor(n) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function addDays(d: SimpleDate, n: number): SimpleDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** <0 when a is before b, 0 when the same day, >0 when after. */
export function compareDates(a: SimpleDate, b: SimpleDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function quarterOf(d: SimpleDate): Quarter {
  return Math.floor((d.month - 1) / 3 + 1) as Quarter;
}

export function quarterStart(year: number, q: Quarter): SimpleDate {
  return { year, month: (q - 1) * 3 + 1, day: 1 };
}

export function quarterEnd(year: number, q: Quarter): SimpleDate {
  const month = q * 3;
  return { year, month, day: daysInMonth(year, month) };
}

// Excel serials. 1900 system: serial 1 = 01/01/1900 and Excel counts a 29/02/1900
// that never existed (serial 60), so from serial 61 on the epoch is 30/12/1899.
// 1904 system: serial 0 = 01/01/1904.
const EPOCH_1900 = toDayNumber({ year: 1899, month: 12, day: 30 });
const EPOCH_1900_EARLY = toDayNumber({ year: 1899, month: 12, day: 31 });
const EPOCH_1904 = toDayNumber({ year: 1904, month: 1, day: 1 });
/** 31/12/9999, the last day Excel can show. */
const MAX_SERIAL_1900 = 2958465;
const MAX_SERIAL_1904 = MAX_SERIAL_1900 - 1462;
const MS_PER_DAY = 86400000;

/** Whole days of a serial, after rounding to the millisecond the way Excel and exceljs
 *  do (so 44231.99999999999 from a formula is still 05/02/2021). */
function serialDays(serial: number): number {
  return Math.floor(Math.round(serial * MS_PER_DAY) / MS_PER_DAY);
}

/** The day of an Excel serial (a time part is ignored). null for serials that are not a
 *  day Excel can show: below 1 (1900 system) or 0 (1904), beyond 31/12/9999, not finite,
 *  and serial 60 of the 1900 system (Excel's non-existent 29/02/1900). */
export function excelSerialToDate(serial: number, date1904 = false): SimpleDate | null {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return null;
  const days = serialDays(serial);
  if (date1904) {
    if (days < 0 || days > MAX_SERIAL_1904) return null;
    return fromDayNumber(EPOCH_1904 + days);
  }
  if (days < 1 || days > MAX_SERIAL_1900 || days === 60) return null;
  return fromDayNumber((days < 60 ? EPOCH_1900_EARLY : EPOCH_1900) + days);
}

/** The Excel serial of a day. Days before the system's epoch give numbers Excel cannot
 *  show as dates (≤ 0 in the 1900 system, < 0 in 1904). */
export function dateToExcelSerial(d: SimpleDate, date1904 = false): number {
  const n = toDayNumber(d);
  if (date1904) return n - EPOCH_1904;
  const s = n - EPOCH_1900;
  // Before 01/03/1900 Excel's serials are one lower than a true count (its fake 29/02/1900).
  return s < 61 ? n - EPOCH_1900_EARLY : s;
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

function pad4(n: number): string {
  const s = String(n);
  return s.length >= 4 ? s : "0000".slice(s.length) + s;
}

/** dd/mm/yyyy */
export function formatDate(d: SimpleDate): string {
  return pad2(d.day) + "/" + pad2(d.month) + "/" + pad4(d.year);
}

/** yyyy-mm-dd */
export function formatIsoDate(d: SimpleDate): string {
  return pad4(d.year) + "-" + pad2(d.month) + "-" + pad2(d.day);
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict yyyy-mm-dd (command-line `--ngay`, JSON). null when not a real day. */
export function parseIsoDate(s: string): SimpleDate | null {
  if (typeof s !== "string") return null;
  const m = ISO_DATE_RE.exec(s.trim());
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/** "ngày 05 tháng 02 năm 2021": day < 10 and months 1–2 with a leading zero (SPEC §7,
 *  HD 36-HD/VPTW), other months without ("ngày 15 tháng 3 năm 2021"). */
export function formatVietnameseDate(d: SimpleDate): string {
  const month = d.month <= 2 ? pad2(d.month) : String(d.month);
  return "ngày " + pad2(d.day) + " tháng " + month + " năm " + d.year;
}

const ROMAN_QUARTERS = ["I", "II", "III", "IV"] as const;

export function romanQuarter(q: Quarter): string {
  return ROMAN_QUARTERS[q - 1];
}

/** "Quý I/2021" */
export function formatQuarter(q: Quarter, year: number): string {
  return "Quý " + romanQuarter(q) + "/" + year;
}

/** Today's date on the user's clock (local fields, unlike cell dates). */
export function todayLocal(now: Date = new Date()): SimpleDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** "08:00" from minutes after midnight. */
export function formatTime(minutes: TimeOfDay): string {
  const m = Math.round(minutes);
  return pad2(Math.floor(m / 60)) + ":" + pad2(m % 60);
}

/** The wall-clock day of a cell Date: exceljs (and our adapters) put it in the UTC fields.
 *  An invalid Date gives NaN fields; parseDate checks for that. */
export function localDateFromJsDate(d: Date): SimpleDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
