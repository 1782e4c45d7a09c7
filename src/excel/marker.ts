// The sheet marker (a defined name; see core/make/sheetMarker.ts), re-exported for the adapter.
export { MARKER_KEY, markerName, markerReference, parseMarker, type SheetKind } from "../core/make/sheetMarker";
