// Who signs for the cell: "T/M CHI ỦY" where the cell has a chi ủy, "T/M CHI BỘ" where it has
// only a bí thư — one function, used by the report (sheet and Word) and the year plan.
import { check } from "../../../src/core/check/check";
import { signsFor } from "../../../src/core/make/partyHeader";
import { quarterReport } from "../../../src/core/make/report";
import { yearPlanData } from "../../../src/core/plan/yearPlan";
import { buildCanonicalWorkbook } from "../../../src/core/make/canonical";
import { sampleWorkbook } from "../../../src/core/make/sample";
import { readWorkbook } from "../../../src/core/read/register";
import type { SheetModel } from "../../../src/core/make/sheetModel";
import type { WorkbookGrid } from "../../../src/core/shared/types";
import type { BookSpec } from "../../support/bookBuilder";
import { buildBook, completeTopic, day } from "../../support/bookBuilder";

describe("signsFor", () => {
  test.each([
    [true, [], "T/M CHI ỦY"],
    [false, [{ role: "Chi ủy viên" }], "T/M CHI BỘ"], // Thông tin decides
    [null, [{ role: "Bí thư" }, { role: "Chi ủy viên" }], "T/M CHI ỦY"],
    [null, [{ role: "Bí thư" }, { role: "Phó bí thư" }, { role: "Đảng viên" }], "T/M CHI BỘ"],
    [null, [], "T/M CHI BỘ"],
  ] as const)("Chi bộ có chi ủy = %s, roles %j → %s", (hasCommittee, members, line) => {
    expect(signsFor({ hasCommittee }, members)).toBe(line);
  });
});

describe("every paper that signs for the cell uses it", () => {
  const spec = (hasCommittee: boolean | null, roles: string[]): BookSpec => ({
    info: { year: 2024, hasCommittee },
    members: roles.map((role, i) => ({ name: `Đảng viên ${i + 1}`, role })),
    topics: [completeTopic("10/02/2024")],
  });
  test.each([
    [spec(null, ["Bí thư", "Đảng viên"]), "T/M CHI BỘ"],
    [spec(null, ["Bí thư", "Phó bí thư", "Chi ủy viên"]), "T/M CHI ỦY"],
    [spec(true, ["Bí thư"]), "T/M CHI ỦY"],
    [spec(false, ["Bí thư", "Chi ủy viên"]), "T/M CHI BỘ"],
  ])("%#: report and plan say %s", (s, line) => {
    const book = buildBook(s);
    const asOf = day("2024-04-05");
    expect(quarterReport(book, check(book, { asOf }), 1, 2024, { today: asOf }).signature).toEqual([line, "BÍ THƯ"]);
    expect(yearPlanData(book, { year: 2024, today: asOf }).thayMat).toBe(line);
  });
});

describe("the Thông tin key", () => {
  function grid(models: SheetModel[]): WorkbookGrid {
    return {
      sheets: models.map((m) => {
        const values: WorkbookGrid["sheets"][number]["values"] = [];
        for (const t of m.tables ?? []) {
          values[t.top - 1] = [...t.headers];
          t.rows.forEach((r, i) => (values[t.top + i] = r.map((v) => (v !== null && typeof v === "object" ? null : v))));
        }
        return { name: m.name, values: Array.from(values, (r) => r ?? []) };
      }),
      tables: [],
    };
  }

  test("the canonical Thông tin has the row, empty by default; the sample says Có", () => {
    const empty = buildCanonicalWorkbook({ year: 2024 })[0];
    expect(empty.tables?.[0].rows.map((r) => r[0])).toContain("Chi bộ có chi ủy");
    expect(readWorkbook(grid(buildCanonicalWorkbook({ year: 2024 }))).info.hasCommittee).toBeNull();
    expect(readWorkbook(grid(sampleWorkbook())).info.hasCommittee).toBe(true);
    expect(readWorkbook(grid(buildCanonicalWorkbook({ year: 2024, info: { hasCommittee: "Không" } }))).info.hasCommittee).toBe(false);
  });
});
