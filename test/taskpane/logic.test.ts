// The pane's commands end to end against the Excel stand-in: what they write, what they
// leave alone, and how many round trips they cost.
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { check } from "../../src/core/check/check";
import { dateToExcelSerial, localDateFromJsDate } from "../../src/core/read/dates";
import { REGISTER_COLUMNS, UserError, type WorkbookGrid } from "../../src/core/shared/types";
import { readWorkbook } from "../../src/core/read/register";
import { loadWorkbookFile, workbookToGrid } from "../../src/cli/xlsx";
import { createWorkbookHost } from "../../src/excel/host";
import { createBook } from "../../src/taskpane/logic/createBook";
import { freeSheetName, proposeConversion, remap, runConversion } from "../../src/taskpane/logic/convert";
import { checkView, runCheck } from "../../src/taskpane/logic/check";
import { buildBook, completeTopic } from "../support/bookBuilder";
import { errorMessage, GENERIC_ERROR } from "../../src/taskpane/logic/messages";
import { writeQuarterReport } from "../../src/taskpane/logic/report";
import { consolidateFiles, readCellFileText, runOfTexts, writeConsolidation, yearReportFile } from "../../src/taskpane/logic/consolidate";
import { StandInWorkbook, type StandInInit } from "../support/excelStandIn";
import { cfb, makeTempDir, removeTempDir, writeXlsx } from "../support/xlsx";
import { checkFile } from "../../src/cli/commands/kiem-tra";
import { legacyTextMessage } from "../../src/core/read/register";
import { addGoodRegister, utc } from "../hard/support";
import { docxText } from "../documents/docx";

const SAMPLE = path.join(__dirname, "..", "fixtures", "samples", "mau-so-tu-lam-2023.xlsx");
const today = { year: 2023, month: 12, day: 31 };

async function sampleGrid(): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  return workbookToGrid(wb);
}

/** The stand-in holding what a grid holds (dates as serials, as Office.js gives them). */
function standInFrom(grid: WorkbookGrid): StandInWorkbook {
  const a1 = (r: number, c: number): string => `${String.fromCharCode(65 + c)}${r + 1}`;
  const init: StandInInit = {
    sheets: grid.sheets.map((s) => ({
      name: s.name,
      values: s.values.map((row) =>
        (row ?? []).map((v) => (v instanceof Date ? dateToExcelSerial(localDateFromJsDate(v)) : typeof v === "string" ? `'${v}` : v)),
      ),
      merges: (s.merges ?? []).map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
    })),
    tables: (grid.tables ?? []).map((t) => ({ name: t.name, sheet: t.sheet, address: `${a1(t.top, t.left)}:${a1(t.bottom, t.right)}` })),
  };
  return new StandInWorkbook(init);
}

function canonicalRegister(n: number): StandInWorkbook {
  const rows: unknown[][] = [[...REGISTER_COLUMNS]];
  for (let i = 1; i <= n; i++) {
    const r: unknown[] = REGISTER_COLUMNS.map(() => "");
    r[0] = i;
    r[2] = `Chuyên đề số ${i}`;
    r[4] = "Nguyễn Văn An";
    r[8] = 44927 + (i % 360);
    rows.push(r);
  }
  return new StandInWorkbook({
    sheets: [{ name: "Sổ chuyên đề", values: rows }],
    tables: [{ name: "tblChuyenDe", sheet: "Sổ chuyên đề", address: `A1:N${n + 1}` }],
  });
}

