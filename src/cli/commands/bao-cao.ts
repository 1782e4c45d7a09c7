// `chuyende bao-cao FILE --quy Q [--nam Y] [--ngay D] -o OUT.xlsx [--ghi-de]` — the
// user's workbook with the sheet "Báo cáo Quý Q-Y" added (or replaced, when an earlier
// run made it). Everything else is carried over as read: the tables are repaired after
// reading (fixTables) so that exceljs does not write them without their header row.
// `chuyende bao-cao FILE --stt N -o OUT.docx [--mau MAU.docx]` — the report of one finished
// topic to the cấp ủy cấp trên (topicReport.ts), filled into bao-cao.docx.
import type { Command } from "../command";
import { openWorkbookToSave, readWorkbookFile, takeGrid, workbookToSaveThroughExceljs } from "../xlsx";
import { renderSheet } from "../../xlsx/render";
import {
  checkOutputPath,
  dateOption,
  quarterOption,
  overwriteOption,
  requireInput,
  requireOutput,
  saveWorkbook,
  saveAddedSheets,
  writeFileAtomic,
  yearOption,
} from "../io";
import { quarterReportDocx } from "../../documents/reportDocx";
import { readWorkbook } from "../../core/read/register";
import { check, countBySeverity } from "../../core/check/check";
import { formatDate, formatQuarter } from "../../core/read/dates";
import {
  quarterReport,
  reportQuarterFor,
  reportSheet,
  reportSheetName,
  isQuarterReportSheet,
  reportFindings,
  unconfirmedNotice,
  withoutReportSheets,
} from "../../core/make/report";
import { UserError, type Quarter, type SimpleDate, type WorkbookGrid } from "../../core/shared/types";
import { baoCaoData } from "../../core/make/topicReport";
import { runDocumentCommand } from "./de-dan";

/** The quarter's report from the grid (which this takes; nothing returned keeps it), and
 *  the earlier report sheet it replaces, if any. With `input` (an .xlsx to save into), a
 *  sheet of the user's under the report's name is refused. */
function planQuarterReport(
  grid: WorkbookGrid,
  quarterArg: Quarter | undefined,
  yearArg: number | undefined,
  asOf: SimpleDate,
  input?: string,
) {
  const book = readWorkbook(withoutReportSheets(grid));
  const result = check(book, { year: yearArg, asOf });
  const year = result.year;
  // Without --quy: the register year's last quarter that has ended by --ngay.
  const quarter = quarterArg ?? reportQuarterFor(year, asOf);
  const report = quarterReport(book, result, quarter, year, { today: asOf });
  const model = reportSheet(report, reportSheetName(quarter, year));
  const found = grid.sheets.find((s) => s.name.toLocaleLowerCase("vi") === model.name.toLocaleLowerCase("vi"));
  if (input !== undefined && found && !isQuarterReportSheet(found)) {
    throw new UserError(
      "TRUNG_TEN_TRANG",
      `Sổ đã có trang "${found.name}" không phải báo cáo do chương trình lập — ` +
        `đổi tên trang đó rồi chạy lại (chương trình không ghi đè trang của người dùng).`,
      { file: input, sheet: found.name },
    );
  }
  if (found && found.name !== model.name) model.name = found.name;
  return { book, result, report, model, quarter, year, existing: found !== undefined };
}

