// The four other tables (Đảng viên, Điểm danh, Biên bản, Ý kiến): where they are and
// their rows. Split out of register.ts; the entry point is still register.ts.
import { ATTENDANCE_SPECS, MEMBER_SPECS, MINUTES_SPECS, OPINION_SPECS, TABLE_KEYS, type ColumnSpec } from "./columns";
import { SHEETS, TABLES } from "./layout";
import type { AttendanceRow, CellValue, FoundTable, Member, MinutesRow, OpinionRow, WorkbookGrid } from "../shared/types";
import { blank, type Parsers } from "./parsers";
import { sheetView } from "./sheetView";
import { isCanonicalSheetOtherThan, locateOnSheet, locateTable, sameName, type Located } from "./locate";
import { dataRows } from "./rows";

// ---------------------------------------------------------------------------
// The other tables

export interface TableKind<T> {
  table: string;
  sheet: string;
  specs: readonly ColumnSpec[];
  key: string;
  /** Columns whose values alone do not make a row (pre-filled numbering). */
  ignore: readonly string[];
  /** Rows after the last row with a value in one of these columns are a footer. */
  anchors: readonly string[];
  /** Reads a row; `get(i)` is the cell of specs[i] (null when the column is absent). */
  parse(get: (i: number) => CellValue, row: number, p: Parsers): T | null;
}

export const MEMBERS: TableKind<Member> = {
  table: TABLES.members,
  sheet: SHEETS.members,
  specs: MEMBER_SPECS,
  key: TABLE_KEYS.members,
  ignore: [],
  anchors: ["Họ và tên"],
  parse(get, row, p) {
    const name = p.text(get(0 /* Họ và tên */));
    if (!name) return null; // a member row without a name names nobody
    return {
      row,
      name,
      role: p.text(get(1 /* Chức vụ */)),
      kind: p.memberKind(get(2 /* Loại */)),
      exempt: p.yesNo(get(3 /* Miễn sinh hoạt */)),
      note: p.text(get(4 /* Ghi chú */)),
    };
  },
};

export const ATTENDANCE: TableKind<AttendanceRow> = {
  table: TABLES.attendance,
  sheet: SHEETS.attendance,
  specs: ATTENDANCE_SPECS,
  key: TABLE_KEYS.attendance,
  ignore: ["STT chuyên đề"],
  anchors: ["Họ và tên", "Tình trạng"],
  parse(get, row, p) {
    return {
      row,
      topicStt: p.number(get(0 /* STT chuyên đề */)),
      name: p.text(get(1 /* Họ và tên */)),
      status: p.attendance(get(2 /* Tình trạng */)),
      reason: p.text(get(3 /* Lý do */)),
    };
  },
};

export const MINUTES: TableKind<MinutesRow> = {
  table: TABLES.minutes,
  sheet: SHEETS.minutes,
  specs: MINUTES_SPECS,
  key: TABLE_KEYS.minutes,
  ignore: [],
  anchors: ["STT chuyên đề", "Bắt đầu", "Kết thúc"],
  parse(get, row, p) {
    return {
      row,
      topicStt: p.number(get(0 /* STT chuyên đề */)),
      start: p.time(get(1 /* Bắt đầu */)),
      end: p.time(get(2 /* Kết thúc */)),
      place: p.text(get(3 /* Địa điểm */)),
      chair: p.text(get(4 /* Chủ trì */)),
      secretary: p.text(get(5 /* Thư ký */)),
      delegates: p.multiline(get(6 /* Đại biểu */)),
      purpose: p.multiline(get(7 /* Mục đích, yêu cầu */)),
      conclusion: p.multiline(get(8 /* Kết luận */)),
      tasks: p.multiline(get(9 /* Nhiệm vụ giao */)),
      vote: p.multiline(get(10 /* Biểu quyết */)),
    };
  },
};

