import { existsSync, mkdirSync, writeFileSync, copyFileSync } from "fs";
import * as path from "path";
import { loadWorkbookFile } from "../../src/cli/xlsx";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { createProgress } from "../../src/cli/progress";
import { collectInputs } from "../../src/cli/commands/tong-hop";
import { buildCanonicalWorkbook } from "../../src/core/make/canonical";
import type { ModelValue } from "../../src/core/make/sheetModel";
import { ensureBuilt, runBin, runInProcess } from "./helpers/run";
import { makeTempDir, removeTempDir, writeXlsx } from "../support/xlsx";

const d = (s: string): ModelValue => {
  const [day, month, year] = s.split("/").map(Number);
  return { date: { year, month, day } };
};

/** A register row in canonical column order, every step done on time. */
function topic(stt: number, title: string, meeting: string, status = "Đã sinh hoạt"): ModelValue[] {
  const [day, month, year] = meeting.split("/").map(Number);
  const shift = (n: number) => d(`${day + n}/${month}/${year}`);
  return [
    stt,
    null,
    title,
    "Xây dựng Đảng",
    "Nguyễn Văn An",
    shift(-3),
    "Chi ủy",
    shift(-2),
    d(meeting),
    "Riêng",
    status,
    shift(2),
    shift(3),
    null,
  ];
}

async function writeCell(file: string, chiBo: string, rows: ModelValue[][], attendance?: ModelValue[][]): Promise<string> {
  const wb = newWorkbook();
  renderSheets(
    wb,
    buildCanonicalWorkbook({
      year: 2024,
      chiBo,
      dangBoCoSo: "Đảng bộ Phường 3",
      members: [["Nguyễn Văn An", "Bí thư", "Chính thức", "Không", null]],
      register: rows,
      ...(attendance ? { attendance } : {}),
      emptyRows: 2,
    }),
  );
  await wb.xlsx.writeFile(file);
  return file;
}

const CORRUPT_REASON = /hỏng|không phải tệp Excel/;

let dir: string;
let cells: string;

beforeAll(async () => {
  dir = makeTempDir("chuyende-tong-hop-");
  cells = path.join(dir, "cac-chi-bo");
  mkdirSync(path.join(cells, "phuong-3"), { recursive: true });
  // Full year.
  await writeCell(path.join(cells, "a-chi-bo-1.xlsx"), "Chi bộ Khu phố 1", [
    topic(1, "Một", "10/02/2024"),
    topic(2, "Hai", "10/05/2024"),
    topic(3, "Ba", "10/08/2024"),
    topic(4, "Bốn", "10/11/2024"),
  ]);
  // Missed Q2 and Q4 (in a subfolder).
  await writeCell(path.join(cells, "phuong-3", "b-chi-bo-2.xlsx"), "Chi bộ Khu phố 2", [
    topic(1, "Một", "10/02/2024"),
    topic(2, "Hai", "12/03/2024"),
    topic(3, "Ba", "10/08/2024"),
  ]);
  // Not a register at all.
  await writeXlsx(path.join(cells, "c-danh-ba.xlsx"), (wb) => {
    const ws = wb.addWorksheet("Danh bạ");
    ws.addRow(["Họ tên", "Điện thoại"]);
    ws.addRow(["Lê Văn Bảy", "0901 234 567"]);
  });
  // Corrupt: a truncated copy of a good file.
  const good = path.join(cells, "a-chi-bo-1.xlsx");
  const bytes = require("fs").readFileSync(good) as Buffer;
  writeFileSync(path.join(cells, "d-hong.xlsx"), bytes.subarray(0, Math.floor(bytes.length / 2)));
  // Excel's lock file of an open workbook, and an unrelated file: both skipped.
  writeFileSync(path.join(cells, "~$a-chi-bo-1.xlsx"), "lock");
  writeFileSync(path.join(cells, "ghi-chu.txt"), "không phải sổ");
});

afterAll(() => removeTempDir(dir));

