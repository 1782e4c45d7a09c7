// The Office.js adapter: the only code (with src/functions) that talks to Excel.
export { columnLetters, columnNumber, a1, parseAreas } from "./address";
export { MARKER_KEY, type SheetKind } from "./marker";
export { readWorkbook, readWorkbookGrid, type SheetInfo, type WorkbookSnapshot, type ReadOptions } from "./read";
export { queueSheetModel, renderSheetModel, readSheetList, safeText, needsTextPrefix, toExcelInput, type RenderOptions } from "./render";
export { selectCell } from "./select";
export { createWorkbookHost, type WorkbookHost, type WorkbookSession, type ExcelRunner } from "./host";
export { detectHost, openInBrowser, type HostState, type Platform } from "./office";
