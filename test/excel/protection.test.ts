// Protected sheets and workbooks, against the stand-in made strict for them: Excel refuses
// changes to a protected sheet and adding, deleting, moving or renaming sheets of a workbook
// whose structure is protected (AccessDenied; learn.microsoft.com/javascript/api/excel/
// excel.worksheetprotection, excel.workbookprotection, and office/dev/add-ins/excel/
// excel-add-ins-workbooks "Protect workbook structure"). Excel's refusal comes in the middle
// of a batch, after the operations queued before it have run, so the commands check before
// their first write: Tạo sổ, Chuyển đổi, Báo cáo quý, Tổng hợp and Kế hoạch năm stop with a
// Vietnamese message naming the sheet and how to unprotect, and the workbook is as it was.
import { UserError } from "../../src/core/shared/types";
import { createWorkbookHost } from "../../src/excel/host";
import { writeConsolidation } from "../../src/taskpane/logic/consolidate";
import { proposeConversion, runConversion } from "../../src/taskpane/logic/convert";
import { createBook } from "../../src/taskpane/logic/createBook";
import { addPlannedTopic } from "../../src/taskpane/logic/plan";
import { writeQuarterReport } from "../../src/taskpane/logic/report";
import { StandInError, StandInWorkbook } from "../support/excelStandIn";
import { voiceProblems } from "../support/secretaryVoice";

const today = { year: 2026, month: 5, day: 20 };

/** Everything a command could change, to prove it changed nothing. */
function state(book: StandInWorkbook): string {
  return JSON.stringify({
    sheets: book.sheets.map((s) => [s.name, s.cells, s.merges, s.formats.length, s.validations, s.pageLayout, s.frozenRows]),
    tables: book.tables.map((t) => [t.name, t.sheet.name, t.box]),
    names: book.names.map((n) => [n.name, n.formula]),
    active: book.activeSheet,
  });
}

/** A register made by Tạo sổ, with one planned topic, and a user's own sheet. */
async function registerBook(): Promise<StandInWorkbook> {
  const book = new StandInWorkbook({ sheets: [{ name: "Ghi chép", values: [["giữ nguyên"]] }] });
  const host = createWorkbookHost(book.run);
  await createBook(host, { year: 2026 });
  await addPlannedTopic(
    host,
    { title: "Học tập Nghị quyết Đại hội", group: 1, quarter: 2, meeting: { year: 2026, month: 5, day: 12 } },
    today,
  );
  return book;
}

async function refusal(work: Promise<unknown>): Promise<UserError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  const message = (err as UserError).message;
  expect(voiceProblems(message, { pane: true })).toEqual([]);
  return err as UserError;
}

const STRUCTURE =
  /^Sổ đang được bảo vệ cấu trúc nên không thêm được .+\. Hãy bỏ bảo vệ: thẻ Xem lại › bấm Bảo vệ sổ làm việc để tắt \(nhập mật khẩu nếu có\), rồi làm lại\. Sổ chưa bị thay đổi gì\.$/;

describe("the stand-in models Excel's refusal", () => {
  test("a write to a protected sheet fails with AccessDenied, after what was queued before it ran", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "Mở" }, { name: "Khóa", protected: true }] });
    const err = await book
      .run(async (context) => {
        context.workbook.worksheets.getItem("Mở").getRange("A1").values = [["đã ghi"]];
        context.workbook.worksheets.getItem("Khóa").getRange("A1").values = [["không ghi"]];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StandInError);
    expect((err as StandInError).code).toBe("AccessDenied");
    // Half a write: why the add-in must check before writing.
    expect(book.sheet("Mở")!.valueAt("A1")).toBe("đã ghi");
    expect(book.sheet("Khóa")!.valueAt("A1")).toBe("");
  });

  test("a protected structure refuses adding, deleting, moving and renaming sheets", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "A" }, { name: "B" }], structureProtected: true });
    const attempts: ((context: any) => void)[] = [
      (c) => c.workbook.worksheets.add("C"),
      (c) => c.workbook.worksheets.getItem("B").delete(),
      (c) => (c.workbook.worksheets.getItem("B").position = 0),
      (c) => (c.workbook.worksheets.getItem("B").name = "D"),
    ];
    for (const attempt of attempts) {
      const err = await book
        .run(async (context) => {
          attempt(context);
          await context.sync();
        })
        .catch((e: unknown) => e);
      expect((err as StandInError).code).toBe("AccessDenied");
    }
    expect(book.sheets.map((s) => s.name)).toEqual(["A", "B"]);
    // Writing cells of an unprotected sheet is still allowed.
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("A1").values = [["được"]];
      await context.sync();
    });
    expect(book.sheet("A")!.valueAt("A1")).toBe("được");
  });
});

