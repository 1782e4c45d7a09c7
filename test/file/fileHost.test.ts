// The file host (src/file/fileHost.ts): the pane's commands on an .xlsx opened in the
// browser. The chosen bytes are never changed; a change is a new file with the CLI's
// guarantees (the user's sheets and tables as read, a report sheet replaced only when
// this tool made it).
import ExcelJS from "exceljs";
import { SAMPLE_YEAR, sampleAsOf, sampleWorkbook } from "../../src/core/make/sample";
import { createFileHost, newFileName } from "../../src/file/fileHost";
import { loadWorkbookBytes } from "../../src/xlsx/load";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { createBook } from "../../src/taskpane/logic/createBook";
import { runCheck } from "../../src/taskpane/logic/check";
import { writeQuarterReport } from "../../src/taskpane/logic/report";
import { consolidateFiles, writeConsolidation } from "../../src/taskpane/logic/consolidate";
import { CONSOLIDATION_SHEET } from "../../src/core/make/consolidate";

jest.setTimeout(60_000);

const AS_OF = sampleAsOf(SAMPLE_YEAR);
const REPORT = `Báo cáo Quý III-${SAMPLE_YEAR}`;

async function registerBytes(extra?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = newWorkbook();
  renderSheets(wb, sampleWorkbook(SAMPLE_YEAR));
  const own = wb.addWorksheet("Ghi chép riêng");
  own.getCell("A1").value = "Việc của chi ủy";
  own.addTable({ name: "tblRieng", ref: "A3", headerRow: true, columns: [{ name: "Việc" }], rows: [["Nộp đảng phí"]] });
  extra?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("nothing opened: the check asks for a file, Tạo sổ makes a new register to save", async () => {
  const host = createFileHost();
  expect(host.cellsSelectable).toBe(false);
  await expect(runCheck(host, AS_OF)).rejects.toThrow("Mở sổ (.xlsx)");
  const made = await createBook(host, { year: 2026, chiBo: "Chi bộ Văn phòng" });
  expect(made.created).toHaveLength(6);
  expect(host.state()).toEqual({ source: null, changed: true, sheetCount: 6 });
  const file = await host.newFile();
  expect(file.name).toBe("Sổ chuyên đề (bản mới).xlsx");
  const { grid } = await loadWorkbookBytes(file.bytes, file.name);
  expect(grid.tables?.map((t) => t.name).sort()).toEqual(
    ["tblBienBan", "tblChuyenDe", "tblDangVien", "tblDiemDanh", "tblThongTin", "tblYKien"].sort(),
  );
});

test("a report goes into a copy: the chosen bytes stay as they were, the user's sheets are carried over", async () => {
  const bytes = await registerBytes();
  const before = Uint8Array.from(bytes);
  const host = createFileHost();
  const changes: boolean[] = [];
  host.onChange((s) => changes.push(s.changed));
  await host.open(bytes, "so-2025.xlsx");
  expect(host.state()).toEqual({ source: "so-2025.xlsx", changed: false, sheetCount: 7 });

  const view = await runCheck(host, AS_OF);
  expect(view.result.register?.topics).toBeGreaterThan(0);
  // A finding on a row names the cell's current value (dates as the secretary types them).
  for (const f of view.findings) if (f.cell) expect(typeof f.value).toBe("string");

  const r = await writeQuarterReport(host, 3, SAMPLE_YEAR, AS_OF);
  expect(r).toEqual({ sheet: REPORT, replaced: false, notices: [] });
  expect(changes).toEqual([false, true]);
  expect(bytes).toEqual(before);

  const file = await host.newFile();
  expect(file.name).toBe("so-2025 (bản mới).xlsx");
  const saved = (await loadWorkbookBytes(file.bytes, file.name)).grid;
  const original = (await loadWorkbookBytes(before, "so-2025.xlsx")).grid;
  expect(saved.sheets.map((s) => s.name)).toEqual([...original.sheets.map((s) => s.name), REPORT]);
  for (const s of original.sheets) expect(saved.sheets.find((x) => x.name === s.name)).toEqual(s);
  expect(saved.tables).toEqual(original.tables);

  // Made again: the tool's own report sheet is replaced, in its place.
  const again = await writeQuarterReport(host, 3, SAMPLE_YEAR, AS_OF);
  expect(again.replaced).toBe(true);
  const twice = (await loadWorkbookBytes((await host.newFile()).bytes, "x.xlsx")).grid;
  expect(twice.sheets.map((s) => s.name)).toEqual(saved.sheets.map((s) => s.name));

  // The check after the report does not take the report for the register.
  const after = await runCheck(host, AS_OF);
  expect(after.result.findings).toEqual(view.result.findings);
});

test("a user's own sheet with the report's name is never replaced, and a failed write leaves the copy as it was", async () => {
  const bytes = await registerBytes((wb) => {
    wb.addWorksheet(REPORT).getCell("A1").value = "Ghi chú của tôi";
  });
  const host = createFileHost();
  await host.open(bytes, "so.xlsx");
  await expect(writeQuarterReport(host, 3, SAMPLE_YEAR, AS_OF)).rejects.toThrow(`Sổ đã có trang "${REPORT}" do người dùng tạo`);
  expect(host.state().changed).toBe(false);
  const file = await host.newFile();
  expect(file.bytes).toEqual(bytes);
});

test("a file that is not an .xlsx gets the loader's Vietnamese reason", async () => {
  const host = createFileHost();
  await expect(host.open(new TextEncoder().encode("a,b\n1,2\n"), "so.csv")).rejects.toThrow("không phải sổ Excel");
  expect(host.state().source).toBeNull();
});

test("Tổng hợp with no file opened: the consolidation is a new workbook to save", async () => {
  const bytes = await registerBytes();
  const run = await consolidateFiles(
    [
      { name: "chi-bo-a.xlsx", bytes: async () => bytes },
      { name: "hong.xlsx", bytes: async () => new Uint8Array([1, 2, 3]) },
    ],
    AS_OF,
  );
  const host = createFileHost();
  const sheets = await writeConsolidation(host, run, AS_OF);
  expect(sheets[0]).toBe(CONSOLIDATION_SHEET);
  const { grid } = await loadWorkbookBytes((await host.newFile()).bytes, "tong-hop.xlsx");
  expect(grid.sheets.map((s) => s.name)).toEqual(sheets);
  // The printed Tổng hợp names no file; the unreadable one is on its own sheet.
  expect(JSON.stringify(grid.sheets[0].values)).not.toContain("chi-bo-a.xlsx");
  expect(JSON.stringify(grid.sheets[2].values)).toContain("hong.xlsx");
  expect(host.state()).toEqual({ source: null, changed: true, sheetCount: sheets.length });
});

test("new file names", () => {
  expect(newFileName("Sổ 2026.XLSX")).toBe("Sổ 2026 (bản mới).xlsx");
  expect(newFileName(null)).toBe("Sổ chuyên đề (bản mới).xlsx");
});
