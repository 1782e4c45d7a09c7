// What every pane section gets from the shell, and what a section module exports. The
// lazy sections (Tài liệu, Báo cáo quý, Tổng hợp) are loaded with import() and mounted
// through this interface only.
import type { SimpleDate } from "../core/shared/types";
import type { WorkbookHost } from "../excel/host";
import type { SelfTestReport } from "../excel/selfTest";
import type { CheckView } from "./logic/check";
import type { CellFileResult } from "./logic/consolidate";

export interface SavedFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

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
  /** Where the heavy work runs off the page's main thread (the file worker outside Excel);
   *  absent: in the pane itself (in Excel, the workbook is Excel's). */
  offload?: {
    check(asOf: SimpleDate): Promise<CheckView>;
    readCellFile(file: { name: string; bytes: Uint8Array }, asOf: SimpleDate): Promise<CellFileResult>;
  };
  /** Runs the add-in's self-test in the open workbook (only where Office.js is there). */
  selfTest?(): Promise<SelfTestReport>;
}

/** A pane section module: `mount` builds its UI inside `container`. */
export interface PaneSection {
  mount(container: HTMLElement, services: PaneServices, status: StatusReporter): void | Promise<void>;
}
