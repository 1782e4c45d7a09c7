// How much room printed text takes, so that a sheet model can size its rows before any
// renderer sees it: Excel and LibreOffice do not grow rows for wrapped text written by a
// program (nor ever for merged cells), and text that does not fit overlaps the borders.
// The estimate errs on the generous side: a row a little too tall prints fine, a row too
// short hides words.

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/**
 * Points one unit of Excel column width takes when printed. The unit is the width of
 * the digit "0" of the workbook's default font (Calibri 11), padding included (ECMA-376
 * §18.3.1.13): Excel prints it as 7 px = 5.25 pt; LibreOffice (with Carlito, Calibri's
 * metric twin) as 5.55 pt, measured from a PDF. Widths are sized for the wider of the
 * two, so that a sheet never passes the printable width in either program.
 */
const PT_PER_WIDTH_UNIT = 5.55;

/** Excel column width (the number stored in the file) for `mm` printed millimetres. */
export function widthCharsForMm(mm: number): number {
  return Math.floor((mm * PT_PER_MM * 100) / PT_PER_WIDTH_UNIT) / 100;
}

/** The printed width in millimetres of a column of `chars` (inverse of widthCharsForMm). */
export function mmForWidthChars(chars: number): number {
  return (chars * PT_PER_WIDTH_UNIT) / PT_PER_MM;
}

// Advance widths of Times New Roman in ems, by class (rounded up from the font's
// metrics): narrow punctuation and i/l/j/t/f/r, spaces, other lower case and digits,
// wide upper case (M, W), other upper case.
const NARROW = new Set([..."iljtfr.,:;!'|()[]/-"]);
const WIDE = new Set([..."MWmw%@"]);
/** The widest class's em (WIDE): no character is wider. */
const WIDEST_EM = 0.95;

/** Em widths already worked out, by character (regular, bold): a register of 200,000 rows
 *  asks for the same few hundred letters millions of times. */
const EM_CACHE = [new Map<string, number>(), new Map<string, number>()];

function charEm(ch: string, bold: boolean): number {
  const cache = EM_CACHE[bold ? 1 : 0];
  let em = cache.get(ch);
  if (em === undefined) {
    em = charEmOf(ch, bold);
    cache.set(ch, em);
  }
  return em;
}

function charEmOf(ch: string, bold: boolean): number {
  const base = ch.normalize("NFD").charAt(0);
  let em: number;
  if (base === " ") em = 0.25;
  else if (NARROW.has(base)) em = 0.32;
  else if (WIDE.has(base)) em = 0.95;
  else if (base >= "A" && base <= "Z") em = 0.7;
  else em = 0.48;
  // Đ/đ decompose to themselves.
  if (ch === "Đ") em = 0.7;
  return bold ? em * 1.06 : em;
}

/** Estimated printed width of `text` in points. */
export function textWidthPt(text: string, fontSize: number, bold = false): number {
  return emWidth(text.normalize("NFC"), bold) * fontSize;
}

/** Sum of the ems of an NFC text. */
function emWidth(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += charEm(ch, bold);
  return em;
}

/** Where a word may break besides spaces (file names, dates, "A-B"). */
const BREAK_AFTER = /(?<=[/\-_.])/;
const HAS_BREAK = /[/\-_.]/;

/** Lines `text` takes when wrapped between words in a box `widthPt` wide (each "\n"
 *  starts a new line). A word may also break after "/", "-", "_" or "." (as Excel and
 *  LibreOffice break file names), and a piece still wider than the box is cut. */
export function wrappedLineCount(text: string, widthPt: number, fontSize: number, bold = false): number {
  // A text no wider than the box even in its widest letters takes one line.
  if (text.length * WIDEST_EM * fontSize * (bold ? 1.06 : 1) <= widthPt && !text.includes("\n")) return 1;
  const nfc = text.normalize("NFC");
  const space = charEm(" ", bold) * fontSize;
  let lines = 0;
  for (const paragraph of nfc.split("\n")) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(" ")) {
      if (word === "") continue;
      const pieces = HAS_BREAK.test(word) ? word.split(BREAK_AFTER) : [word];
      for (let i = 0; i < pieces.length; i++) {
        const w = emWidth(pieces[i], bold) * fontSize;
        const gap = i === 0 ? space : 0;
        if (used === 0) {
          used = w;
        } else if (used + gap + w <= widthPt) {
          used += gap + w;
        } else {
          lines++;
          used = w;
        }
        while (used > widthPt) {
          lines++;
          used -= widthPt;
        }
      }
    }
  }
  return lines;
}

/** Height in points of `lines` lines of text of `fontSize` in a cell (line spacing of
 *  Times New Roman ≈ 1.15 em, plus room for the cell's top and bottom padding). */
export function rowHeightFor(lines: number, fontSize: number): number {
  return Math.min(MAX_ROW_HEIGHT_PT, Math.ceil(lines * fontSize * 1.17 + 4));
}

/** The tallest row Excel allows ("Row height: 409 points", Excel specifications and limits):
 *  a longer text is cut on screen and on paper whatever the height asked for. */
export const MAX_ROW_HEIGHT_PT = 409;

/** Horizontal room a cell's borders and padding take, in points. */
export const CELL_PADDING_PT = 6;
