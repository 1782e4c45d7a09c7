// Round trips of each task-pane command (SPEC §9: ≤3 context.sync calls whatever the row
// count), counted on the Excel stand-in at 10 and 5,000 rows. Run by bench/run.js through
// jest (ts-jest compiles it; no ts-node):
//   BENCH_SYNCS_OUT=file.json npx jest --rootDir . --roots '<rootDir>/bench' --testMatch '**/syncs.bench.ts'
// It writes {"<command>": {"10": n, "5000": n}, …} to BENCH_SYNCS_OUT.
import { writeFileSync } from "fs";
import { check } from "../src/core/check/check";
import { consolidateEntry } from "../src/core/make/consolidate";
import { readWorkbook } from "../src/core/read/register";
import { REGISTER_COLUMNS, type WorkbookGrid } from "../src/core/shared/types";
import { createWorkbookHost } from "../src/excel/host";
import { runCheck } from "../src/taskpane/logic/check";
import { writeConsolidation } from "../src/taskpane/logic/consolidate";
import { proposeConversion, runConversion } from "../src/taskpane/logic/convert";
import { createBook } from "../src/taskpane/logic/createBook";
import { loadBook } from "../src/taskpane/logic/documents";
import { writeQuarterReport } from "../src/taskpane/logic/report";
import { StandInWorkbook } from "../test/support/excelStandIn";

jest.setTimeout(300_000);

const SIZES = [10, 5000];
const today = { year: 2023, month: 12, day: 31 };

function registerRows(n: number, columns: readonly string[]): unknown[][] {
  const rows: unknown[][] = [[...columns]];
  for (let i = 1; i <= n; i++) {
    const r: unknown[] = columns.map(() => "");
    r[0] = i;
    r[1] = ((i - 1) % 4) + 1;
    r[2] = `Chuyên đề số ${i}`;
    r[4] = "Nguyễn Văn An";
    r[8] = 44927 + (i % 360); // 2023
    rows.push(r);
  }
  return rows;
}

/** The canonical register (table tblChuyenDe) of n topics. */
function canonical(n: number): StandInWorkbook {
  return new StandInWorkbook({
    sheets: [{ name: "Sổ chuyên đề", values: registerRows(n, REGISTER_COLUMNS) }],
    tables: [{ name: "tblChuyenDe", sheet: "Sổ chuyên đề", address: `A1:N${n + 1}` }],
  });
}

/** A hand-made register (no table, a sheet of the secretary's naming) of n topics. */
function handMade(n: number): StandInWorkbook {
  return new StandInWorkbook({ sheets: [{ name: "Theo dõi 2023", values: registerRows(n, REGISTER_COLUMNS) }] });
}

const counts: Record<string, Record<string, number>> = {};
function record(command: string, n: number, syncs: number): void {
  (counts[command] ??= {})[String(n)] = syncs;
}

describe.each(SIZES)("%i rows", (n) => {
  test("Tạo sổ", async () => {
    const book = new StandInWorkbook({ sheets: [{ name: "Sheet1", values: registerRows(n, ["A", "B", "C"]) }] });
    await createBook(createWorkbookHost(book.run), { year: 2023 });
    record("taoSo", n, book.syncCount);
  });

  test("Kiểm tra", async () => {
    const book = canonical(n);
    const view = await runCheck(createWorkbookHost(book.run), today);
    expect(view.result.register!.topics).toBe(n);
    record("kiemTra", n, book.syncCount);
  });

  test("Chuyển đổi (propose, then convert)", async () => {
    const book = handMade(n);
    const host = createWorkbookHost(book.run);
    const proposal = await proposeConversion(host);
    record("chuyenDoiDeXuat", n, book.syncCount);
    book.syncCount = 0;
    await runConversion(host, proposal.plan!);
    record("chuyenDoi", n, book.syncCount);
  });

  test("Báo cáo quý", async () => {
    const book = canonical(n);
    await writeQuarterReport(createWorkbookHost(book.run), 2, 2023, today);
    record("baoCaoQuy", n, book.syncCount);
  });

  test("Tài liệu (reading the register)", async () => {
    const book = canonical(n);
    const parsed = await loadBook(createWorkbookHost(book.run));
    expect(parsed.register!.topics).toHaveLength(n);
    record("taiLieu", n, book.syncCount);
  });

  test("Tổng hợp (writing n cells' rows)", async () => {
    const grid: WorkbookGrid = { sheets: [{ name: "Sổ chuyên đề", values: registerRows(4, REGISTER_COLUMNS) as never }], tables: [] };
    const parsed = readWorkbook(grid);
    const one = consolidateEntry("chi-bo.xlsx", parsed, check(parsed, { asOf: today }));
    const entries = Array.from({ length: n }, (_, i) => ({ ...one, file: `chi-bo-${i + 1}.xlsx`, cell: `Chi bộ ${i + 1}` }));
    const book = new StandInWorkbook({ sheets: [{ name: "Sheet1", values: [["x"]] }] });
    await writeConsolidation(createWorkbookHost(book.run), { entries, unreadable: [], duplicates: [] }, today);
    record("tongHop", n, book.syncCount);
  });
});

afterAll(() => {
  const out = process.env.BENCH_SYNCS_OUT;
  if (out) writeFileSync(out, JSON.stringify(counts, null, 2) + "\n");
});
