// Audit regression: a title row above a hand-made list can match the list's key column
// on its own ("ĐIỂM DANH SINH HOẠT CHUYÊN ĐỀ" starts with the synonym "điểm danh" of
// Tình trạng; "ĐẢNG VIÊN CHI BỘ …" with "đảng viên" of Họ và tên). SPEC §3.6: a title
// or banner above the header is normal, so the header row below is the one read.
import { readWorkbook } from "../../../src/core/read/register";
import type { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/shared/types";

const sheet = (name: string, values: CellValue[][]): SheetGrid => ({ name, values, merges: [] });
const book = (sheets: SheetGrid[]): WorkbookGrid => ({ sheets, tables: [], date1904: false });

const register = sheet("Sổ", [
  ["STT", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Trạng thái"],
  [1, "Học tập Nghị quyết", "Hà Văn Khoa", "15/01/2024", "Đã sinh hoạt"],
]);

describe("a secondary list with a title row above its header", () => {
  test("Điểm danh: rows are read under the real header (row 2), with STT, name and status", () => {
    const p = readWorkbook(
      book([
        register,
        sheet("Điểm danh", [
          ["ĐIỂM DANH SINH HOẠT CHUYÊN ĐỀ"],
          ["STT chuyên đề", "Họ tên", "Tình trạng", "Lý do"],
          [1, "Hà Văn Khoa", "Có mặt"],
          [1, "Trịnh Văn Nam", "Vắng không lý do"],
        ]),
      ]),
    );
    expect(p.attendance?.headerRow).toBe(2);
    expect(p.attendance?.rows.map((r) => [r.row, r.topicStt, r.name, r.status])).toEqual([
      [3, 1, "Hà Văn Khoa", "present"],
      [4, 1, "Trịnh Văn Nam", "absentWithoutReason"],
    ]);
  });

  test("Đảng viên: the members are the names under Họ và tên, not the rows under the title", () => {
    const p = readWorkbook(
      book([
        sheet("Đảng viên", [
          ["ĐẢNG VIÊN CHI BỘ TỔ DÂN PHỐ 7"],
          [],
          ["STT", "Họ và tên", "Chức vụ"],
          [1, "Nguyễn Thị Thủy", "Bí thư"],
          [2, "Lê Minh Hoà", "Đảng viên"],
        ]),
        register,
      ]),
    );
    expect(p.members?.headerRow).toBe(3);
    expect(p.members?.rows.map((m) => m.name)).toEqual(["Nguyễn Thị Thủy", "Lê Minh Hoà"]);
  });

  test("a sheet of that name whose only header is the key column is still read", () => {
    const p = readWorkbook(book([register, sheet("Điểm danh", [["Tình trạng"], ["Có mặt"], ["Vắng không lý do"]])]));
    expect(p.attendance?.headerRow).toBe(1);
    expect(p.attendance?.rows.map((r) => r.status)).toEqual(["present", "absentWithoutReason"]);
  });
});
