// Thông tin (SPEC §3.1): the cell's name, year and thresholds.
// Split out of register.ts; the reading stage's entry point is still register.ts.
import { INFO_SPECS, type InfoField } from "./columns";
import { defaultInfo, SHEETS, TABLES } from "./layout";
import type { CellInfo, CellValue, SheetGrid, WorkbookGrid } from "../shared/types";
import { cellText, isBlank, normalizeKey, parseNumber, parsePercent, yesNoOrNull } from "./values";
import { compile, matchNormalized } from "./headers";
import { sheetView } from "./sheetView";
import { findTable, sameName } from "./locate";

// ---------------------------------------------------------------------------
// Thông tin

/** Thông tin (SPEC §3.1): key/value rows of tblThongTin or of a sheet named
 *  "Thông tin", keys matched like headers; thresholds default per INFO_DEFAULTS. */
export function readInfo(grid: WorkbookGrid): CellInfo {
  const info: CellInfo = defaultInfo();
  let sheet: SheetGrid | undefined;
  let top = 0;
  let bottom = Infinity;
  let left = 0;
  let right = Infinity;
  const t = findTable(grid, TABLES.info);
  if (t) {
    ({ sheet } = t);
    ({ top, bottom, left, right } = t.table);
  } else {
    sheet = grid.sheets.find((s) => sameName(s.name, SHEETS.info));
  }
  if (!sheet) return info;
  info.found = true;
  const view = sheetView(sheet);
  const c = compile(INFO_SPECS);
  const seen = new Set<InfoField>();
  const last = Math.min(bottom, view.rowCount - 1);
  for (let r = top; r <= last; r++) {
    const end = Math.min(right, view.rowLength(r) - 1);
    let keyCol = -1;
    for (let col = left; col <= end; col++) {
      if (!isBlank(view.own(r, col))) {
        keyCol = col;
        break;
      }
    }
    if (keyCol < 0) continue;
    const m = matchNormalized(normalizeKey(cellText(view.own(r, keyCol))), c);
    if (!m) continue;
    const field = INFO_SPECS[m.spec].field;
    if (seen.has(field)) continue; // the first row for a key counts
    seen.add(field);
    let value: CellValue = null;
    for (let col = keyCol + 1; col <= end; col++) {
      const v = view.own(r, col);
      if (!isBlank(v)) {
        value = v;
        break;
      }
    }
    setInfo(info, field, value);
  }
  return info;
}

function positive(n: number | null): n is number {
  return n !== null && Number.isFinite(n) && n > 0;
}

function setInfo(info: CellInfo, field: InfoField, v: CellValue): void {
  switch (field) {
    case "year": {
      const n = parseNumber(v);
      info.year = n !== null && Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : null;
      return;
    }
    case "minTopicsPerYear":
    case "minDurationMinutes":
    case "minDurationCombinedMinutes": {
      const n = parseNumber(v);
      if (positive(n)) info[field] = n;
      return;
    }
    case "minAttendanceRate": {
      const p = parsePercent(v);
      if (p !== null && p > 0 && p <= 1) info.minAttendanceRate = p;
      return;
    }
    case "hasCommittee":
      info.hasCommittee = yesNoOrNull(v);
      return;
    default:
      info[field] = cellText(v);
  }
}
