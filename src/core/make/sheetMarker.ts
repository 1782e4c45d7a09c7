// How the tool recognises a sheet it created (the add-in and the CLI alike). A sheet without a marker belongs to the
// user and is never deleted or rewritten.
//
// The marker is a workbook-level defined name "SoChuyenDe_<kind>_<n>" that refers to the
// sheet's A1. Both Excel and exceljs keep defined names when they save a file (exceljs drops
// worksheet custom properties, the marker of earlier versions, which is still recognised),
// and Excel moves the name with the sheet when it is renamed. Pure helpers, no Office calls,
// so the CLI writer and a file-based host share them.
export const MARKER_KEY = "SoChuyenDe";

/** Kinds of sheet the add-in writes (the marker's value). */
export type SheetKind = "so" | "chuyen-doi" | "bao-cao" | "tong-hop";

const KINDS: readonly SheetKind[] = ["so", "chuyen-doi", "bao-cao", "tong-hop"];
const NAME_RE = /^SoChuyenDe_(so|chuyen_doi|bao_cao|tong_hop)_\d+$/i;

/** A free marker name for `kind` ("SoChuyenDe_bao_cao_3"); records it in `taken` (lower case). */
export function markerName(kind: SheetKind, taken: Set<string>): string {
  const base = `${MARKER_KEY}_${kind.replace(/-/g, "_")}_`;
  let i = 1;
  while (taken.has(`${base}${i}`.toLowerCase())) i++;
  const name = `${base}${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The reference a marker name stores: the sheet's A1, sheet name quoted as Excel writes it. */
export function markerReference(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}

/** A marker name and its formula ("='Sổ'!$A$1" or "Sổ!$A$1") → kind and sheet, or null when
 *  the name is not a marker or its sheet is gone (#REF!). */
export function parseMarker(name: string, formula: string): { kind: SheetKind; sheet: string } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const kind = m[1].toLowerCase().replace(/_/g, "-") as SheetKind;
  if (!KINDS.includes(kind)) return null;
  const ref = formula.replace(/^=/, "");
  const bang = ref.lastIndexOf("!");
  if (bang <= 0 || ref.includes("#REF!")) return null;
  const raw = ref.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { kind, sheet };
}
