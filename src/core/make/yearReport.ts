// The đảng ủy's year report (guidance 09-HD/ĐUK, last paragraph: "báo cáo nội dung sinh hoạt
// chi bộ chuyên đề năm … về Đảng ủy Khối"): "Báo cáo kết quả sinh hoạt chi bộ chuyên đề năm Y"
// from the consolidated cells of Tổng hợp (consolidation.ts). Every verdict is the verdict
// model's (each cell's yearVerdict), every percentage percent.ts's, the number and header
// partyFormat.ts's. Pure: src/documents/yearReportDocx.ts writes it as Word.
//
// A folder mixing several đảng bộ cơ sở (as the Đảng ủy Khối receives them) groups the cells
// by đảng bộ, with a line per đảng bộ; `khoi` prints the Khối's own header (the cells'
// Đảng bộ cấp trên as the issuer) and signs for it.
import { compareDates, formatDate, formatQuarter, romanQuarter } from "../read/dates";
import { compareKey } from "../read/values";
import { percentText } from "../shared/percent";
import { documentNumber, HEADER_BLOCK } from "../shared/partyFormat";
import type { Quarter, SimpleDate } from "../shared/types";
import { UserError } from "../shared/types";
import { twoDigits } from "../check/verdicts";
import { higherCommitteeName, placeAndDate, prefixedUpper, type PartyHeader } from "./partyHeader";
import { cellDisplayName, type ConsolidatedCell, type ConsolidatedTopic } from "./consolidation";

export interface YearReportTableRow {
  cells: string[];
  /** A đảng bộ's or a chi bộ's line across the table (bold). */
  group?: boolean;
}

export interface YearReportTable {
  /** Column widths in millimetres (summing to the text width, 165). */
  widthsMm: number[];
  headers: string[];
  /** Columns centred (numbers, dates, verdicts). */
  centred: boolean[];
  rows: YearReportTableRow[];
  empty: string;
}

export interface YearReportSection {
  heading: string;
  lines: string[];
  table?: YearReportTable;
  /** Lines after the table. */
  after?: string[];
}

export interface YearReport {
  header: PartyHeader;
  number: string;
  kind: string;
  subject: string;
  asOfLine: string;
  sections: YearReportSection[];
  recipients: string[];
  signature: string[];
  signer: string;
  /** What the đảng ủy should know before sending (a header it could not name…). */
  problems: string[];
  /** The issuer's name was found (or given): false leaves dots in the header. */
  issuerKnown: boolean;
  /** How many đảng bộ cơ sở the cells belong to. */
  committees: number;
}

/** A file Tổng hợp could not use, with the unit it came from when known (its folder). */
export interface UnreadableByUnit {
  unit: string;
  file: string;
  reason: string;
}

export interface YearReportOptions {
  year: number;
  asOf: SimpleDate;
  /** The report's date (default asOf). */
  today?: SimpleDate;
  /** --dang-uy: the issuer's name, else the one đảng bộ of the cells (the Khối with `khoi`). */
  issuer?: string;
  /** --cap-tren: the issuer's superior, else the cells' one Đảng bộ cấp trên (none with `khoi`). */
  superior?: string;
  /** --khoi: the Đảng ủy Khối's report over several đảng bộ cơ sở. */
  khoi?: boolean;
  number?: string;
  unreadable?: readonly UnreadableByUnit[];
  /** Older copies of a cell's register left out. */
  duplicates?: number;
}

const BLANK = "……………";

