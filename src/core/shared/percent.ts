// One way of printing a percentage for every output a secretary or the upper office reads
// (the check's messages, Báo cáo quý, biên bản, the pane): rounded half up to one decimal,
// decimal comma, a plain space before the sign — "19/22" prints "86,4 %", as a clerk with a
// calculator writes it. Decisions against a threshold never use the printed text nor a
// float: they compare exact fractions of integers (isBelow), and a rate below a threshold
// is printed with as many decimals as it takes to read below it ("84,96 %" against "85 %"),
// never as the threshold itself.

/** part / whole with integers, whole > 0. */
export interface Fraction {
  num: number;
  den: number;
}

/** A threshold typed as a rate 0..1 (Thông tin: 85% → 0.85, "85,5%" → 0.855) as an exact
 *  fraction, to the hundredth of a percent (what a typed percentage can hold). */
export function thresholdFraction(rate: number): Fraction {
  return { num: Math.round(rate * 10000), den: 10000 };
}

/** Sign of a − b, computed on integers. */
export function compareFractions(a: Fraction, b: Fraction): number {
  return Math.sign(a.num * b.den - b.num * a.den);
}

/** The rate `part/whole` is strictly below the threshold `rate` (0..1), decided exactly. */
export function isBelow(part: number, whole: number, rate: number): boolean {
  return compareFractions({ num: part, den: whole }, thresholdFraction(rate)) < 0;
}

/** The most decimals a percentage is printed with (a threshold has at most two). */
const MAX_DECIMALS = 4;

/** `f` in units of 10^-decimals percent, rounded half up (integers only: no float drift). */
function roundedUnits(f: Fraction, decimals: number): number {
  const scale = 100 * 10 ** decimals;
  return Math.floor((2 * f.num * scale + f.den) / (2 * f.den));
}

/** `f` in units of 10^-decimals percent, cut down (for the last resort below a threshold). */
function truncatedUnits(f: Fraction, decimals: number): number {
  return Math.floor((f.num * 100 * 10 ** decimals) / f.den);
}

function unitsText(units: number, decimals: number): string {
  const scale = 10 ** decimals;
  const whole = Math.floor(units / scale);
  const rest = units - whole * scale;
  // "85 %", not "85,0 %": a whole percentage is written without decimals.
  if (rest === 0) return `${whole} %`;
  const digits = String(rest).padStart(decimals, "0").replace(/0+$/, "");
  return `${whole},${digits} %`;
}

/**
 * "86,4 %" for 19/22; "85 %" for 17/20; "100 %" for 1/1. With `against` (a threshold 0..1),
 * a rate below it gets the decimals it needs to read below it: 8496/10000 against 0.85 →
 * "84,96 %", never "85 %".
 */
export function percentText(part: number, whole: number, against?: number): string {
  const f: Fraction = { num: part, den: whole };
  let decimals = 1;
  if (against !== undefined && compareFractions(f, thresholdFraction(against)) < 0) {
    const bar = thresholdFraction(against);
    for (; decimals <= MAX_DECIMALS; decimals++) {
      const printed: Fraction = { num: roundedUnits(f, decimals), den: 100 * 10 ** decimals };
      if (compareFractions(printed, bar) < 0) return unitsText(printed.num, decimals);
    }
    return unitsText(truncatedUnits(f, MAX_DECIMALS), MAX_DECIMALS);
  }
  return unitsText(roundedUnits(f, decimals), decimals);
}

/** A threshold as typed (0.85 → "85 %", 0.855 → "85,5 %", 0.8555 → "85,55 %"): printed
 *  exactly, to the hundredth of a percent it is kept to. */
export function thresholdText(rate: number): string {
  const f = thresholdFraction(rate);
  return unitsText(f.num, 2);
}
