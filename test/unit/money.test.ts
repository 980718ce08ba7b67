import { describe, expect, it } from "vitest";
import { centsOf, formatMoney, fromCents, parseMoney } from "../../src/domain/money.ts";

const reasonFor = (text: string) => {
  const result = parseMoney(text);
  return result.ok ? `read as ${result.value}` : result.reason;
};

describe("reading ARR from a CRM export", () => {
  it.each([
    ["$120,000.50", "120000.50"],
    ["120000.5", "120000.50"],
    ["120 000", "120000.00"],
    ["120\u00a0000", "120000.00"],
    ["USD 1,200", "1200.00"],
    ["1,200 USD", "1200.00"],
    ["US$ 48000", "48000.00"],
    ["  9600  ", "9600.00"],
    ["0", "0.00"],
    [".5", "0.50"],
    ["007", "7.00"],
    ["1.500", "1.50"],
    ["999999999999.99", "999999999999.99"],
  ])("reads %j as %s", (text, value) => {
    expect(parseMoney(text)).toEqual({ ok: true, value });
  });

  it("refuses abbreviations instead of guessing the multiplier", () => {
    expect(reasonFor("1.5k")).toBe('"1.5k" is abbreviated; write the full amount in dollars');
    expect(reasonFor("$2M")).toMatch(/abbreviated/);
    expect(reasonFor("3 bn")).toMatch(/abbreviated/);
  });

  it("refuses a negative ARR, however it is written", () => {
    expect(reasonFor("-1200")).toBe('ARR cannot be negative ("-1200")');
    expect(reasonFor("-$1,200")).toMatch(/cannot be negative/);
    expect(reasonFor("$-1,200")).toMatch(/cannot be negative/);
    expect(reasonFor("(1,200.00)")).toMatch(/cannot be negative/);
  });

  it("refuses fractions of a cent rather than rounding them", () => {
    expect(reasonFor("1250000.505")).toBe(
      '"1250000.505" has more than 2 decimals; ARR is in dollars and cents',
    );
  });

  it("refuses a decimal comma, and shows how to write it", () => {
    expect(reasonFor("1.200,50")).toBe(
      '"1.200,50" has a decimal comma; write 1200.50, with commas only between thousands',
    );
    expect(reasonFor("120000,5")).toMatch(/decimal comma; write 120000\.5,/);
  });

  it("refuses other currencies, Excel's scientific notation and words", () => {
    expect(reasonFor("€1,200")).toBe('"€1,200" is not in US dollars; only USD amounts are read');
    expect(reasonFor("1200 EUR")).toMatch(/not in US dollars/);
    expect(reasonFor("1.2E+05")).toMatch(/scientific notation; format the column as a number/);
    expect(reasonFor("TBD")).toBe('"TBD" is not an amount');
    expect(reasonFor("1,20,000")).toBe('"1,20,000" is not an amount');
    expect(reasonFor("$")).toBe('"$" is not an amount');
    expect(reasonFor("")).toBe("no amount given");
  });

  it("refuses an amount too large for the ledger", () => {
    expect(reasonFor("1000000000000")).toBe(
      '"1000000000000" is too large; ARR can be at most $999,999,999,999.99',
    );
  });
});

describe("cents", () => {
  it("converts exactly, beyond what a float can hold", () => {
    expect(centsOf("120000.50")).toBe(12_000_050n);
    expect(centsOf("90071992547409.93")).toBe(9_007_199_254_740_993n);
    expect(fromCents(9_007_199_254_740_993n)).toBe("90071992547409.93");
    expect(centsOf("0.1") + centsOf("0.2")).toBe(centsOf("0.3"));
  });

  it("keeps the sign and reads whole amounts", () => {
    expect(centsOf("-8000.00")).toBe(-800_000n);
    expect(centsOf("48000")).toBe(4_800_000n);
    expect(fromCents(-5n)).toBe("-0.05");
    expect(fromCents(0n)).toBe("0.00");
  });

  it("treats a malformed decimal as a bug", () => {
    expect(() => centsOf("$1,200")).toThrow(/not a decimal amount/);
    expect(() => centsOf("1.005")).toThrow(/not a decimal amount/);
  });
});

describe("showing money to people", () => {
  it("writes dollars with thousands separators, and cents only when there are some", () => {
    expect(formatMoney("120000.50")).toBe("$120,000.50");
    expect(formatMoney("120000.00")).toBe("$120,000");
    expect(formatMoney("0.05")).toBe("$0.05");
    expect(formatMoney("-8000.00")).toBe("-$8,000");
  });

  it.each([
    ["950.50", "$951"],
    ["999.60", "$1K"],
    ["12500.00", "$12.5K"],
    ["120000.50", "$120K"],
    ["999950.00", "$1M"],
    ["1200000.00", "$1.2M"],
    ["1250000000.00", "$1.3B"],
    ["-48000.00", "-$48K"],
  ])("writes %s compactly as %s", (decimal, shown) => {
    expect(formatMoney(decimal, { compact: true })).toBe(shown);
  });
});
