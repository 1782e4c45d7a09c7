// The Office.js adapter: the only code (with src/functions) that talks to Excel.
export { columnLetters, columnNumber, a1, parseAreas } from "./address";
export { MARKER_KEY, markerName, markerReference, parseMarker, type SheetKind } from "./marker";
export { EXCEL_ERROR_MESSAGES, excelErrorMessage } from "./errors";
export { PAYLOAD_LIMIT, PAYLOAD_BUDGET } from "./limits";
export { readWorkbook, readWorkbookGrid, type SheetInfo, type WorkbookSnapshot, type ReadOptions } from "./read";
export {
  queueSheetModel,
  writeSheetModels,
  renderSheetModel,
  readSheetList,
  safeText,
  needsTextPrefix,
  toExcelInput,
  type RenderOptions,
} from "./render";
export { selectCell } from "./select";
export { createWorkbookHost, type WorkbookHost, type WorkbookSession, type ExcelRunner } from "./host";
export { detectHost, openInBrowser, setSupported, type HostState, type Platform } from "./office";
