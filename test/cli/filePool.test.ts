// Each file under its own budget: a file whose reading hangs is stopped after its time, one
// that needs too much memory ends its worker; both get their reason and the others are read.
import { mkdtempSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { overBudgetReason, runFilePool } from "../../src/cli/filePool";

jest.setTimeout(60_000);

const WORKER = `
const { parentPort } = require("worker_threads");
parentPort.on("message", (t) => {
  if (t.file.endsWith("treo.xlsx")) for (;;) {}
  if (t.file.endsWith("phinh.xlsx")) { const keep = []; for (;;) keep.push(new Array(100000).fill(t.index)); }
  parentPort.postMessage({ index: t.index, outcome: "ok " + t.file });
});
`;

test("a hanging file and a memory hog are listed with their reasons; the rest are read", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chuyende-pool-"));
  const script = path.join(dir, "worker.js");
  writeFileSync(script, WORKER);
  const files = ["a.xlsx", "treo.xlsx", "b.xlsx", "phinh.xlsx", "c.xlsx", "d.xlsx"].map((f) => path.join(dir, f));
  const outcomes: string[] = [];
  await runFilePool<string>({
    files,
    workers: 2,
    script,
    workerData: null,
    heapMb: 64,
    seconds: 2,
    overBudget: (file, what) => overBudgetReason(file, what),
    inProcess: () => Promise.reject(new Error("threads are available here")),
    onOutcome: (i, o) => (outcomes[i] = o),
  });
  expect(outcomes[0]).toBe(`ok ${files[0]}`);
  expect(outcomes[1]).toBe(
    "Tệp treo.xlsx đọc quá lâu (hơn 30 giây) nên bị bỏ qua — tệp có thể bị hỏng hoặc bị làm phình; hãy mở bằng Excel, xóa phần thừa, lưu lại rồi chạy lại.",
  );
  expect(outcomes[3]).toMatch(/^Tệp phinh\.xlsx cần quá nhiều bộ nhớ để đọc nên bị bỏ qua — /);
  for (const i of [2, 4, 5]) expect(outcomes[i]).toBe(`ok ${files[i]}`);
});
