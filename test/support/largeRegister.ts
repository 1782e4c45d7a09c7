// A register of n topics, every one held and complete, for the tests and benchmarks that
// measure the pane's commands at size (5,000 topics: Excel on the web's payload limits).
import type { ModelValue } from "../../src/core/make/sheetModel";

const d = (month: number, day: number): ModelValue => ({ date: { year: 2026, month, day } });

/** Rows in the canonical register's column order, quarters I–IV in turn, year 2026. */
export function largeRegisterRows(n: number): ModelValue[][] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const q = (k % 4) + 1;
    const m = q * 3 - 1;
    return [
      i,
      ["I", "II", "III", "IV"][q - 1],
      `Chuyên đề số ${i}: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh`,
      "Xây dựng Đảng",
      "Nguyễn Văn An, Trần Thị Bình",
      d(m, 1),
      "Chi ủy",
      d(m, 5),
      d(m, 15),
      "Riêng",
      "Đã sinh hoạt",
      d(m, 20),
      d(m, 25),
      "Chi bộ thảo luận, thống nhất nội dung và giao nhiệm vụ cho từng đảng viên",
    ];
  });
}