describe("Tạo sổ", () => {
  test("adds the six sheets with their tables, then does nothing on a second run", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "Trang của tôi", values: [["giữ"]] }] });
    const host = createWorkbookHost(book.run);
    const first = await createBook(host, { year: 2026, chiBo: "Chi bộ Văn phòng" });
    expect(book.syncCount).toBeLessThanOrEqual(3);
    expect(first.created).toEqual(["Thông tin", "Đảng viên", "Sổ chuyên đề", "Điểm danh", "Biên bản", "Ý kiến"]);
    expect(book.tables.map((t) => t.name).sort()).toEqual(
      ["tblBienBan", "tblChuyenDe", "tblDangVien", "tblDiemDanh", "tblThongTin", "tblYKien"].sort(),
    );
    expect(book.sheet("Sổ chuyên đề")!.validations.length).toBeGreaterThan(0);
    expect(book.namesOf("Sổ chuyên đề")).toEqual([expect.stringMatching(/^SoChuyenDe_so_\d+$/)]);
    expect(book.sheet("Trang của tôi")!.valueAt("A1")).toBe("giữ");
    const again = await createBook(host, { year: 2026 });
    expect(again.created).toEqual([]);
    expect(book.sheets).toHaveLength(7);
  });

  test("keeps a user's sheet that has a canonical name and adds only the others", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "Sổ chuyên đề", values: [["Sổ riêng của chi bộ"]] }] });
    const r = await createBook(createWorkbookHost(book.run), { year: 2026 });
    expect(r.kept).toEqual(["Sổ chuyên đề"]);
    expect(r.created).not.toContain("Sổ chuyên đề");
    expect(book.sheet("Sổ chuyên đề")!.valueAt("A1")).toBe("Sổ riêng của chi bộ");
  });
});

