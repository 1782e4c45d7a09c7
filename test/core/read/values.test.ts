import type { CellValue, SimpleDate } from "../../../src/core/shared/types";
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

const d = (year: number, month: number, day: number): SimpleDate => ({ year, month, day });
const nfd = (s: string) => s.normalize("NFD");
const utc = (y: number, m: number, day: number, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m - 1, day, h, min, s));

describe("cellText", () => {
  test.each<[CellValue, string]>([
    [null, ""],
    [undefined, ""],
    ["", ""],
    ["   ", ""],
    ["\u00a0\u00a0", ""],
    ["  Nguyễn   Văn  A  ", "Nguyễn Văn A"],
    ["Nguyễn\u00a0Văn\u00a0A", "Nguyễn Văn A"],
    ["Nguyễn\nVăn\r\nA", "Nguyễn Văn A"],
    ["Nguyễn\tVăn", "Nguyễn Văn"],
    ["Nguy\u200bễn", "Nguyễn"],
    ["\ufeffChi bộ", "Chi bộ"],
    [nfd("Nguyễn Thị Thuỷ"), "Nguyễn Thị Thuỷ"],
    ["plain", "plain"],
    [12, "12"],
    [0, "0"],
    [-3, "-3"],
    [1.5, "1.5"],
    [0.1 + 0.2, "0.3"],
    [44232, "44232"],
    [true, "TRUE"],
    [false, "FALSE"],
    [utc(2021, 2, 5), "05/02/2021"],
    [utc(2021, 2, 5, 23, 30), "05/02/2021"],
    [new Date(NaN), ""],
    ["#N/A", "#N/A"],
  ])("%j → %j", (v, text) => {
    expect(cellText(v)).toBe(text);
  });

  test("result is NFC", () => {
    const t = cellText(nfd("Đảng bộ Khối"));
    expect(t).toBe("Đảng bộ Khối");
    expect(t.normalize("NFC")).toBe(t);
    expect(t.length).toBe("Đảng bộ Khối".length);
  });
});

describe("isBlank", () => {
  test.each<[CellValue, boolean]>([
    [null, true],
    [undefined, true],
    ["", true],
    ["   ", true],
    ["\u00a0", true],
    ["\n\t ", true],
    ["\u200b", true],
    ["a", false],
    [" x ", false],
    [0, false],
    [false, false],
    [utc(2021, 2, 5), false],
  ])("%j → %s", (v, blank) => expect(isBlank(v)).toBe(blank));
});

describe("normalizeKey (headers, SPEC §3.6)", () => {
  test.each([
    ["Tên chuyên đề", "ten chuyen de"],
    ["TÊN CHUYÊN ĐỀ", "ten chuyen de"],
    ["  Ngày sinh hoạt (dự kiến) ", "ngay sinh hoat du kien"],
    ["Đ/c phụ trách", "d c phu trach"],
    ["Số TT", "so tt"],
    ["Số chuyên đề tối thiểu/năm", "so chuyen de toi thieu nam"],
    ["Thời lượng tối thiểu (phút)", "thoi luong toi thieu phut"],
    ["Ngày\ngửi\u00a0dự thảo", "ngay gui du thao"],
    [nfd("Người phụ trách"), "nguoi phu trach"],
    ["Quý", "quy"],
    ["Hoà", "hoa"],
    ["Hòa", "hoa"],
    ["STT", "stt"],
    ["--", ""],
    ["", ""],
    ["Tỷ lệ dự tối thiểu", "ty le du toi thieu"],
    ["Ư Ơ Ă Â Ê Ô Đ", "u o a a e o d"],
  ])("%j → %j", (s, key) => expect(normalizeKey(s)).toBe(key));
});