describe("chuyende tong-hop --json", () => {
  let run: { code: number; stdout: string; stderr: string };
  let json: {
    cells: Record<string, unknown>[];
    unreadable: { file: string; reason: string }[];
  };
  const out = () => path.join(dir, "tong-hop.xlsx");

  beforeAll(async () => {
    run = await runInProcess(["tong-hop", cells, "-o", out(), "--ngay", "2024-12-31", "--json"]);
    json = JSON.parse(run.stdout);
  });

  test("JSON has SPEC §8's shape and key order", () => {
    expect(Object.keys(json)).toEqual(["cells", "unreadable", "duplicates"]);
    for (const c of json.cells) {
      expect(Object.keys(c)).toEqual([
        "file",
        "partyCommittee",
        "cell",
        "year",
        "quarters",
        "total",
        "meetsMinimum",
        "errors",
        "warnings",
        "missingQuarters",
      ]);
    }
    for (const u of json.unreadable) expect(Object.keys(u)).toEqual(["file", "reason"]);
  });

  test("every register of the folder and its subfolders, one entry per cell", () => {
    expect(json.cells.map((c) => path.basename(String(c.file)))).toEqual(["a-chi-bo-1.xlsx", "b-chi-bo-2.xlsx"]);
    expect(json.cells[0]).toMatchObject({
      partyCommittee: "Đảng bộ Phường 3",
      cell: "Chi bộ Khu phố 1",
      year: 2024,
      quarters: [1, 1, 1, 1],
      total: 4,
      meetsMinimum: true,
      errors: 0,
      missingQuarters: [],
    });
    expect(json.cells[1]).toMatchObject({
      cell: "Chi bộ Khu phố 2",
      quarters: [2, 0, 1, 0],
      total: 3,
      meetsMinimum: false,
      missingQuarters: [2, 4],
    });
    expect(json.cells[1].errors as number).toBeGreaterThanOrEqual(2);
  });

  test("the corrupt and the non-register files are listed with a Vietnamese reason; lock files are skipped", () => {
    const byName = Object.fromEntries(json.unreadable.map((u) => [path.basename(u.file), u.reason]));
    expect(Object.keys(byName).sort()).toEqual(["c-danh-ba.xlsx", "d-hong.xlsx"]);
    expect(byName["d-hong.xlsx"]).toMatch(CORRUPT_REASON);
    expect(byName["c-danh-ba.xlsx"]).toContain("Không tìm thấy sổ chuyên đề");
  });

  test("exit 1: some cell has error findings or a file could not be read", () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
  });

  test("the workbook has sheet Tổng hợp (one row per cell), Danh sách chuyên đề and the unreadable files apart", async () => {
    const { grid } = await loadWorkbookFile(out());
    expect(grid.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Danh sách chuyên đề", "Sổ chưa tổng hợp"]);
    const summary = grid.sheets[0].values;
    const header = summary.findIndex((r) => r[1] === "Đảng bộ cơ sở");
    expect(summary[header + 1].slice(1, 10)).toEqual(["Đảng bộ Phường 3", "Chi bộ Khu phố 1", 2024, 1, 1, 1, 1, 4, "Đạt"]);
    expect(summary[header + 2].slice(2, 10)).toEqual(["Chi bộ Khu phố 2", 2024, 2, 0, 1, 0, 3, "Chưa đạt"]);
    expect(summary[header + 2][10]).toBe("II, IV");
    // The printed Tổng hợp names no file; the files left out are on their own sheet.
    const flat = summary.flat().map((v) => String(v ?? ""));
    expect(flat.some((v) => v.endsWith(".xlsx"))).toBe(false);
    const leftOut = grid.sheets[2].values.flat().map((v) => String(v ?? ""));
    expect(leftOut.some((v) => v.endsWith("d-hong.xlsx"))).toBe(true);
    expect(leftOut.some((v) => v.endsWith("c-danh-ba.xlsx"))).toBe(true);
    const list = grid.sheets[1].values;
    const lh = list.findIndex((r) => r[5] === "Tên chuyên đề");
    const body = list.slice(lh + 1).filter((r) => r.length > 0);
    expect(body).toHaveLength(7);
    expect(body.filter((r) => r[2] === "Chi bộ Khu phố 2").map((r) => r[5])).toEqual(["Một", "Hai", "Ba"]);
  });

  test("a second run over a folder holding the first run's output does not count it as a cell", async () => {
    copyFileSync(out(), path.join(cells, "tong-hop-cu.xlsx"));
    try {
      const r = await runInProcess(["tong-hop", cells, "--ngay", "2024-12-31", "--json"]);
      const j = JSON.parse(r.stdout);
      expect(j.cells).toHaveLength(2);
      expect(j.unreadable.find((u: { file: string }) => u.file.endsWith("tong-hop-cu.xlsx"))?.reason).toContain("bảng tổng hợp");
    } finally {
      require("fs").unlinkSync(path.join(cells, "tong-hop-cu.xlsx"));
    }
  });
});