export const baoCao: Command = {
  name: "bao-cao",
  summary:
    "Thêm (hoặc làm lại) trang Báo cáo quý vào một bản sao của sổ, lập báo cáo quý thành văn bản Word (.docx), " +
    "hoặc (--stt) báo cáo kết quả một chuyên đề đã sinh hoạt gửi cấp ủy cấp trên.",
  usage: "chuyende bao-cao FILE.xlsx -o OUT.xlsx|OUT.docx [--quy Q | --stt N] [--nam Y] [--ngay dd/mm/yyyy] [--mau MAU.docx] [--ghi-de]",
  examples: [
    {
      command: "chuyende bao-cao so-chuyen-de-2025.xlsx --quy III -o bao-cao-quy-3.xlsx",
      does: 'báo cáo Quý III (cũng nhận --quy 3 hoặc --quy "Quý III"; không ghi --quy: quý vừa kết thúc)',
    },
    {
      command: "chuyende bao-cao so-chuyen-de-2025.xlsx --quy III -o bao-cao-quy-3.docx",
      does: "cùng báo cáo đó thành văn bản Word để in, gửi cấp trên",
    },
    {
      command: "chuyende bao-cao so-chuyen-de-2025.xlsx --stt 3 -o bao-cao-chuyen-de-3.docx",
      does: "báo cáo kết quả chuyên đề STT 3 (đã sinh hoạt) gửi cấp ủy cấp trên",
    },
  ],
  valueOptions: ["quy", "nam", "ngay", "o", "output", "stt", "mau"],
  async run(args, io) {
    if (args.options["stt"] !== undefined) {
      // One finished topic's report; the quarter's is the other mode.
      if (args.options["quy"] !== undefined || args.options["nam"] !== undefined) {
        throw new UserError(
          "THAM_SO_XUNG_DOT",
          "Chọn một trong hai: --stt N lập báo cáo kết quả một chuyên đề, --quy Q lập báo cáo quý — không ghi cả hai.",
        );
      }
      return runDocumentCommand(
        { kind: "bao-cao", data: (book, stt, a, cliIo) => baoCaoData(book, stt, { today: dateOption(a, cliIo) }) },
        args,
        io,
      );
    }
    if (args.options["mau"] !== undefined) {
      throw new UserError("THAM_SO_XUNG_DOT", "Mẫu .docx (--mau) chỉ dùng cho báo cáo kết quả một chuyên đề: thêm --stt N.");
    }
    const input = requireInput(args);
    // The report is also written as .docx (issue 11), by the extension of -o.
    const output = requireOutput(args, "BAO-CAO.xlsx", [".xlsx", ".docx"]);
    const overwrite = overwriteOption(args);
    const asOf = dateOption(args, io);
    const quarterArg = quarterOption(args);
    const yearArg = yearOption(args);
    // Refuse a bad output before the slow part.
    await checkOutputPath(output, { overwrite, inputs: [input] });

    if (/\.docx$/i.test(output)) {
      // The same report as a Word document (chosen by the extension of -o): nothing saved
      // into the workbook, so it is only read.
      const { book, result, report, quarter, year } = planQuarterReport((await readWorkbookFile(input)).grid, quarterArg, yearArg, asOf);
      await writeFileAtomic(output, quarterReportDocx(report), { overwrite, inputs: [input] });
      io.stdout(`Đã ghi báo cáo ${formatQuarter(quarter, year)} (số liệu đến ngày ${formatDate(asOf)}) vào ${output}.\n`);
      for (const line of unconfirmedNotice(report.unconfirmed)) io.stdout(`Lưu ý trước khi gửi: ${line}\n`);
      const open = reportFindings(
        book,
        result,
        report.quarterVerdict.topics.map((t) => t.facts),
        quarter,
      );
      return countBySeverity(open).errors > 0 ? 1 : 0;
    }

    // A large workbook comes without an exceljs copy: a new report is then added with the
    // workbook's parts carried over as they are; else re-saved through exceljs as always.
    const opened = await openWorkbookToSave(input);
    const large = !opened.workbook;
    // The grid is taken out, so a large one is let go once the report is made.
    const { book, result, report, model, quarter, year, existing } = planQuarterReport(takeGrid(opened), quarterArg, yearArg, asOf, input);
    // A large workbook getting a new report: its parts carried over as they are and only
    // the report rendered; a report made again replaces a sheet, which exceljs does.
    const carried = large && !existing && (await saveAddedSheets(input, [model], output, { overwrite, inputs: [input], kind: "bao-cao" }));
    if (!carried) {
      const workbook = await workbookToSaveThroughExceljs(opened, input);
      renderSheet(workbook, model, { replace: true, kind: "bao-cao" });
      await saveWorkbook(workbook, output, { overwrite, inputs: [input] });
    }

    // The quarter's numbers as the report states them (the verdict model).
    const held = report.quarterVerdict.held;
    const open = reportFindings(
      book,
      result,
      report.quarterVerdict.topics.map((t) => t.facts),
      quarter,
    );
    const { errors, warnings } = countBySeverity(open);
    io.stdout(
      `${existing ? "Đã làm lại" : "Đã thêm"} trang "${model.name}" (${formatQuarter(quarter, year)}, ` +
        `số liệu đến ngày ${formatDate(asOf)}) và ghi vào ${output}.\n` +
        `${formatQuarter(quarter, year)}: ${held} chuyên đề đã sinh hoạt; báo cáo nêu ${errors} lỗi, ${warnings} cảnh báo.\n`,
    );
    // Before sending: meetings the report could not confirm.
    for (const line of unconfirmedNotice(report.unconfirmed)) io.stdout(`Lưu ý trước khi gửi: ${line}\n`);
    // What the copy could not keep as it was (huge drop-down ranges clipped, charts…).
    for (const note of carried ? [] : opened.notes) io.stderr(`Lưu ý: ${note}\n`);
    return errors > 0 ? 1 : 0;
  },
};
