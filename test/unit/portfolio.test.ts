// A book at a glance: bands with unknown ARR left out of the money, the renewal window's edges, past-due
// renewals, late plays; NRR and GRR against their benchmarks; what /portfolio's text may ask for.
import { describe, expect, it } from "vitest";
import { grrStanding, nrrStanding } from "../../src/domain/metrics/benchmarks.ts";
import { type PortfolioAccount, summarizePortfolio } from "../../src/domain/portfolio/summary.ts";
import { parsePortfolioText } from "../../src/slack/parse/portfolio-text.ts";

const today = new Date("2026-12-07T00:00:00Z");
const now = new Date("2026-12-07T15:00:00Z");
const inDays = (days: number) => new Date(today.getTime() + days * 86_400_000);
const account = (name: string, over: Partial<PortfolioAccount> = {}): PortfolioAccount => ({
  id: name,
  name,
  arr: "1000.00",
  renewalDate: null,
  renewalCommit: null,
  band: "green",
  ...over,
});

describe("a book's summary", () => {
  const book = [
    account("Red", { band: "red", arr: "120000.50", renewalDate: inDays(0) }),
    account("Edge", { band: "red", arr: null, renewalDate: inDays(90) }),
    account("Outside", { band: "yellow", renewalDate: inDays(91) }),
    account("Late", { band: null, arr: "0.50", renewalDate: inDays(-1) }),
    account("New band", { band: "something_new" }),
  ];
  const plays = [
    { id: "p1", kind: "save", dueAt: new Date(now.getTime() - 1), accountId: "Red", accountName: "Red" },
    { id: "p2", kind: "save", dueAt: now, accountId: "Red", accountName: "Red" },
    { id: "p0", kind: "save", dueAt: new Date("2026-12-01"), accountId: "Red", accountName: "Red" },
  ];
  const summary = summarizePortfolio(book, plays, today, now);

  it("sums the known ARR and counts the unknown apart", () => {
    expect(summary).toMatchObject({ accounts: 5, arr: "122001.00", unknownArrAccounts: 1 });
  });

  it("puts every account in one band, unscored and unknown bands together", () => {
    expect(summary.bands).toEqual([
      { band: "red", accounts: 2, arr: "120000.50" },
      { band: "yellow", accounts: 1, arr: "1000.00" },
      { band: "green", accounts: 0, arr: "0.00" },
      { band: "unknown", accounts: 2, arr: "1000.50" },
    ]);
  });

  it("lists renewals from today to day 90 as soon, and those before today as past due", () => {
    expect(summary.renewalsSoon.map((r) => [r.name, r.daysLeft])).toEqual([
      ["Red", 0],
      ["Edge", 90],
    ]);
    expect(summary.renewalsPastDue.map((r) => [r.name, r.daysLeft])).toEqual([["Late", -1]]);
  });

  it("counts a play late only once its due time has passed, the latest first", () => {
    expect(summary.overduePlays.map((p) => p.id)).toEqual(["p0", "p1"]);
  });
});

describe("retention against the benchmarks", () => {
  it("reads NRR at its edges", () => {
    expect([110, 109.9, 100, 99.9, 90, 89.9].map((v) => nrrStanding(v).standing)).toEqual([
      "elite",
      "strong",
      "strong",
      "watch",
      "watch",
      "concerning",
    ]);
    expect(nrrStanding(null)).toMatchObject({ value: null, standing: null });
  });

  it("reads GRR at its edges", () => {
    expect([100, 90, 89.9, 85, 84.9].map((v) => grrStanding(v).standing)).toEqual([
      "healthy",
      "healthy",
      "watch",
      "watch",
      "concerning",
    ]);
  });
});

describe("what /portfolio's text asks for", () => {
  it("reads nothing, a mention, a bare user id and chart, in any order", () => {
    expect(parsePortfolioText("  ")).toEqual({ ok: true, chart: false });
    expect(parsePortfolioText("<@U0ANA123|ana> chart")).toEqual({ ok: true, chart: true, who: "U0ANA123" });
    expect(parsePortfolioText("CHART W0ANA123")).toEqual({ ok: true, chart: true, who: "W0ANA123" });
  });

  it("refuses an unescaped @name, a second person and words it does not know", () => {
    expect(parsePortfolioText("@ana")).toMatchObject({ ok: false });
    expect(parsePortfolioText("<@U0ANA123> <@U0BEN123>")).toMatchObject({ ok: false });
    expect(parsePortfolioText("growth")).toMatchObject({
      ok: false,
      message: expect.stringContaining("growth"),
    });
  });
});
