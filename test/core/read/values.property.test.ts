import { execFileSync } from "child_process";
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import {
  dateToExcelSerial,
  daysInMonth,
  excelSerialToDate,
  formatDate,
  formatIsoDate,
  formatVietnameseDate,
  fromDayNumber,
  parseIsoDate,
  quarterEnd,
  quarterOf,
  quarterStart,
  toDayNumber,
} from "../../../src/core/read/dates";
import type { CellValue, Quarter, SimpleDate } from "../../../src/core/shared/types";
import {
  cellText,
  compareKey,
  detectLegacyEncoding,
  isBlank,
  normalizeKey,
  parseAttendanceStatus,
  parseDate,
  parseDateCell,
  parseFormat,
  parseMemberKind,
  parseNames,
  parseNumber,
  parsePercent,
  parseQuarter,
  parseStatus,
  parseTime,
  parseYesNo,
} from "../../../src/core/read/values";

// Vietnamese letters: every vowel with every tone, in NFC.
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const VI_LETTERS = [..."bcdđghklmnpqrstvx", ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize("NFC")))];
const viWord = fc.array(fc.constantFrom(...VI_LETTERS), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(""));
const viName = fc
  .array(viWord, { minLength: 1, maxLength: 4 })
  .map((ws) => ws.map((w) => w[0].toUpperCase() + w.slice(1)).join(" "))
  // A name that is itself a separator word or starts like a title is not a name.
  .filter((n) => !/^(và|đồng chí|đ\s*\/\s*c|d\s*\/\s*c)/iu.test(n) && !/ và /iu.test(" " + n + " "));

/** Real Vietnamese words (from HD 09-HD/ĐUK and common names). */
const VI_REAL_WORDS = (
  "biên biểu buổi bày bác báo bí bước bản bảo bị bố bồi bổ bộ chuyên chuẩn chí chính chú chúng chương " +
  "chấp chất chặn chế chỉ chỉnh chọn chủ chức cuộc càng cá các cách cán cáo có công căn cơ cường cấp " +
  "cần cầu cụ của cứ cứu cử cực dân dõi dưỡng dạng dẫn dụng dự dựa dựng ghép giá giác giám giáo giúp " +
  "giải giới giữa góp gắn gọn gợi gửi hiến hiện hoàn hoạt hoặc hàng hành hình hướng hạn hạnh hạt hệ học " +
  "họp hồ hỗ hội hợp khuyết khát khó khóa không khăn khắc khối kiến kiểm kiện kém ký kế kết kịp kỳ kỷ " +
  "liên loại luận luật là làm lãnh lùi lý lưu lượng lần lối lồng lớn lựa lực môn mạng mạnh mặt mối một " +
  "mới mở mục nghiên nghiệp nghĩa nghị ngày ngăn ngắn nhiệm nhà nhân nhóm như nhất nhận nhằm những niệm " +
  "này nâng nêu năm nơi nước nạp nắm nếu nền nội pháp phát phân phù phúc phương phải phản phận phố phối " +
  "phồn phụ phục quyết quân quý quản quần rõ rút sát sạch sản số sống sở sự thiện thiệu thoái thuộc " +
  "thành tháng thân thông thù thúc thư thường thảo thể thị thống thời thức thực tiêu tiến tiếp tiễn " +
  "toàn triển truyền trách trái trên trình trò trước trị trọng trở trợ trực tuyên tác tên tình tích " +
  "tính tú tăng tư tưởng tại tảng tập tỏa tốt tổ tổng tục từng tự viên việc và vào võ văn vấn vắng về " +
  "vệ vị vọng với vụ vững xuất xác xây xã xét xứng yên yêu yếu án ít ôn ý đa điểm đoàn đuk đáng đánh " +
  "đích đóng đôn đơn đưa được đại đạo đảng đất đấu đầu đẩy đến đề để địch định đốc đối đốn đồng đổi độ " +
  "đỡ đức ưu ương ủy thuỷ hoà huỷ khoẻ hoá nguyễn trường phạm lê trần đỗ hồ ngô dương vũ võ đặng bùi " +
  "huỳnh phan thủy hòa hủy khỏe "
)
  .trim()
  .split(" ");