describe("Chuyển đổi", () => {
  test("proposes the mapping of the sample, converts it to a new sheet, leaves the source alone", async () => {
    const grid = await sampleGrid();
    const book = standInFrom(grid);
    const host = createWorkbookHost(book.run);
    const source = grid.sheets[0].name;
    const before = JSON.stringify(book.sheet(source)!.cells);

    const proposal = await proposeConversion(host);
    expect(proposal.plan).not.toBeNull();
    expect(proposal.plan!.sheet).toBe(source);
    expect(proposal.plan!.columns["Tên chuyên đề"]).not.toBeNull();

    book.syncCount = 0;
    const result = await runConversion(host, proposal.plan!);
    expect(book.syncCount).toBeLessThanOrEqual(3);
    expect(result.sheet).toBe("Sổ chuyên đề");
    expect(book.table("tblChuyenDe")!.sheet.name).toBe("Sổ chuyên đề");
    expect(JSON.stringify(book.sheet(source)!.cells)).toBe(before);

    // The converted register reads back with the same topics as the source.
    const snapshot = await host.session((s) => s.read());
    const converted = readWorkbook(snapshot.grid);
    const original = readWorkbook(grid);
    expect(converted.register!.sheet).toBe("Sổ chuyên đề");
    expect(converted.register!.topics.map((t) => t.title)).toEqual(original.register!.topics.map((t) => t.title));

    // Running it again changes nothing and says why.
    const sheetsBefore = (await host.session((s) => s.read())).sheets.map((s) => s.name);
    const again = runConversion(host, proposal.plan!);
    await expect(again).rejects.toBeInstanceOf(UserError);
    await expect(again).rejects.toThrow(/đã có sổ chuyên đề theo mẫu chuẩn ở trang "Sổ chuyên đề"/);
    expect((await host.session((s) => s.read())).sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  test("remap gives a source column to one canonical column only", async () => {
    const grid = await sampleGrid();
    const plan = (await proposeConversion(createWorkbookHost(standInFrom(grid).run))).plan!;
    const titleCol = plan.columns["Tên chuyên đề"]!;
    const moved = remap(plan, "Ghi chú", titleCol);
    expect(moved.columns["Ghi chú"]).toBe(titleCol);
    expect(moved.columns["Tên chuyên đề"]).toBeNull();
    await expect(runConversion(createWorkbookHost(standInFrom(grid).run), moved)).rejects.toBeInstanceOf(UserError);
  });

  test("free sheet names", () => {
    expect(freeSheetName("Sổ chuyên đề", ["Khác"])).toBe("Sổ chuyên đề");
    expect(freeSheetName("Sổ chuyên đề", ["sổ chuyên đề", "Sổ chuyên đề (2)"])).toBe("Sổ chuyên đề (3)");
  });
});

describe("Kiểm tra", () => {
  test("finds on the sample what the CLI's adapter finds, in 2 syncs", async () => {
    const grid = await sampleGrid();
    const book = standInFrom(grid);
    const view = await runCheck(createWorkbookHost(book.run), today);
    expect(book.syncCount).toBe(2);
    const viaExcelJs = check(readWorkbook(grid), { asOf: today });
    expect(view.result.findings).toEqual(viaExcelJs.findings);
    expect(view.result.quarters).toEqual(viaExcelJs.quarters);
    expect(view.tiles).toHaveLength(4);

    // A finding on a row selects its cell.
    const target = view.findings.find((f) => f.cell !== null)!;
    const host = createWorkbookHost(book.run);
    await host.session((s) => s.select(target.cell!.sheet, target.cell!.row, target.cell!.col));
    expect(book.selection!.sheet).toBe(target.cell!.sheet);
    expect(book.selection!.address).toMatch(new RegExp(`^[A-Z]+${target.cell!.row}$`));
  });

  test.each([10, 5000])("costs 2 syncs for %i topics", async (n) => {
    const book = canonicalRegister(n);
    const view = await runCheck(createWorkbookHost(book.run), today);
    expect(view.result.register!.topics).toBe(n);
    expect(book.syncCount).toBe(2);
  });

  test("a workbook without a register gives the engine's Vietnamese message", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "Trống", values: [["x"]] }] });
    const err = await runCheck(createWorkbookHost(book.run), today).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(errorMessage(err)).toBe(err.message);
  });

  test("text typed in TCVN3/VNI: the CLI's Cảnh báo as a notice above the tiles, not a finding, still 2 syncs", async () => {
    const dir = makeTempDir();
    try {
      const file = path.join(dir, "tcvn3.xlsx");
      await writeXlsx(file, (wb) => {
        const ws = addGoodRegister(wb);
        ws.getCell("C3").value = "Sinh ho¹t chuyªn ®Ò quý II"; // TCVN3 for "Sinh hoạt chuyên đề"
        ws.getCell("C5").value = "Häc tËp vµ lµm theo t\u2212 t\u2212ëng";
        const members = wb.addWorksheet("Đảng viên");
        members.addRows([
          ["Họ và tên", "Chức vụ"],
          ["Nguyễn Văn An", "Bí thư"],
          ["Nguyeãn Vaên Bình", "Ñaûng vieân"],
        ]); // VNI
      });
      const cli = await checkFile(file, { asOf: today });
      const { grid } = await loadWorkbookFile(file);
      const book = standInFrom(grid);
      const view = await runCheck(createWorkbookHost(book.run), today);
      expect(book.syncCount).toBe(2);
      expect(view.notices).toEqual(cli.legacyText.map(legacyTextMessage));
      expect(view.notices).toHaveLength(2);
      expect(view.notices[0]).toMatch(/^Trang "Sổ chuyên đề", ô C3 .*phông TCVN3.*chuyển mã sang Unicode/);
      expect(view.notices[1]).toMatch(/^Trang "Đảng viên", ô A3 .*phông VNI/);
      expect(view.result.findings).toEqual(cli.result.findings);
      expect(view.result.findings.some((f) => /TCVN3|VNI|phông/.test(f.message))).toBe(false);

      // Headers in TCVN3: no register, and the error gives the font as the cause, as kiem-tra does.
      const headers = path.join(dir, "tieu-de-tcvn3.xlsx");
      await writeXlsx(headers, (wb) => {
        const ws = wb.addWorksheet("So");
        ws.addRow(["STT", "Quý", "Tªn chuyªn ®Ò", "Ng\u00adêi phô tr¸ch", "Ngµy sinh ho¹t"]);
        ws.addRow([1, "I", "Häc tËp nghÞ quyÕt", "NguyÔn V¨n An", utc(2024, 2, 1)]);
      });
      const cliError = await checkFile(headers, { asOf: today }).catch((e: Error) => e);
      const paneError = await runCheck(createWorkbookHost(standInFrom((await loadWorkbookFile(headers)).grid).run), today).catch(
        (e: Error) => e,
      );
      expect(paneError).toBeInstanceOf(UserError);
      expect((paneError as Error).message).toBe((cliError as Error).message);
      expect((paneError as Error).message).toMatch(/^Không tìm thấy sổ chuyên đề\. Trang "So", ô C1 .*TCVN3/);
    } finally {
      removeTempDir(dir);
    }
  });

  test("a workbook of Unicode text has no notice", async () => {
    const view = await runCheck(createWorkbookHost(standInFrom(await sampleGrid()).run), today);
    expect(view.notices).toEqual([]);
  });

  test("quarter tiles and the year line say the verdict model's words", () => {
    // Q1 held, Q2 running with nothing held yet, Q3 and Q4 planned.
    const book = buildBook({
      info: { year: 2023 },
      topics: [completeTopic("10/02/2023"), { quarter: "II" }, { quarter: "III" }, { quarter: "IV" }],
    });
    const view = checkView(book, { year: 2023, month: 5, day: 10 });
    expect(view.tiles.map((t) => [t.state, t.verdict.label])).toEqual([
      ["dat", "Đạt"],
      ["chua-den-han", "Chưa đến hạn"],
      ["chua-den-han", "Chưa đến hạn"],
      ["chua-den-han", "Chưa đến hạn"],
    ]);
    expect(view.year.label).toBe("Chưa đến hạn");
    // After Q2 ends without a meeting: the quarter and the whole year are Chưa đạt.
    const later = checkView(book, { year: 2023, month: 7, day: 10 });
    expect(later.tiles[1].state).toBe("chua-dat");
    expect(later.year.kind).toBe("notMet");
    expect(later.year.sentence).toContain("Quý II/2023 không tổ chức sinh hoạt chuyên đề");
  });
});

