// The register book's print setup as the add-in writes it (Tạo sổ in Excel, the stand-in
// as strict as the documented API): A4, orientation, the header row repeated, "Trang N" at
// the foot, each sheet numbered from 1, row heights for wrapped text, and the workbook
// left on the register sheet.
import { createWorkbookHost } from "../../src/excel/host";
import { createBook } from "../../src/taskpane/logic/createBook";
import { writeQuarterReport } from "../../src/taskpane/logic/report";
import { SHEETS } from "../../src/core/read/layout";
import { REGISTER_BOOK } from "../../src/core/shared/partyFormat";
import { StandInWorkbook } from "../support/excelStandIn";

describe("Tạo sổ: the register book's print setup in Excel", () => {
  test("every sheet A4, fit to one page wide, header row repeated, 'Trang N' footer from 1; opens on the register", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "Trang của tôi", values: [["giữ"]] }] });
    await createBook(createWorkbookHost(book.run), { year: 2026, chiBo: "Chi bộ Văn phòng" });
    for (const name of Object.values(SHEETS)) {
      const layout = book.sheet(name)!.pageLayout;
      expect([name, layout]).toEqual([
        name,
        expect.objectContaining({
          paperSize: "A4",
          orientation: name === SHEETS.register || name === SHEETS.minutes ? "Landscape" : "Portrait",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          setPrintTitleRows: "$3:$3",
          firstPageNumber: 1,
          "headersFooters.state": "Default",
          "headersFooters.defaultForAllPages.centerFooter": REGISTER_BOOK.footer.replace(/^&C/, ""),
        }),
      ]);
    }
    expect(book.activeSheet).toBe(SHEETS.register);
    // The header row's wrapped names get their height (Excel does not grow a written row).
    const heights = book.sheet(SHEETS.register)!.formats.filter((f) => f.path === "rowHeight");
    expect(heights.find((f) => f.address === "A3:XFD3")?.value).toBeGreaterThan(30);
  });

  test("the quarter report keeps page numbers from page 2 at the top and numbers its pages from 1", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "Trang của tôi", values: [["giữ"]] }] });
    const host = createWorkbookHost(book.run);
    await createBook(host, { year: 2026, chiBo: "Chi bộ Văn phòng" });
    await writeQuarterReport(host, 1, 2026, { year: 2026, month: 4, day: 5 });
    const report = book.sheets.find((s) => s.name.startsWith("Báo cáo"))!;
    expect(report.pageLayout).toEqual(
      expect.objectContaining({
        firstPageNumber: 1,
        "headersFooters.state": "FirstAndDefault",
        "headersFooters.firstPage.centerHeader": "",
        "headersFooters.defaultForAllPages.centerHeader": '&"Times New Roman,Regular"&14&P',
      }),
    );
  });

  test("a page layout Excel would refuse fails the sync, as in Excel", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "A" }] });
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("A").pageLayout.headersFooters.defaultForAllPages.centerFooter = "x".repeat(256);
        await context.sync();
      }),
    ).rejects.toThrow(/incorrect format/);
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("A").getRange("1:1").format.rowHeight = 500;
        await context.sync();
      }),
    ).rejects.toThrow(/incorrect format/);
  });
});
