// A date-formatted number → the Date the grid carries (the wall-clock day and time in its
// UTC fields), as Excel shows it: in the 1900 system serials 1–59 are one day later than a
// plain count from 30/12/1899 would say (Excel counts a 29/02/1900 that never was), and
// serial 60 is that day, which does not exist. A serial Excel cannot show as a date (60,
// negative, past 31/12/9999) stays a number: the engine reports it as an invalid date.
import { excelSerialToDate } from "../core/read/dates";

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function serialToCellDate(serial: number, date1904: boolean): Date | number {
  if (!Number.isFinite(serial)) return serial;
  // A time alone (0 ≤ serial < 1, Excel's day 0): kept on 30/12/1899 for its time, as
  // the grid always carried it (Giờ bắt đầu, Giờ kết thúc).
  if (!date1904 && serial >= 0 && serial < 1) return new Date(EPOCH_1900 + Math.round(serial * MS_PER_DAY));
  // The day itself (and its validity) from the one place that knows Excel's calendar.
  if (excelSerialToDate(serial, date1904) === null) return serial;
  const epoch = date1904 ? EPOCH_1904 : Math.floor(serial) < 60 ? EPOCH_1900_EARLY : EPOCH_1900;
  return new Date(epoch + Math.round(serial * MS_PER_DAY));
}
