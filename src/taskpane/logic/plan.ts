// Kế hoạch năm: what the section shows (suggestions, the register's topics by quarter, the
// year's anniversaries, the plan's warnings), adding a suggestion to a quarter through the
// workbook host (one Excel session: read, plan the row, write it), and the plan document.
// Loaded on demand with its section (docxtemplater is only in this chunk).
import { formatDate, romanQuarter } from "../../core/read/dates";
import { anniversariesOf, anniversaryTopic, type Anniversary } from "../../core/plan/anniversaries";
import { addedSummary, planTopicRow, planWarnings, registerPlan, type NewTopic, type PlanWarning } from "../../core/plan/addTopic";
import { suggestionsFor, type SuggestionList } from "../../core/plan/suggestions";
import { yearPlan } from "../../core/plan/yearPlan";
import { readWorkbook } from "../../core/read/register";
import type { Quarter, SimpleDate } from "../../core/shared/types";
import { UserError } from "../../core/shared/types";
import { compareKey } from "../../core/read/values";
import { fillTemplate } from "../../documents/fill";
import type { WorkbookHost } from "../../excel/host";
import type { SavedFile } from "../services";
import { engineGrid } from "./workbookGrid";

export interface RegisterTopicView {
  quarter: Quarter | null;
  title: string;
  group: string;
  when: string;
}

export interface PlanView {
  year: number;
  list: SuggestionList;
  topics: RegisterTopicView[];
  anniversaries: Anniversary[];
  warnings: PlanWarning[];
  /** compareKey of every title in the register (a suggestion already there is marked). */
  titleKeys: Set<string>;
}

export async function loadPlan(host: WorkbookHost, today: SimpleDate): Promise<PlanView> {
  const snapshot = await host.session((s) => s.read());
  const grid = engineGrid(snapshot);
  const book = readWorkbook(grid);
  if (!book.register) {
    throw new UserError("KHONG_CO_SO", "Không tìm thấy sổ chuyên đề trong sổ Excel này — hãy dùng Tạo sổ hoặc Chuyển đổi trước.");
  }
  const plan = registerPlan(grid, today);
  const list = suggestionsFor(grid);
  const topics = book.register.topics.map((t, i) => {
    const p = plan.topics[i];
    return {
      quarter: p.quarter,
      title: t.title,
      group: t.group,
      when: t.meetingOn.value ? formatDate(t.meetingOn.value) : "",
      cancelled: p.cancelled,
      year: p.year,
    };
  });
  return {
    year: plan.year,
    list,
    topics: topics.filter((t) => !t.cancelled && t.year === plan.year),
    anniversaries: anniversariesOf(plan.year),
    warnings: planWarnings(plan.topics, plan.year),
    titleKeys: new Set(book.register.topics.map((t) => compareKey(t.title))),
  };
}

/** Adds `topic` to the register: read, plan the row, write it, in one session. */
export async function addPlannedTopic(
  host: WorkbookHost,
  topic: NewTopic,
  today: SimpleDate,
): Promise<{ summary: string; warnings: PlanWarning[] }> {
  return host.session(async (s) => {
    const snapshot = await s.read();
    const result = planTopicRow(engineGrid(snapshot), topic, { asOf: today });
    await s.appendRow(result.row, snapshot.date1904);
    return { summary: addedSummary(result, topic.title), warnings: result.warnings };
  });
}

/** The annual plan document of the register's year, dated `date` (else today, never after
 *  the first meeting it plans), and what the secretary should know before sending it. */
export async function makePlanDocument(
  host: WorkbookHost,
  template: Uint8Array,
  today: SimpleDate,
  year?: number,
  date?: SimpleDate | null,
): Promise<{ file: SavedFile; warnings: string[] }> {
  const snapshot = await host.session((s) => s.read());
  const book = readWorkbook(engineGrid(snapshot));
  if (!book.register) {
    throw new UserError("KHONG_CO_SO", "Không tìm thấy sổ chuyên đề trong sổ Excel này — hãy dùng Tạo sổ hoặc Chuyển đổi trước.");
  }
  const y = year ?? registerPlan(engineGrid(snapshot), today).year;
  const plan = yearPlan(book, { year: y, today, date });
  const bytes = fillTemplate(template, plan.data, { name: "ke-hoach.docx" });
  return {
    file: {
      name: `ke-hoach-chuyen-de-${y}.docx`,
      bytes,
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    },
    warnings: plan.warnings,
  };
}

/** The anniversary topic proposed for a quarter (the first round one, else the first). */
export function anniversaryProposal(anniversaries: readonly Anniversary[], quarter: Quarter): string | null {
  const mine = anniversaries.filter((a) => a.quarter === quarter);
  const pick = mine.find((a) => a.round) ?? mine[0];
  return pick ? anniversaryTopic(pick) : null;
}

export function quarterLabel(q: Quarter | null, year: number): string {
  return q ? `Quý ${romanQuarter(q)}/${year}` : "Chưa rõ quý";
}