describe("compareKey (SPEC §3.7)", () => {
  test.each([
    ["Thuỷ", "Thủy"],
    ["Hoà", "Hòa"],
    ["Huỷ", "Hủy"],
    ["hoá", "hóa"],
    ["Khoẻ", "Khỏe"],
    ["khoé", "khóe"],
    ["hoè", "hòe"],
    ["xoẹ", "xọe"],
    ["loẽ", "lõe"],
    ["toả", "tỏa"],
    ["Thoã", "Thõa"],
    ["Hoạ", "Họa"],
    ["tuỳ", "tùy"],
    ["Quý", "Qúy"],
    ["tuỹ", "tũy"],
    ["Thuỵ", "Thụy"],
    ["HOÀ", "HÒA"],
    ["THUỶ", "THỦY"],
    ["KHOẺ", "KHỎE"],
    ["Nguyễn Thị Thuỷ", "nguyễn thị thủy"],
    ["  Nguyễn   Văn Hoà ", "Nguyễn Văn Hòa"],
    ["Nguyễn\u00a0Văn\nHoà", "nguyễn văn hòa"],
    [nfd("Nguyễn Thị Thuỷ"), "Nguyễn Thị Thủy"],
    [nfd("Hoà"), "Hòa"],
    ["Lê Văn Tám", "LÊ VĂN TÁM"],
  ])("%j = %j", (a, b) => {
    expect(compareKey(a)).toBe(compareKey(b));
  });

  test.each([
    ["Hà", "Ha"],
    ["Hà", "Hạ"],
    ["Hòa", "Hoa"],
    ["Thủy", "Thuy"],
    ["Nguyễn Văn A", "Nguyễn Văn B"],
    ["Đức", "Duc"],
    ["Mưa", "Mua"],
    ["Lan", "Lân"],
    ["Nguyễn Văn An", "Nguyễn Văn Anh"],
  ])("%j ≠ %j", (a, b) => {
    expect(compareKey(a)).not.toBe(compareKey(b));
  });

  test("is lower case, trimmed and NFC", () => {
    expect(compareKey("  ĐẢNG   Bộ ")).toBe("đảng bộ");
  });

  test("does not move a tone that is already on a vowel with its own mark", () => {
    // "ươ" and "uô" carry the tone on the marked vowel in both styles.
    expect(compareKey("Trường")).toBe("trường");
    expect(compareKey("muốn")).toBe("muốn");
    expect(compareKey("của")).toBe("của");
  });
});

