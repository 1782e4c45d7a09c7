// Shared pieces of the hard-input tests: a small valid register written as a real .xlsx,
// and the checks every unusable-input run must pass (a Vietnamese `Lỗi:` line, exit 2,
// no stack trace, nothing written).
import { existsSync, readdirSync } from "fs";
import ExcelJS from "exceljs";
import type { RunResult } from "../cli/helpers/run";

export const REGISTER_HEADER = ["STT", "Quý", "Tên chuyên đề", "Người phụ trách", "Ngày thông qua", "Ngày sinh hoạt", "Trạng thái"];

export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** Four topics of 2024, one per quarter, all held: a register with no error of its own. */
export function addGoodRegister(wb: ExcelJS.Workbook, sheetName = "Sổ chuyên đề"): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(REGISTER_HEADER);
  for (let q = 1; q <= 4; q++) {
    const month = (q - 1) * 3 + 2;
    ws.addRow([q, q, `Chuyên đề quý ${q}`, "Nguyễn Văn An", utc(2024, month, 1), utc(2024, month, 15), "Đã sinh hoạt"]);
  }
  for (const col of [5, 6]) ws.getColumn(col).numFmt = "dd/mm/yyyy";
  return ws;
}

/** A stack trace, a JS error name or Node internals: never for a user to see. */
export function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|node:internal|TypeError|ReferenceError|RangeError|SyntaxError|\bError:/);
  // A library's English message about its own internals is no use to a secretary.
  expect(text).not.toMatch(/\b(undefined|Cannot|null|is not|Unexpected|properties)\b/);
}

/** The run refused the input the way SPEC §8 says: exit 2, one Vietnamese line on
 *  stderr starting with "Lỗi:", nothing on stdout. */
export function expectUnusable(r: RunResult, message: RegExp): void {
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^Lỗi: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expectNoStack(r.stderr);
  expect(r.stderr).toBe(r.stderr.normalize("NFC"));
  expect(r.code).toBe(2);
}

/** No file but the given ones in `dir` (a refused run wrote nothing, not even a temp). */
export function expectOnlyFiles(dir: string, names: string[]): void {
  expect(readdirSync(dir).sort()).toEqual([...names].sort());
  for (const n of names) expect(existsSync(`${dir}/${n}`)).toBe(true);
}
