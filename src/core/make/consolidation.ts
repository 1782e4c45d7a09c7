// Tổng hợp (SPEC §7, §8 tong-hop) as data: one entry per cell workbook, its topics, the
// copies of one cell counted once, and the --json output. Pure: the CLI and the pane read
// the files, run the check, and hand each (file, book, result) here; consolidate.ts draws
// the sheets. Every status and verdict comes from the verdict model (check/verdicts.ts).
import { countBySeverity } from "../check/check";
import { compareDates } from "../read/dates";
import { computeFacts } from "../check/facts";
import type { TopicStatusKind, YearVerdict } from "../check/verdicts";
import { verdictsOf } from "../check/verdicts";
import type { CheckResult, ParsedWorkbook, Quarter, SimpleDate } from "../shared/types";
import { compareKey } from "../read/values";

export interface ConsolidatedTopic {
  /** Year of the meeting date, else the register year. */
  year: number;
  quarter: Quarter | null;
  title: string;
  group: string;
  /** Drafters joined with ", ". */
  assignees: string;
  /** The valid meeting date, else null (see meetingText). */
  meeting: SimpleDate | null;
  /** The meeting cell as written when it is not a date ("" when empty or a date). */
  meetingText: string;
  /** The topic's status label (verdicts.ts): Đã sinh hoạt / Chưa xác nhận / Dự kiến / Hoãn / Hủy. */
  status: string;
  /** The same status as its kind (the year report's coming meetings are the planned ones). */
  statusKind: TopicStatusKind;
}

export interface ConsolidatedCell {
  file: string;
  /** `Đảng bộ cơ sở` of Thông tin ("" when absent). */
  partyCommittee: string;
  /** `Chi bộ` of Thông tin ("" when absent). */
  cell: string;
  /** `Đảng bộ cấp trên` of Thông tin ("" when absent): the year report's header. Not in the JSON. */
  higherCommittee: string;
  /** `Địa danh` of Thông tin ("" when absent): the year report's place. Not in the JSON. */
  place: string;
  year: number;
  /** Held topics of the year per quarter. */
  quarters: [number, number, number, number];
  /** Held topics of the year. */
  total: number;
  /** total ≥ the cell's `Số chuyên đề tối thiểu/năm` (default 4): the count alone, as SPEC §8's
   *  JSON names it. The year's verdict (which also needs every elapsed quarter) is yearVerdict. */
  meetsMinimum: boolean;
  /** The year's verdict (verdicts.ts): the Tổng hợp sheet's "Kết quả cả năm". Not in the JSON. */
  yearVerdict: YearVerdict;
  errors: number;
  warnings: number;
  /** Quarters with an error-level THIEU_CHUYEN_DE_QUY (ended without a held topic). */
  missingQuarters: Quarter[];
  /** The yearly minimum the cell is held to. Not part of the JSON output. */
  minTopicsPerYear: number;
  /** Every topic row of the register. Not part of the JSON output. */
  topics: ConsolidatedTopic[];
  /** The latest date of any entry in the register (any date column of any topic), or
   *  null: which of two copies of one cell's register is the newer. Not in the JSON. */
  latestEntry: SimpleDate | null;
}

export interface UnreadableFile {
  file: string;
  /** Vietnamese: why it could not be used. */
  reason: string;
}

export function consolidateEntry(file: string, book: ParsedWorkbook, result: CheckResult): ConsolidatedCell {
  const facts = computeFacts(book, { year: result.year, asOf: result.asOf });
  const v = verdictsOf(book, facts);
  const quarters = v.quarters.map((q) => q.held) as [number, number, number, number];
  const total = v.yearVerdict.held;
  const { errors, warnings } = countBySeverity(result.findings);
  const minTopicsPerYear = facts.thresholds.minTopicsPerYear;
  let latestEntry: SimpleDate | null = null;
  for (const t of book.register?.topics ?? []) {
    for (const d of [t.approvedOn, t.draftSentOn, t.meetingOn, t.finalSentOn, t.reportedOn]) {
      if (d.value && (latestEntry === null || compareDates(d.value, latestEntry) > 0)) latestEntry = d.value;
    }
  }
  return {
    latestEntry,
    file,
    partyCommittee: book.info.dangBoCoSo.trim(),
    cell: book.info.chiBo.trim(),
    higherCommittee: book.info.dangBoCapTren.trim(),
    place: book.info.diaDanh.trim(),
    year: result.year,
    quarters,
    total,
    meetsMinimum: total >= minTopicsPerYear,
    yearVerdict: v.yearVerdict,
    errors,
    warnings,
    // The quarters with an error-level THIEU_CHUYEN_DE_QUY: the verdict "Chưa đạt".
    missingQuarters: [...v.yearVerdict.missedQuarters],
    minTopicsPerYear,
    topics: v.topics.map(({ facts: f, label, kind }) => ({
      year: f.year,
      quarter: f.quarter,
      title: f.topic.title,
      group: f.topic.group,
      assignees: f.topic.assignees.join(", "),
      meeting: f.meeting,
      meetingText: f.meeting ? "" : f.topic.meetingOn.text,
      status: label,
      statusKind: kind,
    })),
  };
}

