// Real files and exceljs on a shared machine: allow time.
jest.setTimeout(60_000);
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runInProcess } from "./helpers/run";
import { makeTempDir, removeTempDir, writeXlsx, readXlsx, sheetXml, tableXmls, sha256, makeTablesExcelStyle } from "../support/xlsx";
import { CHOICES, SHEETS, TABLES } from "../../src/core/read/layout";
import { BOOK_HEADER_ROW } from "../../src/core/make/registerBook";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

type TableMap = Record<string, { table: { name: string; tableRef: string; headerRow: boolean; columns: { name: string }[] } }>;
function tablesOf(ws: ExcelJS.Worksheet): TableMap {
  return (ws as unknown as { tables: TableMap }).tables;
}

describe("khoi-tao", () => {
  const out = () => path.join(dir, "moi.xlsx");

  test("writes the six canonical sheets with their tables, lists and formats; kiem-tra reads it", async () => {
    const r = await runInProcess(["khoi-tao", "-o", out(), "--nam", "2026", "--chi-bo", "Chi bộ Phòng Tổ chức"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const wb = await readXlsx(out());
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEETS));
    const tables = Object.values(SHEETS).map((s) => Object.keys(tablesOf(wb.getWorksheet(s)!)));
    expect(tables).toEqual(Object.values(TABLES).map((t) => [t]));
    for (const xml of tableXmls(out())) expect(xml).toMatch(/headerRowCount="1"/);

    // Thông tin: every key, the year and the cell, the defaults.
    const info = wb.getWorksheet(SHEETS.info)!;
    const kv = new Map<string, ExcelJS.CellValue>();
    info.eachRow((row, n) => n > BOOK_HEADER_ROW && kv.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(kv.get("Năm")).toBe(2026);
    expect(kv.get("Chi bộ")).toBe("Chi bộ Phòng Tổ chức");
    expect(kv.get("Số chuyên đề tối thiểu/năm")).toBe(4);
    expect(kv.get("Tỷ lệ dự tối thiểu")).toBe(0.85);
    expect(kv.get("Thời lượng tối thiểu (phút)")).toBe(90);
    expect(kv.get("Thời lượng tối thiểu khi lồng ghép (phút)")).toBe(120);
    expect([...kv.keys()]).toEqual(expect.arrayContaining(["Đảng bộ cấp trên", "Đảng bộ cơ sở", "Bí thư", "Phó bí thư", "Địa danh"]));

    // Register: drop-downs on every enumerated column, date format, conditional format.
    const regXml = sheetXml(out(), SHEETS.register);
    for (const list of [CHOICES.quarter, CHOICES.group, CHOICES.format, CHOICES.status, CHOICES.approvedBy]) {
      expect(regXml).toContain(`<formula1>&quot;${list.join(",")}&quot;</formula1>`);
    }
    expect(regXml).toMatch(/<conditionalFormatting /);
    // The marking formulas look at the right columns: C Tên chuyên đề, E Người phụ trách,
    // F Ngày thông qua, H Ngày gửi dự thảo, I Ngày sinh hoạt, K Trạng thái.
    const cf = [...regXml.matchAll(/<formula>([^<]+)<\/formula>/g)].map((m) => m[1]);
    expect(cf).toHaveLength(2);
    // The table's first data row is 4 (title, chi bộ line, header above it).
    for (const ref of ["$C4", "$E4", "$F4", "$H4", "$I4", "$K4"]) expect(cf[0]).toContain(ref);
    expect(cf[1]).toContain("$L4");
    expect(cf[1]).toContain("$M4");
    const reg = wb.getWorksheet(SHEETS.register)!;
    expect(reg.getCell("I4").numFmt).toBe("dd/mm/yyyy"); // Ngày sinh hoạt
    expect(reg.getCell("F7").numFmt).toBe("dd/mm/yyyy"); // Ngày thông qua
    expect(reg.pageSetup.paperSize).toBe(9);
    expect(sheetXml(out(), SHEETS.members)).toContain(`&quot;${CHOICES.role.join(",")}&quot;`);
    expect(sheetXml(out(), SHEETS.members)).toContain(`&quot;${CHOICES.yesNo.join(",")}&quot;`);
    expect(sheetXml(out(), SHEETS.members)).toContain(`&quot;${CHOICES.memberKind.join(",")}&quot;`);
    expect(sheetXml(out(), SHEETS.attendance)).toContain(`&quot;${CHOICES.attendance.join(",")}&quot;`);
    expect(wb.getWorksheet(SHEETS.minutes)!.getCell("B4").numFmt).toBe("hh:mm");

    const check = await runInProcess(["kiem-tra", out(), "--ngay", "2026-02-01", "--json"]);
    expect(check.code).not.toBe(2);
    const json = JSON.parse(check.stdout);
    expect(json.register).toEqual({ sheet: SHEETS.register, headerRow: BOOK_HEADER_ROW, topics: 0 });
    expect(json.year).toBe(2026);
  });

  test("an existing output is refused without --ghi-de and replaced with it", async () => {
    const before = sha256(out());
    const r = await runInProcess(["khoi-tao", "-o", out()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Tệp .*moi\.xlsx đã có; thêm --ghi-de để ghi đè\./);
    expect(sha256(out())).toBe(before);
    const again = await runInProcess(["khoi-tao", "-o", out(), "--nam", "2027", "--ghi-de"]);
    expect(again.code).toBe(0);
    const wb = await readXlsx(out());
    let year: ExcelJS.CellValue = null;
    wb.getWorksheet(SHEETS.info)!.eachRow((row) => {
      if (row.getCell(1).value === "Năm") year = row.getCell(2).value;
    });
    expect(year).toBe(2027);
  });

  test("a typed topic in the new register is checked", async () => {
    const wb = await readXlsx(out());
    const reg = wb.getWorksheet(SHEETS.register)!;
    reg.getCell("C4").value = "Học tập nghị quyết";
    reg.getCell("I4").value = new Date(Date.UTC(2027, 2, 10));
    reg.getCell("K4").value = "Đã sinh hoạt";
    // Saving with exceljs directly: tables made by khoi-tao carry headerRowCount, so no fix needed.
    const f = path.join(dir, "typed.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await runInProcess(["kiem-tra", f, "--ngay", "2027-04-01", "--json"]);
    const json = JSON.parse(r.stdout);
    expect(json.register.topics).toBe(1);
    expect(json.quarters[0]).toEqual({ quarter: 1, held: 1, planned: 1, ok: true });
    expect(json.findings.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(["THIEU_PHU_TRACH", "THIEU_THONG_QUA"]));
  });
});

/** A hand-kept register with the user's own table (written the way Excel writes tables). */
async function userWorkbook(file: string): Promise<void> {
  await writeXlsx(file, (wb) => {
    const cover = wb.addWorksheet("Sổ chuyên đề");
    cover.getCell("A1").value = "Bìa sổ — tên trang trùng với trang chuẩn";
    const ws = wb.addWorksheet("KH 2024");
    ws.getCell("A1").value = "KẾ HOẠCH SINH HOẠT CHUYÊN ĐỀ NĂM 2024";
    ws.mergeCells("A1:F1");
    ws.addRow([]);
    ws.addRow(["TT", "Tên chuyên đề", "Người chuẩn bị", "Ngày duyệt", "Ngày gửi", "Ngày SH", "Kinh phí"]);
    ws.addRow([1, "Học tập và làm theo Bác", "Đ/c Nguyễn Văn An", "01/03/2024", "03/03/2024", "10/03/2024", 500000]);
    ws.addRow([2, "=Chuyên đề bắt đầu bằng dấu bằng", "Trần Thị Bình; Lê Văn Cường", "", "", "12/06/2024", null]);
    const other = wb.addWorksheet("Danh bạ");
    other.addTable({
      name: "tblDanhBa",
      ref: "A1",
      headerRow: true,
      columns: [{ name: "Tên" }, { name: "Điện thoại" }],
      rows: [
        ["An", "0901"],
        ["Bình", "0902"],
      ],
    });
  });
  makeTablesExcelStyle(file);
}

function cellDump(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => out.push(`${r}:${c}=${JSON.stringify(cell.value)}`)),
  );
  return out;
}

describe("chuyen-doi", () => {
  test("keeps every original sheet cell for cell and adds the canonical register beside them", async () => {
    const input = path.join(dir, "cua-toi.xlsx");
    await userWorkbook(input);
    const before = sha256(input);
    const out = path.join(dir, "cua-toi-chuan.xlsx");
    const r = await runInProcess(["chuyen-doi", input, "-o", out, "--nam", "2024"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Tên chuyên đề\s+← "Tên chuyên đề"/);
    expect(r.stdout).toMatch(/Kinh phí/);
    expect(sha256(input)).toBe(before);

    const orig = await readXlsx(input);
    const conv = await readXlsx(out);
    const names = conv.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(["Sổ chuyên đề", "KH 2024", "Danh bạ"]);
    expect(names).toContain("Sổ chuyên đề (chuẩn)");
    for (const name of ["Sổ chuyên đề", "KH 2024", "Danh bạ"]) {
      expect(cellDump(conv.getWorksheet(name)!)).toEqual(cellDump(orig.getWorksheet(name)!));
    }
    expect(conv.getWorksheet("KH 2024")!.model.merges).toContain("A1:F1");
    // The user's own table survives with its header row.
    const xmls = tableXmls(out);
    const danhBa = xmls.find((x) => /name="tblDanhBa"/.test(x))!;
    expect(danhBa).toMatch(/headerRowCount="1"/);
    expect(danhBa).toMatch(/ref="A1:B3"/);
    expect(xmls.some((x) => /name="tblChuyenDe"/.test(x))).toBe(true);

    // Converted rows: text stays text (no formula), names split, dates real dates. The only
    // formulas are the tool's own title and chi bộ line (A1, A2), which read Thông tin.
    const reg = conv.getWorksheet("Sổ chuyên đề (chuẩn)")!;
    expect(reg.getCell("C4").value).toBe("Học tập và làm theo Bác");
    expect(reg.getCell("C5").value).toBe("=Chuyên đề bắt đầu bằng dấu bằng");
    const formulaCells = [...sheetXml(out, "Sổ chuyên đề (chuẩn)").matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>/g)].map((m) => m[1]);
    expect(formulaCells).toEqual(["A1", "A2"]);
    expect((reg.getCell("I4").value as Date).toISOString()).toBe("2024-03-10T00:00:00.000Z");

    // The output checks against the canonical register.
    const check = await runInProcess(["kiem-tra", out, "--ngay", "2024-12-31", "--json"]);
    const json = JSON.parse(check.stdout);
    expect(json.register.sheet).toBe("Sổ chuyên đề (chuẩn)");
    expect(json.register.topics).toBe(2);
  });

  test("refuses to write over its input, even with --ghi-de", async () => {
    const input = path.join(dir, "cua-toi2.xlsx");
    await userWorkbook(input);
    const before = sha256(input);
    const r = await runInProcess(["chuyen-doi", input, "-o", input, "--ghi-de"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: .*trùng với tệp vào/);
    expect(sha256(input)).toBe(before);
  });

  test("a workbook with no register-like sheet: exit 2, nothing written", async () => {
    const input = path.join(dir, "khong-so.xlsx");
    await writeXlsx(input, (wb) => void wb.addWorksheet("A").addRow(["Họ tên", "Tuổi"]));
    const out = path.join(dir, "khong-so-ra.xlsx");
    const r = await runInProcess(["chuyen-doi", input, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: Không tìm thấy sổ chuyên đề/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("demo", () => {
  test("writes the sample register and the check outputs; the sample is a plausible year", async () => {
    const out = path.join(dir, "demo");
    const r = await runInProcess(["demo", "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const f of ["so-chuyen-de-mau.xlsx", "kiem-tra.txt", "kiem-tra.json"]) expect(existsSync(path.join(out, f))).toBe(true);
    const json = JSON.parse(readFileSync(path.join(out, "kiem-tra.json"), "utf8"));
    expect(json.register.topics).toBeGreaterThanOrEqual(6);
    expect(json.register.topics).toBeLessThanOrEqual(8);
    // Every quarter has a topic; the quarters that ended were held.
    expect(json.quarters.every((q: { planned: number }) => q.planned >= 1)).toBe(true);
    expect(json.quarters.slice(0, 3).every((q: { ok: boolean }) => q.ok)).toBe(true);
    // The sample shows the check at work: a missing approval among its findings.
    expect(json.findings.some((f: { code: string }) => f.code === "THIEU_THONG_QUA")).toBe(true);
    expect(readFileSync(path.join(out, "kiem-tra.txt"), "utf8")).toMatch(/Quý I\/2025/);

    const wb = await readXlsx(path.join(out, "so-chuyen-de-mau.xlsx"));
    const members = wb.getWorksheet(SHEETS.members)!;
    const kinds: string[] = [];
    const exempt: string[] = [];
    members.eachRow((row, n) => {
      if (n === 1 || !row.getCell(1).value) return;
      kinds.push(String(row.getCell(3).value));
      exempt.push(String(row.getCell(4).value));
    });
    expect(kinds.length).toBeGreaterThanOrEqual(12);
    expect(kinds).toContain("Dự bị");
    expect(exempt.filter((e) => e === "Có")).toHaveLength(1);

    // Every other output listed by the demo (DEMO_STEPS) was written and is not empty.
    const listed = r.stdout
      .split("\n")
      .filter((l) => /^[^:]+: .+\.(docx|xlsx|txt|json)/.test(l))
      .flatMap((l) =>
        l
          .replace(/^[^:]+: /, "")
          .split(", ")
          .map((f) => f.replace(/ \(.*$/, "").trim()),
      );
    for (const f of listed) {
      expect(existsSync(f)).toBe(true);
      expect(readFileSync(f).length).toBeGreaterThan(0);
    }
    const { DEMO_STEPS } = await import("../../src/cli/commands/demo");
    const total = Number(/Xong: (\d+) tệp/.exec(r.stdout)![1]);
    expect(new Set(listed).size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(3 + DEMO_STEPS.length);

    // Re-running without --ghi-de refuses; with it, succeeds.
    const again = await runInProcess(["demo", "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--ghi-de/);
    expect((await runInProcess(["demo", "-o", out, "--ghi-de"])).code).toBe(0);
  });

  // Regression: an existing output of a later step (tong-hop.xlsx) stopped the demo with
  // exit 2 only after the sample, the check and the documents had been written.
  test("any existing output stops the demo before its first file (exit 2 writes nothing)", async () => {
    const out = path.join(dir, "demo-mot-phan");
    mkdirSync(out);
    writeFileSync(path.join(out, "tong-hop.xlsx"), "cũ");
    const r = await runInProcess(["demo", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lỗi: .*tong-hop\.xlsx.*--ghi-de/);
    expect(readdirSync(out)).toEqual(["tong-hop.xlsx"]);
    expect(readFileSync(path.join(out, "tong-hop.xlsx"), "utf8")).toBe("cũ");
  });

  test("-o naming a file is refused", async () => {
    const f = path.join(dir, "la-tep");
    writeFileSync(f, "x");
    const r = await runInProcess(["demo", "-o", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không phải thư mục/);
  });
});
