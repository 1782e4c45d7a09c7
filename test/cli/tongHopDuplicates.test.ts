// Tổng hợp counts each cell once (SPEC §8): 40 cells, 3 of them present twice — one an
// older copy (fewer entries), two identical copies told apart by file time.
import { mkdirSync, utimesSync } from "fs";
import * as path from "path";
import { loadWorkbookFile } from "../../src/cli/xlsx";
import { newWorkbook, renderSheets } from "../../src/xlsx/render";
import { buildCanonicalWorkbook } from "../../src/core/make/canonical";
import type { ModelValue } from "../../src/core/make/sheetModel";
import { runInProcess } from "./helpers/run";
import { makeTempDir, removeTempDir } from "../support/xlsx";

const d = (day: number, month: number): ModelValue => ({ date: { year: 2024, month, day } });

function topic(stt: number, month: number): ModelValue[] {
  return [
    stt,
    null,
    `Chuyên đề ${stt}`,
    "Xây dựng Đảng",
    "Nguyễn Văn An",
    d(3, month),
    "Chi ủy",
    d(5, month),
    d(10, month),
    "Riêng",
    "Đã sinh hoạt",
    d(12, month),
    d(13, month),
    null,
  ];
}

async function writeCell(file: string, chiBo: string, months: number[]): Promise<void> {
  const wb = newWorkbook();
  renderSheets(
    wb,
    buildCanonicalWorkbook({
      year: 2024,
      chiBo,
      dangBoCoSo: "Đảng bộ Phường Bến Thành",
      members: [["Nguyễn Văn An", "Bí thư", "Chính thức", "Không", null]],
      register: months.map((m, i) => topic(i + 1, m)),
      emptyRows: 1,
    }),
  );
  await wb.xlsx.writeFile(file);
}

interface Json {
  cells: { file: string; cell: string }[];
  unreadable: unknown[];
  duplicates: { file: string; keptFile: string }[];
}

let dir: string;
let json: Json;
let code: number;
const out = () => path.join(dir, "tong-hop.xlsx");

beforeAll(async () => {
  dir = makeTempDir("chuyende-trung-");
  const folder = path.join(dir, "so");
  mkdirSync(path.join(folder, "gui-lai"), { recursive: true });
  for (let i = 1; i <= 40; i++) {
    // Cell 7 is written without the prefix, as `khoi-tao --chi-bo "Tổ dân phố 7"` does.
    await writeCell(
      path.join(folder, `chi-bo-${String(i).padStart(2, "0")}.xlsx`),
      i === 7 ? `Tổ dân phố ${i}` : `Chi bộ Tổ dân phố ${i}`,
      [2, 5, 8, 11],
    );
  }
  // Cell 3 sent again later with one more entry: the copy in gui-lai is newer by its entries.
  await writeCell(path.join(folder, "gui-lai", "chi-bo-03-moi.xlsx"), "Chi bộ Tổ dân phố 3", [2, 5, 8, 11, 12]);
  // Cell 5: an older copy (its last entry is in August), whatever its file time.
  await writeCell(path.join(folder, "gui-lai", "chi-bo-05-cu.xlsx"), "chi bộ tổ dân phố 5", [2, 5, 8]);
  // Cell 7: two identical registers; the file modified later counts.
  await writeCell(path.join(folder, "gui-lai", "chi-bo-07-ban-sao.xlsx"), "Chi bộ Tổ dân phố 7", [2, 5, 8, 11]);
  utimesSync(path.join(folder, "chi-bo-07.xlsx"), new Date("2024-12-01T00:00:00Z"), new Date("2024-12-01T00:00:00Z"));
  utimesSync(path.join(folder, "gui-lai", "chi-bo-07-ban-sao.xlsx"), new Date("2024-12-05T00:00:00Z"), new Date("2024-12-05T00:00:00Z"));
  const r = await runInProcess(["tong-hop", folder, "-o", out(), "--json", "--ngay", "2024-12-31"]);
  code = r.code;
  json = JSON.parse(r.stdout) as Json;
}, 120_000);

afterAll(() => removeTempDir(dir));

test("40 cells counted once each; 3 duplicates listed with the file kept", () => {
  expect([0, 1]).toContain(code);
  expect(json.cells).toHaveLength(40);
  const byName = (f: string) => path.basename(f);
  const dups = json.duplicates.map((x) => [byName(x.file), byName(x.keptFile)]).sort();
  expect(dups).toEqual([
    ["chi-bo-03.xlsx", "chi-bo-03-moi.xlsx"],
    ["chi-bo-05-cu.xlsx", "chi-bo-05.xlsx"],
    ["chi-bo-07.xlsx", "chi-bo-07-ban-sao.xlsx"],
  ]);
  const files = json.cells.map((c) => byName(c.file));
  expect(new Set(files).size).toBe(40);
  expect(files).toContain("chi-bo-03-moi.xlsx");
  expect(files).not.toContain("chi-bo-05-cu.xlsx");
});

test("the sheet lists each cell once, names every chi bộ the same way, and names files relative to the folder", async () => {
  const { grid } = await loadWorkbookFile(out());
  const summary = grid.sheets[0].values;
  const header = summary.findIndex((r) => r[1] === "Đảng bộ cơ sở");
  const rows = summary.slice(header + 1, header + 41);
  expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  for (const r of rows) expect(String(r[2])).toMatch(/^Chi bộ /);
  expect(rows.some((r) => r[2] === "Chi bộ Tổ dân phố 7")).toBe(true);
  // No file names on the printed Tổng hợp: the copies left out are listed on their own sheet,
  // relative to the folder, with the file counted instead.
  expect(summary.flat().some((v) => String(v ?? "").endsWith(".xlsx"))).toBe(false);
  const leftOut = grid.sheets[2].values;
  const flat = leftOut.flat().map((v) => String(v ?? ""));
  expect(flat).toContain("gui-lai/chi-bo-05-cu.xlsx");
  expect(flat.filter((v) => v.endsWith(".xlsx")).every((f) => !path.isAbsolute(f) && !f.includes(dir))).toBe(true);
  expect(flat.some((v) => v.startsWith("Bản trùng của chi bộ đã tính theo tệp chi-bo-05.xlsx"))).toBe(true);
  expect(flat).toContain("chi-bo-03.xlsx");
  expect(flat).toContain("Chi bộ Tổ dân phố 3 – Đảng bộ Phường Bến Thành");
});