describe("parseDateCell / parseDate", () => {
  test.each<[CellValue, SimpleDate]>([
    // Text forms, day first
    ["05/02/2021", d(2021, 2, 5)],
    ["5/2/2021", d(2021, 2, 5)],
    ["05-02-2021", d(2021, 2, 5)],
    ["5-2-2021", d(2021, 2, 5)],
    ["05.02.2021", d(2021, 2, 5)],
    ["5.2.2021", d(2021, 2, 5)],
    ["5/2/21", d(2021, 2, 5)],
    ["05/02/21", d(2021, 2, 5)],
    ["31/12/99", d(2099, 12, 31)],
    ["1/1/00", d(2000, 1, 1)],
    ["12/01/2021", d(2021, 1, 12)], // never month first
    ["01/12/2021", d(2021, 12, 1)],
    ["2021-02-05", d(2021, 2, 5)],
    ["2021-2-5", d(2021, 2, 5)],
    ["2021/02/05", d(2021, 2, 5)],
    ["  05/02/2021  ", d(2021, 2, 5)],
    ["05 / 02 / 2021", d(2021, 2, 5)],
    ["29/02/2024", d(2024, 2, 29)],
    ["01/01/1899", d(1899, 1, 1)],
    ["31/12/1850", d(1850, 12, 31)],
    // "ngày d tháng m năm yyyy"
    ["ngày 05 tháng 02 năm 2021", d(2021, 2, 5)],
    ["ngày 5 tháng 2 năm 2021", d(2021, 2, 5)],
    ["Ngày 15 tháng 3 năm 2021", d(2021, 3, 15)],
    ["NGÀY 15 THÁNG 3 NĂM 2021", d(2021, 3, 15)],
    ["ngày  5  tháng  2  năm  2021", d(2021, 2, 5)],
    ["ngày5tháng2năm2021", d(2021, 2, 5)],
    [nfd("ngày 05 tháng 02 năm 2021"), d(2021, 2, 5)],
    [nfd("NGÀY 05 THÁNG 02 NĂM 2021"), d(2021, 2, 5)],
    ["ngay 5 thang 2 nam 2021", d(2021, 2, 5)],
    ["Hà Nội, ngày 05 tháng 02 năm 2021", d(2021, 2, 5)],
    ["ngày 05 tháng 02 năm 2021.", d(2021, 2, 5)],
    ["ngày 05/02/2021", d(2021, 2, 5)],
    // A time written with the date is ignored
    ["05/02/2021 8:00", d(2021, 2, 5)],
    ["05/02/2021 08:00:00", d(2021, 2, 5)],
    ["05/02/2021 8h00", d(2021, 2, 5)],
    ["05/02/2021 8h", d(2021, 2, 5)],
    ["05/02/2021, 8 giờ 30", d(2021, 2, 5)],
    ["05/02/2021 lúc 14g30", d(2021, 2, 5)],
    ["05/02/2021 8:00 SA", d(2021, 2, 5)],
    ["05/02/2021 2:30 PM", d(2021, 2, 5)],
    ["8h00 05/02/2021", d(2021, 2, 5)],
    ["8 giờ 00, ngày 05/02/2021", d(2021, 2, 5)],
    ["2021-02-05T08:00", d(2021, 2, 5)],
    ["2021-02-05 08:00:00", d(2021, 2, 5)],
    ["ngày 05 tháng 02 năm 2021 lúc 8 giờ", d(2021, 2, 5)],
    // Numbers are Excel serials
    [44232, d(2021, 2, 5)],
    [44232.354166666664, d(2021, 2, 5)],
    [1, d(1900, 1, 1)],
    [61, d(1900, 3, 1)],
    // Dates (exceljs: wall clock in UTC fields)
    [utc(2021, 2, 5), d(2021, 2, 5)],
    [utc(2021, 2, 5, 23, 59, 59), d(2021, 2, 5)],
    [utc(1899, 1, 1), d(1899, 1, 1)],
  ])("%j → %j", (v, date) => {
    const cell = parseDateCell(v);
    expect(cell.value).toEqual(date);
    expect(cell.invalid).toBe(false);
    expect(parseDate(v)).toEqual(date);
  });

  test.each<[CellValue]>([
    ["31/02/2021"],
    ["29/02/2023"],
    ["29/02/1900"],
    ["30/02/2024"],
    ["31/04/2021"],
    ["00/01/2021"],
    ["01/00/2021"],
    ["32/01/2021"],
    ["01/13/2021"],
    ["02/31/2021"], // month-first is not accepted
    ["44232"], // digits typed as text are not a serial
    ["44232.5"],
    ["5/2"],
    ["2021"],
    ["5/2/021"],
    ["5/2/20211"],
    ["05/02-2021"], // mixed separators
    ["2021-02-30"],
    ["abc"],
    ["chưa rõ"],
    ["Tháng 3/2021"],
    ["ngày 31 tháng 2 năm 2021"],
    ["ngày tháng năm 2021"],
    ["05/02/2021 abc"],
    ["01/01/0999"],
    ["#N/A"],
    ["x"],
    [0],
    [-1],
    [-44232],
    [60], // Excel's 29/02/1900 never existed
    [0.5], // a time, not a date
    [2958466],
    [NaN],
    [Infinity],
    [true],
    [false],
    [new Date(NaN)],
  ])("%j is not a date", (v) => {
    const cell = parseDateCell(v);
    expect(cell.value).toBeNull();
    expect(cell.invalid).toBe(true);
    expect(parseDate(v)).toBeNull();
  });

  test.each<[CellValue]>([[null], [undefined], [""], ["   "], ["\u00a0\n"]])("%j is empty, not invalid", (v) => {
    expect(parseDateCell(v)).toEqual({ text: "", value: null, invalid: false });
    expect(parseDate(v)).toBeNull();
  });

  test("text keeps what was written, cleaned", () => {
    expect(parseDateCell("  31/02/2021 ").text).toBe("31/02/2021");
    expect(parseDateCell("ngày  5 tháng 2 năm 2021").text).toBe("ngày 5 tháng 2 năm 2021");
    expect(parseDateCell("abc").text).toBe("abc");
    expect(parseDateCell(-5).text).toBe("-5");
  });

  test("date serials and Date cells are shown as dd/mm/yyyy", () => {
    expect(parseDateCell(44232).text).toBe("05/02/2021");
    expect(parseDateCell(utc(2021, 2, 5)).text).toBe("05/02/2021");
  });

  test("the 1904 date system is used when the workbook says so", () => {
    expect(parseDate(42770, true)).toEqual(d(2021, 2, 5));
    expect(parseDate(44232, true)).toEqual(d(2025, 2, 6));
    expect(parseDate(42770)).toEqual(d(2017, 2, 4));
    // Text and Date cells do not depend on the date system.
    expect(parseDate("05/02/2021", true)).toEqual(d(2021, 2, 5));
    expect(parseDate(utc(2021, 2, 5), true)).toEqual(d(2021, 2, 5));
    // Zero is not a date in either system (an empty formula result).
    expect(parseDateCell(0, true).invalid).toBe(true);
  });
});

