// `chuyende ke-hoach` and `chuyende goi-y` on real .xlsx files: a suggestion added to a
// quarter lands in a new file (the input is never touched), passes the check, and the
// plan document is written; goi-y prints the list in force, numbered by group.
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { buildCanonicalWorkbook } from "../../src/core/make/canonical";
import { check } from "../../src/core/check/check";
import { readWorkbook } from "../../src/core/read/register";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { loadWorkbookBytes } from "../../src/cli/xlsx";
import { makeTempDir, removeTempDir, sha256 } from "../support/xlsx";
import { runInProcess } from "./helpers/run";
import { formatDate, localDateFromJsDate } from "../../src/core/read/dates";

const NOW = new Date(2021, 0, 10, 9, 0, 0);
let dir: string;

async function writeRegister(file: string, opts: { emptyRows: number; extraSheet?: (string | null)[][] }): Promise<void> {
  const wb = newWorkbook();
  renderSheets(
    wb,
    buildCanonicalWorkbook({
      year: 2021,
      info: { chiBo: "Chi bộ 3", dangBoCoSo: "Đảng bộ Phường 5", biThu: "Nguyễn Văn An", diaDanh: "Huế" },
      register: [
        [
          1,
          "I",
          "Học tập Nghị quyết Đại hội XIII",
          "Xây dựng Đảng",
          "Nguyễn Văn An",
          null,
          null,
          null,
          { date: { year: 2021, month: 2, day: 25 } },
          "Riêng",
          "Dự kiến",
          null,
          null,
          "ghi chú của tôi",
        ],
      ],
      emptyRows: opts.emptyRows,
    }),
  );
  if (opts.extraSheet) {
    const ws = wb.addWorksheet("Gợi ý chuyên đề");
    for (const row of opts.extraSheet) ws.addRow(row);
  }
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

async function gridOf(file: string) {
  return (await loadWorkbookBytes(readFileSync(file), path.basename(file))).grid;
}

beforeAll(() => {
  dir = makeTempDir("chuyende-ke-hoach-");
});
afterAll(() => removeTempDir(dir));

describe("chuyende ke-hoach --them", () => {
  test.each([
    ["inside the table's empty rows", 3],
    ["growing a full table", 0],
  ])("adds suggestion 1.11 to Quý III with planned dates (%s); the input stays as it was", async (_label, emptyRows) => {
    const input = path.join(dir, `so-${emptyRows}.xlsx`);
    const output = path.join(dir, `so-${emptyRows}-moi.xlsx`);
    await writeRegister(input, { emptyRows });
    const before = sha256(input);
    const r = await runInProcess(
      ["ke-hoach", input, "--them", "1.11", "--quy", "III", "--ngay", "2021-08-20", "--phu-trach", "Lê Văn Cường", "-o", output],
      NOW,
    );
    expect(r.stderr).toContain("Cảnh báo: Quý II/2021 chưa có chuyên đề nào");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Đã thêm “Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ” vào Quý III/2021, sinh hoạt ngày 20/08/2021 (dòng 5",
    );
    expect(sha256(input)).toBe(before);

    const grid = await gridOf(output);
    const book = readWorkbook(grid);
    const topics = book.register!.topics;
    expect(topics.map((t) => t.title)).toEqual([
      "Học tập Nghị quyết Đại hội XIII",
      "Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ",
    ]);
    // The user's row is as it was.
    expect(topics[0]).toMatchObject({ stt: 1, group: "Xây dựng Đảng", assignees: ["Nguyễn Văn An"], note: "ghi chú của tôi" });
    expect(topics[0].meetingOn.value).toEqual({ year: 2021, month: 2, day: 25 });
    const added = topics[1];
    // Row 5: the register's title and chi bộ line (rows 1–2), its header (3), the user's row (4).
    expect(added).toMatchObject({
      row: 5,
      stt: 2,
      quarterValue: 3,
      group: "Xây dựng Đảng",
      assignees: ["Lê Văn Cường"],
      approvedBy: "Chi ủy",
      status: "planned",
      format: "rieng",
    });
    expect(added.approvedOn.value).toEqual({ year: 2021, month: 8, day: 13 });
    expect(added.draftSentOn.value).toEqual({ year: 2021, month: 8, day: 17 });
    expect(added.meetingOn.value).toEqual({ year: 2021, month: 8, day: 20 });
    expect(added.finalSentOn.value).toEqual({ year: 2021, month: 8, day: 27 });
    expect(added.reportedOn.value).toEqual({ year: 2021, month: 8, day: 30 });
    // The table covers the new row (Excel's table, not just cells below it).
    const table = grid.tables!.find((t) => t.name === "tblChuyenDe")!;
    expect(table.bottom + 1).toBeGreaterThanOrEqual(5);
    // While planned the check has nothing to say about the new row; once the day has passed,
    // only the attendance that is taken at the meeting itself is asked for — every date rule
    // (approved, sent before; finished, reported after) is met.
    const planned = check(book, { asOf: { year: 2021, month: 1, day: 10 }, year: 2021 });
    expect(planned.findings.filter((f) => f.row === 5)).toEqual([]);
    const held = check(book, { asOf: { year: 2021, month: 12, day: 31 }, year: 2021 });
    expect(held.findings.filter((f) => f.row === 5).map((f) => f.code)).toEqual(["THIEU_DIEM_DANH"]);
  });

  test("refuses to write over its input, and a title the year already has", async () => {
    const input = path.join(dir, "so-trung.xlsx");
    await writeRegister(input, { emptyRows: 2 });
    const same = await runInProcess(["ke-hoach", input, "--them", "1.2", "--quy", "2", "-o", input], NOW);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/^Lỗi: Tệp ra .* trùng với tệp vào/);
    const dup = await runInProcess(
      ["ke-hoach", input, "--them", "học tập nghị quyết đại hội XIII", "--nhom", "1", "--quy", "2", "-o", path.join(dir, "x.xlsx")],
      NOW,
    );
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain("Sổ đã có chuyên đề này");
    expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    const noGroup = await runInProcess(
      ["ke-hoach", input, "--them", "Một chuyên đề riêng", "--quy", "2", "-o", path.join(dir, "y.xlsx")],
      NOW,
    );
    expect(noGroup.stderr).toContain("hãy cho biết nhóm");
  });

  test("writes the plan document with -o .docx", async () => {
    const input = path.join(dir, "so-docx.xlsx");
    await writeRegister(input, { emptyRows: 2 });
    const out = path.join(dir, "ke-hoach.docx");
    const r = await runInProcess(["ke-hoach", input, "-o", out], NOW);
    // The register plans Quý I only: the plan prints the other quarters as empty, and says so.
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^Cảnh báo: Quý II\/2021 chưa có chuyên đề nào/),
      expect.stringMatching(/^Cảnh báo: Quý III\/2021/),
      expect.stringMatching(/^Cảnh báo: Quý IV\/2021/),
    ]);
    // Made on NOW, before the first meeting (25/02/2021): dated today.
    expect(r.stdout).toBe(
      `Đã lập Kế hoạch sinh hoạt chi bộ chuyên đề năm 2021 (01 chuyên đề), ngày ${formatDate(localDateFromJsDate(NOW))}, và ghi vào ${out}.\n`,
    );
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    // Made after the first meeting without --ngay: dated the day before it; a chosen date after it is kept, with a warning.
    const late = await runInProcess(["ke-hoach", input, "-o", out, "--ghi-de"], new Date(2021, 5, 1));
    expect(late.stdout).toContain("ngày 24/02/2021");
    const chosen = await runInProcess(["ke-hoach", input, "-o", out, "--ghi-de", "--ngay", "01/03/2021"], new Date(2021, 5, 1));
    expect(chosen.stdout).toContain("ngày 01/03/2021");
    expect(chosen.stderr).toContain(
      "Cảnh báo: Ngày lập kế hoạch 01/03/2021 sau buổi sinh hoạt chuyên đề đầu tiên kế hoạch dự kiến (25/02/2021)",
    );
  });

  test("help shows examples", async () => {
    const r = await runInProcess(["ke-hoach", "--help"], NOW);
    expect(r.stdout).toContain("Ví dụ:");
    expect(r.stdout.match(/^ {2}chuyende ke-hoach /gm)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe("chuyende goi-y", () => {
  test("the guidance's 17 suggestions numbered by group, and the year's anniversaries", async () => {
    const r = await runInProcess(["goi-y", "--nam", "2021"], NOW);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^ {2}[123]\.\d+\. /gm)?.length).toBe(17);
    expect(r.stdout).toContain("  1.11. Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ.");
    expect(r.stdout).toContain("  3.3. Lãnh đạo các đoàn thể thực hiện tốt công tác giới thiệu");
    expect(r.stdout).toContain("Quý I: Ôn truyền thống, kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam");
  });

  test("--nhom 2 prints group 2 only", async () => {
    const r = await runInProcess(["goi-y", "--nhom", "2"], NOW);
    expect(r.stdout.match(/^ {2}\d\.\d+\. /gm)).toEqual(["  2.1. ", "  2.2. ", "  2.3. "]);
    expect(r.stdout).not.toContain("kỷ niệm");
  });

  test("a workbook's own Gợi ý chuyên đề sheet replaces the list", async () => {
    const input = path.join(dir, "so-goi-y.xlsx");
    await writeRegister(input, {
      emptyRows: 1,
      extraSheet: [
        ["Nhóm", "Chuyên đề"],
        ["2", "Chuyển đổi số trong cơ quan"],
        ["1", "Học tập Chỉ thị 05 năm 2024"],
      ],
    });
    const r = await runInProcess(["goi-y", input], NOW);
    expect(r.stdout).toContain("Trang “Gợi ý chuyên đề” trong sổ");
    expect(r.stdout.match(/^ {2}\d\.\d+\. .*$/gm)).toEqual(["  1.1. Học tập Chỉ thị 05 năm 2024", "  2.1. Chuyển đổi số trong cơ quan"]);
    // And ke-hoach takes "2.1" from that list.
    const out = path.join(dir, "so-goi-y-moi.xlsx");
    const add = await runInProcess(["ke-hoach", input, "--them", "2.1", "--quy", "2", "-o", out], NOW);
    expect(add.stdout).toContain("“Chuyển đổi số trong cơ quan” vào Quý II/2021");
    const topics = readWorkbook(await gridOf(out)).register!.topics;
    expect(topics[1]).toMatchObject({ title: "Chuyển đổi số trong cơ quan", group: "Nhiệm vụ chuyên môn" });
  });
});