describe("Báo cáo quý", () => {
  test("writes the report sheet, rewrites only its own sheet, 3 syncs each time", async () => {
    const grid = await sampleGrid();
    const book = standInFrom(grid);
    const host = createWorkbookHost(book.run);
    const first = await writeQuarterReport(host, 2, 2023, today);
    expect(book.syncCount).toBe(3);
    expect(first).toMatchObject({ sheet: "Báo cáo Quý II-2023", replaced: false });
    expect(Array.isArray(first.notices)).toBe(true);
    const count = book.sheets.length;
    book.syncCount = 0;
    const second = await writeQuarterReport(host, 2, 2023, today);
    expect(book.syncCount).toBe(3);
    expect(second.replaced).toBe(true);
    expect(book.sheets).toHaveLength(count);
    // The report is not mistaken for the register afterwards.
    const view = await runCheck(host, today);
    expect(view.result.register!.sheet).toBe(grid.sheets[0].name);
  });

  test("refuses to replace a user's sheet of that name", async () => {
    const grid = await sampleGrid();
    grid.sheets.push({ name: "Báo cáo Quý II-2023", values: [["ghi chép riêng"]] });
    const book = standInFrom(grid);
    await expect(writeQuarterReport(createWorkbookHost(book.run), 2, 2023, today)).rejects.toMatchObject({ code: "TRANG_DA_CO" });
    expect(book.sheet("Báo cáo Quý II-2023")!.valueAt("A1")).toBe("ghi chép riêng");
  });
});

