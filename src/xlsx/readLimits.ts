// The bounds of reading an .xlsx, one home for the reader, the CLI's file check and the
// docs (docs/gioi-han.md). Each is far above any real register (a chi bộ's register is a
// few dozen rows, a few hundred KB) and chosen so that the largest file under all of them
// still answers within 10 s and 1 GB (test/hard/bounds.test.ts builds such files).
const MiB = 1024 * 1024;

export const READ_LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 200 * MiB,
  /** Entries in the zip (a real workbook has 10–60). */
  entries: 10_000,
  /** One sheet or other XML part, inflated. */
  partBytes: 128 * MiB,
  /** One picture or other non-XML part, inflated (only when a workbook is to be saved). */
  mediaBytes: 64 * MiB,
  /** All parts read, inflated. */
  totalBytes: 384 * MiB,
  /** A relationships part or [Content_Types].xml, inflated. */
  relsBytes: 4 * MiB,
  /** Relationships in one part, items in [Content_Types].xml. */
  relationships: 10_000,
  /** Cells holding something, all sheets together. */
  cells: 2_000_000,
  /** Rows holding something, in one sheet. */
  rowsPerSheet: 250_000,
  /** Excel's own grid: row and column numbers past these are not a real workbook. */
  maxRow: 1_048_576,
  maxColumn: 16_384,
  /** Shared strings (distinct texts of the cells). */
  sharedStrings: 1_000_000,
  /** Formatted runs in all shared strings together. */
  sharedStringRuns: 2_000_000,
  /** Cell formats (Excel's own limit is 64,000) and number formats. */
  cellFormats: 65_536,
  numberFormats: 4_096,
  /** Merged areas, per sheet. */
  merges: 100_000,
  /** Merged cells (area) within the used range, per workbook. */
  mergedCells: 1_000_000,
  /** Cells covered by drop-down lists after clipping, per workbook. */
  validationCells: 2_000_000,
} as const;
