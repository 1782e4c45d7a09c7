import { existsSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadWorkbookFile } from "../../src/cli/xlsx";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { sampleWorkbook } from "../../src/core/make/sample";
import { SHEETS } from "../../src/core/read/layout";
import type { SheetGrid, WorkbookGrid } from "../../src/core/shared/types";
import { runInProcess } from "./helpers/run";
import { makeTablesExcelStyle, makeTempDir, readXlsx, removeTempDir, sha256, sheetXml, tableXmls, writeXlsx } from "../support/xlsx";

const YEAR = 2025;
const REPORT = "Báo cáo Quý III-2025";
const ARGS = ["--quy", "3", "--nam", String(YEAR), "--ngay", "2025-10-05"];

let dir: string;
let input: string;

/** The sample register plus a sheet and a table of the user's own, saved and then
 *  rewritten the way Excel writes tables (no headerRowCount attribute). */
async function makeInput(file: string, extra?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = newWorkbook();
  renderSheets(wb, sampleWorkbook(YEAR));
  const own = wb.addWorksheet("Ghi chép riêng");
  own.getCell("A1").value = "Việc của chi ủy";
  own.getCell("A2").value = new Date(Date.UTC(2025, 2, 8));
  own.getCell("A2").numFmt = "dd/mm/yyyy";
  own.getCell("B2").value = { formula: "1+1", result: 2 };
  own.mergeCells("C1:D1");
  own.getCell("C1").value = "Gộp ô";
  own.addTable({
    name: "tblRieng",
    ref: "A5",
    headerRow: true,
    columns: [{ name: "Việc" }, { name: "Hạn" }],
    rows: [
      ["Nộp đảng phí", "10/2025"],
      ["Họp chi ủy", "11/2025"],
    ],
  });
  extra?.(wb);
  await wb.xlsx.writeFile(file);
  makeTablesExcelStyle(file);
  return file;
}

function sheetsExcept(grid: WorkbookGrid, name: string): SheetGrid[] {
  return grid.sheets.filter((s) => s.name !== name);
}

/** name → ref of every table part, and whether it declares headerRowCount. */
function tableRefs(file: string): Map<string, { ref: string; headerRowCount: string | null }> {
  const out = new Map<string, { ref: string; headerRowCount: string | null }>();
  for (const xml of tableXmls(file)) {
    const open = /<table\b[^>]*>/.exec(xml)![0];
    const name = /\bname="([^"]+)"/.exec(open)![1];
    const ref = /\bref="([^"]+)"/.exec(open)![1];
    const h = /\bheaderRowCount="([^"]*)"/.exec(open);
    out.set(name, { ref, headerRowCount: h ? h[1] : null });
  }
  return out;
}

beforeAll(async () => {
  dir = makeTempDir("chuyende-bao-cao-");
  input = await makeInput(path.join(dir, "so.xlsx"));
});

afterAll(() => removeTempDir(dir));

