import { voteCount } from "../../../src/core/read/vote";

describe("voteCount: the votes a typed Biểu quyết records", () => {
  test.each([
    ["12/12 tán thành", 12],
    ["10/10 đảng viên chính thức có mặt tán thành", 10],
    ["11 / 12 tán thành", 12],
    ["10 tán thành, 1 không tán thành", 11],
    ["10 phiếu nhất trí", 10],
    ["9 đồng chí tán thành; 0 phản đối", 9],
    ["Tán thành: 10; không tán thành: 0; ý kiến khác: 1", 11],
    ["Biểu quyết lần 2: 8 tán thành", 8],
  ])("%s → %i", (text, n) => {
    expect(voteCount(text)).toBe(n);
  });

  test.each(["", "Nhất trí cao", "100% tán thành", "Tán thành 100%", "Chi bộ thống nhất theo Điều 3"])("%s → no count", (text) => {
    expect(voteCount(text)).toBeNull();
  });
});
