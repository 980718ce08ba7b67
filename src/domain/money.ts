// Money as exact decimal strings ("120000.50") and integer cents: read from what a CRM or a person
// writes, formatted once for people. Never through floating point: 0.1 + 0.2 is not an ARR.

export type MoneyReading = { ok: true; value: string } | { ok: false; reason: string };

/** Account.arr is Decimal(14, 2). */
const maxCents = 99_999_999_999_999n;

/** "1,200", "1 200" and "1200" are the same number; a group of other than 3 digits is not a thousands separator. */
const amountPattern = /^(\d+|\d{1,3}(?:[, ]\d{3})+)?(?:\.(\d+))?$/;

/**
 * Reads a US dollar amount: "$120,000.50", "120000.5", "120 000", "USD 1,200". Returns it with exactly two
 * decimals ("120000.50"). Abbreviations (1.5k), other currencies, decimal commas, negatives and fractions of
 * a cent are refused with a reason a person can act on; extra zero decimals ("1.500") are exact and accepted.
 */
export function parseMoney(text: string): MoneyReading {
  const raw = text.trim();
  if (!raw) return { ok: false, reason: "no amount given" };
  let amount = raw.replace(/[\s\u00a0\u202f]+/g, " ");
  let negative = false;
  const accounting = /^\((.*)\)$/.exec(amount);
  if (accounting) {
    negative = true;
    amount = accounting[1]!.trim();
  }
  const unsign = () => {
    const sign = /^[-\u2212]\s*/.exec(amount);
    if (sign) {
      negative = true;
      amount = amount.slice(sign[0].length);
    }
  };
  unsign();
  amount = amount.replace(/^(?:US\$|USD|\$)\s*/i, "").replace(/\s*USD$/i, "");
  unsign();

  if (/^[\d., ]*\d\s*(?:k|m|mm|mn|b|bn)$/i.test(amount)) {
    return { ok: false, reason: `"${raw}" is abbreviated; write the full amount in dollars` };
  }
  if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(amount)) {
    return {
      ok: false,
      reason: `"${raw}" is in scientific notation; format the column as a number in the spreadsheet and export again`,
    };
  }
  if (/\d/.test(amount) && /[€£¥₹]|^[a-z]{3}\b|\b[a-z]{3}$/i.test(amount)) {
    return { ok: false, reason: `"${raw}" is not in US dollars; only USD amounts are read` };
  }
  const parts = amountPattern.exec(amount);
  if (!parts || !/\d/.test(amount)) {
    if (!/^[\d. ]*\d,\d{1,2}$/.test(amount)) return { ok: false, reason: `"${raw}" is not an amount` };
    const dotted = amount.replace(/[. ]/g, "").replace(",", ".");
    return {
      ok: false,
      reason: `"${raw}" has a decimal comma; write ${dotted}, with commas only between thousands`,
    };
  }
  const whole = (parts[1] ?? "0").replace(/[, ]/g, "");
  const fraction = parts[2] ?? "";
  if (/[1-9]/.test(fraction.slice(2))) {
    return { ok: false, reason: `"${raw}" has more than 2 decimals; ARR is in dollars and cents` };
  }
  const cents = BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, "0"));
  if (negative && cents > 0n) return { ok: false, reason: `ARR cannot be negative ("${raw}")` };
  if (cents > maxCents) {
    return {
      ok: false,
      reason: `"${raw}" is too large; ARR can be at most ${formatMoney(fromCents(maxCents))}`,
    };
  }
  return { ok: true, value: fromCents(cents) };
}

/** "120000.50" -> 12000050n. Takes a normalized decimal (0 to 2 decimals); anything else is a bug. */
export function centsOf(decimal: string): bigint {
  const parts = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(decimal);
  if (!parts) throw new Error(`not a decimal amount: ${JSON.stringify(decimal)}`);
  const cents = BigInt(parts[2]!) * 100n + BigInt((parts[3] ?? "").padEnd(2, "0"));
  return parts[1] ? -cents : cents;
}

/** 12000050n -> "120000.50". */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

const compactUnits: readonly [bigint, string][] = [
  [1n, ""],
  [1_000n, "K"],
  [1_000_000n, "M"],
  [1_000_000_000n, "B"],
  [1_000_000_000_000n, "T"],
];

/**
 * For people: "$120,000.50" ("$48,000" when there are no cents), or compact "$950", "$12.5K", "$120K",
 * "$1.2M" (one decimal below 100 of a unit, rounded half up).
 */
export function formatMoney(decimal: string, options: { compact?: boolean } = {}): string {
  const cents = centsOf(decimal);
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  if (options.compact) return `${sign}$${compact(abs)}`;
  const dollars = groupThousands(String(abs / 100n));
  const rest = abs % 100n;
  return `${sign}$${dollars}${rest === 0n ? "" : `.${String(rest).padStart(2, "0")}`}`;
}

function compact(cents: bigint): string {
  let unit = compactUnits.findLastIndex(([size]) => cents >= size * 100n);
  if (unit < 0) unit = 0;
  for (; unit < compactUnits.length; unit++) {
    const [size, suffix] = compactUnits[unit]!;
    const perUnit = size * 100n;
    // Tenths of the unit; whole units only for plain dollars and from 100 of a unit up.
    const tenths =
      unit === 0 || cents >= 100n * perUnit
        ? roundHalfUp(cents, perUnit) * 10n
        : roundHalfUp(cents * 10n, perUnit);
    if (tenths >= 10_000n && unit < compactUnits.length - 1) continue;
    const whole = groupThousands(String(tenths / 10n));
    return `${whole}${tenths % 10n === 0n ? "" : `.${tenths % 10n}`}${suffix}`;
  }
  throw new Error("unreachable: the last unit always formats");
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** An account's ARR for people: unknown (a blank in the CRM) reads "unknown", never "$0". */
export function formatArr(decimal: string | null, options: { compact?: boolean } = {}): string {
  return decimal === null ? "unknown" : formatMoney(decimal, options);
}
