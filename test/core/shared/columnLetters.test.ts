import { columnLetter, columnNumber } from "../../../src/core/shared/columnLetters";
import { columnLetters, columnNumber as addressColumnNumber } from "../../../src/excel/address";
import { decodeAddress, encodeAddress } from "../../../src/xlsx/grid";
import { findLegacyText } from "../../../src/core/read/register";

test.each([
  [1, "A"],
  [26, "Z"],
  [27, "AA"],
  [28, "AB"],
  [52, "AZ"],
  [53, "BA"],
  [702, "ZZ"],
  [703, "AAA"],
  [16384, "XFD"],
])("column %i is %s, and back", (n, letters) => {
  expect(columnLetter(n)).toBe(letters);
  expect(columnNumber(letters)).toBe(n);
  expect(columnNumber(letters.toLowerCase())).toBe(n);
});

test("every column of a sheet round-trips", () => {
  for (let n = 1; n <= 16384; n++) expect(columnNumber(columnLetter(n))).toBe(n);
});

test("the adapters use the same letters", () => {
  expect(columnLetters).toBe(columnLetter);
  expect(addressColumnNumber).toBe(columnNumber);
  expect(encodeAddress(2, 27)).toBe("AB3");
  expect(decodeAddress("ab3")).toEqual({ row: 2, col: 27 });
});

test("the legacy-font notice names the cell by its letters", () => {
  const values: string[][] = [[]];
  values[0][26] = "Sinh ho¹t chuyªn ®Ò quý I";
  const [notice] = findLegacyText({ sheets: [{ name: "Sổ", values }] });
  expect(notice.address).toBe("AA1");
});
