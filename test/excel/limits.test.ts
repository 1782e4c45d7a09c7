// The pane's commands against the stand-in's documented limits: 5 MB per request and
// response (Excel on the web), 512 merged areas per getMergedAreasOrNullObject call, text
// coercion on write, freeze counts, requirement sets. Each limit is enforced by the stand-in
// (see the comments there for the learn.microsoft.com pages); these tests show the adapter
// stays inside them.
import { buildCanonicalWorkbook } from "../../src/core/make/canonical";
import type { ModelValue } from "../../src/core/make/sheetModel";
import { createWorkbookHost } from "../../src/excel/host";
import { readWorkbook, readWorkbookGrid } from "../../src/excel/read";
import { safeText, writeSheetModels } from "../../src/excel/render";
import { kiemTraWorkbook } from "../../src/functions/compute";
import { runCheck } from "../../src/taskpane/logic/check";
import { createBook } from "../../src/taskpane/logic/createBook";
import { proposeConversion, runConversion } from "../../src/taskpane/logic/convert";
import { writeQuarterReport } from "../../src/taskpane/logic/report";
import { errorMessage } from "../../src/taskpane/logic/messages";
import { PAYLOAD_LIMIT, StandInWorkbook, coerceTyped } from "../support/excelStandIn";
import { largeRegisterRows } from "../support/largeRegister";

const today = { year: 2026, month: 12, day: 31 };

function attendanceRows(n: number, topics: number): ModelValue[][] {
  const rows: ModelValue[][] = [];
  for (let i = 0; i < n; i++) rows.push([(i % topics) + 1, `Đảng viên số ${i % 10}`, "Có mặt", ""]);
  return rows;
}

/** A stand-in with the canonical sheets written by the adapter (itself under the limits). */
async function bigBook(topics: number, attendance: number): Promise<StandInWorkbook> {
  const book = new StandInWorkbook({ sheets: [{ name: "Trang tính 1", values: [["giữ"]] }] });
  const models = buildCanonicalWorkbook({
    year: 2026,
    register: largeRegisterRows(topics),
    attendance: attendanceRows(attendance, topics),
    members: Array.from({ length: 10 }, (_, i) => [i + 1, `Đảng viên số ${i}`, "Đảng viên", "Chính thức", "Không", ""]),
    only: ["info", "members", "register", "attendance"],
  });
  await book.run(async (context) => {
    const known = await readWorkbook(context, { sheets: [] });
    await writeSheetModels(context, models, known, { kind: "so" });
  });
  return book;
}

describe("5 MB per request and response (Excel on the web)", () => {
  jest.setTimeout(240000);

  test("5,000 topics and 50,000 attendance rows: Tạo sổ, Kiểm tra, Báo cáo quý, Chuyển đổi never pass 5 MB", async () => {
    const book = await bigBook(5000, 50000);
    // Every canonical table sits under its title and chi bộ line (header on row 3).
    expect(book.sheet("Điểm danh")!.valueAt("B50003")).toBe("Đảng viên số 9");
    expect(book.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    const host = createWorkbookHost(book.run);

    book.syncCount = 0;
    const view = await runCheck(host, today);
    expect(view.result.register!.topics).toBe(5000);
    expect(book.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);

    const report = await writeQuarterReport(host, 2, 2026, today);
    expect(report.sheet).toBe("Báo cáo Quý II-2026");

    const created = await createBook(host, { year: 2026 });
    expect(created.created).toEqual(["Biên bản", "Ý kiến"]);

    expect(book.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(book.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  });

  test("Chuyển đổi of a hand-made register of 5,000 rows stays under 5 MB", async () => {
    const header = ["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Ghi chú"];
    const rows: unknown[][] = [header];
    for (let i = 1; i <= 5000; i++) {
      rows.push([i, "II", `Chuyên đề số ${i} về công tác xây dựng Đảng ở cơ sở`, "Lê Văn Cường", 46100 + (i % 90), "Đã sinh hoạt đầy đủ"]);
    }
    const book = new StandInWorkbook({ sheets: [{ name: "Sổ cũ", values: rows }] });
    const host = createWorkbookHost(book.run);
    const proposal = await proposeConversion(host);
    const result = await runConversion(host, proposal.plan!);
    expect(result.rows).toBe(5000);
    expect(book.sheet(result.sheet)!.valueAt("C5003")).toBe("Chuyên đề số 5000 về công tác xây dựng Đảng ở cơ sở");
    expect(book.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(book.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  });

  test("a sync over 5 MB fails with Excel's code, and the pane says so in Vietnamese", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "A", values: [] }] });
    const big = Array.from({ length: 60000 }, (_, i) => [`Dòng số ${i} với một đoạn chữ khá dài để vượt giới hạn năm mê-ga-bai`, i]);
    let caught: unknown;
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("A1:B60000").values = big;
      await context.sync().catch((err: unknown) => (caught = err));
    });
    expect(caught).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(errorMessage(caught)).toMatch(/^Sổ quá lớn/);
    expect(book.sheet("A")!.valueAt("A1")).toBe("");
  });

  test("loading more than 5,000,000 cells at once fails with RangeExceedsLimit", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "A", values: [["x"]] }] });
    let caught: unknown;
    await book.run(async (context) => {
      const r = context.workbook.worksheets.getItem("A").getRange("A1:E1000001");
      r.load("values");
      await context.sync().catch((err: unknown) => (caught = err));
    });
    expect(caught).toMatchObject({ code: "RangeExceedsLimit" });
  });
});