describe("parseTime", () => {
  test.each<[CellValue, number]>([
    ["8:00", 480],
    ["08:00", 480],
    ["8:00:00", 480],
    ["8:30", 510],
    ["08h00", 480],
    ["8h", 480],
    ["8H", 480],
    ["8h30", 510],
    ["8h30'", 510],
    ["8 h 30", 510],
    ["8 giờ 30", 510],
    ["8 giờ 30 phút", 510],
    ["8 giờ", 480],
    ["8 GIỜ 30", 510],
    [nfd("8 giờ 30"), 510],
    ["8 gio 30", 510],
    ["14g30", 870],
    ["14g", 840],
    ["lúc 14 giờ", 840],
    ["0:00", 0],
    ["23:59", 1439],
    ["8", 480],
    ["8:00 SA", 480],
    ["2:30 CH", 870],
    ["2:30 PM", 870],
    ["12:00 AM", 0],
    ["12:15 PM", 735],
    ["05/02/2021 8:00", 480],
    ["2021-02-05T14:30", 870],
    [0.354166666666667, 510], // 8:30
    [0.3333333333333333, 480],
    [0.5, 720],
    [0.75, 1080],
    [0, 0],
    [0.999988, 1439], // 23:59:59 shows as 23:59
    [0.35416, 509], // 8:29:59 shows as 8:29
    [44232.354166666664, 510], // date + time: the time
    [44232, 0], // a date alone is midnight
    [8, 480], // an hour typed as a number
    [14, 840],
    [utc(1899, 12, 30, 8, 30), 510], // exceljs time-only cell
    [utc(2021, 2, 5, 14, 0), 840],
    [utc(2021, 2, 5, 14, 0, 59), 840],
  ])("%j → %d", (v, minutes) => expect(parseTime(v)).toBe(minutes));

  test.each<[CellValue]>([
    ["25:00"],
    ["24:00"],
    ["8:60"],
    ["8:75"],
    ["99h"],
    ["8g75"],
    ["13:00 PM"],
    ["0:00 AM"],
    ["abc"],
    ["8 giờ sáng mai"],
    [""],
    ["  "],
    [null],
    [undefined],
    [true],
    [-0.5],
    [NaN],
    [Infinity],
    [new Date(NaN)],
    ["05/02/2021"],
  ])("%j → null", (v) => expect(parseTime(v)).toBeNull());
});

