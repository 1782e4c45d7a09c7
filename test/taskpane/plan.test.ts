// Kế hoạch năm through the Excel stand-in: the suggestions beside the register's topics,
// adding one to a quarter (an empty row of the table, or a new table row when it is full),
// never touching the user's rows, and the plan document from the open workbook.
import { readFileSync } from "fs";
import * as path from "path";
import PizZip from "pizzip";
import { createWorkbookHost } from "../../src/excel/host";
import { readWorkbook } from "../../src/core/read/register";
import { check } from "../../src/core/check/check";
import { REGISTER_COLUMNS } from "../../src/core/shared/types";
import { addPlannedTopic, anniversaryProposal, loadPlan, makePlanDocument } from "../../src/taskpane/logic/plan";
import { engineGrid } from "../../src/taskpane/logic/workbookGrid";
import { StandInWorkbook } from "../support/excelStandIn";

const root = path.resolve(__dirname, "..", "..");
const today = { year: 2021, month: 1, day: 10 };

function row(stt: number, quy: string, title: string, group: string, who: string, meeting: number | ""): unknown[] {
  const r: unknown[] = REGISTER_COLUMNS.map(() => "");
  r[0] = stt;
  r[1] = quy;
  r[2] = title;
  r[3] = group;
  r[4] = who;
  r[8] = meeting;
  r[10] = "Dự kiến";
  return r;
}

/** Two topics the user wrote; `spare` pre-numbered empty rows inside the table. */
function book(spare: number): StandInWorkbook {
  const values = [
    [...REGISTER_COLUMNS],
    row(1, "I", "Học tập Nghị quyết Đại hội XIII", "Xây dựng Đảng", "Nguyễn Văn An", 44252),
    row(2, "II", "Nâng cao chất lượng chuyên môn", "Xây dựng Đảng", "Trần Thị Bình", ""),
  ];
  for (let i = 0; i < spare; i++) values.push([3 + i]);
  return new StandInWorkbook({
    sheets: [
      {
        name: "Thông tin",
        values: [
          ["Mục", "Giá trị"],
          ["Năm", 2021],
          ["Chi bộ", "Chi bộ 3"],
          ["Bí thư", "Nguyễn Văn An"],
          ["Đảng bộ cơ sở", "Đảng bộ Phường 5"],
        ],
      },
      {
        name: "Sổ chuyên đề",
        values,
        numberFormats: [[], [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, "dd/mm/yyyy"]],
      },
    ],
    tables: [
      { name: "tblThongTin", sheet: "Thông tin", address: "A1:B5" },
      { name: "tblChuyenDe", sheet: "Sổ chuyên đề", address: `A1:N${3 + spare}` },
    ],
  });
}

function userRows(b: StandInWorkbook): string {
  return JSON.stringify(b.sheet("Sổ chuyên đề")!.valuesOf("A1:N3"));
}