const realWords = fc
  .array(fc.constantFrom(...VI_REAL_WORDS), { minLength: 1, maxLength: 12 })
  .chain((ws) => fc.constantFrom(ws.join(" "), ws.join(" ").toUpperCase(), ws.map((w) => w[0].toUpperCase() + w.slice(1)).join(" ")));

/** Pieces that look like dates, times and quarters, to push the parsers' patterns. */
const TOKENS = [
  "0",
  "1",
  "2",
  "5",
  "12",
  "29",
  "31",
  "2021",
  "21",
  "/",
  "-",
  ".",
  ":",
  " ",
  ",",
  "  ",
  "ngày",
  "tháng",
  "năm",
  "giờ",
  "phút",
  "h",
  "g",
  "quý",
  "Quý",
  "I",
  "V",
  "Q",
  "lúc",
  "sa",
  "pm",
  "đ/c",
  "đồng chí",
  "và",
  ";",
  "\n",
  "\u00a0",
  "(",
  ")",
  "x",
  "có",
  "không",
  "Vắng",
  "lý do",
  "ø",
  "û",
  "¸",
  "µ",
  "\u2212",
  "ñ",
  "ä",
  "aê",
  "é",
];
const tokenString = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((ts) => ts.join(""));

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  tokenString,
  fc.double(),
  fc.integer({ min: -1e7, max: 1e7 }),
  fc.boolean(),
  fc.date(),
  fc.constant(new Date(NaN)),
  fc.constant(null),
  fc.constant(undefined),
);

const dateIn = (minYear: number, maxYear: number): fc.Arbitrary<SimpleDate> =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

/** Every day from start to end inclusive. */
function* days(start: SimpleDate, end: SimpleDate): Generator<SimpleDate> {
  for (let n = toDayNumber(start); n <= toDayNumber(end); n++) yield fromDayNumber(n);
}

function sameDate(a: SimpleDate | null, b: SimpleDate): boolean {
  return a !== null && a.year === b.year && a.month === b.month && a.day === b.day;
}

