// One rounding rule for every percentage a user reads (the check's messages, Báo cáo quý,
// biên bản, the pane): cut down to one decimal, never rounded up, so that a rate just
// under a threshold never reads as the threshold itself (84,96% shows "84,9%", not "85%").
// Comparisons with thresholds use the exact ratio, never this text.

/** 0.846 → "84,6%", 2/3 → "66,6%", 0.85 → "85%", 1 → "100%". */
export function percentText(ratio: number): string {
  // The small tolerance keeps 0.85 (stored as 0.8499999…) at "85%".
  const tenths = Math.floor(ratio * 1000 + 1e-9);
  const text = (tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1).replace(".", ",");
  return `${text}%`;
}