describe("Tổng hợp", () => {
  test("reads good files, lists bad ones with a reason, writes the sheets", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const run = await consolidateFiles(
      [
        { name: "chi-bo-a.xlsx", bytes: async () => bytes },
        { name: "hong.xlsx", bytes: async () => new TextEncoder().encode("không phải xlsx") },
      ],
      today,
    );
    expect(run.entries.map((e) => e.file)).toEqual(["chi-bo-a.xlsx"]);
    expect(run.unreadable.map((u) => u.file)).toEqual(["hong.xlsx"]);
    expect(run.unreadable[0].reason).toMatch(/xlsx/);
    const book = new StandInWorkbook({ sheets: [{ name: "Tổng hợp", values: [["của người dùng"]] }] });
    const sheets = await writeConsolidation(createWorkbookHost(book.run), run, today);
    expect(book.syncCount).toBeLessThanOrEqual(3);
    expect(sheets).not.toContain("Tổng hợp");
    expect(book.sheet("Tổng hợp")!.valueAt("A1")).toBe("của người dùng");
    expect(sheets.every((s) => book.sheet(s))).toBe(true);
  });

  test("in the page: each file's result as JSON text gives the same run (readCellFileText, runOfTexts)", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const files = [
      { name: "chi-bo-a.xlsx", lastModified: 2, bytes: async () => bytes },
      { name: "chi-bo-a-cu.xlsx", lastModified: 1, bytes: async () => bytes },
      { name: "hong.xlsx", bytes: async () => new TextEncoder().encode("không phải xlsx") },
    ];
    const run = await consolidateFiles(files, today);
    const texts = await Promise.all(files.map(async (f) => readCellFileText({ name: f.name, bytes: await f.bytes() }, today)));
    expect(runOfTexts(texts, files)).toEqual(JSON.parse(JSON.stringify(run)));
  });

  test("the year report: a Word file stating the cells read and the files that could not be", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const run = await consolidateFiles(
      [
        { name: "chi-bo-a.xlsx", bytes: async () => bytes },
        { name: "hong.xlsx", bytes: async () => new TextEncoder().encode("không phải xlsx") },
      ],
      today,
    );
    const made = yearReportFile(run, today, { khoi: false });
    const year = run.entries[0].year;
    expect(made.file.name).toBe(`bao-cao-sinh-hoat-chuyen-de-nam-${year}.docx`);
    const text = docxText(made.file.bytes).replace(/\s+/g, " ");
    expect(text).toContain(`Kết quả sinh hoạt chi bộ chuyên đề năm ${year}`);
    expect(text).toContain("Số ……-BC/ĐU");
    expect(text).toContain(run.entries[0].yearVerdict.label);
    expect(text).toContain("- Chưa rõ đơn vị: hong.xlsx (");
    expect(text).toContain("T/M ĐẢNG ỦY");
    await expect(async () =>
      yearReportFile({ entries: [], unreadable: run.unreadable, duplicates: [] }, today, { khoi: false }),
    ).rejects.toThrow(/Không có sổ nào đọc được/);
  });

  test("an unusable file gets the same Vietnamese reason as in the CLI", async () => {
    const files: { name: string; bytes: Uint8Array }[] = [
      { name: "mat-khau.xlsx", bytes: cfb(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]) },
      { name: "so.csv", bytes: new TextEncoder().encode("STT,Tên chuyên đề\n1,Học tập\n") },
      { name: "so-cu.xlsx", bytes: cfb(["Workbook", "\u0005SummaryInformation"]) },
    ];
    const run = await consolidateFiles(
      files.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(f.bytes) })),
      today,
    );
    expect(run.entries).toEqual([]);
    expect(run.unreadable.map((u) => u.file)).toEqual(files.map((f) => f.name));
    const dir = makeTempDir();
    try {
      for (const [i, f] of files.entries()) {
        const file = path.join(dir, f.name);
        writeFileSync(file, f.bytes);
        const cli = await loadWorkbookFile(file).then(
          () => "opened",
          (err: Error) => err.message,
        );
        expect(run.unreadable[i].reason).toBe(cli);
      }
    } finally {
      removeTempDir(dir);
    }
    expect(run.unreadable[0].reason).toMatch(/^Không mở được tệp mat-khau\.xlsx: tệp được đặt mật khẩu/);
    expect(run.unreadable[1].reason).toMatch(/^Tệp so\.csv là tệp văn bản \(\.csv\)/);
    expect(run.unreadable[2].reason).toMatch(/Excel 97-2003 \(\.xls\) cũ dù tên là \.xlsx/);
  });
});

describe("messages", () => {
  test("Office error codes and unexpected errors become plain Vietnamese", () => {
    expect(errorMessage({ code: "InvalidOperationInCellEditMode" })).toMatch(/chế độ sửa ô/);
    expect(errorMessage(new TypeError("x is undefined"))).toBe(GENERIC_ERROR);
    expect(errorMessage(new UserError("X", "Thông điệp."))).toBe("Thông điệp.");
  });
});
