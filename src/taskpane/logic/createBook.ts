// Tạo sổ: add the canonical sheets the workbook does not have yet; never touch the others.
import { buildCanonicalWorkbook, type CanonicalSheetKey } from "../../core/make/canonical";
import { SHEETS } from "../../core/read/layout";
import type { WorkbookHost } from "../../excel/host";

export interface CreateBookOptions {
  year: number;
  chiBo?: string;
}

export interface CreateBookResult {
  created: string[];
  /** Canonical sheets already there (left as they are). */
  kept: string[];
}

export async function createBook(host: WorkbookHost, opts: CreateBookOptions): Promise<CreateBookResult> {
  return host.session(async (session) => {
    const known = await session.read({ sheets: [] });
    const existing = new Set(known.sheets.map((s) => s.name.toLowerCase()));
    const keys = Object.keys(SHEETS) as CanonicalSheetKey[];
    const missing = keys.filter((k) => !existing.has(SHEETS[k].toLowerCase()));
    const kept = keys.filter((k) => existing.has(SHEETS[k].toLowerCase())).map((k) => SHEETS[k]);
    if (missing.length === 0) return { created: [], kept };
    // The titles of new sheets read the add-in's own Thông tin when it is already there.
    const info = known.sheets.find((s) => s.name.toLowerCase() === SHEETS.info.toLowerCase());
    const models = buildCanonicalWorkbook({
      year: opts.year,
      chiBo: opts.chiBo || undefined,
      only: missing,
      infoSheet: info && info.createdBy !== null ? info.name : undefined,
    });
    await session.write(models, known, { kind: "so", activate: false });
    return { created: models.map((m) => m.name), kept };
  });
}