describe("chuyende bao-cao", () => {
  let out: string;
  let inputHash: string;
  let code: number;
  let stdout: string;

  beforeAll(async () => {
    inputHash = sha256(input);
    out = path.join(dir, "bao-cao.xlsx");
    ({ code, stdout } = await runInProcess(["bao-cao", input, ...ARGS, "-o", out]));
  });

  test("adds the report sheet and says so; the input is untouched", async () => {
    expect([0, 1]).toContain(code);
    expect(stdout).toContain(REPORT);
    expect(sha256(input)).toBe(inputHash);
    const { grid } = await loadWorkbookFile(out);
    const names = grid.sheets.map((s) => s.name);
    expect(names).toContain(REPORT);
    const report = grid.sheets.find((s) => s.name === REPORT)!;
    const texts = report.values.flat().map((v) => String(v ?? ""));
    expect(texts).toContain("BÁO CÁO");
    expect(texts).toContain("Kết quả sinh hoạt chi bộ chuyên đề Quý III năm 2025");
    expect(texts).toContain("CHI BỘ PHÒNG KẾ HOẠCH – TÀI CHÍNH");
    expect(texts).toContain("Thành phố Hồ Chí Minh, ngày 05 tháng 10 năm 2025");
    expect(texts).toContain("Nguyễn Thị Thu Hà");
  });

  test("the exit code says whether the report lists error-level findings", () => {
    const m = /báo cáo nêu (\d+) lỗi/.exec(stdout);
    expect(m).not.toBeNull();
    expect(code).toBe(Number(m![1]) > 0 ? 1 : 0);
  });

  test("every other sheet is unchanged cell for cell (values, merges, number formats)", async () => {
    const before = (await loadWorkbookFile(input)).grid;
    const after = (await loadWorkbookFile(out)).grid;
    expect(sheetsExcept(after, REPORT)).toEqual(before.sheets);
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), REPORT]);
  });

  test("tables written the Excel way keep their header row", async () => {
    const before = tableRefs(input);
    expect([...before.values()].every((t) => t.headerRowCount === null)).toBe(true); // precondition
    const after = tableRefs(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, t] of after) {
      expect(t.ref).toBe(before.get(name)!.ref);
      expect(t.headerRowCount === null || t.headerRowCount === "1").toBe(true);
    }
    // Our reader and plain exceljs both see the same tables at the same places.
    const ours = (await loadWorkbookFile(out)).grid.tables ?? [];
    const raw = await readXlsx(out);
    const seen: { name: string; ref: string }[] = [];
    raw.eachSheet((ws) => {
      const tables = (ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref?: string } }> }).tables;
      for (const t of Object.values(tables)) seen.push({ name: t.table.name, ref: (t.table.tableRef ?? t.table.ref)! });
    });
    expect(seen.map((t) => t.name).sort()).toEqual(ours.map((t) => t.name).sort());
    for (const t of seen) expect(t.ref.replace(/\$/g, "")).toBe(after.get(t.name)!.ref);
    // The user's table still has its header cells on top.
    const own = (await loadWorkbookFile(out)).grid.sheets.find((s) => s.name === "Ghi chép riêng")!;
    expect(own.values[4].slice(0, 2)).toEqual(["Việc", "Hạn"]);
  });

  test("data validation (same ranges, no overlaps) and conditional formats of the register survive", () => {
    const count = (xml: string, tag: string) => (xml.match(new RegExp(`<${tag}[ >]`, "g")) ?? []).length;
    const validations = (xml: string) =>
      [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]*)<\/formula1>/g)].map((m) => `${m[1]} ${m[2]}`).sort();
    const a = sheetXml(input, SHEETS.register);
    const b = sheetXml(out, SHEETS.register);
    expect(validations(a).length).toBeGreaterThan(0);
    expect(validations(b)).toEqual(validations(a));
    expect(count(b, "cfRule")).toBe(count(a, "cfRule"));
  });

  test("the report prints on A4 portrait, fit to width, page numbers from page 2, rows sized", async () => {
    const wb = await readXlsx(out);
    const ws = wb.getWorksheet(REPORT)!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("portrait");
    expect(ws.pageSetup.fitToWidth).toBe(1);
    // The sample's Quý III table fits on page 1: no header row to repeat.
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    expect(ws.headerFooter.differentFirst).toBe(true);
    expect(ws.headerFooter.oddHeader).toContain("&P");
    expect(ws.getCell("A6").font?.name).toBe("Times New Roman");
    expect(ws.getRow(1).height).toBeGreaterThan(15);
  });

  test("running it again on its own output replaces only that sheet, with the same content", async () => {
    const again = path.join(dir, "bao-cao-2.xlsx");
    const r = await runInProcess(["bao-cao", out, ...ARGS, "-o", again]);
    expect(r.code).toBe(code);
    expect(r.stdout).toContain("Đã làm lại");
    const first = (await loadWorkbookFile(out)).grid;
    const second = (await loadWorkbookFile(again)).grid;
    expect(second.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    expect(second.sheets.filter((s) => s.name === REPORT)).toHaveLength(1);
    expect(second.sheets).toEqual(first.sheets);
    expect(tableRefs(again)).toEqual(tableRefs(out));
  });

  test("the report sheet is never mistaken for register data: kiem-tra finds the same on input and output", async () => {
    const check = async (file: string) => {
      const r = await runInProcess(["kiem-tra", file, "--nam", String(YEAR), "--ngay", "2025-10-05", "--json"]);
      const json = JSON.parse(r.stdout);
      delete json.file;
      return json;
    };
    expect(await check(out)).toEqual(await check(input));
  });

  test("an existing output needs --ghi-de", async () => {
    const before = sha256(out);
    const r = await runInProcess(["bao-cao", input, ...ARGS, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: .*--ghi-de/);
    expect(sha256(out)).toBe(before);
    const ok = await runInProcess(["bao-cao", input, ...ARGS, "-o", out, "--ghi-de"]);
    expect([0, 1]).toContain(ok.code);
  });
});

