// One percentage for every output: half up to one decimal, decimal comma, a space before
// the sign; a rate below a threshold gets the decimals it needs to read below it; the
// decision itself is made on integers.
import { compareFractions, isBelow, percentText, thresholdFraction, thresholdText } from "../../../src/core/shared/percent";

describe("percentText", () => {
  test.each([
    [19, 22, "86,4 %"], // 86,3636… — a clerk writes 86,4 %, not the 86,3 % a cut gives
    [17, 20, "85 %"],
    [1, 1, "100 %"],
    [0, 5, "0 %"],
    [7, 9, "77,8 %"], // 77,777…
    [2, 3, "66,7 %"],
    [1, 3, "33,3 %"],
    [1, 8, "12,5 %"],
    [1, 16, "6,3 %"], // 6,25 → half up
    [9, 11, "81,8 %"],
    [999, 1000, "99,9 %"],
    [9995, 10000, "100 %"], // 99,95 rounds up to 100,0 with no threshold to keep below
  ])("%i/%i → %s", (part, whole, text) => {
    expect(percentText(part, whole)).toBe(text);
  });

  test.each([
    [2124, 2500, 0.85, "84,96 %"],
    [16999, 20000, 0.85, "84,995 %"],
    [849999, 1000000, 0.85, "84,9999 %"],
    [8499999, 10000000, 0.85, "84,9999 %"], // beyond four decimals: cut, never rounded up to 85
    [19, 22, 0.9, "86,4 %"], // far enough below: one decimal
    [17, 20, 0.85, "85 %"], // at the threshold: not below, printed plainly
    [1709, 2000, 0.855, "85,45 %"], // one decimal would say 85,5 %, the threshold itself
    [1711, 2000, 0.855, "85,6 %"], // 85,55 % is above 85,5 %: printed plainly
  ])("%i/%i against %d → %s", (part, whole, against, text) => {
    expect(percentText(part, whole, against)).toBe(text);
  });

  test("a rate below the threshold never prints at or above the threshold's own text", () => {
    for (const whole of [7, 9, 13, 20, 22, 33, 100, 997, 2500]) {
      for (let part = 0; part <= whole; part++) {
        if (!isBelow(part, whole, 0.85)) continue;
        const printed = Number(percentText(part, whole, 0.85).replace(" %", "").replace(",", "."));
        expect(printed).toBeLessThan(85);
      }
    }
  });
});

describe("thresholds", () => {
  test("typed percentages kept exactly", () => {
    expect(thresholdText(0.85)).toBe("85 %");
    expect(thresholdText(0.855)).toBe("85,5 %");
    expect(thresholdText(0.8555)).toBe("85,55 %");
    expect(thresholdText(1)).toBe("100 %");
    // 0.85 as a float is 0.84999…; the fraction is exactly 8500/10000.
    expect(thresholdFraction(0.85)).toEqual({ num: 8500, den: 10000 });
  });

  test("decisions on integers: 17/20 is not below 85 %, 16/19 is", () => {
    expect(isBelow(17, 20, 0.85)).toBe(false);
    expect(isBelow(1700, 2000, 0.85)).toBe(false);
    expect(isBelow(16, 19, 0.85)).toBe(true);
    expect(isBelow(2124, 2500, 0.85)).toBe(true);
    expect(compareFractions({ num: 1, den: 3 }, { num: 2, den: 6 })).toBe(0);
  });
});
