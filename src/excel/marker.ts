// How the add-in recognises a sheet it created: a worksheet custom property. A sheet
// without it belongs to the user and is never deleted or rewritten.
export const MARKER_KEY = "SoChuyenDe";

/** Kinds of sheet the add-in writes (the marker's value). */
export type SheetKind = "so" | "chuyen-doi" | "bao-cao" | "tong-hop";
