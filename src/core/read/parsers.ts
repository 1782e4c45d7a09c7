// The value parsers one read shares (SPEC §3.6), remembering the texts they have seen.
// Split out of register.ts; the reading stage's entry point is still register.ts.
import type { CellValue, DateCell } from "../shared/types";
import {
  cellMultilineText,
  cellText,
  isBlank,
  parseAttendanceStatus,
  parseDateCell,
  parseFormat,
  parseMemberKind,
  parseNames,
  parseNumber,
  parseQuarter,
  parseStatus,
  parseTime,
  parseYesNo,
} from "./values";

/** isBlank, with a shortcut for the common case of text starting with a visible
 *  character (a sheet of 50,000 rows asks this for every cell). */
export function blank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  if (v.length === 0) return true;
  const c = v.charCodeAt(0);
  if (c > 32 && c < 0x1680 && c !== 0x85 && c !== 0xa0 && c !== 0xad) return false;
  return isBlank(v);
}

/** The value parsers, each remembering its results for text it has seen: registers
 *  repeat the same few texts (statuses, names, dates) over thousands of rows. One set
 *  per read, so nothing is kept between reads. */
export interface Parsers {
  text(v: CellValue): string;
  /** Free text the documents print, line breaks kept (Biên bản, Ý kiến). */
  multiline(v: CellValue): string;
  number(v: CellValue): number | null;
  quarter(v: CellValue): ReturnType<typeof parseQuarter>;
  names(v: CellValue): string[];
  date(v: CellValue): DateCell;
  format(v: CellValue): ReturnType<typeof parseFormat>;
  status(v: CellValue): ReturnType<typeof parseStatus>;
  memberKind(v: CellValue): ReturnType<typeof parseMemberKind>;
  yesNo(v: CellValue): boolean;
  attendance(v: CellValue): ReturnType<typeof parseAttendanceStatus>;
  time(v: CellValue): ReturnType<typeof parseTime>;
}

const MEMO_LIMIT = 200_000;

function memo<T>(fn: (v: CellValue) => T, copy?: (t: T) => T): (v: CellValue) => T {
  const cache = new Map<string, T>();
  return (v) => {
    if (typeof v !== "string") return fn(v);
    let r = cache.get(v);
    if (r === undefined) {
      r = fn(v);
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(v, r);
    }
    return copy ? copy(r) : r;
  };
}

/** parseDateCell remembered for text and for date cells alike (the exceljs adapter gives
 *  a register's dates as Date objects: 25,000 of them in a 5,000-topic register, most
 *  repeated). Each call gets its own copy. */
function dateMemo(date1904: boolean): (v: CellValue) => DateCell {
  const text = memo(
    (v) => parseDateCell(v, date1904),
    (d) => ({ ...d }),
  );
  const byTime = new Map<number, DateCell>();
  return (v) => {
    if (!(v instanceof Date)) return text(v);
    // Whole UTC days (as exceljs gives dates) keyed by day number: small integers
    // hash faster than millisecond doubles.
    const ms = v.getTime();
    const t = ms % 86_400_000 === 0 ? ms / 86_400_000 : ms + 0.5;
    let r = byTime.get(t);
    if (r === undefined) {
      r = parseDateCell(v, date1904);
      if (byTime.size >= MEMO_LIMIT) byTime.clear();
      byTime.set(t, r);
    }
    return { text: r.text, value: r.value, invalid: r.invalid };
  };
}

export function makeParsers(date1904: boolean): Parsers {
  return {
    text: memo(cellText),
    multiline: memo(cellMultilineText),
    number: memo(parseNumber),
    quarter: memo(parseQuarter),
    names: memo(parseNames, (a) => a.slice()),
    date: dateMemo(date1904),
    format: memo(parseFormat),
    status: memo(parseStatus),
    memberKind: memo(parseMemberKind),
    yesNo: memo(parseYesNo),
    attendance: memo(parseAttendanceStatus),
    time: memo(parseTime),
  };
}