describe("parseQuarter", () => {
  test.each<[CellValue, number]>([
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    ["1", 1],
    ["4", 4],
    [" 3 ", 3],
    ["01", 1],
    ["I", 1],
    ["II", 2],
    ["III", 3],
    ["IV", 4],
    ["i", 1],
    ["iv", 4],
    ["Quý I", 1],
    ["Quý II", 2],
    ["Quý III", 3],
    ["Quý IV", 4],
    ["Quý 2", 2],
    ["QUÝ II", 2],
    ["quý 1", 1],
    ["Q3", 3],
    ["q3", 3],
    ["Q 3", 3],
    ["Q.3", 3],
    ["Quý IV/2021", 4],
    ["Quý IV / 2021", 4],
    ["Quý I-2021", 1],
    ["Quý I - 2021", 1],
    ["quý 1 năm 2021", 1],
    ["Quý III năm 2021", 3],
    ["Quý 2/21", 2],
    ["Q3/2021", 3],
    ["Quí II", 2],
    ["Quy 2", 2],
    [nfd("Quý III"), 3],
    ["Quý\u00a0II", 2],
    ["Quý I.", 1],
  ])("%j → %d", (v, q) => expect(parseQuarter(v)).toBe(q));

  test.each<[CellValue]>([
    [0],
    [5],
    [1.5],
    [-1],
    [NaN],
    ["0"],
    ["5"],
    ["V"],
    ["VI"],
    ["IIII"],
    ["Quý 5"],
    ["Quý V"],
    ["Quý"],
    ["abc"],
    ["1.5"],
    ["12"],
    ["Quý I/2021/2022"],
    ["quý 1 năm"],
    ["Tháng 3"],
    [""],
    [null],
    [undefined],
    [true],
    [utc(2021, 2, 5)],
  ])("%j → null", (v) => expect(parseQuarter(v)).toBeNull());
});

describe("parseStatus", () => {
  test.each<[CellValue, string]>([
    ["Đã sinh hoạt", "held"],
    ["đã sinh hoạt", "held"],
    ["ĐÃ SINH HOẠT", "held"],
    ["  Đã  sinh hoạt ", "held"],
    [nfd("Đã sinh hoạt"), "held"],
    ["Đã tổ chức", "held"],
    ["Hoàn thành", "held"],
    ["Đã hoàn thành", "held"],
    ["Đã thực hiện", "held"],
    ["Đã sinh hoạt.", "held"],
    ["Đã sinh hoạt (lồng ghép)", "held"],
    ["Da sinh hoat", "held"],
    ["Dự kiến", "planned"],
    ["dự kiến", "planned"],
    ["Kế hoạch", "planned"],
    ["Theo kế hoạch", "planned"],
    ["Chưa", "planned"],
    ["Chưa sinh hoạt", "planned"],
    ["Chưa tổ chức", "planned"],
    ["Du kien", "planned"],
    ["Hoãn", "postponed"],
    ["HOÃN", "postponed"],
    ["Tạm hoãn", "postponed"],
    ["Đã hoãn", "postponed"],
    ["Hoãn (sang quý III)", "postponed"],
    ["Hủy", "cancelled"],
    ["Huỷ", "cancelled"],
    ["HỦY", "cancelled"],
    ["Đã hủy", "cancelled"],
    ["Đã huỷ", "cancelled"],
    [nfd("Huỷ"), "cancelled"],
    ["Huy", "cancelled"],
  ])("%j → %s", (v, status) => expect(parseStatus(v)).toBe(status));

  test.each<[CellValue]>([
    [""],
    ["  "],
    [null],
    [undefined],
    ["abc"],
    ["Đã"],
    ["Hoàn"], // neither hoàn thành nor hoãn
    ["Ha"],
    ["Sinh hoạt"],
    ["Chưa hủy"],
    ["Không hoãn"],
    ["Đã sinh hoạt chưa?"],
    ["Dự kiến hủy"], // a whole phrase, not a word found inside it
    [1],
    [true],
    [utc(2021, 2, 5)],
  ])("%j → null", (v) => expect(parseStatus(v)).toBeNull());
});

