import {
  addDays,
  compareDates,
  dateToExcelSerial,
  daysInMonth,
  excelSerialToDate,
  formatDate,
  formatIsoDate,
  formatQuarter,
  formatTime,
  formatVietnameseDate,
  fromDayNumber,
  isLeapYear,
  isValidDate,
  localDateFromJsDate,
  parseIsoDate,
  quarterEnd,
  quarterOf,
  quarterStart,
  romanQuarter,
  toDayNumber,
  todayLocal,
} from "../../../src/core/read/dates";
import type { Quarter, SimpleDate } from "../../../src/core/shared/types";

const d = (year: number, month: number, day: number): SimpleDate => ({ year, month, day });

describe("isValidDate", () => {
  test.each([
    [2021, 2, 5, true],
    [2021, 1, 31, true],
    [2021, 2, 28, true],
    [2021, 2, 29, false], // not a leap year
    [2023, 2, 29, false],
    [2024, 2, 29, true],
    [2000, 2, 29, true], // divisible by 400
    [1900, 2, 29, false], // divisible by 100 only
    [2100, 2, 29, false],
    [2021, 2, 31, false],
    [2021, 4, 31, false],
    [2021, 6, 31, false],
    [2021, 9, 31, false],
    [2021, 11, 31, false],
    [2021, 12, 31, true],
    [2021, 13, 1, false],
    [2021, 0, 1, false],
    [2021, 1, 0, false],
    [2021, 1, 32, false],
    [2021, -1, 1, false],
    [2021, 1.5, 1, false],
    [2021, 1, 1.5, false],
    [2021.5, 1, 1, false],
    [NaN, 1, 1, false],
    [2021, NaN, 1, false],
    [0, 1, 1, false],
    [1, 1, 1, true],
    [9999, 12, 31, true],
    [10000, 1, 1, false],
    [1899, 1, 1, true],
  ])("%d-%d-%d → %s", (y, m, day, ok) => {
    expect(isValidDate(y, m, day)).toBe(ok);
  });
});

