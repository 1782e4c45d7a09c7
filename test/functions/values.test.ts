// What the cell functions receive from Excel beyond plain values: serials of a 1904
// workbook, and data-type cells (entities, formatted numbers), which arrive as objects.
import { demQuy, kiemTraRange, ngayVN, phanCong, quy } from "../../src/functions/compute";

const today = { year: 2026, month: 6, day: 30 };

test("a 1904 workbook's serial gives the date the pane shows", () => {
  // 44237 is 10/02/2021 in the 1900 system and 11/02/2025 in the 1904 system.
  expect(ngayVN(44237)).toBe("ngày 10 tháng 02 năm 2021");
  expect(ngayVN(44237, true)).toBe("ngày 11 tháng 02 năm 2025");
  expect(quy(44300, false)).toBe(2);
  expect(quy(44300, true)).toBe(2);
  const held1904 = 44237 + 365; // 2026-02-11 in the 1904 system (2022 in 1900)
  const range = [
    ["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Trạng thái"],
    [1, "I", "Chuyên đề 1", "Nguyễn Văn An", held1904, "Đã sinh hoạt"],
  ];
  expect(demQuy(range, 1, 2026, today, true)).toBe(1);
  expect(demQuy(range, 1, 2026, today, false)).toBe(0);
  expect(JSON.stringify(kiemTraRange(range, 2026, undefined, today, undefined, true))).not.toEqual(
    JSON.stringify(kiemTraRange(range, 2026, undefined, today, undefined, false)),
  );
});

test("data-type cells give their value or their text, never [object Object]", () => {
  const formatted = { type: "FormattedNumber", basicValue: 44237, numberFormat: "dd/mm/yyyy" };
  expect(ngayVN(formatted)).toBe("ngày 10 tháng 02 năm 2021");
  const entity = (text: string): unknown => ({ type: "Entity", text, properties: {} });
  const range = [
    ["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Trạng thái"],
    [1, "I", entity("Chuyên đề 1"), entity("Nguyễn Văn An"), "", "Dự kiến"],
  ];
  const table = phanCong(range);
  expect(table).toEqual([
    ["Họ và tên", "Số chuyên đề"],
    ["Nguyễn Văn An", 1],
  ]);
  expect(JSON.stringify(kiemTraRange(range, 2026, undefined, today))).not.toContain("[object Object]");
});
