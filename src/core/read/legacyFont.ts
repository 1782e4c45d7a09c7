// Text typed in a TCVN3 or VNI font: found so the secretary is told how to convert it.
// Split out of register.ts; the reading stage's entry point is still register.ts.
import { columnLetter } from "../shared/columnLetters";
import type { WorkbookGrid } from "../shared/types";
import { cellText, detectLegacyEncoding } from "./values";

// ---------------------------------------------------------------------------
// Text typed in a legacy font encoding

export interface LegacyTextNotice {
  sheet: string;
  /** A1 address of the first such cell on the sheet. */
  address: string;
  /** Its text (as read), cut to a readable length. */
  sample: string;
  encoding: "TCVN3" | "VNI";
  /** How many cells of the sheet look like it. */
  cells: number;
}

/** Sheets holding text typed with a TCVN3 (ABC) or VNI font, which reads as garbage
 *  ("Sinh ho¹t chuyªn ®Ò") and matches no header, status or name: one notice per sheet
 *  naming its first such cell. Only text cells are looked at, and most are ruled out by
 *  one regex test (no Latin-1 letter), so a 100,000-row sheet costs milliseconds. */
export function findLegacyText(grid: WorkbookGrid): LegacyTextNotice[] {
  const out: LegacyTextNotice[] = [];
  for (const sheet of grid.sheets) {
    let notice: LegacyTextNotice | null = null;
    const rows = sheet.values ?? [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string" || v.length < 2) continue;
        const encoding = detectLegacyEncoding(v);
        if (!encoding) continue;
        if (notice) {
          notice.cells++;
          continue;
        }
        const text = cellText(v);
        notice = {
          sheet: sheet.name,
          address: `${columnLetter(c + 1)}${r + 1}`,
          sample: text.length > 40 ? `${text.slice(0, 40)}…` : text,
          encoding,
          cells: 1,
        };
      }
    }
    if (notice) out.push(notice);
  }
  return out;
}

/** The Vietnamese warning for one notice: where, which font, and how to convert. */
export function legacyTextMessage(n: LegacyTextNotice): string {
  const font = n.encoding === "TCVN3" ? "TCVN3 (ABC, phông .VnTime)" : "VNI (phông VNI-Times)";
  const source = n.encoding === "TCVN3" ? "TCVN3 (ABC)" : "VNI Windows";
  const more = n.cells > 1 ? ` và ${n.cells - 1} ô khác` : "";
  return (
    `Trang "${n.sheet.normalize("NFC")}", ô ${n.address} ("${n.sample}")${more} có vẻ được gõ bằng phông ${font}, ` +
    `không phải Unicode: tiêu đề, tên và trạng thái viết như vậy không đọc đúng được. ` +
    `Hãy chuyển mã sang Unicode (Unikey › Công cụ chuyển mã, nguồn ${source}, đích Unicode) rồi kiểm tra lại.`
  );
}
