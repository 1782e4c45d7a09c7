// Largest estimated request and response of each task-pane command on the Excel stand-in
// at 5,000 topics and 50,000 attendance rows (Excel on the web refuses either over 5 MB).
// Run by bench/payload.js through jest (ts-jest compiles it); writes
// {"maxRequestBytes": n, "maxResponseBytes": n, "perCommand": {...}} to BENCH_PAYLOAD_OUT.
import { writeFileSync } from "fs";
import { buildCanonicalWorkbook } from "../src/core/make/canonical";
import { createWorkbookHost } from "../src/excel/host";
import { readWorkbook } from "../src/excel/read";
import { writeSheetModels } from "../src/excel/render";
import { runCheck } from "../src/taskpane/logic/check";
import { proposeConversion, runConversion } from "../src/taskpane/logic/convert";
import { createBook } from "../src/taskpane/logic/createBook";
import { loadBook } from "../src/taskpane/logic/documents";
import { writeQuarterReport } from "../src/taskpane/logic/report";
import { StandInWorkbook } from "../test/support/excelStandIn";
import { largeRegisterRows } from "../test/support/largeRegister";

jest.setTimeout(600_000);

const TOPICS = Number(process.env.BENCH_TOPICS ?? 5000);
const ATTENDANCE = Number(process.env.BENCH_ATTENDANCE ?? 50000);
const today = { year: 2026, month: 12, day: 31 };

async function bigBook(): Promise<StandInWorkbook> {
  const book = new StandInWorkbook({ sheets: [{ name: "Trang tính 1", values: [["giữ"]] }] });
  const models = buildCanonicalWorkbook({
    year: 2026,
    register: largeRegisterRows(TOPICS),
    attendance: Array.from({ length: ATTENDANCE }, (_, i) => [(i % TOPICS) + 1, `Đảng viên số ${i % 10}`, "Có mặt", ""]),
    members: Array.from({ length: 10 }, (_, i) => [i + 1, `Đảng viên số ${i}`, "Đảng viên", "Chính thức", "Không", ""]),
    only: ["info", "members", "register", "attendance"],
  });
  await book.run(async (context) => {
    await writeSheetModels(context, models, await readWorkbook(context, { sheets: [] }), { kind: "so" });
  });
  return book;
}

test("payload of each pane command", async () => {
  const per: Record<string, { request: number; response: number; syncs: number }> = {};
  const measure = async (name: string, book: StandInWorkbook, work: () => Promise<unknown>): Promise<void> => {
    book.maxRequestBytes = 0;
    book.maxResponseBytes = 0;
    book.syncCount = 0;
    await work();
    per[name] = { request: book.maxRequestBytes, response: book.maxResponseBytes, syncs: book.syncCount };
  };
  const book = await bigBook();
  const host = createWorkbookHost(book.run);
  await measure("kiemTra", book, () => runCheck(host, today));
  await measure("taiLieu", book, () => loadBook(host));
  await measure("baoCaoQuy", book, () => writeQuarterReport(host, 2, 2026, today));
  await measure("taoSo", book, () => createBook(host, { year: 2026 }));

  const rows: unknown[][] = [["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày sinh hoạt", "Ghi chú"]];
  for (let i = 1; i <= TOPICS; i++)
    rows.push([i, "II", `Chuyên đề số ${i} về công tác xây dựng Đảng ở cơ sở`, "Lê Văn Cường", 46100 + (i % 90), "Đã sinh hoạt đầy đủ"]);
  const hand = new StandInWorkbook({ sheets: [{ name: "Sổ cũ", values: rows }] });
  const handHost = createWorkbookHost(hand.run);
  await measure("chuyenDoi", hand, async () => runConversion(handHost, (await proposeConversion(handHost)).plan!));

  const all = Object.values(per);
  const result = {
    maxRequestBytes: Math.max(...all.map((p) => p.request)),
    maxResponseBytes: Math.max(...all.map((p) => p.response)),
    perCommand: per,
  };
  if (process.env.BENCH_PAYLOAD_OUT) writeFileSync(process.env.BENCH_PAYLOAD_OUT, JSON.stringify(result));
  expect(result.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
  expect(result.maxResponseBytes).toBeLessThanOrEqual(5_000_000);
});