export const OPINIONS: TableKind<OpinionRow> = {
  table: TABLES.opinions,
  sheet: SHEETS.opinions,
  specs: OPINION_SPECS,
  key: TABLE_KEYS.opinions,
  ignore: [],
  anchors: ["Người phát biểu", "Nội dung"],
  parse(get, row, p) {
    return {
      row,
      topicStt: p.number(get(0 /* STT chuyên đề */)),
      speaker: p.text(get(1 /* Người phát biểu */)),
      content: p.multiline(get(2 /* Nội dung */)),
    };
  },
};

export function readFound<T>(loc: Located, kind: TableKind<T>, p: Parsers): FoundTable<T> {
  const view = sheetView(loc.sheet);
  const cols = loc.header.columns;
  const ignore = kind.ignore.map((n) => cols[n]).filter((c): c is number => c !== undefined);
  let rows = dataRows(loc, ignore);
  if (!loc.table) {
    // Signatures and notes under a hand-made list are not rows of it.
    const anchors = kind.anchors.map((n) => cols[n]).filter((c): c is number => c !== undefined);
    let last = 0;
    for (const row of rows) {
      for (const c of anchors) {
        if (!blank(view.value(row - 1, c - 1))) {
          last = row;
          break;
        }
      }
    }
    rows = rows.filter((r) => r <= last);
  }
  // 0-based column of each spec, -1 when absent; looked up once, not per cell.
  const index = kind.specs.map((sp) => (cols[sp.name] === undefined ? -1 : cols[sp.name] - 1));
  const out: T[] = [];
  let r = 0;
  const get = (i: number): CellValue => (index[i] < 0 ? null : view.value(r, index[i]));
  for (const row of rows) {
    r = row - 1;
    const parsed = kind.parse(get, row, p);
    if (parsed) out.push(parsed);
  }
  return { sheet: loc.sheet.name, headerRow: loc.header.row, columns: { ...cols }, rows: out };
}

/** Finds the four secondary tables (SPEC §3.6): first each by table name, then a
 *  sheet of its name whose header row has the key column, then any sheet whose
 *  header row matches ≥2 of its columns including the key. A sheet already used
 *  (by the register or another table) is only shared between Excel tables. */
export function locateSecondary(grid: WorkbookGrid, used: Set<string>): Map<TableKind<unknown>, Located> {
  const kinds = [MEMBERS, ATTENDANCE, MINUTES, OPINIONS] as TableKind<unknown>[];
  const found = new Map<TableKind<unknown>, Located>();
  for (const k of kinds) {
    const l = locateTable(grid, k.table, k.specs);
    if (l) found.set(k, l);
  }
  for (const l of found.values()) used.add(l.sheet.name);
  for (const k of kinds) {
    if (found.has(k)) continue;
    for (const sheet of grid.sheets) {
      if (used.has(sheet.name) || !sameName(sheet.name, k.sheet)) continue;
      // A title above the list ("ĐIỂM DANH SINH HOẠT …") can match the key alone; a row
      // with the key and another column is the real header, the key alone only a fallback.
      const l =
        locateOnSheet(sheet, k.specs, { minMatches: 2, key: k.key }) ?? locateOnSheet(sheet, k.specs, { minMatches: 1, key: k.key });
      if (l) {
        found.set(k, l);
        used.add(sheet.name);
        break;
      }
    }
  }
  // Any sheet: when a sheet could hold more than one list (an attendance sheet has
  // "Họ tên" and "Ghi chú" like a member list), the list it matches best takes it.
  const candidates: { kind: TableKind<unknown>; loc: Located; score: number; order: number }[] = [];
  kinds.forEach((k, ki) => {
    if (found.has(k)) return;
    grid.sheets.forEach((sheet, si) => {
      if (used.has(sheet.name) || isCanonicalSheetOtherThan(sheet, k.sheet) || sameName(sheet.name, SHEETS.info)) return;
      const l = locateOnSheet(sheet, k.specs, { minMatches: 2, key: k.key });
      if (l) candidates.push({ kind: k, loc: l, score: Object.keys(l.header.columns).length, order: si * 8 + ki });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  for (const c of candidates) {
    if (found.has(c.kind) || used.has(c.loc.sheet.name)) continue;
    found.set(c.kind, c.loc);
    used.add(c.loc.sheet.name);
  }
  return found;
}