describe("parseYesNo", () => {
  test.each<[CellValue, boolean]>([
    ["Có", true],
    ["có", true],
    ["CÓ", true],
    [nfd("Có"), true],
    [" Có ", true],
    ["Co", true],
    ["x", true],
    ["X", true],
    ["TRUE", true],
    ["true", true],
    [true, true],
    [1, true],
    ["1", true],
    ["✓", true],
    ["Không", false],
    ["không", false],
    ["Khong", false],
    ["", false],
    ["  ", false],
    [null, false],
    [undefined, false],
    ["FALSE", false],
    [false, false],
    [0, false],
    ["0", false],
    ["abc", false],
    ["Có lẽ", false],
    [2, false],
    [-1, false],
    [utc(2021, 2, 5), false],
  ])("%j → %s", (v, yes) => expect(parseYesNo(v)).toBe(yes));
});

describe("parseNames", () => {
  test.each<[CellValue, string[]]>([
    ["Nguyễn Văn A", ["Nguyễn Văn A"]],
    ["Nguyễn Văn A, Trần Thị B", ["Nguyễn Văn A", "Trần Thị B"]],
    ["Nguyễn Văn A; Trần Thị B", ["Nguyễn Văn A", "Trần Thị B"]],
    ["Nguyễn Văn A\nTrần Thị B", ["Nguyễn Văn A", "Trần Thị B"]],
    ["Nguyễn Văn A\r\nTrần Thị B", ["Nguyễn Văn A", "Trần Thị B"]],
    ["Nguyễn Văn A và Trần Thị B", ["Nguyễn Văn A", "Trần Thị B"]],
    ["Nguyễn Văn A VÀ Trần Thị B", ["Nguyễn Văn A", "Trần Thị B"]],
    ["Nguyễn Văn A Và Trần Thị B", ["Nguyễn Văn A", "Trần Thị B"]],
    [nfd("Nguyễn Văn A và Trần Thị B"), ["Nguyễn Văn A", "Trần Thị B"]],
    ["Đ/c Nguyễn Văn A", ["Nguyễn Văn A"]],
    ["đ/c Nguyễn Văn A", ["Nguyễn Văn A"]],
    ["Đ/C Nguyễn Văn A", ["Nguyễn Văn A"]],
    ["đ/c. Nguyễn Văn A", ["Nguyễn Văn A"]],
    ["Đ/c: Nguyễn Văn A", ["Nguyễn Văn A"]],
    ["đ/cNguyễn Văn A", ["Nguyễn Văn A"]],
    ["d/c Nguyễn Văn A", ["Nguyễn Văn A"]],
    ["Đồng chí Nguyễn Văn A", ["Nguyễn Văn A"]],
    ["đồng chí Nguyễn Văn A", ["Nguyễn Văn A"]],
    ["ĐỒNG CHÍ Nguyễn Văn A", ["Nguyễn Văn A"]],
    [nfd("Đồng chí Nguyễn Văn A"), ["Nguyễn Văn A"]],
    ["Đ/c Nguyễn Văn A, đ/c Trần Thị B và đồng chí Lê C", ["Nguyễn Văn A", "Trần Thị B", "Lê C"]],
    ["Nguyễn Văn A,, ; Trần Thị B,", ["Nguyễn Văn A", "Trần Thị B"]],
    ["  Nguyễn   Văn\u00a0A  ", ["Nguyễn Văn A"]],
    ["- Nguyễn Văn A\n- Trần Thị B", ["Nguyễn Văn A", "Trần Thị B"]],
    ["1. Nguyễn Văn A\n2. Trần Thị B", ["Nguyễn Văn A", "Trần Thị B"]],
    ["Nguyễn Văn Vàng", ["Nguyễn Văn Vàng"]], // "và" inside a word is not a separator
    ["Trần Thị Và", ["Trần Thị Và"]],
    ["Đồng Văn Chí", ["Đồng Văn Chí"]], // the surname Đồng is not "đồng chí"
    ["", []],
    ["   ", []],
    [",;\n", []],
    ["đ/c", []],
    [null, []],
    [undefined, []],
  ])("%j → %j", (v, names) => {
    const got = parseNames(v);
    expect(got).toEqual(names);
    for (const n of got) expect(n.normalize("NFC")).toBe(n);
  });
});

