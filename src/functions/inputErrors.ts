// Error values (#N/A, #VALUE!…) in the functions' arguments. functions.json sets
// allowErrorForDataTypeAny (added after generation: scripts/functions-metadata.js), so Excel
// runs the function even when a range holds an error — "a custom function can take the
// range A2:A7 as an input, even if A6:A7 contains an error" — and hands each error cell over
// as a CustomFunctions.Error carrying its code (learn.microsoft.com/office/dev/add-ins/excel/
// custom-functions-errors, "Errors as custom function inputs"; the ErrorCode values
// "#N/A", "#REF!"… are input errors too). Without it one #N/A turned the whole result into
// #N/A, with no word on which cell. Here an error cell becomes its code as text — what the
// pane reads from the same cell — and a function that would count around it says which
// cell it is instead.
import { columnLetter, columnNumber } from "../core/shared/columnLetters";

/** The code of an error value passed in ("#N/A"), or null when `v` is not one. */
export function inputErrorCode(v: unknown): string | null {
  if (typeof v !== "object" || v === null) return null;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#") ? code : null;
}

/** Where a range argument starts: "'Sổ chuyên đề'!B3:F20" → sheet, 1-based top and left. */
export function rangeOrigin(address: string | undefined): { sheet: string; top: number; left: number } | undefined {
  if (!address) return undefined;
  const bang = address.lastIndexOf("!");
  const m = /^\$?([A-Z]{1,3})\$?(\d+)/.exec(address.slice(bang + 1));
  if (!m) return undefined;
  const raw = bang > 0 ? address.slice(0, bang) : "";
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, top: Number(m[2]), left: columnNumber(m[1]) };
}

/** The error cells of a range argument, top to bottom, left to right (0-based in the range). */
export function errorCells(values: unknown[][]): { row: number; col: number; code: string }[] {
  const out: { row: number; col: number; code: string }[] = [];
  values.forEach((line, row) =>
    (Array.isArray(line) ? line : []).forEach((v, col) => {
      const code = inputErrorCode(v);
      if (code) out.push({ row, col, code });
    }),
  );
  return out;
}

/**
 * The Vietnamese message for the first error cell of `values`, or null when it has none.
 * `doing` says what could not be done ("đếm số chuyên đề"); `address` is the range's own
 * address when Excel gives it (invocation.parameterAddresses), so the cell is named as the
 * user finds it ("ô E7 trang “Sổ chuyên đề”"); otherwise it is named by its place in the range.
 */
export function errorCellMessage(values: unknown[][], doing: string, address?: string): string | null {
  const cells = errorCells(values);
  if (cells.length === 0) return null;
  const { row, col, code } = cells[0];
  const origin = rangeOrigin(address);
  const where = origin
    ? `Ô ${columnLetter(origin.left + col)}${origin.top + row}${origin.sheet ? ` trang “${origin.sheet}”` : ""}`
    : `Ô ở dòng thứ ${row + 1}, cột thứ ${col + 1} của vùng đã chọn`;
  const header = row > 0 ? values[0]?.[col] : undefined;
  const column = typeof header === "string" && header.trim() && !header.startsWith("#") ? ` (cột “${header.trim()}”)` : "";
  const others = cells.length > 1 ? ` Vùng còn ${cells.length - 1} ô lỗi khác.` : "";
  return (
    `${where}${column} đang báo lỗi ${code} nên chưa ${doing} được. ` +
    `Hãy sửa ô đó (thường là công thức trong ô không tìm được giá trị) rồi Excel sẽ tính lại.${others}`
  );
}

/** The message for an error in a one-cell argument ("Ô ngày"). */
export function errorArgumentMessage(v: unknown, what: string): string | null {
  const code = inputErrorCode(v);
  return code
    ? `${what} đang báo lỗi ${code}. Hãy sửa ô đó (thường là công thức trong ô không tìm được giá trị) rồi Excel sẽ tính lại.`
    : null;
}
