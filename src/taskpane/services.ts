// What every pane section gets from the shell, and what a section module exports. The
// lazy sections (Tài liệu, Báo cáo quý, Tổng hợp) are loaded with import() and mounted
// through this interface only.
import type { Quarter, SimpleDate } from "../core/shared/types";
import type { WorkbookHost } from "../excel/host";
import type { SelfTestReport } from "../excel/selfTest";
import type { DocumentKind } from "../core/make/documentData";
import type { CheckRun } from "./logic/check";
import type { ConsolidationDone, PickedFile, YearReportMade } from "./logic/consolidate";
import type { MadeDocument, TopicChoice } from "./logic/documents";
import type { QuarterReportWritten } from "./logic/report";
import type { QuarterReportWord } from "./logic/reportWord";
import type { SavedFile } from "./logic/savedFile";

export type { SavedFile };

/** Where a section reports progress and results (the shell shows them in its live region). */
export interface StatusReporter {
  /** Long work under way: shows the text with a progress indicator (fraction 0..1 if known). */
  progress(text: string, fraction?: number): void;
  /** Work done: a short Vietnamese sentence. */
  done(text: string): void;
  /** Shows an error in plain Vietnamese (UserError messages as they are). */
  error(err: unknown): void;
  clear(): void;
}

export interface PaneServices {
  workbook: WorkbookHost;
  /** Today's local date (the as-of date of every check). */
  today(): SimpleDate;
  /** Offers a file to the user (download, or the Mac fallback). */
  saveFile(file: SavedFile): Promise<void>;
  /** URL of a file shipped with the add-in (templates), relative to the pane's page. */
  assetUrl(path: string): string;
  /** Whether the host has a requirement set (Office.context.requirements.isSetSupported);
   *  absent means every set is there (a host that is not Excel's). */
  supports?(set: string, version: string): boolean;
  /** Where the heavy work runs off the page's main thread (the file worker outside Excel):
   *  the page only gets what it shows. Absent: in the pane itself (in Excel, the workbook
   *  is Excel's). */
  offload?: Offload;
  /** Runs the add-in's self-test in the open workbook (only where Office.js is there). */
  selfTest?(): Promise<SelfTestReport>;
}

/** The sections' heavy work, each the same logic function as in the pane (logic/*), run
 *  where the workbook is. */
export interface Offload {
  check(asOf: SimpleDate): Promise<CheckRun>;
  documentTopics(): Promise<TopicChoice[]>;
  makeDocument(
    kind: DocumentKind,
    stt: number,
    template: Uint8Array,
    opts: { today: SimpleDate; templateName?: string },
  ): Promise<MadeDocument>;
  writeQuarterReport(quarter: Quarter, year: number, today: SimpleDate): Promise<QuarterReportWritten>;
  quarterReportWord(quarter: Quarter, year: number, today: SimpleDate): Promise<QuarterReportWord>;
  /** Tổng hợp: reads each file (onFile before each), writes the sheets into the copy. */
  consolidate(files: readonly PickedFile[], asOf: SimpleDate, onFile: (i: number, name: string) => void): Promise<ConsolidationDone>;
  yearReport(
    files: readonly PickedFile[],
    asOf: SimpleDate,
    opts: { khoi: boolean },
    onFile: (i: number, name: string) => void,
  ): Promise<YearReportMade>;
}

/** A pane section module: `mount` builds its UI inside `container`. */
export interface PaneSection {
  mount(container: HTMLElement, services: PaneServices, status: StatusReporter): void | Promise<void>;
}
