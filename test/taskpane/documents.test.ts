// Tài liệu and the file hand-over: a .docx made from the open workbook, and the Mac path
// that carries the bytes in the URL fragment of luu-tep.html.
import { readFileSync } from "fs";
import * as path from "path";
import PizZip from "pizzip";
import { createWorkbookHost } from "../../src/excel/host";
import { documentTopics, loadBook, makeDocument } from "../../src/taskpane/logic/documents";
import { saveUrl, toBase64 } from "../../src/taskpane/download";
import { StandInWorkbook } from "../support/excelStandIn";
import { REGISTER_COLUMNS } from "../../src/core/shared/types";

const root = path.resolve(__dirname, "..", "..");

function bookWithTopic(title: string): StandInWorkbook {
  const row: unknown[] = REGISTER_COLUMNS.map(() => "");
  row[0] = 1;
  row[2] = `'${title}`;
  row[4] = "Nguyễn Văn An";
  row[8] = 44232;
  return new StandInWorkbook({
    sheets: [{ name: "Sổ chuyên đề", values: [[...REGISTER_COLUMNS], row] }],
    tables: [{ name: "tblChuyenDe", sheet: "Sổ chuyên đề", address: "A1:N2" }],
  });
}

test("makes a đề dẫn .docx of the chosen topic from the built-in template", async () => {
  const book = await loadBook(createWorkbookHost(bookWithTopic("=Học tập & làm theo <Bác>").run));
  expect(documentTopics(book).map((t) => t.stt)).toEqual([1]);
  const template = new Uint8Array(readFileSync(path.join(root, "assets", "templates", "de-dan.docx")));
  const made = makeDocument(book, "de-dan", 1, template, { today: { year: 2021, month: 1, day: 20 } });
  expect(made.file.name).toBe("de-dan-chuyen-de-1.docx");
  const xml = new PizZip(made.file.bytes).file("word/document.xml")!.asText();
  expect(xml).toContain("=Học tập &amp; làm theo &lt;Bác&gt;");
});

test("the Mac hand-over URL carries name, type and bytes in the fragment only", () => {
  const bytes = new Uint8Array([0, 1, 2, 250, 255, 80, 75]);
  const url = saveUrl("https://addin.example.vn/bo-tro/taskpane.html?x=1", { name: "Đề dẫn 1.docx", mime: "application/x-test", bytes });
  const [page, fragment] = url.split("#");
  expect(page).toBe("https://addin.example.vn/bo-tro/luu-tep.html");
  const [name, mime, data] = fragment.split("|");
  expect(decodeURIComponent(name)).toBe("Đề dẫn 1.docx");
  expect(decodeURIComponent(mime)).toBe("application/x-test");
  expect(Uint8Array.from(Buffer.from(data, "base64"))).toEqual(bytes);
  expect(toBase64(new Uint8Array(100000).fill(7)).length).toBe(Math.ceil(100000 / 3) * 4);
});

test("the sign-in sheet and the notice from the open workbook; a notice the register contradicts is refused", async () => {
  const book = await loadBook(createWorkbookHost(bookWithTopic("Học tập nghị quyết").run));
  const today = { year: 2021, month: 1, day: 20 };
  for (const kind of ["danh-sach", "thong-bao"] as const) {
    const template = new Uint8Array(readFileSync(path.join(root, "assets", "templates", `${kind}.docx`)));
    const made = makeDocument(book, kind, 1, template, { today });
    expect(made.file.name).toBe(`${kind}-chuyen-de-1.docx`);
    const xml = new PizZip(made.file.bytes).file("word/document.xml")!.asText();
    expect(xml).toContain("Học tập nghị quyết");
    // No member list, no place, no sending date: the paper is made and the pane says what to fill in.
    expect(made.problems.length).toBeGreaterThan(0);
  }
  // Sent on the meeting day (column H = I): the notice is not made.
  const late = bookWithTopic("Học tập nghị quyết");
  await late.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sổ chuyên đề").getRange("H2").values = [[44232]];
    await ctx.sync();
  });
  const lateBook = await loadBook(createWorkbookHost(late.run));
  const template = new Uint8Array(readFileSync(path.join(root, "assets", "templates", "thong-bao.docx")));
  expect(() => makeDocument(lateBook, "thong-bao", 1, template, { today })).toThrow(/trùng ngày sinh hoạt/);
});