describe("more than 512 merged areas", () => {
  /** A printed form with 600 merged rows beside a hand-made register whose Quý cells are merged. */
  function formAndRegister(): StandInWorkbook {
    const form: unknown[][] = [];
    const merges: string[] = [];
    for (let r = 1; r <= 600; r++) {
      form.push([`Mục ${r}`, "", "ghi chú"]);
      merges.push(`A${r}:B${r}`);
    }
    const register: unknown[][] = [["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Trạng thái"]];
    for (let i = 1; i <= 8; i++) register.push([i, i === 1 ? "I" : i === 5 ? "II" : "", `Chuyên đề ${i}`, "Nguyễn Văn An", "", "Dự kiến"]);
    return new StandInWorkbook({
      sheets: [
        { name: "Mẫu in", values: form, merges },
        { name: "Sổ chuyên đề", values: register, merges: ["B2:B5", "B6:B9"] },
      ],
    });
  }

  test("the stand-in refuses more than 512 in one call, as Excel does", async () => {
    const book = formAndRegister();
    await book.run(async (context) => {
      const m = context.workbook.worksheets.getItem("Mẫu in").getRange("A1:C600").getMergedAreasOrNullObject();
      m.load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
  });

  test("the adapter reads all 600 and the register's merged Quý cells", async () => {
    const book = formAndRegister();
    const grid = await book.run((context) => readWorkbookGrid(context));
    expect(grid.sheets.find((s) => s.name === "Mẫu in")!.merges).toHaveLength(600);
    const view = await runCheck(createWorkbookHost(book.run), { year: 2026, month: 1, day: 5 });
    const quarters = Object.fromEntries(view.result.quarters.map((q) => [q.quarter, q.planned]));
    expect(quarters).toMatchObject({ 1: 4, 2: 4 });
    // KIEMTRA() reads the same grid: the merged Quý cells count (without them rows 3–5 and
    // 7–9 would have no quarter and be reported).
    const asOf = { year: 2026, month: 1, day: 5 };
    const withoutMerges = { ...grid, sheets: grid.sheets.map((s) => ({ ...s, merges: undefined })) };
    const table = kiemTraWorkbook(grid, 2026, undefined, asOf);
    expect(table).not.toEqual(kiemTraWorkbook(withoutMerges, 2026, undefined, asOf));
  });

  test("every pane command still works beside the heavily merged sheet", async () => {
    const book = formAndRegister();
    const host = createWorkbookHost(book.run);
    await expect(writeQuarterReport(host, 1, 2026, today)).resolves.toMatchObject({ sheet: "Báo cáo Quý I-2026" });
    await expect(createBook(host, { year: 2026 })).resolves.toMatchObject({ kept: ["Sổ chuyên đề"] });
    const other = formAndRegister();
    other.sheet("Sổ chuyên đề")!.name = "Sổ cũ";
    const oh = createWorkbookHost(other.run);
    const proposal = await proposeConversion(oh);
    await expect(runConversion(oh, proposal.plan!)).resolves.toMatchObject({ rows: 8 });
  });
});

describe("one sheet Excel will not read", () => {
  test("is left out (and named), the others are read; a typing user still stops the command", async () => {
    const book = new StandInWorkbook({
      sheets: [
        { name: "Hỏng", values: [["x"]] },
        {
          name: "Sổ chuyên đề",
          values: [
            ["STT", "Tên chuyên đề"],
            [1, "Chuyên đề 1"],
          ],
        },
      ],
    });
    book.sheet("Hỏng")!.failReads = true;
    const snap = await book.run((context) => readWorkbook(context));
    expect(snap.unreadable).toEqual(["Hỏng"]);
    expect(snap.grid.sheets.map((s) => s.name)).toEqual(["Sổ chuyên đề"]);
    expect(snap.grid.sheets[0].values[1]).toEqual([1, "Chuyên đề 1"]);
    book.editingCell = true;
    await expect(book.run((context) => readWorkbook(context))).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });
});

describe("text written to a cell arrives as the text the user wrote", () => {
  const cases = [
    "5-13-2021",
    "1-2",
    "15/6",
    "Jan 5",
    "5 Jan",
    "TRUE",
    "false",
    "1E5",
    "$5",
    "(5)",
    "85%",
    "012",
    "9:30",
    "#N/A",
    "-x",
    "=1+1",
    "+84 912",
    "1.000.000",
    "Quý 1",
    "II",
  ];

  test.each(["en-US", "vi-VN"] as const)("in a %s Excel each case is coerced unless written with safeText", async (locale) => {
    // The stand-in coerces as Excel does: all but the plain words become something else.
    for (const c of ["5-13-2021", "1-2", "Jan 5", "TRUE", "1E5", "$5", "85%"]) {
      if (locale === "vi-VN" && c === "5-13-2021") continue; // no 13th month in d-m order
      expect(coerceTyped(c, locale, false)).not.toBeNull();
    }
    if (locale === "vi-VN") expect(coerceTyped("15/6", locale, false)).not.toBeNull();

    const book = new StandInWorkbook({ locale, sheets: [{ name: "A", values: [] }] });
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("A").getRange(`A1:A${cases.length}`);
      range.values = cases.map((c) => [safeText(c)]);
      await context.sync();
    });
    const grid = await book.run((context) => readWorkbookGrid(context));
    expect(grid.sheets[0].values.map((r) => r[0])).toEqual(cases);
  });
});

describe("requirement sets", () => {
  test("a call from a set the host lacks fails with ApiNotFound and a Vietnamese message", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "A", values: [["x"]] }] });
    book.supportedSets = { ...book.supportedSets, ExcelApi: "1.12" };
    let caught: unknown;
    await book.run(async (context) => {
      const m = context.workbook.worksheets.getItem("A").getRange("A1:B2").getMergedAreasOrNullObject();
      m.load("address");
      await context.sync().catch((err: unknown) => (caught = err));
    });
    expect(caught).toMatchObject({ code: "ApiNotFound" });
    expect(errorMessage(caught)).toMatch(/^Phiên bản Excel này chưa có chức năng bổ trợ cần\. Hãy cập nhật Office/);
  });
});

describe("cell-edit mode", () => {
  test("a sync fails while the user types, unless the batch asked to wait", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "A", values: [["x"]] }] });
    book.editingCell = true;
    await expect(book.run((context) => readWorkbookGrid(context))).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const waiting = book.run({ delayForCellEdit: true }, (context) => readWorkbookGrid(context));
    setTimeout(() => {
      book.editingCell = false;
    }, 20);
    await expect(waiting).resolves.toMatchObject({ sheets: [{ name: "A", values: [["x"]] }] });
  });
});
