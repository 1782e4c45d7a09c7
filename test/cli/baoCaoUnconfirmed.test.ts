// bao-cao names, before sending, a topic counted as held only by its date (no attendance,
// no minutes), and the report itself says "Chưa xác nhận" for it — in the sheet and in
// the Word file.
import * as path from "path";
import { loadWorkbookFile } from "../../src/cli/xlsx";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { buildCanonicalWorkbook } from "../../src/core/make/canonical";
import type { ModelValue } from "../../src/core/make/sheetModel";
import { runInProcess } from "./helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { docxText } from "../documents/docx";
import { readFileSync } from "fs";

const d = (day: number, month: number): ModelValue => ({ date: { year: 2024, month, day } });

let dir: string;
beforeAll(async () => {
  dir = makeTempDir("chuyende-chua-xac-nhan-");
  const wb = newWorkbook();
  renderSheets(
    wb,
    buildCanonicalWorkbook({
      year: 2024,
      chiBo: "Chi bộ Phòng Kế toán",
      dangBoCoSo: "Phường Bến Thành",
      members: [["Nguyễn Văn An", "Bí thư", "Chính thức", "Không", null]],
      register: [
        [
          1,
          null,
          "Học tập tư tưởng Hồ Chí Minh",
          "Xây dựng Đảng",
          "Nguyễn Văn An",
          d(3, 2),
          "Chi ủy",
          d(5, 2),
          d(10, 2),
          "Riêng",
          "Đã sinh hoạt",
          d(12, 2),
          d(13, 2),
          null,
        ],
        [
          2,
          null,
          "Chuyển đổi số trong cơ quan",
          "Chuyên môn",
          "Nguyễn Văn An",
          d(3, 3),
          "Chi ủy",
          d(5, 3),
          d(20, 3),
          "Riêng",
          "Dự kiến",
          null,
          null,
          null,
        ],
      ],
      emptyRows: 1,
    }),
  );
  await wb.xlsx.writeFile(path.join(dir, "so.xlsx"));
}, 60_000);
afterAll(() => removeTempDir(dir));

test("the CLI names the unconfirmed topic before sending; the sheet says Chưa xác nhận", async () => {
  const r = await runInProcess([
    "bao-cao",
    path.join(dir, "so.xlsx"),
    "--quy",
    "1",
    "--ngay",
    "2024-04-05",
    "-o",
    path.join(dir, "bc.xlsx"),
  ]);
  expect(r.stdout).toContain(
    'Lưu ý trước khi gửi: Chuyên đề STT 2 "Chuyển đổi số trong cơ quan" đã qua ngày sinh hoạt nhưng sổ chưa có điểm danh, biên bản',
  );
  const { grid } = await loadWorkbookFile(path.join(dir, "bc.xlsx"));
  const sheet = grid.sheets.find((s) => s.name === "Báo cáo Quý I-2024")!;
  const row = sheet.values.find((v) => String(v?.[1] ?? "").startsWith("Chuyển đổi số"))!;
  expect(row[3]).toBe("Chưa xác nhận");
});

test("the Word file says the same and the notice is printed too", async () => {
  const out = path.join(dir, "bc.docx");
  const r = await runInProcess(["bao-cao", path.join(dir, "so.xlsx"), "--quy", "1", "--ngay", "2024-04-05", "-o", out]);
  expect(r.stdout).toContain("Lưu ý trước khi gửi: Chuyên đề STT 2");
  const text = docxText(new Uint8Array(readFileSync(out)));
  expect(text).toContain("Chưa xác nhận");
  expect(text).toContain("Kết quả sinh hoạt chi bộ chuyên đề Quý I năm 2024");
  expect(text).toContain("- Đảng ủy Phường Bến Thành (để báo cáo),");
});
