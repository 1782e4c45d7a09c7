// Round trips test/core/read/values.property.test.ts leaves out: every formatter's output
// parses back to what was formatted (times, quarters, dates shown by cellText, numbers),
// and the error-value test never throws and knows what Excel shows.
import fc from "fast-check";
import { formatDate, formatQuarter, formatTime, romanQuarter } from "../../src/core/read/dates";
import { cellText, isExcelError, parseDate, parseNumber, parseQuarter, parseTime } from "../../src/core/read/values";
import type { CellValue, Quarter } from "../../src/core/shared/types";

const quarter = fc.constantFrom<Quarter>(1, 2, 3, 4);

test("formatTime → parseTime, every minute of the day", () => {
  for (let m = 0; m < 1440; m++) expect(parseTime(formatTime(m))).toBe(m);
});

test("romanQuarter, formatQuarter, Quý N, QN → parseQuarter", () => {
  fc.assert(
    fc.property(quarter, fc.integer({ min: 1900, max: 2200 }), (q, year) => {
      expect(parseQuarter(romanQuarter(q))).toBe(q);
      expect(parseQuarter(formatQuarter(q, year))).toBe(q);
      expect(parseQuarter(`Quý ${q}`)).toBe(q);
      expect(parseQuarter(`Q${q}`)).toBe(q);
      expect(parseQuarter(q)).toBe(q);
    }),
  );
});

test("cellText of a date cell (a UTC Date) parses back to that day", () => {
  fc.assert(
    fc.property(fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (d) => {
      const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      const text = cellText(day);
      expect(parseDate(text)).toEqual({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() });
      expect(formatDate(parseDate(day)!)).toBe(text);
    }),
  );
});

test("cellText of a number parses back (15 significant digits, as Excel shows)", () => {
  fc.assert(
    // Below 1e-6 JS prints an exponent ("1e-7"), which no cell in a register holds as text.
    fc.property(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).filter((n) => n === 0 || Math.abs(n) >= 1e-6),
      (n) => {
        const back = parseNumber(cellText(n));
        expect(back).not.toBeNull();
        expect(back === parseFloat(n.toPrecision(15))).toBe(true);
      },
    ),
  );
});

test("isExcelError: never throws, true only for Excel's error codes", () => {
  const anyCell: fc.Arbitrary<CellValue> = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.date());
  fc.assert(
    fc.property(anyCell, (v) => {
      const e = isExcelError(v);
      if (e) expect(typeof v === "string" && v.trim().startsWith("#")).toBe(true);
    }),
    { numRuns: 3000 },
  );
  for (const code of ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"]) {
    expect(isExcelError(code)).toBe(true);
  }
  for (const text of ["#1", "# N/A", "N/A", "#REF", "Chuyên đề #N/A", "", "#"]) expect(isExcelError(text)).toBe(false);
});
