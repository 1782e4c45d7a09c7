// The check of SPEC §4: every rule of the registry over one ParsedWorkbook, the
// quarter summary, and the findings in the order the spec gives. Pure: the caller
// supplies the as-of date D (today's local date in the pane and the CLI).
import { computeFacts } from "./facts";
import { createShared, ruleContext } from "../rules/context";
import { RULES } from "../rules/index";
import type { CheckOptions, CheckResult, Finding, ParsedWorkbook, QuarterSummary } from "../shared/types";
import { REGISTER_COLUMNS, UserError } from "../shared/types";
import { ATTENDANCE_COLUMNS, MINUTES_COLUMNS } from "../read/layout";

export const NO_REGISTER_CODE = "KHONG_CO_SO";

export function noRegisterError(): UserError {
  return new UserError(
    NO_REGISTER_CODE,
    "Không tìm thấy sổ chuyên đề: không trang nào có dòng tiêu đề (trong 20 dòng đầu) gồm cột Tên chuyên đề " +
      "cùng ít nhất hai cột khác của sổ (STT, Quý, Người phụ trách, Ngày sinh hoạt…). " +
      "Hãy tạo sổ mới theo mẫu (Tạo sổ), hoặc đưa sổ đang có về mẫu (Chuyển đổi).",
  );
}

export function check(book: ParsedWorkbook, opts: CheckOptions): CheckResult {
  const register = book.register;
  if (!register) throw noRegisterError();
  const facts = computeFacts(book, opts);
  const shared = createShared(book, register, facts);
  const findings: Finding[] = [];
  for (const rule of RULES) rule.check(ruleContext(shared, rule.meta, findings));
  sortFindings(findings, book.sheetOrder);

  const missing = new Set(findings.filter((f) => f.code === "THIEU_CHUYEN_DE_QUY" && f.quarter !== undefined).map((f) => f.quarter));
  // Held and planned per quarter from the verdict model, so every output counts alike.
  const quarters: QuarterSummary[] = shared.verdicts.quarters.map((q) => ({
    quarter: q.quarter,
    held: q.held,
    planned: q.planned,
    ok: !missing.has(q.quarter),
  }));

  return {
    year: facts.year,
    asOf: opts.asOf,
    register: { sheet: register.sheet, headerRow: register.headerRow, topics: register.topics.length },
    quarters,
    findings,
  };
}

// ---- ordering (SPEC §4: quarter-level by quarter, then year-level, then by sheet in
// workbook order, row, code). Year-level findings are those with neither row nor
// column (THIEU_KE_HOACH_NAM). THIEU_COT names a column, so it is not year-level: it
// sorts with its sheet (the register's), before that sheet's rows. Ties within a row
// and code (HOAN_THIEN_TRUOC_SINH_HOAT, NGAY_KHONG_HOP_LE, THIEU_COT) follow the
// canonical column order.

const COLUMN_ORDER: ReadonlyMap<string, number> = new Map(
  [...REGISTER_COLUMNS, ...ATTENDANCE_COLUMNS, ...MINUTES_COLUMNS].filter((c, i, all) => all.indexOf(c) === i).map((c, i) => [c, i]),
);

function level(f: Finding): number {
  if (f.code === "THIEU_CHUYEN_DE_QUY") return 0;
  return f.row === null && f.column === null ? 1 : 2;
}

/** Row for ordering: a sheet-level finding (row null) comes before the sheet's rows. */
function rowRank(f: Finding): number {
  return f.row ?? 0;
}

function yearLevelRank(f: Finding): number {
  return f.code === "THIEU_KE_HOACH_NAM" ? 0 : 1;
}

function columnRank(column: string | null): number {
  if (column === null) return -1;
  return COLUMN_ORDER.get(column) ?? COLUMN_ORDER.size;
}

function cmp<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding, sheetIndex: (sheet: string) => number): number {
  const la = level(a);
  const lb = level(b);
  if (la !== lb) return la - lb;
  if (la === 0) return (a.quarter ?? 0) - (b.quarter ?? 0) || cmp(a.severity, b.severity);
  if (la === 1) {
    return yearLevelRank(a) - yearLevelRank(b) || columnRank(a.column) - columnRank(b.column) || cmp(a.code, b.code);
  }
  return (
    sheetIndex(a.sheet) - sheetIndex(b.sheet) ||
    cmp(a.sheet, b.sheet) ||
    rowRank(a) - rowRank(b) ||
    cmp(a.code, b.code) ||
    columnRank(a.column) - columnRank(b.column)
  );
}

export function sortFindings(findings: Finding[], sheetOrder: readonly string[]): Finding[] {
  const index = new Map(sheetOrder.map((s, i) => [s, i]));
  const sheetIndex = (s: string) => index.get(s) ?? sheetOrder.length;
  // Decorate once: tens of thousands of findings would otherwise redo the map
  // lookups in every comparison. Numeric keys first, the full comparison on ties.
  const keyed = findings.map((f) => {
    const lv = level(f);
    return {
      f,
      a: lv,
      b: lv === 0 ? (f.quarter ?? 0) : lv === 1 ? yearLevelRank(f) : sheetIndex(f.sheet),
      c: lv === 2 ? rowRank(f) : columnRank(f.column),
    };
  });
  keyed.sort((x, y) => x.a - y.a || x.b - y.b || x.c - y.c || compareFindings(x.f, y.f, sheetIndex));
  for (let i = 0; i < keyed.length; i++) findings[i] = keyed[i].f;
  return findings;
}

/** A finding as the JSON output and the pane show it: exactly these keys, in this order. */
export interface FindingJson {
  code: string;
  severity: Finding["severity"];
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export function findingToJson(f: Finding): FindingJson {
  return { code: f.code, severity: f.severity, sheet: f.sheet, row: f.row, column: f.column, message: f.message };
}

/** Counts by severity (exit code of the CLI, tiles of the pane, Tổng hợp). */
export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}
