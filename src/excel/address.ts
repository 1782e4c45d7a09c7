// A1 addresses for the Office.js adapter (pure helpers, no Excel objects).
import { columnLetter as columnLetters, columnNumber } from "../core/shared/columnLetters";

export { columnLetters, columnNumber };

/** 1-based inclusive box → "A1" or "A1:C3". */
export function a1(top: number, left: number, bottom = top, right = left): string {
  const first = `${columnLetters(left)}${top}`;
  return top === bottom && left === right ? first : `${first}:${columnLetters(right)}${bottom}`;
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Every area reference in an Office.js address ("Sheet!A1:B2, 'Sổ, 2'!C3") as 1-based boxes.
 *  Each reference follows a "!", so commas inside quoted sheet names do no harm. */
export function parseAreas(address: string): Box[] {
  const boxes: Box[] = [];
  const re = /!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address))) {
    const top = Number(m[2]);
    const left = columnNumber(m[1]);
    boxes.push({ top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left });
  }
  return boxes;
}
