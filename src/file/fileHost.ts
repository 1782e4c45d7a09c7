// The pane's second host: an .xlsx file opened in the browser, behind the same WorkbookHost
// interface as Office.js, so the sections do not know which one they work on (browser only:
// not in the CLI's build, whose types have no Office.js). The chosen
// file is only read; every change is made on a copy in memory that the user saves as a
// new file ("Lưu bản mới"). Writing goes through the CLI's exceljs renderer and keeps the
// CLI's guarantees: the user's sheets and tables are carried over as read (fixTables),
// and a sheet of the same name is replaced only when this tool made it. Protection is kept
// as the file has it: a protected sheet is never written into and a workbook whose
// structure is locked gets no sheet (exceljs could not keep the lock in the copy), with the
// same messages as in Excel, telling the user to unprotect in Excel and open the file again.
import type ExcelJS from "exceljs";
import { isConsolidationWorkbook } from "../core/make/consolidate";
import { isQuarterReportSheet } from "../core/make/reportSheets";
import type { SheetModel } from "../core/make/sheetModel";
import { UserError, type SheetGrid, type WorkbookGrid } from "../core/shared/types";
import type { WorkbookHost, WorkbookSession } from "../excel/host";
import type { ReadOptions, SheetInfo, WorkbookSnapshot } from "../excel/read";
import type { RenderOptions } from "../excel/render";
import { fixTables, loadNotes, loadWorkbookBytes } from "../xlsx/load";
import { writePlannedRow } from "../xlsx/plannedRow";
import { protectedSheetNames, structureLocked } from "../xlsx/protection";
import { assertCanAddSheets, assertCanWriteSheet } from "../excel/protection";
import { stampWorkbook } from "../xlsx/properties";
import { newWorkbook, renderSheet } from "../xlsx/render";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface FileState {
  /** The chosen file's name, or null before one is opened. */
  source: string | null;
  /** Changes made since the file was opened (to be saved with "Lưu bản mới"). */
  changed: boolean;
  sheetCount: number;
}

export interface FileWorkbookHost extends WorkbookHost {
  /** Opens the bytes of a chosen file; returns what the copy could not keep as it was.
   *  `changed`: the bytes are this session's own copy of `name` (a restarted file worker). */
  open(bytes: Uint8Array, name: string, changed?: boolean): Promise<string[]>;
  /** The workbook as it is now, as a new .xlsx file. */
  newFile(): Promise<{ name: string; bytes: Uint8Array; mime: string }>;
  state(): FileState;
  /** Called after every change of state (opened, changed). */
  onChange(listener: (state: FileState) => void): void;
}

interface Current {
  workbook: ExcelJS.Workbook;
  grid: WorkbookGrid;
  /** The bytes the workbook was loaded from (null: the empty workbook of "no file yet"). */
  bytes: Uint8Array | null;
  /** Protection recorded in the file: nothing is written into a protected sheet, and no
   *  sheet is added to a workbook whose structure is locked (src/excel/protection.ts). */
  protectedSheets: Set<string>;
  structureLocked: boolean;
}

const NO_FILE_MESSAGE = "Chưa mở sổ nào. Hãy bấm “Mở sổ (.xlsx)” để chọn tệp sổ của chi bộ, hoặc dùng Tạo sổ để lập một sổ mới.";

/** "so-2026.xlsx" → "so-2026 (bản mới).xlsx"; a new register is "Sổ chuyên đề (bản mới).xlsx". */
export function newFileName(source: string | null): string {
  const base = (source ?? "Sổ chuyên đề").replace(/\.(xlsx|xlsm)$/i, "");
  return `${base} (bản mới).xlsx`.normalize("NFC");
}

/** What this tool wrote a sheet as, judged from the file (a file has no sheet markers):
 *  the report and consolidation titles, or this session's own writes. */
function createdByOf(sheet: SheetGrid, written: ReadonlyMap<string, string>): string | null {
  const own = written.get(sheet.name.toLowerCase());
  if (own) return own;
  if (isQuarterReportSheet(sheet)) return "bao-cao";
  if (isConsolidationWorkbook({ sheets: [sheet] })) return "tong-hop";
  return null;
}

async function load(bytes: Uint8Array, name: string): Promise<Current> {
  const { workbook, grid } = await loadWorkbookBytes(bytes, name);
  // As the CLI: tables keep their header rows and validations are joined before saving.
  fixTables(workbook);
  const protectedSheets = new Set(protectedSheetNames(workbook).map((n) => n.toLowerCase()));
  return { workbook, grid, bytes, protectedSheets, structureLocked: structureLocked(bytes) };
}

function emptyWorkbook(): Current {
  return {
    workbook: newWorkbook(),
    grid: { sheets: [], tables: [], date1904: false },
    bytes: null,
    protectedSheets: new Set(),
    structureLocked: false,
  };
}

