// Excel column letters, the one place every stage and adapter computes them (the reader's
// A1 addresses, the models' formulas, the Office.js and exceljs adapters, the functions).

/** 1-based column number → Excel letters (1 → "A", 28 → "AB"). */
export function columnLetter(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 1-based column number ("AB" → 28). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
