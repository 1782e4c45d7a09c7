// What the custom functions return, computed by the engine.
import { check } from "../../src/core/check/check";
import { readWorkbook } from "../../src/core/read/register";
import { REGISTER_COLUMNS } from "../../src/core/shared/types";
import { CHECK_HEADER, demQuy, FunctionInputError, gridFromRange, kiemTraRange, ngayVN, phanCong, quy } from "../../src/functions/compute";

const D = { year: 2021, month: 1, day: 10 };
// Excel serials (1900 system) of 2021 dates.
const serial = (m: number, d: number): number => Math.round((Date.UTC(2021, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);

function row(stt: number, quarter: string, title: string, who: string, meeting: number | string, status = "Dự kiến"): unknown[] {
  const r: unknown[] = REGISTER_COLUMNS.map(() => "");
  const set = (c: (typeof REGISTER_COLUMNS)[number], v: unknown) => (r[REGISTER_COLUMNS.indexOf(c)] = v);
  set("STT", stt);
  set("Quý", quarter);
  set("Tên chuyên đề", title);
  set("Người phụ trách", who);
  set("Ngày sinh hoạt", meeting);
  set("Trạng thái", status);
  return r;
}

const planned = [
  [...REGISTER_COLUMNS],
  row(1, "I", "Học tập và làm theo tư tưởng Hồ Chí Minh", "Nguyễn Văn An", serial(2, 20)),
  row(2, "II", "Nâng cao chất lượng sinh hoạt chi bộ", "Trần Thị Bình", serial(5, 15)),
  row(3, "III", "Phòng, chống suy thoái", "Nguyễn Văn An", serial(8, 14)),
  row(4, "IV", "Chuyển đổi số trong cơ quan", "Lê Văn Cường", serial(11, 13)),
];

describe("KIEMTRA", () => {
  test("a register with nothing to report gives Đạt", () => {
    expect(kiemTraRange(planned, undefined, undefined, D)).toEqual([["Đạt"]]);
  });

  test("findings spill under the header, exactly as the check computes them", () => {
    const values = [...planned, row(5, "I", "Chuyên đề thiếu người phụ trách", "", serial(3, 5))];
    const table = kiemTraRange(values, 2021, "2021-06-30", D);
    expect(table[0]).toEqual([...CHECK_HEADER]);
    const expected = check(readWorkbook(gridFromRange(values)), { year: 2021, asOf: { year: 2021, month: 6, day: 30 } });
    expect(table.slice(1)).toEqual(
      expected.findings.map((f) => [f.code, f.severity === "error" ? "Lỗi" : "Cảnh báo", f.row ?? "", f.column ?? "", f.message]),
    );
    expect(table.slice(1).map((r) => r[0])).toContain("THIEU_PHU_TRACH");
    expect(table.find((r) => r[0] === "THIEU_PHU_TRACH")![2]).toBe(6);
  });

  test("rows are the sheet's rows when the range's address is known", () => {
    const values = [...planned, row(5, "I", "Chuyên đề thiếu người phụ trách", "", serial(3, 5))];
    const table = kiemTraRange(values, 2021, undefined, D, { top: 4, left: 2 });
    expect(table.find((r) => r[0] === "THIEU_PHU_TRACH")![2]).toBe(9);
  });

  test("a table's data body without its header is read under the canonical header", () => {
    expect(kiemTraRange(planned.slice(1), undefined, undefined, D)).toEqual([["Đạt"]]);
  });

  test("a range that is not a register says so in Vietnamese", () => {
    const table = kiemTraRange(
      [
        ["a", "b"],
        [1, 2],
      ],
      undefined,
      undefined,
      D,
    );
    expect(table).toHaveLength(1);
    expect(String(table[0][0])).toMatch(/sổ chuyên đề/i);
  });

  test("a bad check date is an input error", () => {
    expect(() => kiemTraRange(planned, undefined, "31/02/2021", D)).toThrow(FunctionInputError);
  });
});

describe("QUY, NGAYVN", () => {
  test.each([
    [serial(2, 5), 1],
    ["05/08/2021", 3],
    ["2021-12-31", 4],
  ])("QUY(%p) = %p", (v, q) => {
    expect(quy(v)).toBe(q);
  });

  test.each(["abc", "", 1.5e9, true])("QUY(%p) is #VALUE!", (v) => {
    expect(() => quy(v)).toThrow(FunctionInputError);
  });

  test("NGAYVN writes the date the party way", () => {
    expect(ngayVN(serial(2, 5))).toBe("ngày 05 tháng 02 năm 2021");
    expect(() => ngayVN("không phải ngày")).toThrow(FunctionInputError);
  });
});

describe("DEMQUY, PHANCONG", () => {
  const held = [
    [...REGISTER_COLUMNS],
    row(1, "I", "Chuyên đề một", "Nguyễn Văn An", serial(2, 20), "Đã sinh hoạt"),
    row(2, "I", "Chuyên đề hai", "Nguyễn Văn An; Trần Thị Bình", serial(3, 20), "Đã sinh hoạt"),
    row(3, "II", "Chuyên đề ba", "Trần Thị Bình", serial(5, 20), "Hủy"),
  ];

  test("DEMQUY counts held topics of the quarter", () => {
    const asOf = { year: 2021, month: 6, day: 30 };
    expect(demQuy(held, 1, 2021, asOf)).toBe(2);
    expect(demQuy(held, "II", undefined, asOf)).toBe(0);
    expect(() => demQuy(held, 5, undefined, asOf)).toThrow(FunctionInputError);
    expect(() => demQuy([["x"]], 1, undefined, asOf)).toThrow(FunctionInputError);
  });

  test("PHANCONG lists every member, 0 included, when the list is given", () => {
    expect(phanCong(held, [["Họ và tên"], ["Lê Văn Cường"], ["Trần Thị Bình"], ["Nguyễn Văn An"]])).toEqual([
      ["Họ và tên", "Số chuyên đề"],
      ["Lê Văn Cường", 0],
      ["Trần Thị Bình", 1],
      ["Nguyễn Văn An", 2],
    ]);
    expect(phanCong(held)[0]).toEqual(["Họ và tên", "Số chuyên đề"]);
  });
});