describe("chuyende bao-cao on a hand-made register (no tables, no Điểm danh)", () => {
  test("the report's tables are not read as the register, Điểm danh or Đảng viên", async () => {
    const file = await writeXlsx(path.join(dir, "tu-lam.xlsx"), (wb) => {
      const ws = wb.addWorksheet("Chuyên đề 2025");
      ws.addRow(["SỔ THEO DÕI SINH HOẠT CHUYÊN ĐỀ"]);
      ws.addRow(["STT", "Tên chuyên đề", "Người phụ trách", "Ngày duyệt", "Ngày gửi", "Ngày sinh hoạt", "Trạng thái"]);
      ws.addRow([1, "Học tập tư tưởng Hồ Chí Minh", "Lê Thị Mai", "02/02/2025", "05/02/2025", "10/02/2025", "Đã sinh hoạt"]);
      ws.addRow([2, "Chuyển đổi số", "Phan Văn Hùng", "02/05/2025", "05/05/2025", "12/05/2025", "Đã sinh hoạt"]);
      ws.addRow([3, "Phát triển đảng viên", "", "", "", "15/08/2025", "Đã sinh hoạt"]);
      ws.addRow([4, "Kiểm tra, giám sát", "Lê Thị Mai", "", "", "20/11/2025", "Dự kiến"]);
    });
    const target = path.join(dir, "tu-lam-bao-cao.xlsx");
    const r = await runInProcess(["bao-cao", file, "--quy", "3", "--ngay", "2025-10-05", "-o", target]);
    expect([0, 1]).toContain(r.code);
    const check = async (f: string) => {
      const res = await runInProcess(["kiem-tra", f, "--ngay", "2025-10-05", "--json"]);
      const json = JSON.parse(res.stdout);
      delete json.file;
      return json;
    };
    expect(await check(target)).toEqual(await check(file));
    // And a second report over the first gives the same sheet.
    const again = path.join(dir, "tu-lam-bao-cao-2.xlsx");
    await runInProcess(["bao-cao", target, "--quy", "3", "--ngay", "2025-10-05", "-o", again]);
    const a = (await loadWorkbookFile(target)).grid.sheets;
    const b = (await loadWorkbookFile(again)).grid.sheets;
    expect(b).toEqual(a);
  });
});

describe("chuyende bao-cao: refusals and defaults", () => {
  test("a user's own sheet with the report's name is never replaced", async () => {
    const file = await makeInput(path.join(dir, "trung-ten.xlsx"), (wb) => {
      wb.addWorksheet(REPORT).getCell("A1").value = "Ghi chú riêng của bí thư";
    });
    const target = path.join(dir, "khong-ghi.xlsx");
    const r = await runInProcess(["bao-cao", file, ...ARGS, "-o", target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(REPORT);
    expect(r.stderr).toContain("đổi tên");
    expect(existsSync(target)).toBe(false);
  });

  test("without --quy the last quarter ended by --ngay is reported", async () => {
    const target = path.join(dir, "mac-dinh.xlsx");
    const r = await runInProcess(["bao-cao", input, "--ngay", "2025-07-10", "-o", target]);
    expect([0, 1]).toContain(r.code);
    const { grid } = await loadWorkbookFile(target);
    expect(grid.sheets.map((s) => s.name)).toContain("Báo cáo Quý II-2025");
  });

  test("without --quy, a past year's register reports its Quý IV (not a quarter of the current year)", async () => {
    const target = path.join(dir, "nam-cu.xlsx");
    const r = await runInProcess(["bao-cao", input, "--ngay", "2026-11-27", "-o", target]);
    expect([0, 1]).toContain(r.code);
    const { grid } = await loadWorkbookFile(target);
    expect(grid.sheets.map((s) => s.name)).toContain("Báo cáo Quý IV-2025");
  });

  test.each([
    [["--quy", "5"], "--quy"],
    [["--quy", "V"], "--quy"],
    [["--quy", "Quý 5"], "--quy"],
    [["--quy", "2", "--ngay", "31/13/2025"], "--ngay"],
    [["--quy", "2", "--ngay", "2025-12-31-1"], "--ngay"],
  ])("bad arguments %j → exit 2 naming %s, nothing written", async (extra, named) => {
    const target = path.join(dir, "sai.xlsx");
    const r = await runInProcess(["bao-cao", input, ...extra, "-o", target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(named);
    expect(existsSync(target)).toBe(false);
  });

  test("a file without a register → exit 2 with the reader's message", async () => {
    const file = await writeXlsx(path.join(dir, "trong.xlsx"), (wb) => {
      wb.addWorksheet("Trang 1").getCell("A1").value = "Không có gì";
    });
    const r = await runInProcess(["bao-cao", file, "--quy", "1", "-o", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Không tìm thấy sổ chuyên đề/);
  });
});
