// Reads a workbook grid into a ParsedWorkbook (SPEC §3.6): finds the register and
// the other tables wherever they are, by header matching, and parses their rows.
// Everything here works on the neutral grid, so the add-in and the CLI read alike.
// The parts live beside it (parsers, sheetView, headers, locate, rows, tables, info,
// legacyFont); this module reads the whole workbook and is what the other stages import.
import { SHEETS } from "./layout";
import type { FoundTable, ParsedWorkbook, WorkbookGrid } from "../shared/types";
import { makeParsers } from "./parsers";
import { withViews } from "./sheetView";
import { locateRegister, sameName } from "./locate";
import { readRegister } from "./rows";
import { ATTENDANCE, MEMBERS, MINUTES, OPINIONS, locateSecondary, readFound, type TableKind } from "./tables";
import { readInfo } from "./info";

export { makeParsers, type Parsers } from "./parsers";
export { SheetView, sheetView, withViews } from "./sheetView";
export {
  HEADER_SEARCH_ROWS,
  findHeaderRow,
  matchHeader,
  tableHeader,
  type HeaderMatch,
  type HeaderRow,
  type HeaderRowOptions,
} from "./headers";
export { locateRegister, type Located } from "./locate";
export { dataRows, findRegister, readRegister, registerRows } from "./rows";
export { readInfo } from "./info";
export { findLegacyText, legacyTextMessage, type LegacyTextNotice } from "./legacyFont";

// ---------------------------------------------------------------------------
// The whole workbook

/** Reads everything the engine needs from a workbook grid (SPEC §3.6). */
export function readWorkbook(grid: WorkbookGrid): ParsedWorkbook {
  return withViews(() => readWorkbookNow(grid));
}

function readWorkbookNow(grid: WorkbookGrid): ParsedWorkbook {
  const date1904 = !!grid.date1904;
  const p = makeParsers(date1904);
  const regLoc = locateRegister(grid);
  const register = regLoc ? readRegister(grid, regLoc, p) : null;
  const used = new Set<string>();
  if (regLoc) used.add(regLoc.sheet.name);
  const infoSheet = grid.sheets.find((s) => sameName(s.name, SHEETS.info));
  if (infoSheet) used.add(infoSheet.name);
  const found = locateSecondary(grid, used);
  const read = <T>(k: TableKind<T>): FoundTable<T> | null => {
    const l = found.get(k);
    return l ? readFound(l, k, p) : null;
  };
  return {
    sheetOrder: grid.sheets.map((s) => s.name),
    date1904,
    register,
    info: readInfo(grid),
    members: read(MEMBERS),
    attendance: read(ATTENDANCE),
    minutes: read(MINUTES),
    opinions: read(OPINIONS),
  };
}
