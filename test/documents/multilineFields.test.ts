// A line break the secretary typed in a Biên bản or Ý kiến cell (Alt+Enter) reaches the
// biên bản as a line break (issue 15), while names and titles are still compared with
// their whitespace collapsed (SPEC §3.7).
import ExcelJS from "exceljs";
import { bienBanData } from "../../src/core/make/documentData";
import { readWorkbook } from "../../src/core/read/register";
import type { WorkbookGrid } from "../../src/core/shared/types";
import { cleanMultilineText, cleanText } from "../../src/core/read/values";
import { loadWorkbookBytes } from "../../src/cli/xlsx";
import { fillTemplate } from "../../src/documents/fill";
import { builtInTemplate, docxToPdfText, zipEntry } from "./docx";
import { fixtureGrid } from "./fixture";
import { testNeeding } from "../support/tools";
import { cannotPrint } from "../support/pdf";

const CONCLUSION = "  Chi bộ   thống nhất tiếp thu ý kiến \r\n\n  Giao chi ủy hoàn thiện   chuyên đề  \n\n";
const OPINION = "Đề nghị bổ sung số liệu\nNêu kinh nghiệm chuẩn bị";

/** The fixture with multi-line cells, written to .xlsx by exceljs and read back the way
 *  the CLI reads a register. */
async function multiLineBook() {
  const grid: WorkbookGrid = fixtureGrid();
  const minutes = grid.sheets.find((s) => s.name === "Biên bản")!;
  minutes.values[1][8] = CONCLUSION;
  minutes.values[1][9] = "Đồng chí Cường:\n  hoàn thiện đề dẫn";
  const opinions = grid.sheets.find((s) => s.name === "Ý kiến")!;
  opinions.values[1][2] = OPINION;
  // A member name with a line break is still the member (compared collapsed).
  minutes.values[1][4] = "Nguyễn Văn\nAn";
  const wb = new ExcelJS.Workbook();
  for (const s of grid.sheets) wb.addWorksheet(s.name).addRows(s.values as ExcelJS.CellValue[][]);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const { grid: read } = await loadWorkbookBytes(bytes, "so.xlsx");
  return readWorkbook(read);
}

test("cleanMultilineText keeps line breaks and cleans each line; cleanText still collapses", () => {
  expect(cleanMultilineText(CONCLUSION)).toBe("Chi bộ thống nhất tiếp thu ý kiến\n\nGiao chi ủy hoàn thiện chuyên đề");
  expect(cleanMultilineText(" một   dòng ")).toBe("một dòng");
  expect(cleanText(CONCLUSION)).toBe("Chi bộ thống nhất tiếp thu ý kiến Giao chi ủy hoàn thiện chuyên đề");
});

test("the biên bản shows each line of a multi-line Kết luận, Nhiệm vụ giao and Ý kiến on its own line", async () => {
  const book = await multiLineBook();
  const { data } = bienBanData(book, 1);
  expect(book.minutes?.rows[0].conclusion).toBe("Chi bộ thống nhất tiếp thu ý kiến\n\nGiao chi ủy hoàn thiện chuyên đề");
  expect(data.ketLuan).toBe("Chi bộ thống nhất tiếp thu ý kiến\nGiao chi ủy hoàn thiện chuyên đề");
  expect(data.nhiemVu).toBe("Đồng chí Cường:\nhoàn thiện đề dẫn");
  // The chair is matched to the member list: the role is found.
  expect(data.chuTri).toBe("Nguyễn Văn An");
  expect(data.chuTriChucVuText).not.toBe("");
  const xml = zipEntry(fillTemplate(builtInTemplate("bien-ban"), data), "word/document.xml");
  expect(xml).toMatch(/thống nhất tiếp thu ý kiến<\/w:t>(?:<\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?)?<w:br\/>/);
  expect(xml).toMatch(/Đề nghị bổ sung số liệu<\/w:t>(?:<\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?)?<w:br\/>/);
  expect(xml).not.toContain("tiếp thu ý kiến Giao chi ủy");
  expect(zipEntry(fillTemplate(builtInTemplate("bien-ban"), data), "word/settings.xml")).toContain("<w:compat><w:doNotExpandShiftReturn/>");
});

testNeeding(cannotPrint("docx"))(
  "printed through LibreOffice, the two lines of Kết luận are two lines on the page",
  async () => {
    const book = await multiLineBook();
    const [text] = docxToPdfText([{ name: "bien-ban.docx", bytes: fillTemplate(builtInTemplate("bien-ban"), bienBanData(book, 1).data) }]);
    const lines = text.split("\n").map((l) => l.trim());
    // The paragraph wraps where the page does; the typed break ends the line, and the line
    // before it is not stretched across the page (doNotExpandShiftReturn).
    const first = lines.findIndex((l) => l.endsWith("tiếp thu ý kiến"));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(lines[first]).not.toMatch(/ {3}/);
    expect(lines[first + 1]).toBe("Giao chi ủy hoàn thiện chuyên đề");
    expect(lines).toContain("Nhiệm vụ giao: Đồng chí Cường:");
    expect(lines.some((l) => l.endsWith("Đề nghị bổ sung số liệu"))).toBe(true);
    expect(lines).toContain("Nêu kinh nghiệm chuẩn bị");
  },
  120_000,
);
