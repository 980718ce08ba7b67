// A book at a glance: bands with unknown ARR left out of the money, the renewal window's edges, past-due
// renewals, late plays; NRR and GRR against their benchmarks; what /portfolio's text may ask for; the App
// Home's accounts by attention, health trend and sparkline, and redraws of open Homes coalesced.
import { afterEach, describe, expect, it, vi } from "vitest";
import { grrStanding, nrrStanding } from "../../src/domain/metrics/benchmarks.ts";
import { type AttentionAccount, byAttention, weeklyScores } from "../../src/domain/portfolio/attention.ts";
import { summarizePortfolio } from "../../src/domain/portfolio/summary.ts";
import { createLogger } from "../../src/logger.ts";
import { parsePortfolioText } from "../../src/slack/parse/portfolio-text.ts";
import { homeTabs } from "../../src/slack/surfaces/home-tabs.ts";
import { sparkline } from "../../src/slack/views/sparkline.ts";

const today = new Date("2026-12-07T00:00:00Z");
const now = new Date("2026-12-07T15:00:00Z");
const inDays = (days: number) => new Date(today.getTime() + days * 86_400_000);
const account = (name: string, over: Partial<AttentionAccount> = {}): AttentionAccount => ({
  id: name,
  name,
  arr: "1000.00",
  renewalDate: null,
  renewalCommit: null,
  band: "green",
  overduePlays: 0,
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

describe("accounts by attention", () => {
  it("puts a past-due renewal first, then red, late plays, an uncommitted renewal, yellow; ARR breaks ties", () => {
    const lines = byAttention(
      [
        account("Fine"),
        account("Yellow", { band: "yellow" }),
        account("Committed", { renewalDate: inDays(30), renewalCommit: "committed" }),
        account("Uncommitted", { renewalDate: inDays(30) }),
        account("Late plays", { overduePlays: 2 }),
        account("Red small", { band: "red", arr: "10.00" }),
        account("Red big", { band: "red", arr: null, overduePlays: 1 }),
        account("Red bigger", { band: "red", arr: "5000.00", overduePlays: 1 }),
        account("Past due", { renewalDate: inDays(-1) }),
      ],
      today,
    );
    expect(lines.map((l) => [l.account.name, l.reasons.join(", ")])).toEqual([
      ["Past due", "renewal 1 days past due"],
      ["Red bigger", "red, 1 play overdue"],
      ["Red big", "red, 1 play overdue"],
      ["Red small", "red"],
      ["Late plays", "2 plays overdue"],
      ["Uncommitted", "renews in 30 days, no commit"],
      ["Yellow", "yellow"],
    ]);
  });
});

describe("a health trend", () => {
  it("takes the latest score at each week end, null before the first", () => {
    const history = [
      { date: inDays(-15), score: 70 },
      { date: inDays(-8), score: 50 },
      { date: inDays(-7), score: 40 },
      { date: inDays(0), score: 100 },
    ];
    expect(weeklyScores(history, today, 4)).toEqual([null, 70, 40, 100]);
  });

  it("draws 0 to 100 on eight bars, a dot for no score", () => {
    expect(sparkline([null, 0, 12.4, 12.5, 50, 87.4, 87.5, 100])).toBe("·▁▁▂▅▇██");
  });
});

describe("open App Homes", () => {
  afterEach(() => vi.useRealTimers());

  it("draws the Homes opened in the last hour once per burst of changes", async () => {
    vi.useFakeTimers();
    let clock = 0;
    const drawn: string[] = [];
    const homes = homeTabs({
      redraw: async (user) => void drawn.push(user),
      logger: createLogger({ level: "error" }),
      debounceMs: 2000,
      openForMs: 3_600_000,
      now: () => clock,
    });
    homes.changed();
    await vi.advanceTimersByTimeAsync(5000);
    expect(drawn).toEqual([]);
    homes.opened("UOLD00001");
    clock = 3_000_000;
    homes.opened("UNEW00001", { csm: "UMARIA001" });
    homes.changed();
    homes.changed();
    await vi.advanceTimersByTimeAsync(1999);
    expect(drawn).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(drawn).toEqual(["UOLD00001", "UNEW00001"]);
    clock = 4_000_000;
    homes.changed();
    await vi.advanceTimersByTimeAsync(2000);
    expect(drawn).toEqual(["UOLD00001", "UNEW00001", "UNEW00001"]);
    expect(homes.selectionOf("UNEW00001")).toEqual({ csm: "UMARIA001" });
    homes.opened("UNEW00001");
    expect(homes.selectionOf("UNEW00001")).toEqual({ csm: "UMARIA001" });
  });
});
