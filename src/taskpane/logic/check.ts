// Kiểm tra: the check, Việc sắp tới and the four quarter tiles, from one read.
import { check, NO_REGISTER_CODE } from "../../core/check/check";
import { compareDates, quarterEnd } from "../../core/read/dates";
import { findLegacyText, legacyTextMessage, readWorkbook as parseWorkbook, type LegacyTextNotice } from "../../core/read/register";
import type { CheckResult, Finding, ParsedWorkbook, QuarterSummary, SimpleDate } from "../../core/shared/types";
import { UserError } from "../../core/shared/types";
import { upcoming, type UpcomingItem } from "../../core/make/upcoming";
import type { WorkbookHost } from "../../excel/host";
import { engineGrid } from "./workbookGrid";

export type TileState = "dat" | "chua-dat" | "chua-den-han";

export const TILE_LABELS: Record<TileState, string> = {
  dat: "Đạt",
  "chua-dat": "Chưa đạt",
  "chua-den-han": "Chưa đến hạn",
};

/** A quarter that has ended is đạt or chưa đạt by the check; one still running is đạt once
 *  a topic was held in it, otherwise chưa đến hạn. */
export function tileState(q: QuarterSummary, year: number, asOf: SimpleDate): TileState {
  const ended = compareDates(quarterEnd(year, q.quarter), asOf) <= 0;
  if (ended) return q.ok ? "dat" : "chua-dat";
  return q.held > 0 ? "dat" : "chua-den-han";
}

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** The cell a finding points at, or null for quarter/year-level findings. */
export function findingCell(book: ParsedWorkbook, f: Finding): CellRef | null {
  if (f.row === null) return null;
  let col = 1;
  if (f.column) {
    const reg = book.register;
    const tables = [book.members, book.attendance, book.minutes, book.opinions];
    if (reg && reg.sheet === f.sheet && reg.columns[f.column as keyof typeof reg.columns]) {
      col = reg.columns[f.column as keyof typeof reg.columns]!;
    } else {
      for (const t of tables) {
        if (t && t.sheet === f.sheet && t.columns[f.column]) {
          col = t.columns[f.column];
          break;
        }
      }
    }
  } else if (book.register && book.register.sheet === f.sheet) {
    col = book.register.columns["Tên chuyên đề"] ?? 1;
  }
  return { sheet: f.sheet, row: f.row, col };
}

export interface CheckView {
  result: CheckResult;
  /** Warnings about the workbook itself, shown above the tiles and not counted as findings:
   *  text typed in a TCVN3/VNI font (the CLI prints the same on stderr). */
  notices: string[];
  upcoming: UpcomingItem[];
  tiles: { quarter: QuarterSummary; state: TileState }[];
  /** Each finding with the cell it points at. */
  findings: { finding: Finding; cell: CellRef | null }[];
}

export function checkView(book: ParsedWorkbook, asOf: SimpleDate, legacyText: readonly LegacyTextNotice[] = []): CheckView {
  const result = check(book, { asOf });
  return {
    result,
    notices: legacyText.map(legacyTextMessage),
    upcoming: upcoming(book, { asOf, year: result.year }),
    tiles: result.quarters.map((q) => ({ quarter: q, state: tileState(q, result.year, asOf) })),
    findings: result.findings.map((f) => ({ finding: f, cell: findingCell(book, f) })),
  };
}

export async function runCheck(host: WorkbookHost, asOf: SimpleDate): Promise<CheckView> {
  const snapshot = await host.session((session) => session.read());
  const grid = engineGrid(snapshot);
  const book = parseWorkbook(grid);
  const legacyText = findLegacyText(grid);
  // Headers typed in TCVN3/VNI match nothing: say so instead of only "no register" (as kiem-tra).
  if (!book.register && legacyText.length > 0) {
    throw new UserError(NO_REGISTER_CODE, `Không tìm thấy sổ chuyên đề. ${legacyTextMessage(legacyText[0])}`);
  }
  return checkView(book, asOf, legacyText);
}