describe("a protected workbook structure: every command that adds sheets stops before writing", () => {
  test("Tạo sổ", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "Ghi chép", values: [["giữ nguyên"]] }], structureProtected: true });
    const before = state(book);
    const err = await refusal(createBook(createWorkbookHost(book.run), { year: 2026 }));
    expect(err.code).toBe("SO_DUOC_BAO_VE");
    expect(err.message).toMatch(STRUCTURE);
    expect(err.message).toContain("“Thông tin”");
    expect(state(book)).toBe(before);
  });

  test("Chuyển đổi", async () => {
    const rows: unknown[][] = [["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt"]];
    for (let i = 1; i <= 4; i++) rows.push([i, i, `Chuyên đề số ${i}`, "Lê Văn Cường", 46100 + i * 30]);
    const book = new StandInWorkbook({ sheets: [{ name: "Sổ cũ", values: rows }], structureProtected: true });
    const host = createWorkbookHost(book.run);
    const proposal = await proposeConversion(host);
    const before = state(book);
    const err = await refusal(runConversion(host, proposal.plan!));
    expect(err.message).toMatch(STRUCTURE);
    expect(state(book)).toBe(before);
  });

  test("Báo cáo quý and Tổng hợp", async () => {
    const book = await registerBook();
    book.structureProtected = true;
    const host = createWorkbookHost(book.run);
    const before = state(book);
    const report = await refusal(writeQuarterReport(host, 2, 2026, today));
    expect(report.message).toMatch(STRUCTURE);
    expect(report.message).toContain("“Báo cáo Quý II-2026”");
    const total = await refusal(writeConsolidation(host, { entries: [], unreadable: [], duplicates: [] }, today));
    expect(total.message).toMatch(STRUCTURE);
    expect(state(book)).toBe(before);
  });

  test("Kế hoạch năm writes into the register only, so a protected structure does not stop it", async () => {
    const book = await registerBook();
    book.structureProtected = true;
    await addPlannedTopic(createWorkbookHost(book.run), { title: "Chuyên đề về chuyển đổi số", group: 2, quarter: 3 }, today);
    expect(book.sheet("Sổ chuyên đề")!.valuesOf("A1:Z20").flat()).toContain("Chuyên đề về chuyển đổi số");
  });
});

describe("a protected sheet is never written into", () => {
  test("Kế hoạch năm on a protected register says which sheet and how to unprotect", async () => {
    const book = await registerBook();
    book.sheet("Sổ chuyên đề")!.protected = true;
    const before = state(book);
    const err = await refusal(
      addPlannedTopic(createWorkbookHost(book.run), { title: "Chuyên đề về chuyển đổi số", group: 2, quarter: 3 }, today),
    );
    expect(err.code).toBe("TRANG_DUOC_BAO_VE");
    expect(err.message).toBe(
      "Trang “Sổ chuyên đề” đang được bảo vệ nên không ghi được vào trang này. Hãy bỏ bảo vệ: thẻ Xem lại › Bỏ bảo vệ trang tính (nhập mật khẩu nếu có), rồi làm lại. Sổ chưa bị thay đổi gì.",
    );
    expect(state(book)).toBe(before);
  });

  test("Báo cáo quý does not replace its own report once the user protected it", async () => {
    const book = await registerBook();
    const host = createWorkbookHost(book.run);
    await writeQuarterReport(host, 2, 2026, today);
    book.sheet("Báo cáo Quý II-2026")!.protected = true;
    const before = state(book);
    const err = await refusal(writeQuarterReport(host, 2, 2026, today));
    expect(err.message).toMatch(/^Trang “Báo cáo Quý II-2026” đang được bảo vệ/);
    expect(state(book)).toBe(before);
    // Other sheets being protected does not matter to it.
    book.sheet("Báo cáo Quý II-2026")!.protected = false;
    book.sheet("Ghi chép")!.protected = true;
    await expect(writeQuarterReport(host, 2, 2026, today)).resolves.toMatchObject({ replaced: true });
  });
});
