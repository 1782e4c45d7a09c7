// Kiểm tra: the check, Việc sắp tới and the four quarter tiles, from one read.
import { check, NO_REGISTER_CODE } from "../../core/check/check";
import { computeVerdicts, type QuarterVerdict, type VerdictKind, type YearVerdict } from "../../core/check/verdicts";
import { excelSerialToDate, formatDate } from "../../core/read/dates";
import { findLegacyText, legacyTextMessage, readWorkbook as parseWorkbook, type LegacyTextNotice } from "../../core/read/register";
import { shortTitle } from "../../core/shared/text";
import type { CheckResult, Finding, ParsedWorkbook, QuarterSummary, SimpleDate, Topic, WorkbookGrid } from "../../core/shared/types";
import { cellText, parseDate } from "../../core/read/values";
import { UserError } from "../../core/shared/types";
import { upcoming, type UpcomingItem } from "../../core/make/upcoming";
import type { WorkbookHost } from "../../excel/host";
import { engineGrid } from "./workbookGrid";

export type TileState = "dat" | "chua-dat" | "chua-den-han";

/** The tile's class for each verdict of the model (check/verdicts.ts); the words on the
 *  tile are the model's own labels. */
export const TILE_STATE: Record<VerdictKind, TileState> = { met: "dat", notMet: "chua-dat", notDue: "chua-den-han" };

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

export interface FindingItem {
  finding: Finding;
  cell: CellRef | null;
  /** What the cell shows now, when the host cannot select it (a file in the browser). */
  value?: string;
  /** The message as shown inside its group: without the topic's name when the group
   *  title already says it. */
  text: string;
}

/** The findings about one thing, as the pane shows them (issue 12): the whole year and
 *  its quarters, one topic, or what a sheet says about no single topic. */
export interface FindingGroup {
  kind: "year" | "topic" | "sheet";
  /** Shown once above the group's items. */
  title: string;
  /** The topic's title cell (kind "topic"); null for the other kinds. */
  cell: CellRef | null;
  errors: number;
  warnings: number;
  /** Errors first, then warnings; within each, the order of SPEC §4. */
  items: FindingItem[];
}

export const YEAR_GROUP_TITLE = "Cả năm và từng quý";

/** `Chuyên đề "Tên" (dòng 7)`: the same words the rules' messages start with. */
function topicTitle(t: Topic): string {
  return `Chuyên đề "${shortTitle(t.title)}" (dòng ${t.row})`;
}

/** "Chuyên đề "A" (dòng 7) chưa có…" → "Chưa có…" under the title that says it. */
function withoutPrefix(message: string, prefix: string): string {
  if (!message.startsWith(prefix)) return message;
  const rest = message.slice(prefix.length).replace(/^:?\s+/, "");
  return rest.charAt(0).toLocaleUpperCase("vi") + rest.slice(1);
}

/** Groups the findings per topic (issue 12, Build 2). Findings with no row (quarters, the
 *  year, missing columns) come first; then one group per topic in register order, holding
 *  its register findings and those of its Điểm danh and Biên bản rows (joined by STT);
 *  then, per sheet, what belongs to no single topic (a member absent several times, a row
 *  whose STT is not in the register). `findings` keeps SPEC §4's order for --json. */
export function groupFindings(
  book: ParsedWorkbook,
  items: readonly { finding: Finding; cell: CellRef | null; value?: string }[],
): FindingGroup[] {
  const register = book.register;
  const topicByRow = new Map<number, Topic>();
  const topicByStt = new Map<number, Topic>();
  for (const t of register?.topics ?? []) {
    topicByRow.set(t.row, t);
    if (t.stt !== null && !topicByStt.has(t.stt)) topicByStt.set(t.stt, t);
  }
  const sttOfRow = new Map<string, number | null>();
  for (const table of [book.attendance, book.minutes]) {
    if (!table) continue;
    for (const r of table.rows) sttOfRow.set(`${table.sheet}\u0000${r.row}`, r.topicStt);
  }
  const year: FindingGroup = { kind: "year", title: YEAR_GROUP_TITLE, cell: null, errors: 0, warnings: 0, items: [] };
  const byTopicRow = new Map<number, FindingGroup>();
  const bySheet = new Map<string, FindingGroup>();
  const groupOfTopic = (t: Topic): FindingGroup => {
    let g = byTopicRow.get(t.row);
    if (!g) {
      const cell = register ? { sheet: register.sheet, row: t.row, col: register.columns["Tên chuyên đề"] ?? 1 } : null;
      g = { kind: "topic", title: topicTitle(t), cell, errors: 0, warnings: 0, items: [] };
      byTopicRow.set(t.row, g);
    }
    return g;
  };
  for (const { finding, cell, value } of items) {
    let group: FindingGroup;
    const onRegister = register !== null && finding.sheet === register.sheet;
    const stt = sttOfRow.get(`${finding.sheet}\u0000${finding.row ?? 0}`);
    // A member absent several times is about the member, not about one topic.
    const joined = stt !== undefined && stt !== null && finding.code !== "VANG_NHIEU_LAN" ? topicByStt.get(stt) : undefined;
    const topic = finding.row === null ? undefined : onRegister ? topicByRow.get(finding.row) : joined;
    if (finding.row === null) group = year;
    else if (topic) group = groupOfTopic(topic);
    else if (onRegister) {
      // A row with data but no title (THIEU_TEN, its bad dates): a group of its own.
      const key = -finding.row;
      let g = byTopicRow.get(key);
      if (!g) {
        g = { kind: "topic", title: `Dòng ${finding.row} (chưa có tên chuyên đề)`, cell, errors: 0, warnings: 0, items: [] };
        byTopicRow.set(key, g);
      }
      group = g;
    } else {
      let g = bySheet.get(finding.sheet);
      if (!g) {
        g = { kind: "sheet", title: `Trang ${finding.sheet}`, cell: null, errors: 0, warnings: 0, items: [] };
        bySheet.set(finding.sheet, g);
      }
      group = g;
    }
    const text = group.kind === "topic" && onRegister && topic ? withoutPrefix(finding.message, group.title) : finding.message;
    group.items.push({ finding, cell, text, value });
    if (finding.severity === "error") group.errors++;
    else group.warnings++;
  }
  const topics = [...byTopicRow.entries()].sort((a, b) => Math.abs(a[0]) - Math.abs(b[0])).map(([, g]) => g);
  const groups = [year, ...topics, ...bySheet.values()].filter((g) => g.items.length > 0);
  for (const g of groups) {
    // Errors first, then warnings; the sort is stable, so SPEC §4's order stays inside each.
    g.items.sort((a, b) => (a.finding.severity === b.finding.severity ? 0 : a.finding.severity === "error" ? -1 : 1));
  }
  return groups;
}