describe("parseFormat", () => {
  test.each<[CellValue, string]>([
    ["Riêng", "rieng"],
    ["riêng", "rieng"],
    ["RIÊNG", "rieng"],
    [nfd("Riêng"), "rieng"],
    ["Rieng", "rieng"],
    ["Sinh hoạt riêng", "rieng"],
    ["Lồng ghép", "longGhep"],
    ["lồng ghép", "longGhep"],
    ["LỒNG GHÉP", "longGhep"],
    [nfd("Lồng ghép"), "longGhep"],
    ["Long ghep", "longGhep"],
    ["Lồng ghép với sinh hoạt thường kỳ", "longGhep"],
    ["lồng ghép với sinh hoạt thường kỳ", "longGhep"],
    ["Lồng ghép (với SH thường kỳ tháng 3)", "longGhep"],
    ["Lồng ghép, cùng buổi", "longGhep"],
    // A "Lồng ghép" column of yes/no marks.
    ["x", "longGhep"],
    ["Có", "longGhep"],
    [true, "longGhep"],
    [1, "longGhep"],
    ["Không", "rieng"],
    [false, "rieng"],
    [0, "rieng"],
  ])("%j → %s", (v, f) => expect(parseFormat(v)).toBe(f));

  test.each<[CellValue]>([[""], ["  "], [null], [undefined], ["abc"], ["Lồng"], ["Trực tuyến"], [2], [utc(2021, 2, 5)]])("%j → null", (v) =>
    expect(parseFormat(v)).toBeNull(),
  );
});

describe("parseAttendanceStatus", () => {
  test.each<[CellValue, string]>([
    ["Có mặt", "present"],
    ["có mặt", "present"],
    ["CÓ MẶT", "present"],
    [nfd("Có mặt"), "present"],
    ["Co mat", "present"],
    ["x", "present"],
    ["X", "present"],
    ["Có", "present"],
    ["✓", "present"],
    [true, "present"],
    ["Vắng có lý do", "absentWithReason"],
    ["Vắng có lí do", "absentWithReason"],
    ["vắng có lý do", "absentWithReason"],
    ["Vắng (có lý do)", "absentWithReason"],
    ["Vắng - có lý do", "absentWithReason"],
    ["Vắng: có lý do", "absentWithReason"],
    ["Vắng CLD", "absentWithReason"],
    ["V/CLD", "absentWithReason"],
    ["Vắng có phép", "absentWithReason"],
    ["Có phép", "absentWithReason"],
    ["Vang co ly do", "absentWithReason"],
    [nfd("Vắng có lý do"), "absentWithReason"],
    ["Vắng không lý do", "absentWithoutReason"],
    ["Vắng không lí do", "absentWithoutReason"],
    ["Vắng (không lý do)", "absentWithoutReason"],
    ["Vắng KLD", "absentWithoutReason"],
    ["V/KLD", "absentWithoutReason"],
    ["Vắng không phép", "absentWithoutReason"],
    ["Không lý do", "absentWithoutReason"],
    ["Vang khong ly do", "absentWithoutReason"],
    ["Miễn sinh hoạt", "exempt"],
    ["miễn sinh hoạt", "exempt"],
    ["Miễn SH", "exempt"],
    ["Miễn", "exempt"],
    ["Được miễn sinh hoạt", "exempt"],
    ["Mien sinh hoat", "exempt"],
    [nfd("Miễn sinh hoạt"), "exempt"],
  ])("%j → %s", (v, status) => expect(parseAttendanceStatus(v)).toBe(status));

  test.each<[CellValue]>([
    [""],
    [null],
    [undefined],
    ["Vắng"], // absent, reason not said: left for the reader of `Lý do`
    ["abc"],
    ["Không"],
    [false],
    [1],
    [0],
    ["Có mặt muộn 10 phút"],
  ])("%j → null", (v) => expect(parseAttendanceStatus(v)).toBeNull());
});