/** The `--json` output of tong-hop (SPEC §8): exactly these keys, in this order. */
export interface ConsolidationJson {
  cells: {
    file: string;
    partyCommittee: string;
    cell: string;
    year: number;
    quarters: number[];
    total: number;
    meetsMinimum: boolean;
    errors: number;
    warnings: number;
    missingQuarters: number[];
  }[];
  unreadable: { file: string; reason: string }[];
  duplicates: { file: string; keptFile: string }[];
}

/** A workbook left out because another workbook of the same cell counts instead. */
export interface DuplicateFile {
  file: string;
  /** The file that counts for that cell. */
  keptFile: string;
}

/** "Phòng Tổ chức" → "Chi bộ Phòng Tổ chức"; "chi bộ 3" → "Chi bộ 3": one way of writing a
 *  chi bộ's name on every row of Tổng hợp, whatever Thông tin holds. "" stays "". */
export function cellDisplayName(name: string): string {
  const v = name.normalize("NFC").replace(/\s+/g, " ").trim();
  if (v === "") return "";
  const key = compareKey(v);
  if (key === compareKey("Chi bộ")) return "Chi bộ";
  if (key.startsWith(compareKey("Chi bộ") + " ")) return "Chi bộ" + v.slice("Chi bộ".length);
  return `Chi bộ ${v}`;
}

/** "Đảng bộ X" and "X" name the same đảng bộ cơ sở. */
function committeeKey(name: string): string {
  const key = compareKey(name);
  const prefix = compareKey("Đảng bộ") + " ";
  return key.startsWith(prefix) ? key.slice(prefix.length) : key;
}

/**
 * Counts each cell once (SPEC §8): workbooks of the same Đảng bộ cơ sở, Chi bộ and year
 * are one cell; the one whose register has the latest entry date counts, a tie goes to
 * the later file modification time (`modified`, ms), then to the file met first. The
 * others are returned as duplicates with the file they lost to. A workbook whose Thông
 * tin names neither đảng bộ nor chi bộ cannot be matched and always counts.
 */
export function dedupeCells(
  entries: readonly ConsolidatedCell[],
  modified: (file: string) => number | undefined = () => undefined,
): { cells: ConsolidatedCell[]; duplicates: DuplicateFile[] } {
  const best = new Map<string, ConsolidatedCell>();
  const keyOf = (e: ConsolidatedCell): string | null =>
    e.partyCommittee.trim() === "" && e.cell.trim() === ""
      ? null
      : `${committeeKey(e.partyCommittee)}\u0000${compareKey(cellDisplayName(e.cell))}\u0000${e.year}`;
  const newer = (a: ConsolidatedCell, b: ConsolidatedCell): boolean => {
    if (a.latestEntry && b.latestEntry) {
      const c = compareDates(a.latestEntry, b.latestEntry);
      if (c !== 0) return c > 0;
    } else if (a.latestEntry || b.latestEntry) {
      return a.latestEntry !== null;
    }
    return (modified(a.file) ?? 0) > (modified(b.file) ?? 0);
  };
  for (const e of entries) {
    const key = keyOf(e);
    if (key === null) continue;
    const current = best.get(key);
    if (!current || newer(e, current)) best.set(key, e);
  }
  const cells: ConsolidatedCell[] = [];
  const duplicates: DuplicateFile[] = [];
  for (const e of entries) {
    const key = keyOf(e);
    const kept = key === null ? e : (best.get(key) ?? e);
    if (kept === e) cells.push(e);
    else duplicates.push({ file: e.file, keptFile: kept.file });
  }
  return { cells, duplicates };
}

export function consolidationJson(
  entries: readonly ConsolidatedCell[],
  unreadable: readonly UnreadableFile[],
  duplicates: readonly DuplicateFile[] = [],
): ConsolidationJson {
  return {
    cells: entries.map((e) => ({
      file: e.file,
      partyCommittee: e.partyCommittee,
      cell: e.cell,
      year: e.year,
      quarters: [...e.quarters],
      total: e.total,
      meetsMinimum: e.meetsMinimum,
      errors: e.errors,
      warnings: e.warnings,
      missingQuarters: [...e.missingQuarters],
    })),
    unreadable: unreadable.map((u) => ({ file: u.file, reason: u.reason })),
    duplicates: duplicates.map((d) => ({ file: d.file, keptFile: d.keptFile })),
  };
}