export interface CheckView {
  result: CheckResult;
  /** Warnings about the workbook itself, shown above the tiles and not counted as findings:
   *  text typed in a TCVN3/VNI font (the CLI prints the same on stderr). */
  notices: string[];
  upcoming: UpcomingItem[];
  /** One tile per quarter: the check's counts and the model's verdict. */
  tiles: { quarter: QuarterSummary; verdict: QuarterVerdict; state: TileState }[];
  /** The year's verdict, shown under the tiles. */
  year: YearVerdict;
  /** Each finding with the cell it points at, in SPEC §4's order, and, when the grid was
   *  given, what the cell shows now ("" for an empty cell): a file opened in the browser has
   *  no cell to select. */
  findings: { finding: Finding; cell: CellRef | null; value?: string }[];
  /** The same findings grouped per topic, as the pane lists them. */
  groups: FindingGroup[];
}

/** A cell's value as the secretary sees it in Excel: dates as dd/mm/yyyy. */
export function shownValue(grid: WorkbookGrid, cell: CellRef): string {
  const sheet = grid.sheets.find((s) => s.name === cell.sheet);
  const v = sheet?.values[cell.row - 1]?.[cell.col - 1] ?? null;
  if (v === null) return "";
  const format = sheet?.numberFormats?.[cell.row - 1]?.[cell.col - 1];
  if (v instanceof Date || (typeof v === "number" && format && /[dy]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, "")))) {
    const d = v instanceof Date ? parseDate(v, grid.date1904) : excelSerialToDate(v, grid.date1904);
    if (d) return formatDate(d);
  }
  return cellText(v);
}

export function checkView(
  book: ParsedWorkbook,
  asOf: SimpleDate,
  legacyText: readonly LegacyTextNotice[] = [],
  grid?: WorkbookGrid,
): CheckView {
  const result = check(book, { asOf });
  const verdicts = computeVerdicts(book, { asOf, year: result.year });
  const findings = result.findings.map((f) => {
    const cell = findingCell(book, f);
    return { finding: f, cell, value: cell && grid ? shownValue(grid, cell) : undefined };
  });
  return {
    result,
    notices: legacyText.map(legacyTextMessage),
    upcoming: upcoming(book, { asOf, year: result.year }),
    tiles: result.quarters.map((q, i) => ({ quarter: q, verdict: verdicts.quarters[i], state: TILE_STATE[verdicts.quarters[i].kind] })),
    year: verdicts.yearVerdict,
    findings,
    groups: groupFindings(book, findings),
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
  return checkView(book, asOf, legacyText, grid);
}

/** How many groups of findings the pane lays out at once: a register of thousands of topics
 *  has thousands of groups, which cost the page seconds to receive and lay out; the rest
 *  come with "Xem thêm" (measured: bench/engines.js). */
export const GROUPS_SHOWN = 100;

/** What the pane shows of a check: the view without its flat list of findings (the counts
 *  instead) and only its first groups; `groupCount` says how many there are in all. */
export interface CheckPane {
  result: Omit<CheckResult, "findings">;
  notices: string[];
  upcoming: UpcomingItem[];
  tiles: CheckView["tiles"];
  year: YearVerdict;
  errors: number;
  warnings: number;
  groupCount: number;
  groups: FindingGroup[];
}

export function checkPane(view: CheckView, shown = GROUPS_SHOWN): CheckPane {
  const { findings, ...result } = view.result;
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    result,
    notices: view.notices,
    upcoming: view.upcoming,
    tiles: view.tiles,
    year: view.year,
    errors,
    warnings: findings.length - errors,
    groupCount: view.groups.length,
    groups: view.groups.slice(0, shown),
  };
}

/** A check's pane portion and how to get the groups after it ("Xem thêm"). */
export interface CheckRun {
  pane: CheckPane;
  more(from: number, count: number): Promise<FindingGroup[]>;
}

/** The check run where the pane is (in Excel: the workbook is Excel's, nothing to offload). */
export async function checkHere(host: WorkbookHost, asOf: SimpleDate): Promise<CheckRun> {
  const view = await runCheck(host, asOf);
  return { pane: checkPane(view), more: (from, count) => Promise.resolve(view.groups.slice(from, from + count)) };
}
