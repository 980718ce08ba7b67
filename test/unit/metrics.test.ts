import { describe, expect, it } from "vitest";
import { monthEnds, quarterToDate, trailingTwelveMonths } from "../../src/domain/metrics/period.ts";
import { metricsReport } from "../../src/domain/metrics/report.ts";
import { positionOf } from "../../src/domain/metrics/retention.ts";
import { divideHalfEven, meanOf, percentOf } from "../../src/domain/metrics/rounding.ts";
import { fixtureLedgers, fixtureReport } from "../helpers/metrics-book.ts";

// The fixture book's metrics, worked out by hand. The same figures come through the CLI
// (test/integration/metrics-cli.test.ts).

const ledgers = fixtureLedgers;
const reportOf = (accounts: string[] | undefined, extra: { unknown?: number } = {}) =>
  fixtureReport(accounts, extra.unknown ?? 0);

describe("the company's metrics over the fixture book, worked out by hand", () => {
  const report = reportOf(undefined, { unknown: 1 });

  it("puts the accounts with ARR at the end of `from` in the cohort, at that ARR", () => {
    // M-1 100,000 + M-2 50,000 + M-3 40,000 + M-4 10,000.50
    // + M-5 (8,000 + 2,000 dated `from` itself, so part of the start) 10,000 + M-6 30,000 = 240,000.50.
    // M-7 (new the day after `from`), M-8 (churned before the period) and M-10 (new after `to`) are not in it.
    expect(report).toMatchObject({ from: "2025-12-31", to: "2026-06-30", cohortAccounts: 6 });
    expect(report.startingArr).toBe(240000.5);
  });

  it("counts each cohort account by its net change, rounding ledger amounts to the cent half to even", () => {
    // Expansion: M-1 20,000.015, to the even cent: 20,000.02.
    // Contraction: M-2 10,000.005 to the even cent 10,000.00; M-6 churned and came back inside the
    // period at 25,000: net 30,000 - 25,000 = 5,000. Together 15,000.00.
    // Churn: M-3 40,000 (voluntary) + M-4 10,000.50 (involuntary, dated `to` itself, so inside) = 50,000.50.
    expect(report).toMatchObject({
      expansion: 20000.02,
      contraction: 15000,
      churn: 50000.5,
      churnVoluntary: 40000,
      churnInvoluntary: 10000.5,
      churnUnspecified: 0,
      cohortEndingArr: 195000.02, // 120,000.02 + 40,000 + 10,000 + 25,000
    });
  });

  it("computes NRR, GRR, churn, expansion and logo retention, half to even to one decimal", () => {
    // NRR = (240,000.50 + 20,000.02 - 15,000.00 - 50,000.50) / 240,000.50 = 195,000.02 / 240,000.50 = 81.2498…% -> 81.2
    // GRR = (240,000.50 - 15,000.00 - 50,000.50) / 240,000.50 = 175,000.00 / 240,000.50 = 72.9165…% -> 72.9
    // Churn rate = 50,000.50 / 240,000.50 = 20.8334…% -> 20.8; expansion rate = 20,000.02 / 240,000.50 = 8.3333…% -> 8.3
    // Logo retention: M-1, M-2, M-5 and M-6 (back above zero at `to`) of the 6 = 66.666…% -> 66.7
    expect(report).toMatchObject({
      nrr: 81.2,
      grr: 72.9,
      churnRate: 20.8,
      expansionRate: 8.3,
      retainedAccounts: 4,
      logoRetention: 66.7,
    });
  });

  it("reports new accounts and accounts back from a churn before the period as new ARR, apart from NRR", () => {
    // M-7 12,000 (new on the first day inside) + M-8 70,000 (churned 2025-06-01, back 2026-03-15) = 82,000.
    expect(report).toMatchObject({
      newArr: 82000,
      newAccounts: 2,
      reactivatedAccounts: 1,
      reactivationArr: 70000,
    });
    expect(report.unknownArrAccounts).toBe(1);
  });

  it("computes the renewal rate by count and by ARR, a renewal nobody closed counting as not renewed", () => {
    // Due: M-1 (upsold), M-2 (downsold), M-3 (churned), M-5 and M-9 (passed, never closed) = 5; renewed 2.
    // By count: 2 / 5 = 40.0%.
    // By ARR: due 100,000 + 50,000 + 40,000 + 10,000 = 200,000 (M-9's unknown ARR left out);
    // renewed at most what was up: M-1 100,000 (not its 120,000.02) + M-2 40,000 = 140,000 -> 70.0%.
    expect(report).toMatchObject({
      renewalsDue: 5,
      renewalsRenewed: 2,
      renewalArrDue: 200000,
      renewalArrRenewed: 140000,
      renewalRateCount: 40,
      renewalRateArr: 70,
    });
  });

  it("averages each account's latest NPS and CSAT inside the period, half to even", () => {
    // NPS: M-1 50 (its later reading), M-2 -20 (dated `to`), M-5 6, M-7 5; M-3's reading is dated `from`
    // and M-6's after `to`: (50 - 20 + 6 + 5) / 4 = 41 / 4 = 10.25 -> 10.2 (half to even).
    // CSAT: M-1 4.50, M-2 3.75: 8.25 / 2 = 4.125 -> 4.12 (half to even).
    expect(report).toMatchObject({ nps: 10.2, npsAccounts: 4, csat: 4.12, csatAccounts: 2 });
  });
});