describe("chuyende tong-hop: files, output and exit codes", () => {
  test("only good files → exit 0 when no cell has errors; text summary; --ghi-de needed to replace", async () => {
    const target = path.join(dir, "mot.xlsx");
    const r = await runInProcess(["tong-hop", path.join(cells, "a-chi-bo-1.xlsx"), "-o", target, "--ngay", "2024-12-31"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Tổng hợp 1 sổ chi bộ");
    expect(existsSync(target)).toBe(true);
    const again = await runInProcess(["tong-hop", path.join(cells, "a-chi-bo-1.xlsx"), "-o", target, "--ngay", "2024-12-31"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("--ghi-de");
  });

  test("no readable file → exit 2 and nothing written", async () => {
    const target = path.join(dir, "khong.xlsx");
    const r = await runInProcess(["tong-hop", path.join(cells, "d-hong.xlsx"), path.join(cells, "c-danh-ba.xlsx"), "-o", target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: không đọc được tệp nào/);
    expect(r.stderr).toContain("d-hong.xlsx");
    expect(existsSync(target)).toBe(false);
  });

  test("a missing path is listed, the others still go through", async () => {
    const r = await runInProcess([
      "tong-hop",
      path.join(dir, "khong-co.xlsx"),
      path.join(cells, "a-chi-bo-1.xlsx"),
      "--json",
      "--ngay",
      "2024-12-31",
    ]);
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout);
    expect(j.cells).toHaveLength(1);
    expect(j.unreadable[0].reason).toContain("Không tìm thấy");
    expect(r.code).toBe(1);
  });

  test.each([
    [[], "Thiếu tệp vào"],
    [["CELLS"], "Thiếu tệp ra"],
    [["CELLS", "-o", "x.xlsx", "--nam", "20"], "--nam"],
  ])("bad arguments %j → exit 2", async (argv, message) => {
    const r = await runInProcess(["tong-hop", ...argv.map((a) => (a === "CELLS" ? cells : a === "x.xlsx" ? path.join(dir, a) : a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test("an output inside or equal to an input is refused; the output file is never read as an input", async () => {
    const folder = path.join(dir, "cung-thu-muc");
    mkdirSync(folder);
    copyFileSync(path.join(cells, "a-chi-bo-1.xlsx"), path.join(folder, "a.xlsx"));
    const target = path.join(folder, "ket-qua.xlsx");
    const inside = await runInProcess(["tong-hop", folder, "-o", target, "--ngay", "2024-12-31"]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/^Lỗi: Tệp ra .*ket-qua\.xlsx nằm trong thư mục .*cung-thu-muc đang được tổng hợp/);
    expect(existsSync(target)).toBe(false);
    const same = await runInProcess(["tong-hop", folder, "-o", folder, "--ghi-de", "--ngay", "2024-12-31"]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/trùng với .*cung-thu-muc đang được tổng hợp/);
    const files = await collectInputs([folder], [target]);
    expect(files.files.map((f) => path.basename(f))).toEqual(["a.xlsx"]);
  });
});

describe("worker threads (compiled CLI)", () => {
  test("sharing the files among threads gives the same result, in the same order", async () => {
    ensureBuilt();
    const args = ["tong-hop", cells, "--json", "--ngay", "2024-12-31"];
    const threaded = runBin(args, { env: { CHUYENDE_WORKERS: "2" } });
    const single = runBin(args, { env: { CHUYENDE_WORKERS: "0" } });
    expect(threaded.stderr).toBe("");
    expect(threaded.code).toBe(1);
    expect(single.code).toBe(1);
    expect(JSON.parse(threaded.stdout)).toEqual(JSON.parse(single.stdout));
    expect(JSON.parse(threaded.stdout).cells).toHaveLength(2);
  }, 120_000);
});

describe("progress bar", () => {
  test("draws on a terminal only, and clears its line at the end", () => {
    let err = "";
    const p = createProgress({ isTTY: true, stderr: (t) => void (err += t) }, 4, "Đang đọc", { intervalMs: 0 });
    p.tick("a.xlsx");
    p.tick("b.xlsx");
    expect(err).toContain("2/4");
    expect(err).toContain("b.xlsx");
    p.tick();
    p.tick();
    expect(err).toContain("4/4 (100%)");
    p.done();
    expect(err.endsWith("\r\x1b[K")).toBe(true);
    let quiet = "";
    const q = createProgress({ isTTY: false, stderr: (t) => void (quiet += t) }, 4, "Đang đọc");
    q.tick("a");
    q.done();
    expect(quiet).toBe("");
  });
});

// Tổng hợp reads every sheet of a register, not only Thông tin and Sổ chuyên đề: a topic
// held by its date (no status written) is "Đã sinh hoạt" on paper only when Điểm danh or
// Biên bản records the meeting, else "Chưa xác nhận" (the verdict model, verdicts.ts); and
// the checker's counts in the JSON come from every sheet.
describe("chuyende tong-hop: what Điểm danh and Biên bản change on paper", () => {
  test("a topic held by its date is confirmed by its attendance, unconfirmed without it", async () => {
    const folder = path.join(dir, "dien-danh");
    mkdirSync(folder, { recursive: true });
    const build = (file: string, chiBo: string, attendance: ModelValue[][]) =>
      writeCell(path.join(folder, file), chiBo, [topic(1, "Một", "10/03/2024", "")], attendance);
    await build("co-diem-danh.xlsx", "Khu phố 7", [[1, "Nguyễn Văn An", "Có mặt", null]]);
    await build("khong-diem-danh.xlsx", "Khu phố 8", []);
    const target = path.join(dir, "dien-danh.xlsx");
    const r = await runInProcess(["tong-hop", folder, "-o", target, "--ngay", "2024-12-31", "--ghi-de"]);
    expect(r.stderr).toBe("");
    const { grid } = await loadWorkbookFile(target);
    const list = grid.sheets.find((s) => s.name === "Danh sách chuyên đề")!.values;
    const lh = list.findIndex((row) => row[5] === "Tên chuyên đề");
    const status = (cell: string) => list.slice(lh + 1).find((row) => row[2] === cell)?.[9];
    expect(status("Chi bộ Khu phố 7")).toBe("Đã sinh hoạt");
    expect(status("Chi bộ Khu phố 8")).toBe("Chưa xác nhận");
  });
});