describe("Kế hoạch năm in the stand-in", () => {
  test("shows the list, the register's topics by quarter, the warnings and the quarter's anniversary", async () => {
    const v = await loadPlan(createWorkbookHost(book(2).run), today);
    expect(v.year).toBe(2021);
    expect(v.list.groups.map((g) => g.items.length)).toEqual([11, 3, 3]);
    expect(v.topics.map((t) => [t.quarter, t.title, t.when])).toEqual([
      [1, "Học tập Nghị quyết Đại hội XIII", "25/02/2021"],
      [2, "Nâng cao chất lượng chuyên môn", ""],
    ]);
    expect(v.warnings.map((w) => w.code)).toEqual(["QUY_TRONG", "QUY_TRONG", "MOT_NHOM"]);
    expect(anniversaryProposal(v.anniversaries, 3)).toBe(
      "Ôn truyền thống, kỷ niệm 76 năm Ngày Cách mạng Tháng Tám (19/08/1945 – 19/08/2021)",
    );
  });

  test.each([
    ["an empty row of the table", 2],
    ["a new row of a full table", 0],
  ])("adds a suggestion to Quý III into %s; the user's rows are untouched; one sync", async (_label, spare) => {
    const b = book(spare);
    const before = userRows(b);
    const host = createWorkbookHost(b.run);
    const syncs = b.syncCount;
    const r = await addPlannedTopic(
      host,
      {
        title: "Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ",
        group: 1,
        quarter: 3,
        meeting: { year: 2021, month: 8, day: 20 },
        drafters: "Lê Văn Cường",
      },
      today,
    );
    // read (2 syncs) + write (1 sync)
    expect(b.syncCount - syncs).toBe(3);
    expect(r.summary).toBe(
      'Đã thêm “Giải pháp tăng cường công tác kiểm tra, giám sát của chi bộ” vào Quý III/2021, sinh hoạt ngày 20/08/2021 (dòng 4 của trang "Sổ chuyên đề").',
    );
    // Quý IV is still empty and all three topics are about xây dựng Đảng.
    expect(r.warnings.map((w) => w.code)).toEqual(["QUY_TRONG", "MOT_NHOM"]);
    expect(userRows(b)).toBe(before);
    expect(b.table("tblChuyenDe")!.box.bottom).toBeGreaterThanOrEqual(3);
    const snapshot = await host.session((s) => s.read());
    const parsed = readWorkbook(engineGrid(snapshot));
    const added = parsed.register!.topics[2];
    expect(added).toMatchObject({
      row: 4,
      stt: 3,
      quarterValue: 3,
      group: "Xây dựng Đảng",
      assignees: ["Lê Văn Cường"],
      approvedBy: "Chi ủy",
    });
    expect([added.approvedOn, added.draftSentOn, added.meetingOn, added.finalSentOn, added.reportedOn].map((d) => d.value?.day)).toEqual([
      13, 17, 20, 27, 30,
    ]);
    // Shown as dates in Excel (dd/mm/yyyy), not serial numbers.
    expect(b.sheet("Sổ chuyên đề")!.numberFormatAt("I4")).toBe("dd/mm/yyyy");
    const res = check(parsed, { asOf: today, year: 2021 });
    expect(res.findings.filter((f) => f.row === 4)).toEqual([]);
  });

  test("refuses, with nothing written, when the row below a full table has text", async () => {
    const b = book(0);
    await b.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sổ chuyên đề").getRange("C4").values = [["Người lập biểu"]];
      await ctx.sync();
    });
    const before = JSON.stringify(b.sheet("Sổ chuyên đề")!.valuesOf("A1:N5"));
    await expect(addPlannedTopic(createWorkbookHost(b.run), { title: "Mới", group: 2, quarter: 3 }, today)).rejects.toThrow(/không ghi đè/);
    expect(JSON.stringify(b.sheet("Sổ chuyên đề")!.valuesOf("A1:N5"))).toBe(before);
  });

  const xml = (f: { bytes: Uint8Array }) => new PizZip(f.bytes).file("word/document.xml")!.asText();

  test("the plan document of the open workbook", async () => {
    const template = new Uint8Array(readFileSync(path.join(root, "assets", "templates", "ke-hoach.docx")));
    const { file, warnings } = await makePlanDocument(createWorkbookHost(book(1).run), template, today);
    expect(file.name).toBe("ke-hoach-chuyen-de-2021.docx");
    // Quý III and IV have no topic: each prints a row saying it is empty, and the pane says so.
    expect(warnings.slice(0, 2)).toEqual([
      expect.stringMatching(/^Quý III\/2021 chưa có chuyên đề nào/),
      expect.stringMatching(/^Quý IV\/2021/),
    ]);
    expect(xml(file).match(/Chưa có chuyên đề nào trong quý/g)).toHaveLength(2);
    expect(xml(file)).toContain("Số ……-KH/CB");
    expect(xml(file)).toContain("Học tập Nghị quyết Đại hội XIII");
    expect(xml(file)).toContain("Đảng ủy Phường 5");
    expect(xml(file)).toContain("CHI BỘ 3");
  });
});