export function createFileHost(): FileWorkbookHost {
  let current = emptyWorkbook();
  let source: string | null = null;
  let changed = false;
  let notes: string[] = [];
  /** Sheets written since the file was opened, by lower-cased name. */
  const written = new Map<string, string>();
  const listeners: ((state: FileState) => void)[] = [];
  // One command at a time, as Excel.run queues them.
  let queue: Promise<unknown> = Promise.resolve();

  const state = (): FileState => ({ source, changed, sheetCount: current.grid.sheets.length });
  const notify = (): void => {
    for (const l of listeners) l(state());
  };

  const snapshot = (): WorkbookSnapshot => {
    const sheets: SheetInfo[] = current.grid.sheets.map((s, position) => ({
      name: s.name,
      position,
      createdBy: createdByOf(s, written),
      protected: current.protectedSheets.has(s.name.toLowerCase()),
    }));
    return {
      grid: current.grid,
      sheets,
      tableNames: (current.grid.tables ?? []).map((t) => t.name),
      date1904: Boolean(current.grid.date1904),
      structureProtected: current.structureLocked,
    };
  };

  const runSession = async <T>(fn: (session: WorkbookSession) => Promise<T>): Promise<T> => {
    let wrote = false;
    const session: WorkbookSession = {
      read: async (opts?: ReadOptions) => {
        // Tạo sổ and Tổng hợp only need the sheet names (opts.sheets = []): they work on
        // the empty workbook too; everything else needs a register.
        const namesOnly = opts?.sheets !== undefined && opts.sheets.length === 0;
        if (source === null && current.grid.sheets.length === 0 && !namesOnly) {
          throw new UserError("CHUA_MO_SO", NO_FILE_MESSAGE);
        }
        return snapshot();
      },
      write: async (models: SheetModel[], known: WorkbookSnapshot, opts: RenderOptions) => {
        const wb = current.workbook;
        // Refuse before changing anything, as the add-in does (protection: as in Excel, and
        // because exceljs would drop a locked structure from the copy).
        assertCanAddSheets(
          known,
          models.map((m) => m.name),
          "file",
        );
        for (const m of models) assertCanWriteSheet(known, m.name, "file");
        const targets = models.map((m) => {
          const existing = known.sheets.find((s) => s.name.toLowerCase() === m.name.toLowerCase());
          if (existing && (!opts.replace || existing.createdBy === null)) {
            throw new UserError(
              "TRANG_DA_CO",
              `Sổ đã có trang "${existing.name}" do người dùng tạo — chương trình không ghi đè. Hãy đổi tên hoặc xóa trang đó trong Excel rồi mở lại sổ.`,
              { sheet: existing.name },
            );
          }
          // A replaced sheet keeps the name as the user's file spells it.
          return existing && existing.name !== m.name ? { ...m, name: existing.name } : m;
        });
        wrote = true;
        for (const m of targets) {
          renderSheet(wb, m, { replace: true });
          written.set(m.name.toLowerCase(), opts.kind);
        }
      },
      // A file has no cell to select: findings show the cell's value instead.
      select: async () => false,
      appendRow: async (planned) => {
        if (source === null && current.grid.sheets.length === 0) throw new UserError("CHUA_MO_SO", NO_FILE_MESSAGE);
        assertCanWriteSheet(snapshot(), planned.sheet, "file");
        wrote = true;
        writePlannedRow(current.workbook, planned);
      },
    };
    try {
      const result = await fn(session);
      if (wrote) {
        // Read back what will be saved, so the next command sees exactly the new file.
        stampWorkbook(current.workbook);
        const bytes = new Uint8Array(await current.workbook.xlsx.writeBuffer());
        current = await load(bytes, newFileName(source));
        changed = true;
        notify();
      }
      return result;
    } catch (err) {
      // A write that failed half-way must not stay in the copy.
      if (wrote) current = current.bytes ? await load(current.bytes, source ?? "") : emptyWorkbook();
      throw err;
    }
  };

  return {
    cellsSelectable: false,
    session<T>(fn: (session: WorkbookSession) => Promise<T>): Promise<T> {
      const run = queue.then(() => runSession(fn));
      queue = run.catch(() => undefined);
      return run;
    },
    async open(bytes, name, wasChanged = false) {
      const run = queue.then(async () => {
        const next = await load(bytes, name);
        current = next;
        source = name;
        changed = wasChanged;
        written.clear();
        notes = loadNotes(next.workbook);
        notify();
        return notes;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async newFile() {
      await queue;
      let bytes = current.bytes;
      if (!bytes) {
        stampWorkbook(current.workbook);
        bytes = new Uint8Array(await current.workbook.xlsx.writeBuffer());
      }
      return { name: newFileName(source), bytes, mime: XLSX_MIME };
    },
    state,
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