function clean(s: string | undefined): string {
  return (s ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/** "Đảng bộ X" and "X" are one đảng bộ (as dedupeCells sees them). */
function committeeKey(name: string): string {
  const key = compareKey(name);
  for (const p of ["Đảng bộ", "Đảng ủy"].map((x) => compareKey(x) + " ")) if (key.startsWith(p)) return key.slice(p.length);
  return key;
}

/** The one value every cell gives (compared as names), or null when they differ or none is given. */
function single(values: readonly string[]): string | null {
  const named = values.map(clean).filter((v) => v !== "");
  if (named.length === 0) return null;
  const keys = new Set(named.map(committeeKey));
  return keys.size === 1 ? named[0] : null;
}

const upperVi = (s: string) => s.normalize("NFC").toLocaleUpperCase("vi").normalize("NFC");

/** "Đảng bộ Phường 3" → "Đảng ủy Phường 3" (the committee that issues and signs). */
function committeeName(name: string): string {
  return higherCommitteeName({ dangBoCoSo: name, dangBoCapTren: "" });
}

function dangBoName(name: string): string {
  const v = clean(name);
  if (v === "") return "Chưa ghi đảng bộ cơ sở";
  const k = compareKey(v);
  if (k.startsWith(compareKey("Đảng bộ") + " ")) return "Đảng bộ" + v.slice("Đảng bộ".length);
  if (k.startsWith(compareKey("Đảng ủy") + " ")) return "Đảng bộ" + v.slice("Đảng ủy".length);
  return `Đảng bộ ${v}`;
}

const collator = new Intl.Collator("vi", { numeric: true });

interface Group {
  name: string;
  cells: ConsolidatedCell[];
}

function groupsOf(cells: readonly ConsolidatedCell[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const c of cells) {
    const key = committeeKey(c.partyCommittee);
    const g = byKey.get(key) ?? { name: dangBoName(c.partyCommittee), cells: [] };
    g.cells.push(c);
    byKey.set(key, g);
  }
  const groups = [...byKey.values()].sort((a, b) => collator.compare(a.name, b.name));
  for (const g of groups) g.cells.sort((a, b) => collator.compare(cellDisplayName(a.cell), cellDisplayName(b.cell)));
  return groups;
}

function cellName(c: ConsolidatedCell): string {
  return cellDisplayName(c.cell) || "Chi bộ (sổ chưa ghi tên)";
}

/** "05 chi bộ đạt (62,5 %)": counts two digits as the party's papers write them. */
function ofCells(n: number, total: number): string {
  return `${twoDigits(n)}/${twoDigits(total)} chi bộ (${percentText(n, total)})`;
}

function countsLine(cells: readonly ConsolidatedCell[]): { met: number; notMet: number; notDue: number; held: number } {
  return {
    met: cells.filter((c) => c.yearVerdict.kind === "met").length,
    notMet: cells.filter((c) => c.yearVerdict.kind === "notMet").length,
    notDue: cells.filter((c) => c.yearVerdict.kind === "notDue").length,
    held: cells.reduce((n, c) => n + c.total, 0),
  };
}

function quarterCounts(cells: readonly ConsolidatedCell[]): number[] {
  return [0, 1, 2, 3].map((q) => cells.reduce((n, c) => n + c.quarters[q], 0));
}

function topicDate(t: ConsolidatedTopic): string {
  return t.meeting ? formatDate(t.meeting) : t.meetingText || "Chưa ghi";
}

/** The report of year `opts.year` over `cells` (of that year: a cell of another year is refused). */
export function buildYearReport(cells: readonly ConsolidatedCell[], opts: YearReportOptions): YearReport {
  const year = opts.year;
  const other = cells.filter((c) => c.year !== year);
  if (other.length > 0) {
    throw new UserError(
      "KHAC_NAM",
      `Có ${other.length} sổ của năm khác năm ${year} (${[...new Set(other.map((c) => c.year))].join(", ")}) — ` +
        `báo cáo năm chỉ tính sổ của một năm: hãy tách các sổ năm khác ra rồi lập lại.`,
    );
  }
  const problems: string[] = [];
  const groups = groupsOf(cells);
  const grouped = groups.length > 1 || opts.khoi === true;
  const khoi = opts.khoi === true;
  // The issuer: --dang-uy, else the one đảng bộ of the cells (with --khoi: their one superior).
  const issuerRaw = clean(opts.issuer) || (khoi ? single(cells.map((c) => c.higherCommittee)) : single(cells.map((c) => c.partyCommittee)));
  const superiorRaw = clean(opts.superior) || (khoi ? null : single(cells.map((c) => c.higherCommittee)));
  if (!issuerRaw) {
    problems.push(
      groups.length > 1 && !khoi
        ? `Các sổ thuộc ${groups.length} đảng bộ cơ sở khác nhau — tên đảng ủy ở tiêu đề để trống để điền tay.`
        : `Sổ chưa ghi tên ${khoi ? "Đảng bộ cấp trên" : "Đảng bộ cơ sở"} ở trang Thông tin — tên đảng ủy ở tiêu đề để trống để điền tay.`,
    );
  }
  const issuer = issuerRaw ? committeeName(issuerRaw) : `Đảng ủy ${BLANK}`;
  const superiorCommittee = superiorRaw ? committeeName(superiorRaw) : "Đảng ủy cấp trên";
  const place = single(cells.map((c) => c.place)) ?? "";
  const today = opts.today ?? opts.asOf;
  const header: PartyHeader = {
    committee: prefixedUpper("Đảng bộ", superiorRaw ?? ""),
    cell: upperVi(issuer),
    star: HEADER_BLOCK.star,
    party: HEADER_BLOCK.party,
    placeAndDate: placeAndDate(place, today),
  };

  const sections: YearReportSection[] = [];
  const all = countsLine(cells);
  const q = quarterCounts(cells);
  const n = cells.length;
  const minimum = [...new Set(cells.map((c) => c.minTopicsPerYear))];
  const minText = minimum.length === 1 ? `${twoDigits(minimum[0])} chuyên đề/năm` : "số chuyên đề tối thiểu/năm của chi bộ";
  const general: string[] = [
    `Tổng số chi bộ có sổ chuyên đề được tổng hợp: ${twoDigits(n)} chi bộ${grouped ? ` thuộc ${twoDigits(groups.length)} đảng bộ cơ sở` : ""}` +
      `${(opts.unreadable?.length ?? 0) > 0 ? `; ${twoDigits(opts.unreadable!.length)} sổ chưa đọc được (xem mục VI)` : ""}.`,
    `Tổng số chuyên đề đã sinh hoạt: ${twoDigits(all.held)} chuyên đề (Quý I: ${twoDigits(q[0])}, Quý II: ${twoDigits(q[1])}, ` +
      `Quý III: ${twoDigits(q[2])}, Quý IV: ${twoDigits(q[3])}).`,
    `Chi bộ đạt yêu cầu (ít nhất ${minText}, mỗi quý ít nhất 01 chuyên đề): ${ofCells(all.met, n)}; ` +
      `chưa đạt: ${ofCells(all.notMet, n)}` +
      (all.notDue > 0 ? `; chưa đến hạn đánh giá (năm chưa kết thúc, các quý đã qua đều có chuyên đề): ${ofCells(all.notDue, n)}` : "") +
      ".",
  ];
  if (grouped) {
    for (const g of groups) {
      const c = countsLine(g.cells);
      general.push(
        `- ${g.name}: ${twoDigits(g.cells.length)} chi bộ, ${twoDigits(c.held)} chuyên đề đã sinh hoạt; ` +
          `đạt ${twoDigits(c.met)}, chưa đạt ${twoDigits(c.notMet)}${c.notDue > 0 ? `, chưa đến hạn ${twoDigits(c.notDue)}` : ""}.`,
      );
    }
  }
  sections.push({ heading: "I. KẾT QUẢ CHUNG", lines: general });

  // II. Each cell's year: quarters, total, the verdict.
  const verdictRows: YearReportTableRow[] = [];
  let stt = 0;
  for (const g of groups) {
    if (grouped) verdictRows.push({ cells: [g.name], group: true });
    for (const c of g.cells) {
      verdictRows.push({
        cells: [String(++stt), cellName(c), ...c.quarters.map(String), String(c.total), c.yearVerdict.label],
      });
    }
  }
  verdictRows.push({ cells: ["", "Cộng", ...q.map(String), String(all.held), `${twoDigits(all.met)}/${twoDigits(n)} đạt`], group: false });
  sections.push({
    heading: "II. KẾT QUẢ CỦA TỪNG CHI BỘ",
    lines: [
      `Số chuyên đề đã sinh hoạt theo quý và kết quả cả năm (đạt khi đủ số chuyên đề tối thiểu và quý nào cũng có chuyên đề; số liệu đến ngày ${formatDate(opts.asOf)}):`,
    ],
    table: {
      widthsMm: [11, 56, 13, 13, 13, 13, 16, 30],
      headers: ["STT", "Chi bộ", "Quý I", "Quý II", "Quý III", "Quý IV", "Cả năm", "Kết quả"],
      centred: [true, false, true, true, true, true, true, true],
      rows: verdictRows,
      empty: "Không có chi bộ nào.",
    },
  });

  // III. The topics of the year, by cell.
  const topicRows: YearReportTableRow[] = [];
  for (const g of groups) {
    if (grouped) topicRows.push({ cells: [g.name], group: true });
    for (const c of g.cells) {
      const topics = c.topics.filter((t) => t.year === year);
      topicRows.push({ cells: [`${cellName(c)} (${twoDigits(c.total)} chuyên đề đã sinh hoạt)`], group: true });
      if (topics.length === 0) topicRows.push({ cells: ["", "Sổ chưa có chuyên đề nào của năm", "", "", ""] });
      topics.forEach((t, i) =>
        topicRows.push({
          cells: [String(i + 1), t.title, t.quarter ? romanQuarter(t.quarter) : "", topicDate(t), t.status],
        }),
      );
    }
  }
  sections.push({
    heading: "III. CHUYÊN ĐỀ CỦA CÁC CHI BỘ",
    lines: [],
    table: {
      widthsMm: [11, 86, 14, 25, 29],
      headers: ["STT", "Tên chuyên đề", "Quý", "Ngày sinh hoạt", "Tình hình"],
      centred: [true, false, true, true, true],
      rows: topicRows,
      empty: "Không có chuyên đề nào.",
    },
  });

  // IV. Quarters missed and the cells behind them; cells short of the minimum.
  const missed: string[] = [];
  for (const quarter of [1, 2, 3, 4] as Quarter[]) {
    const behind = cells.filter((c) => c.yearVerdict.missedQuarters.includes(quarter));
    if (behind.length === 0) continue;
    missed.push(
      `- ${formatQuarter(quarter, year)} không sinh hoạt chuyên đề: ${twoDigits(behind.length)} chi bộ (${behind.map((c) => namedWithin(c, grouped)).join("; ")}).`,
    );
  }
  const short = cells.filter((c) => c.yearVerdict.ended && c.yearVerdict.shortfall > 0);
  for (const c of short) {
    missed.push(
      `- ${namedWithin(c, grouped)}: sinh hoạt ${twoDigits(c.total)}/${twoDigits(c.minTopicsPerYear)} chuyên đề, còn thiếu ${twoDigits(c.yearVerdict.shortfall)} chuyên đề so với mức tối thiểu.`,
    );
  }
  sections.push({
    heading: "IV. HẠN CHẾ: QUÝ KHÔNG SINH HOẠT CHUYÊN ĐỀ",
    lines: missed.length > 0 ? missed : [`Đến ngày ${formatDate(opts.asOf)}, chi bộ nào cũng sinh hoạt chuyên đề trong các quý đã qua.`],
  });

  // V. Coming meetings of every cell, by date (guidance §3: the cadres assigned attend them).
  const coming: { date: SimpleDate; cell: ConsolidatedCell; topic: ConsolidatedTopic }[] = [];
  for (const c of cells) {
    for (const t of c.topics)
      if (t.statusKind === "planned" && t.meeting && compareDates(t.meeting, opts.asOf) >= 0)
        coming.push({ date: t.meeting, cell: c, topic: t });
  }
  coming.sort((a, b) => compareDates(a.date, b.date) || collator.compare(cellName(a.cell), cellName(b.cell)));
  sections.push({
    heading: "V. LỊCH SINH HOẠT CHUYÊN ĐỀ SẮP TỚI",
    lines: [`Các buổi sinh hoạt chuyên đề các chi bộ đã ghi trong sổ, từ ngày ${formatDate(opts.asOf)}, để cán bộ được phân công dự:`],
    table: {
      widthsMm: [11, 24, 45, 50, 35],
      headers: ["STT", "Ngày", "Chi bộ", "Chuyên đề", "Người chuẩn bị"],
      centred: [true, true, false, false, false],
      rows: coming.map((m, i) => ({
        cells: [String(i + 1), formatDate(m.date), namedWithin(m.cell, grouped), m.topic.title, m.topic.assignees],
      })),
      empty: "Các chi bộ chưa ghi buổi sinh hoạt chuyên đề nào sắp tới.",
    },
  });

  // VI. Registers that could not be read, by unit where known.
  const unreadable = opts.unreadable ?? [];
  if (unreadable.length > 0) {
    const byUnit = new Map<string, UnreadableByUnit[]>();
    for (const u of unreadable) byUnit.set(u.unit, [...(byUnit.get(u.unit) ?? []), u]);
    const lines: string[] = ["Các sổ sau chưa được tổng hợp vào báo cáo; đề nghị đơn vị kiểm tra và gửi lại:"];
    for (const [unit, files] of [...byUnit.entries()].sort((a, b) => collator.compare(a[0], b[0]))) {
      lines.push(`- ${unit || "Chưa rõ đơn vị"}: ${files.map((f) => `${f.file} (${f.reason.replace(/[.\s]+$/, "")})`).join("; ")}.`);
    }
    sections.push({ heading: "VI. SỔ CHƯA TỔNG HỢP ĐƯỢC", lines });
  }

  const recipients = khoi
    ? [
        `- ${superiorRaw ? superiorCommittee : "Cấp ủy cấp trên"} (để báo cáo),`,
        `- Ban Tổ chức ${issuerRaw ? issuer : "Đảng ủy Khối"},`,
        "- Các đảng bộ cơ sở,",
        "- Lưu Văn phòng.",
      ]
    : [
        `- ${superiorCommittee} (để báo cáo),`,
        `- Ban Tổ chức ${superiorCommittee},`,
        "- Các chi bộ trực thuộc,",
        "- Lưu Văn phòng Đảng ủy.",
      ];
  return {
    header,
    number: documentNumber("report", khoi ? "dangUyKhoi" : "dangUy", opts.number),
    kind: "BÁO CÁO",
    subject: `Kết quả sinh hoạt chi bộ chuyên đề năm ${year}`,
    asOfLine: `(Số liệu tổng hợp từ sổ chuyên đề của các chi bộ, tính đến ngày ${formatDate(opts.asOf)})`,
    sections,
    recipients,
    signature: ["T/M ĐẢNG ỦY", "BÍ THƯ"],
    signer: "",
    problems,
    issuerKnown: issuerRaw !== null && issuerRaw !== "",
    committees: groups.length,
  };
}

/** "Chi bộ 1 (Đảng bộ Phường 3)" where cells of several đảng bộ are listed together. */
function namedWithin(c: ConsolidatedCell, grouped: boolean): string {
  return grouped && clean(c.partyCommittee) ? `${cellName(c)} – ${dangBoName(c.partyCommittee)}` : cellName(c);
}

/** The year a report over `cells` is of when none is asked for: the one most registers are of
 *  (the later on a tie); null without cells. */
export function commonYear(cells: readonly ConsolidatedCell[]): number | null {
  const years = new Map<number, number>();
  for (const c of cells) years.set(c.year, (years.get(c.year) ?? 0) + 1);
  const best = [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : null;
}
