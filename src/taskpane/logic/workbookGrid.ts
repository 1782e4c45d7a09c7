// The grid the engine should see: without the sheets the add-in wrote as reports or
// consolidations (their tables of topics must not be mistaken for the register).
import type { WorkbookGrid } from "../../core/shared/types";
import type { WorkbookSnapshot } from "../../excel/read";

const OUTPUT_KINDS = new Set(["bao-cao", "tong-hop"]);

export function engineGrid(snapshot: WorkbookSnapshot): WorkbookGrid {
  const outputs = new Set(snapshot.sheets.filter((s) => s.createdBy && OUTPUT_KINDS.has(s.createdBy)).map((s) => s.name));
  if (outputs.size === 0) return snapshot.grid;
  return {
    ...snapshot.grid,
    sheets: snapshot.grid.sheets.filter((s) => !outputs.has(s.name)),
    tables: (snapshot.grid.tables ?? []).filter((t) => !outputs.has(t.sheet)),
  };
}