describe("isLeapYear / daysInMonth", () => {
  test.each([
    [2020, true],
    [2021, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])("leap %d → %s", (y, leap) => expect(isLeapYear(y)).toBe(leap));
  test.each([
    [2021, 1, 31],
    [2021, 2, 28],
    [2024, 2, 29],
    [2021, 3, 31],
    [2021, 4, 30],
    [2021, 5, 31],
    [2021, 6, 30],
    [2021, 7, 31],
    [2021, 8, 31],
    [2021, 9, 30],
    [2021, 10, 31],
    [2021, 11, 30],
    [2021, 12, 31],
  ])("%d-%d has %d days", (y, m, n) => expect(daysInMonth(y, m)).toBe(n));
});

describe("day numbers", () => {
  test.each([
    [d(1970, 1, 1), 0],
    [d(1970, 1, 2), 1],
    [d(1969, 12, 31), -1],
    [d(2000, 1, 1), 10957],
    [d(2000, 3, 1), 11017],
    [d(2021, 2, 5), 18663],
    [d(1900, 1, 1), -25567],
    [d(1600, 3, 1), -135080],
  ])("%j ↔ %d", (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toEqual(date);
  });

  test("agrees with Date.UTC every day from 1890 to 2110", () => {
    const start = Date.UTC(1890, 0, 1) / 86400000;
    const end = Date.UTC(2110, 11, 31) / 86400000;
    for (let n = start; n <= end; n++) {
      const js = new Date(n * 86400000);
      const expected = d(js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate());
      const got = fromDayNumber(n);
      if (got.year !== expected.year || got.month !== expected.month || got.day !== expected.day) {
        throw new Error(`day ${n}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
      }
      if (toDayNumber(expected) !== n) throw new Error(`toDayNumber(${JSON.stringify(expected)}) ≠ ${n}`);
    }
  });
});

describe("addDays / compareDates", () => {
  test.each([
    [d(2021, 2, 28), 1, d(2021, 3, 1)],
    [d(2024, 2, 28), 1, d(2024, 2, 29)],
    [d(2024, 2, 29), 1, d(2024, 3, 1)],
    [d(2021, 12, 31), 1, d(2022, 1, 1)],
    [d(2022, 1, 1), -1, d(2021, 12, 31)],
    [d(2021, 3, 1), -1, d(2021, 2, 28)],
    [d(2021, 1, 15), 14, d(2021, 1, 29)],
    [d(2021, 1, 15), 0, d(2021, 1, 15)],
    [d(2021, 1, 1), 365, d(2022, 1, 1)],
    [d(2020, 1, 1), 365, d(2020, 12, 31)],
  ])("%j + %d = %j", (a, n, b) => expect(addDays(a, n)).toEqual(b));

  test.each([
    [d(2021, 2, 5), d(2021, 2, 5), 0],
    [d(2021, 2, 4), d(2021, 2, 5), -1],
    [d(2021, 2, 6), d(2021, 2, 5), 1],
    [d(2021, 1, 31), d(2021, 2, 1), -1],
    [d(2020, 12, 31), d(2021, 1, 1), -1],
    [d(2022, 1, 1), d(2021, 12, 31), 1],
  ])("compare %j %j", (a, b, sign) => expect(Math.sign(compareDates(a, b))).toBe(sign));
});

describe("quarters", () => {
  test.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 2],
    [5, 2],
    [6, 2],
    [7, 3],
    [8, 3],
    [9, 3],
    [10, 4],
    [11, 4],
    [12, 4],
  ])("month %d is quarter %d", (m, q) => {
    expect(quarterOf(d(2021, m, 1))).toBe(q);
    expect(quarterOf(d(2021, m, 28))).toBe(q);
  });

  test.each([
    [1, d(2021, 1, 1), d(2021, 3, 31)],
    [2, d(2021, 4, 1), d(2021, 6, 30)],
    [3, d(2021, 7, 1), d(2021, 9, 30)],
    [4, d(2021, 10, 1), d(2021, 12, 31)],
  ] as [Quarter, SimpleDate, SimpleDate][])("quarter %d of 2021", (q, start, end) => {
    expect(quarterStart(2021, q)).toEqual(start);
    expect(quarterEnd(2021, q)).toEqual(end);
  });

  test.each([
    [1, "I", "Quý I/2021"],
    [2, "II", "Quý II/2021"],
    [3, "III", "Quý III/2021"],
    [4, "IV", "Quý IV/2021"],
  ] as [Quarter, string, string][])("quarter %d is written %s", (q, roman, full) => {
    expect(romanQuarter(q)).toBe(roman);
    expect(formatQuarter(q, 2021)).toBe(full);
  });
});

describe("Excel serials, 1900 system", () => {
  test.each([
    [1, d(1900, 1, 1)],
    [2, d(1900, 1, 2)],
    [31, d(1900, 1, 31)],
    [59, d(1900, 2, 28)],
    [61, d(1900, 3, 1)], // after Excel's fake 29/02/1900
    [366, d(1900, 12, 31)],
    [367, d(1901, 1, 1)],
    [25569, d(1970, 1, 1)],
    [36526, d(2000, 1, 1)],
    [44197, d(2021, 1, 1)],
    [44232, d(2021, 2, 5)],
    [44255, d(2021, 2, 28)],
    [44256, d(2021, 3, 1)],
    [44621, d(2022, 3, 1)],
    [45351, d(2024, 2, 29)],
    [2958465, d(9999, 12, 31)],
  ])("serial %d = %j", (serial, date) => {
    expect(excelSerialToDate(serial)).toEqual(date);
    expect(dateToExcelSerial(date)).toBe(serial);
  });

  test.each([
    [44232.354166666664, d(2021, 2, 5)], // 05/02/2021 08:30
    [44232.99999, d(2021, 2, 5)], // 23:59:59
    [44231.99999999999, d(2021, 2, 5)], // a formula's rounding error just below midnight
    [44232.5, d(2021, 2, 5)],
  ])("serial with a time %d is the day %j", (serial, date) => {
    expect(excelSerialToDate(serial)).toEqual(date);
  });

  test.each([[60], [0], [-1], [-44232], [0.5], [2958466], [NaN], [Infinity], [-Infinity]])("serial %d is no day", (serial) => {
    expect(excelSerialToDate(serial)).toBeNull();
  });
});

describe("Excel serials, 1904 system", () => {
  test.each([
    [0, d(1904, 1, 1)],
    [1, d(1904, 1, 2)],
    [59, d(1904, 2, 29)],
    [42770, d(2021, 2, 5)], // 44232 − 1462
    [2957003, d(9999, 12, 31)],
  ])("serial %d = %j", (serial, date) => {
    expect(excelSerialToDate(serial, true)).toEqual(date);
    expect(dateToExcelSerial(date, true)).toBe(serial);
  });

  test("the same serial is a different day in the two systems", () => {
    expect(excelSerialToDate(44232, true)).toEqual(d(2025, 2, 6));
    expect(excelSerialToDate(44232, false)).toEqual(d(2021, 2, 5));
  });

  test.each([[-1], [2957004], [NaN]])("serial %d is no day", (serial) => {
    expect(excelSerialToDate(serial, true)).toBeNull();
  });
});

describe("formatting", () => {
  test.each([
    [d(2021, 2, 5), "05/02/2021", "2021-02-05"],
    [d(2021, 12, 31), "31/12/2021", "2021-12-31"],
    [d(2021, 10, 1), "01/10/2021", "2021-10-01"],
    [d(1899, 1, 1), "01/01/1899", "1899-01-01"],
    [d(999, 1, 1), "01/01/0999", "0999-01-01"],
  ])("%j → %s, %s", (date, text, iso) => {
    expect(formatDate(date)).toBe(text);
    expect(formatIsoDate(date)).toBe(iso);
  });

  test.each([
    [d(2021, 2, 5), "ngày 05 tháng 02 năm 2021"],
    [d(2021, 1, 9), "ngày 09 tháng 01 năm 2021"],
    [d(2021, 1, 10), "ngày 10 tháng 01 năm 2021"],
    [d(2021, 3, 15), "ngày 15 tháng 3 năm 2021"],
    [d(2021, 3, 1), "ngày 01 tháng 3 năm 2021"],
    [d(2021, 9, 30), "ngày 30 tháng 9 năm 2021"],
    [d(2021, 10, 2), "ngày 02 tháng 10 năm 2021"],
    [d(2021, 12, 5), "ngày 05 tháng 12 năm 2021"],
    [d(2021, 2, 28), "ngày 28 tháng 02 năm 2021"],
  ])("%j → %s", (date, text) => {
    expect(formatVietnameseDate(date)).toBe(text);
    expect(formatVietnameseDate(date).normalize("NFC")).toBe(formatVietnameseDate(date));
  });

  test.each([
    [0, "00:00"],
    [5, "00:05"],
    [480, "08:00"],
    [510, "08:30"],
    [870, "14:30"],
    [1439, "23:59"],
  ])("%d minutes → %s", (m, text) => expect(formatTime(m)).toBe(text));
});

describe("parseIsoDate", () => {
  test.each([
    ["2021-02-05", d(2021, 2, 5)],
    [" 2021-02-05 ", d(2021, 2, 5)],
    ["2024-02-29", d(2024, 2, 29)],
    ["1899-01-01", d(1899, 1, 1)],
  ])("%s → %j", (s, date) => expect(parseIsoDate(s)).toEqual(date));

  test.each([
    ["2021-02-29"],
    ["2021-13-01"],
    ["2021-00-10"],
    ["2021-02-00"],
    ["2021-2-5"], // --ngay wants the strict form
    ["05/02/2021"],
    ["2021/02/05"],
    ["20210205"],
    [""],
    ["abc"],
    ["2021-02-05x"],
    ["0000-01-01"],
  ])("%s → null", (s) => expect(parseIsoDate(s)).toBeNull());
});

describe("JS Dates", () => {
  test("cell Dates are read from their UTC fields, whatever the machine's zone", () => {
    // exceljs gives 05/02/2021 as 2021-02-05T00:00Z; in Asia/Ho_Chi_Minh that is 07:00 local.
    expect(localDateFromJsDate(new Date(Date.UTC(2021, 1, 5)))).toEqual(d(2021, 2, 5));
    expect(localDateFromJsDate(new Date(Date.UTC(2021, 1, 5, 23, 59)))).toEqual(d(2021, 2, 5));
  });

  test("today is the local date (18:00 UTC is already tomorrow in Hà Nội)", () => {
    expect(process.env.TZ).toBe("Asia/Ho_Chi_Minh");
    expect(todayLocal(new Date(Date.UTC(2021, 1, 5, 18, 0)))).toEqual(d(2021, 2, 6));
    expect(todayLocal(new Date(Date.UTC(2021, 1, 5, 16, 59)))).toEqual(d(2021, 2, 5));
  });

  test("todayLocal() with no argument is today", () => {
    const now = new Date();
    const t = todayLocal();
    expect(t).toEqual(d(now.getFullYear(), now.getMonth() + 1, now.getDate()));
  });
});
