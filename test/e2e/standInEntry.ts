// Served in place of office.js in the browser e2e (never part of dist/): installs the Excel
// stand-in with the workbook and host the test put in window.__e2eConfig, and exposes the
// in-memory workbook as window.__standIn so the test can type into it and inspect it.
import { installExcelStandIn, StandInWorkbook, type OfficeStandInOptions, type StandInInit } from "../support/excelStandIn";

interface E2eConfig {
  book?: StandInInit;
  office?: OfficeStandInOptions;
}

type Cell = string | number | boolean | null;

const w = window as unknown as { __e2eConfig?: E2eConfig; __standIn?: unknown };
const config = w.__e2eConfig ?? {};
const book = new StandInWorkbook(config.book ?? {});
const openedUrls: string[] = [];
installExcelStandIn(window, book, { ...(config.office ?? {}), openedUrls });

w.__standIn = {
  book,
  openedUrls,
  /** Types `rows` into `sheet` from `topLeft` on, through Excel.run as a user's entry
   *  would arrive (strings are taken as typed; null leaves a cell alone). */
  async type(sheet: string, topLeft: string, rows: Cell[][]): Promise<void> {
    const m = /^([A-Z]+)(\d+)$/.exec(topLeft);
    if (!m) throw new Error(`bad address ${topLeft}`);
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const width = Math.max(...rows.map((r) => r.length));
    const block = rows.map((r) => [...r, ...new Array<Cell>(width - r.length).fill(null)]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRangeByIndexes(Number(m[2]) - 1, col, block.length, width).values = block;
      await context.sync();
    });
  },
  sheetNames(): string[] {
    return book.sheets.map((s) => s.name);
  },
  values(sheet: string, address: string): unknown[][] {
    const s = book.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    return s.valuesOf(address);
  },
  /** Every non-empty value of a sheet as text, row by row (to look for a string). */
  texts(sheet: string): string[] {
    const s = book.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const out: string[] = [];
    s.cells.forEach((line) => line?.forEach((cell) => cell && cell.value !== "" && out.push(String(cell.value))));
    return out;
  },
  /** A deep copy of a sheet's cells and merges, to prove it was left as it was. */
  dump(sheet: string): string {
    const s = book.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    return JSON.stringify({ cells: s.cells, merges: s.merges, props: [...s.customProperties], formats: s.formats.length });
  },
  selection(): { sheet: string; address: string } | null {
    return book.selection;
  },
  activeSheet(): string | null {
    return book.activeSheet;
  },
  tables(): { name: string; sheet: string }[] {
    return book.tables.map((t) => ({ name: t.name, sheet: t.sheet.name }));
  },
  /** The kind of the add-in's marker on a sheet: its defined name "SoChuyenDe_<kind>_<n>",
   *  or the older worksheet custom property. */
  marker(sheet: string): string | undefined {
    for (const name of book.namesOf(sheet)) {
      const m = /^SoChuyenDe_([a-z_]+)_\d+$/i.exec(name);
      if (m) return m[1].replace(/_/g, "-");
    }
    return book.sheet(sheet)?.customProperties.get("SoChuyenDe");
  },
};
