// Tài liệu with the user's own template: it is checked before anything is filled, and a bad
// one is refused with the tags to fix, like `chuyende de-dan --mau` does.
import PizZip from "pizzip";
import { createWorkbookHost } from "../../src/excel/host";
import { loadBook, makeDocument } from "../../src/taskpane/logic/documents";
import { errorMessage } from "../../src/taskpane/logic/messages";
import { REGISTER_COLUMNS, UserError } from "../../src/core/shared/types";
import { StandInWorkbook } from "../support/excelStandIn";
import { builtInTemplate, makeDocx, paragraph, run } from "../documents/docx";

const today = { year: 2021, month: 1, day: 20 };

async function book() {
  const row: unknown[] = REGISTER_COLUMNS.map(() => "");
  row[0] = 1;
  row[2] = "Học tập và làm theo tư tưởng Hồ Chí Minh";
  row[4] = "Nguyễn Văn An";
  row[8] = 44232;
  const wb = new StandInWorkbook({
    sheets: [{ name: "Sổ chuyên đề", values: [[...REGISTER_COLUMNS], row] }],
    tables: [{ name: "tblChuyenDe", sheet: "Sổ chuyên đề", address: "A1:N2" }],
  });
  return loadBook(createWorkbookHost(wb.run));
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return errorMessage(err);
  }
  throw new Error("the template was not refused");
}

test("an own template with a misspelt tag is refused, naming the file, the tag and the likely one", async () => {
  const b = await book();
  const template = makeDocx(paragraph(run("Chuyên đề: {tenChuyenDee}")), paragraph(run("{chiBo}")));
  const message = refusal(() => makeDocument(b, "de-dan", 1, template, { today, templateName: "mau-cua-toi.docx" }));
  expect(message).toContain("mau-cua-toi.docx");
  expect(message).toContain("{tenChuyenDee}");
  expect(message).toContain("{tenChuyenDe}");
  // The pane has no command line to point at.
  expect(message).not.toContain("chuyende mau");
});

test("an own template with a broken tag is refused with the syntax error", async () => {
  const b = await book();
  const template = makeDocx(paragraph(run("{#thanhPhan} không đóng vòng lặp")));
  const message = refusal(() => makeDocument(b, "bien-ban", 1, template, { today, templateName: "bb.docx" }));
  expect(message).toContain("bb.docx");
  expect(message).toContain("biên bản");
});

test("a tag of the other kind of document is refused for this kind", async () => {
  const b = await book();
  const template = makeDocx(paragraph(run("{tenChuyenDe} {ketLuan}")));
  const message = refusal(() => makeDocument(b, "de-dan", 1, template, { today, templateName: "x.docx" }));
  expect(message).toContain("{ketLuan}");
});

test("a correct own template is filled; the built-in one needs no name", async () => {
  const b = await book();
  const own = makeDocx(paragraph(run("Chuyên đề: {tenChuyenDe}")));
  const made = makeDocument(b, "de-dan", 1, own, { today, templateName: "dung.docx" });
  expect(new PizZip(made.file.bytes).file("word/document.xml")!.asText()).toContain("Chuyên đề: Học tập và làm theo tư tưởng Hồ Chí Minh");
  expect(makeDocument(b, "bien-ban", 1, builtInTemplate("bien-ban"), { today }).file.name).toBe("bien-ban-chuyen-de-1.docx");
});