describe("a CSM's book and a segment over the fixture book", () => {
  it("Ana's book at `to`: M-1, M-2, M-5, M-6 and M-8", () => {
    // Start 100,000 + 50,000 + 10,000 + 30,000 = 190,000; expansion 20,000.02; contraction 15,000; churn 0.
    // NRR = 195,000.02 / 190,000 = 102.6315…% -> 102.6; GRR = 175,000 / 190,000 = 92.1052…% -> 92.1;
    // expansion rate 20,000.02 / 190,000 = 10.5263…% -> 10.5; logo retention 4 / 4 = 100.0; new ARR: M-8 70,000.
    const report = reportOf(["M-1", "M-2", "M-5", "M-6", "M-8"]);
    expect(report).toMatchObject({
      cohortAccounts: 4,
      startingArr: 190000,
      nrr: 102.6,
      grr: 92.1,
      churnRate: 0,
      expansionRate: 10.5,
      logoRetention: 100,
      newArr: 70000,
    });
  });

  it("the smb segment: M-4, M-5, M-7 and M-10", () => {
    // Start 10,000.50 + 10,000 = 20,000.50; churn 10,000.50 (M-4).
    // NRR = GRR = 10,000 / 20,000.50 = 49.9987…% -> 50.0; logo retention 1 / 2 = 50.0; new ARR: M-7 12,000.
    const report = reportOf(["M-4", "M-5", "M-7", "M-10"]);
    expect(report).toMatchObject({
      startingArr: 20000.5,
      churn: 10000.5,
      nrr: 50,
      grr: 50,
      logoRetention: 50,
      newArr: 12000,
    });
  });

  it("a period with no starting ARR has no NRR, GRR or rates: null, never 0 or NaN", () => {
    const report = metricsReport(
      {
        positions: ledgers().map((a) => positionOf(a, { from: "2022-12-31", to: "2022-12-31" })),
        unknownArrAccounts: 0,
        renewals: [],
        surveys: [],
      },
      { from: "2022-12-31", to: "2022-12-31" },
      "2026-12-07",
    );
    expect(report).toMatchObject({
      cohortAccounts: 0,
      startingArr: 0,
      nrr: null,
      grr: null,
      churnRate: null,
      expansionRate: null,
      logoRetention: null,
      renewalRateCount: null,
      renewalRateArr: null,
      nps: null,
      csat: null,
    });
  });
});

describe("rounding and periods", () => {
  it("rounds halves to the even neighbour", () => {
    expect([5n, 15n, 25n, -15n, 14n, 16n].map((n) => divideHalfEven(n, 10n))).toEqual([
      0n,
      2n,
      2n,
      -2n,
      1n,
      2n,
    ]);
    // 1 / 8 = 12.5% -> 12 and 3 / 8 = 37.5% -> 38 at no decimals; 1 / 16 = 6.25% -> 6.2 at one.
    expect([percentOf(1n, 8n, 0), percentOf(3n, 8n, 0), percentOf(1n, 16n)]).toEqual([12, 38, 6.2]);
    expect(meanOf([], 1)).toBeNull();
  });

  it("runs the trailing twelve months and the quarter to date from the end of their first day", () => {
    expect(trailingTwelveMonths("2026-12-07")).toEqual({ from: "2025-12-07", to: "2026-12-07" });
    expect(trailingTwelveMonths("2028-02-29")).toEqual({ from: "2027-02-28", to: "2028-02-29" });
    expect(quarterToDate("2026-12-07")).toEqual({ from: "2026-09-30", to: "2026-12-07" });
    expect(quarterToDate("2026-01-01")).toEqual({ from: "2025-12-31", to: "2026-01-01" });
  });

  it("ends a monthly trend on the last days of the months before, then today", () => {
    expect(monthEnds("2026-03-10", 4)).toEqual(["2025-12-31", "2026-01-31", "2026-02-28", "2026-03-10"]);
    expect(monthEnds("2024-03-31", 2)).toEqual(["2024-02-29", "2024-03-31"]);
    expect(monthEnds("2026-12-07", 12)[0]).toBe("2026-01-31");
    expect([monthEnds("2026-12-07", 1), monthEnds("2026-12-07", 0)]).toEqual([["2026-12-07"], []]);
  });
});
