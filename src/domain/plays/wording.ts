// Numbers in play reasons, written so they agree with the thresholds they are compared with.

/** Whole percent, unless rounding would land on or across the threshold (39.9, not 40). */
export function percentText(value: number, threshold: number): string {
  for (const digits of [0, 1, 2]) {
    const shown = Math.round(value * 10 ** digits) / 10 ** digits;
    if (Math.sign(shown - threshold) === Math.sign(value - threshold)) return String(shown);
  }
  return String(value);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
