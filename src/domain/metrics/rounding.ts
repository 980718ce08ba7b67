// Exact rounding of the metrics: ratios are computed on integer cents and rounded once, half to even
// (banker's rounding), so a figure never drifts with floating point or with the order of the sums.

/** `numerator / denominator` rounded to an integer, halves to the even neighbour; denominator > 0. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error("divideHalfEven needs a positive denominator");
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let quotient = abs / denominator;
  const twice = (abs % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * `part / whole x 100`, half-even to `decimals` places (104.3 with one); null when there is no whole
 * (a period with no starting ARR has no NRR: not 0, not NaN).
 */
export function percentOf(part: bigint, whole: bigint, decimals = 1): number | null {
  if (whole <= 0n) return null;
  const scale = 10n ** BigInt(decimals);
  return Number(divideHalfEven(part * 100n * scale, whole)) / Number(scale);
}

/** The mean of whole-number readings, half-even to `decimals` places; null without readings. */
export function meanOf(values: readonly bigint[], decimals: number): number | null {
  if (values.length === 0) return null;
  const scale = 10n ** BigInt(decimals);
  const sum = values.reduce((total, value) => total + value, 0n);
  return Number(divideHalfEven(sum * scale, BigInt(values.length))) / Number(scale);
}
