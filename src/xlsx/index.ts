// The exceljs adapter shared by the CLI (Node) and the pane's Tổng hợp (browser); no Node
// APIs — use Uint8Array, not Buffer. The CLI adds file reading (src/cli/xlsx.ts).
export { loadWorkbookBytes, loadNotes, fixTables, compactDataValidations, type LoadedWorkbook } from "./load";
export { toCellValue, workbookToGrid, decodeRange } from "./grid";