describe("parseMemberKind", () => {
  test.each<[CellValue, string | null]>([
    ["Chính thức", "chinhThuc"],
    ["chính thức", "chinhThuc"],
    ["CHÍNH THỨC", "chinhThuc"],
    [nfd("Chính thức"), "chinhThuc"],
    ["Chinh thuc", "chinhThuc"],
    ["Đảng viên chính thức", "chinhThuc"],
    ["Dự bị", "duBi"],
    ["dự bị", "duBi"],
    ["Du bi", "duBi"],
    ["Đảng viên dự bị", "duBi"],
    ["", null],
    [null, null],
    ["abc", null],
    [1, null],
  ])("%j → %s", (v, kind) => expect(parseMemberKind(v)).toBe(kind));
});

describe("parseNumber", () => {
  test.each<[CellValue, number | null]>([
    [1, 1],
    [0, 0],
    [-2, -2],
    [1.5, 1.5],
    ["1", 1],
    [" 12 ", 12],
    ["1.", 1],
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["-3", -3],
    ["+3", 3],
    ["007", 7],
    ["", null],
    [null, null],
    [undefined, null],
    ["abc", null],
    ["1a", null],
    ["1 2", null],
    ["1.2.3", null],
    [true, null],
    [NaN, null],
    [Infinity, null],
    [utc(2021, 2, 5), null],
  ])("%j → %j", (v, n) => expect(parseNumber(v)).toBe(n));
});

describe("parsePercent", () => {
  test.each<[CellValue, number | null]>([
    [0.85, 0.85],
    [85, 0.85],
    ["85%", 0.85],
    ["85 %", 0.85],
    ["85", 0.85],
    ["0.85", 0.85],
    ["0,85", 0.85],
    ["85,5%", 0.855],
    [1, 1],
    ["100%", 1],
    [100, 1],
    [0, 0],
    ["0%", 0],
    [-0.1, null],
    [150, null],
    ["150%", null],
    ["abc", null],
    ["", null],
    [null, null],
    [true, null],
  ])("%j → %j", (v, n) => {
    const got = parsePercent(v);
    if (n === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(n, 10);
  });
});

describe("detectLegacyEncoding", () => {
  test.each([
    ["Chi bé Tr\u2212êng", "TCVN3"],
    ["Chi bé Tr\u00adêng", "TCVN3"],
    ["§¶ng bé Khèi", "TCVN3"],
    ["Sinh ho¹t chuyªn ®Ò", "TCVN3"],
    ["NguyÔn V¨n A", "TCVN3"],
    ["Häc tËp vµ lµm theo t\u2212 t\u2212ëng", "TCVN3"],
    ["Ñaûng boä", "VNI"],
    ["Nguyeãn Vaên A", "VNI"],
    ["Vieät Nam", "VNI"],
    ["Sinh hoaït chuyeân ñeà", "VNI"],
    ["Chi boä Tröôøng", "VNI"],
  ])("%j → %s", (s, enc) => expect(detectLegacyEncoding(s)).toBe(enc));

  test.each([
    ["Chi bộ Trường"],
    ["Đảng bộ Khối"],
    ["Nguyễn Văn A"],
    ["Việt Nam"],
    ["Sinh hoạt chuyên đề"],
    ["Chi bé"], // "bé" is real Vietnamese
    ["Hà Nội"],
    ["Hoà Thuỷ Huỷ"],
    ["Café"],
    ["Nguyen Van A"],
    ["Chi bo Truong"],
    [""],
    ["12/12 tán thành"],
    ["Công ty ABC®"],
    ["© 2021 Đảng ủy"],
    ["© 2021"],
    ["«Học tập và làm theo»"],
    ["Nhiệt độ 25°C"],
    ["½ số đảng viên"],
    [nfd("Nguyễn Văn A")],
  ])("%j → null", (s) => expect(detectLegacyEncoding(s)).toBeNull());
});