describe("parsers never throw", () => {
  const parsers: [string, (v: CellValue) => unknown][] = [
    ["cellText", cellText],
    ["isBlank", isBlank],
    ["normalizeKey", (v) => normalizeKey(v as string)],
    ["compareKey", (v) => compareKey(v as string)],
    ["parseDateCell", (v) => parseDateCell(v)],
    ["parseDateCell 1904", (v) => parseDateCell(v, true)],
    ["parseDate", (v) => parseDate(v)],
    ["parseTime", parseTime],
    ["parseQuarter", parseQuarter],
    ["parseStatus", parseStatus],
    ["parseYesNo", parseYesNo],
    ["parseNames", parseNames],
    ["parseFormat", parseFormat],
    ["parseAttendanceStatus", parseAttendanceStatus],
    ["parseMemberKind", parseMemberKind],
    ["parseNumber", parseNumber],
    ["parsePercent", parsePercent],
    ["detectLegacyEncoding", (v) => detectLegacyEncoding(v as string)],
  ];
  test.each(parsers)("%s", (_name, parse) => {
    fc.assert(
      fc.property(anyCell, (v) => {
        parse(v);
      }),
      { numRuns: 2000 },
    );
  });

  test("a parsed date cell is consistent: invalid ⇔ non-empty and no value", () => {
    fc.assert(
      fc.property(anyCell, fc.boolean(), (v, date1904) => {
        const cell = parseDateCell(v, date1904);
        if (cell.value !== null) {
          expect(cell.invalid).toBe(false);
          expect(cell.value.year >= 1 && cell.value.year <= 9999).toBe(true);
          expect(daysInMonth(cell.value.year, cell.value.month) >= cell.value.day).toBe(true);
        }
        expect(cell.invalid).toBe(!isBlank(v) && cell.value === null);
        if (isBlank(v)) expect(cell).toEqual({ text: "", value: null, invalid: false });
      }),
      { numRuns: 3000 },
    );
  });

  test("times, quarters and percents stay in range", () => {
    fc.assert(
      fc.property(anyCell, (v) => {
        const t = parseTime(v);
        if (t !== null) expect(Number.isInteger(t) && t >= 0 && t < 1440).toBe(true);
        const q = parseQuarter(v);
        if (q !== null) expect([1, 2, 3, 4]).toContain(q);
        const p = parsePercent(v);
        if (p !== null) expect(p >= 0 && p <= 1).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test("long hostile text is handled quickly (no runaway regex)", () => {
    const hostile = [
      "1".repeat(5000),
      "1/".repeat(3000),
      "ngày ".repeat(2000) + "x",
      " ".repeat(10000) + "a",
      "Quý ".repeat(2000),
      "8:".repeat(3000),
      "aê".repeat(3000),
      "đ/c ".repeat(2000),
      "a và ".repeat(2000),
      ("1" + " ".repeat(50)).repeat(100) + "x",
    ];
    const start = Date.now();
    for (const s of hostile) {
      parseDateCell(s);
      parseTime(s);
      parseQuarter(s);
      parseStatus(s);
      parseNames(s);
      parseAttendanceStatus(s);
      detectLegacyEncoding(s);
      compareKey(s);
      normalizeKey(s);
    }
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe("round trips", () => {
  test("formatDate → parseDate, every day from 1900 to 2100", () => {
    for (const day of days({ year: 1900, month: 1, day: 1 }, { year: 2100, month: 12, day: 31 })) {
      const text = formatDate(day);
      if (!sameDate(parseDate(text), day)) throw new Error(`${text} did not round-trip`);
    }
  });

  test("formatVietnameseDate → parseDate, every day from 1900 to 2100", () => {
    for (const day of days({ year: 1900, month: 1, day: 1 }, { year: 2100, month: 12, day: 31 })) {
      const text = formatVietnameseDate(day);
      if (!sameDate(parseDate(text), day)) throw new Error(`${text} did not round-trip`);
    }
  });

  test("formatIsoDate → parseIsoDate and parseDate, every day from 1900 to 2100", () => {
    for (const day of days({ year: 1900, month: 1, day: 1 }, { year: 2100, month: 12, day: 31 })) {
      const text = formatIsoDate(day);
      if (!sameDate(parseIsoDate(text), day)) throw new Error(`${text} did not round-trip (iso)`);
      if (!sameDate(parseDate(text), day)) throw new Error(`${text} did not round-trip (cell)`);
    }
  });

  test("day-first text forms, any year 1000–9999", () => {
    fc.assert(
      fc.property(dateIn(1000, 9999), fc.constantFrom("/", "-", "."), fc.boolean(), (day, sep, pad) => {
        const dd = pad ? String(day.day).padStart(2, "0") : String(day.day);
        const mm = pad ? String(day.month).padStart(2, "0") : String(day.month);
        expect(parseDate(`${dd}${sep}${mm}${sep}${day.year}`)).toEqual(day);
        expect(parseDate(` ${formatDate(day)} 8:00 `)).toEqual(day);
        expect(parseDate(formatVietnameseDate(day).normalize("NFD").toUpperCase())).toEqual(day);
      }),
    );
  });

  test("two-digit years are 20yy", () => {
    fc.assert(
      fc.property(dateIn(2000, 2099), (day) => {
        const yy = String(day.year % 100).padStart(2, "0");
        expect(parseDate(`${day.day}/${day.month}/${yy}`)).toEqual(day);
      }),
    );
  });

  test("Excel serials round-trip in the 1900 system, 01/01/1900–31/12/9999", () => {
    fc.assert(
      fc.property(dateIn(1900, 9999), (day) => {
        const serial = dateToExcelSerial(day);
        expect(serial).toBeGreaterThanOrEqual(1);
        expect(serial).not.toBe(60);
        expect(excelSerialToDate(serial)).toEqual(day);
        expect(parseDate(serial)).toEqual(day);
        // A time of day on the serial does not change the day.
        expect(excelSerialToDate(serial + 0.999)).toEqual(day);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
        const day = excelSerialToDate(serial);
        if (serial === 60) expect(day).toBeNull();
        else expect(dateToExcelSerial(day!)).toBe(serial);
      }),
      { numRuns: 5000 },
    );
  });

  test("Excel serials round-trip in the 1904 system, 01/01/1904–31/12/9999", () => {
    fc.assert(
      fc.property(dateIn(1904, 9999), (day) => {
        const serial = dateToExcelSerial(day, true);
        expect(excelSerialToDate(serial, true)).toEqual(day);
        // Same day, 1462 days apart between the systems (from 01/03/1900 on).
        expect(dateToExcelSerial(day) - serial).toBe(1462);
      }),
      { numRuns: 5000 },
    );
  });

  test("JS Dates with the day in their UTC fields read as that day", () => {
    fc.assert(
      fc.property(dateIn(1000, 9999), fc.integer({ min: 0, max: 86399999 }), (day, ms) => {
        const js = new Date(0);
        js.setUTCFullYear(day.year, day.month - 1, day.day);
        js.setUTCHours(0, 0, 0, ms);
        expect(parseDate(js)).toEqual(day);
        expect(parseTime(js)).toBe(Math.floor(ms / 60000));
      }),
    );
  });

  test("quarters: quarterOf(quarterStart(y, q)) = q = quarterOf(quarterEnd(y, q))", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.constantFrom<Quarter>(1, 2, 3, 4), (year, q) => {
        expect(quarterOf(quarterStart(year, q))).toBe(q);
        expect(quarterOf(quarterEnd(year, q))).toBe(q);
        // The quarters tile the year: the day after a quarter's end starts the next one.
        const next = fromDayNumber(toDayNumber(quarterEnd(year, q)) + 1);
        expect(next).toEqual(q === 4 ? { year: year + 1, month: 1, day: 1 } : quarterStart(year, (q + 1) as Quarter));
      }),
    );
  });

  test("every day lies within its quarter", () => {
    fc.assert(
      fc.property(dateIn(1, 9999), (day) => {
        const q = quarterOf(day);
        expect(toDayNumber(quarterStart(day.year, q)) <= toDayNumber(day)).toBe(true);
        expect(toDayNumber(day) <= toDayNumber(quarterEnd(day.year, q))).toBe(true);
      }),
    );
  });

  test("times: a time written h:mm and hhgmm reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const mm = String(m).padStart(2, "0");
        expect(parseTime(`${h}:${mm}`)).toBe(h * 60 + m);
        expect(parseTime(`${h}h${mm}`)).toBe(h * 60 + m);
        expect(parseTime(`${h} giờ ${m}`)).toBe(h * 60 + m);
        expect(parseTime((h * 60 + m) / 1440)).toBe(h * 60 + m);
      }),
    );
  });
});

describe("text keys", () => {
  const anyText = fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), viName, tokenString);

  test("cellText, normalizeKey and compareKey are idempotent", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(cellText(cellText(s))).toBe(cellText(s));
        expect(normalizeKey(normalizeKey(s))).toBe(normalizeKey(s));
        expect(compareKey(compareKey(s))).toBe(compareKey(s));
      }),
      { numRuns: 2000 },
    );
  });

  test("keys do not depend on NFC/NFD, case or spacing", () => {
    fc.assert(
      fc.property(viName, (s) => {
        const variant = "  " + s.normalize("NFD").toUpperCase().replace(/ /g, " \u00a0\n") + " ";
        expect(compareKey(variant)).toBe(compareKey(s));
        expect(normalizeKey(variant)).toBe(normalizeKey(s));
      }),
    );
  });

  test("old and new tone placement give the same key", () => {
    // Build words with oa/oe/uy and a tone on either vowel.
    const pair = fc.record({
      onset: fc.constantFrom("h", "th", "kh", "t", "l", "x", "ng", ""),
      nucleus: fc.constantFrom("oa", "oe", "uy"),
      tone: fc.constantFrom("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"),
      upper: fc.boolean(),
    });
    fc.assert(
      fc.property(pair, ({ onset, nucleus, tone, upper }) => {
        const [v1, v2] = [nucleus[0], nucleus[1]];
        const oldStyle = (onset + v1 + tone + v2).normalize("NFC");
        const newStyle = (onset + v1 + v2 + tone).normalize("NFC");
        const a = upper ? oldStyle.toUpperCase() : oldStyle;
        expect(compareKey(a)).toBe(compareKey(newStyle));
        // …but the tone still counts.
        expect(compareKey(newStyle)).not.toBe(compareKey(onset + v1 + v2));
      }),
    );
  });

  test("names joined with any separator split back", () => {
    const sep = fc.constantFrom(", ", ";", "\n", " và ", " VÀ ", " ,\r\n ", "; đ/c ", ", đồng chí ");
    fc.assert(
      fc.property(fc.array(viName, { minLength: 1, maxLength: 5 }), sep, (names, s) => {
        expect(parseNames(names.join(s))).toEqual(names);
        expect(parseNames(names.join(s).normalize("NFD"))).toEqual(names);
      }),
    );
  });

  test("real Vietnamese text is never taken for a legacy encoding", () => {
    fc.assert(
      fc.property(realWords, (text) => {
        expect(detectLegacyEncoding(text)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });
});

describe("speed (the check reads 5,000 topics and 50,000 attendance rows)", () => {
  // Jest runs test code in a VM context that is many times slower than node on tight loops,
  // so the engine is timed the way the CLI runs it: compiled, in a plain node process.
  test("parsing a large register's values takes well under 100 ms", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "values-speed-"));
    try {
      for (const name of ["shared/types", "read/dates", "read/cellText", "read/values"]) {
        const source = fs.readFileSync(path.join(__dirname, "../../../src/core", name + ".ts"), "utf8");
        const js = ts.transpileModule(source, {
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
        }).outputText;
        fs.mkdirSync(path.dirname(path.join(dir, name + ".js")), { recursive: true });
        fs.writeFileSync(path.join(dir, name + ".js"), js);
      }
      const script = `
        const V = require("./read/values.js");
        const dateCells = [], texts = [], names = [];
        const statuses = ["Có mặt", "Vắng có lý do", "Vắng không lý do", "Miễn sinh hoạt", "x"];
        const people = ["Nguyễn Thị Thuỷ", "Trần Văn Hoà", "Lê Văn Tám", "Phạm Thị Huỷ", "Đỗ Minh Khoa"];
        for (let i = 0; i < 5000; i++) {
          dateCells.push(44197 + (i % 365), (i % 28) + 1 + "/" + ((i % 12) + 1) + "/2021",
            new Date(Date.UTC(2021, i % 12, 1)), "", "ngày " + ((i % 28) + 1) + " tháng 2 năm 2021");
          texts.push(["Đã sinh hoạt", "Dự kiến", "Hoãn", "Huỷ", ""][i % 5]);
          names.push("Đ/c " + people[i % 5] + ", " + people[(i + 1) % 5] + " " + (i % 50));
        }
        const attendanceNames = [];
        for (let i = 0; i < 50000; i++) attendanceNames.push(people[i % 5] + " " + (i % 40));
        const run = () => {
          for (const v of dateCells) V.parseDateCell(v);
          for (let i = 0; i < 5000; i++) {
            V.parseStatus(texts[i]); V.parseQuarter(texts[i]); V.parseFormat(texts[i]);
            V.compareKey(V.cellText(texts[i]));
            for (const n of V.parseNames(names[i])) V.compareKey(n);
          }
          for (let i = 0; i < 50000; i++) {
            V.parseAttendanceStatus(statuses[i % 5]);
            V.compareKey(attendanceNames[i]);
            V.parseNumber(i % 5000);
          }
        };
        let best = Infinity;
        for (let k = 0; k < 5; k++) {
          const t = process.hrtime.bigint();
          run();
          best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
        }
        process.stdout.write(String(best));
      `;
      const out = execFileSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" });
      const elapsed = Number(out);
      expect(Number.isFinite(elapsed)).toBe(true);
      // The whole check has 100 ms; reading the values must be a fraction of it.
      expect(elapsed).toBeLessThan(50);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
