import { describe, expect, it } from "vitest";
import { defaultHealthConfig, type HealthConfig, parseHealthConfig } from "../../src/domain/health/config.ts";
import { findWeekAgo, loginDropPct } from "../../src/domain/health/readings.ts";
import { bandFor, type HealthInput, scoreHealth } from "../../src/domain/health/score.ts";
import type { SignalSnapshot } from "../../src/domain/health/signals.ts";
import { aHealthyWeek, aSnapshot as snapshotOn } from "../helpers/snapshots.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = day("2026-06-10");
const daysBefore = (n: number, from = today) => new Date(from.getTime() - n * 86_400_000);
const daysAfter = (n: number) => daysBefore(-n);

const aSnapshot = (overrides: Partial<SignalSnapshot> = {}) => snapshotOn(today, overrides);

/** An account with every signal known and green, renewal far away; override what the test is about. */
function aHealthyAccount(
  latest: Partial<SignalSnapshot> = {},
  input: Partial<HealthInput> = {},
): HealthInput {
  return {
    today,
    renewalDate: daysAfter(300),
    ...aHealthyWeek(today, latest),
    ...input,
  };
}

const score = (input: HealthInput, config: HealthConfig = defaultHealthConfig) => scoreHealth(input, config);
/** Scores with no minimum of fresh signals, to look at one sub-score on its own. */
const oneSignalAtATime = parse({ freshness: { minimumFreshSignals: 0 } });
const only = (latest: Partial<SignalSnapshot>, input: Partial<HealthInput> = {}) =>
  score({ today, renewalDate: null, latest: aSnapshot(latest), weekAgo: null, ...input }, oneSignalAtATime);
const bandOf = (value: number | null) => (value === null ? null : bandFor(value, defaultHealthConfig));

describe("each sub-score at and around its threshold", () => {
  it.each([
    [39.9, "red"],
    [40, "yellow"],
    [69.9, "yellow"],
    [70, "green"],
  ] as const)("adoption of %d%% of plan features is %s", (pct, band) => {
    expect(bandOf(only({ adoptionPct: pct }).subScores.adoption)).toBe(band);
  });

  it("reads adoption from the feature counts when they are known", () => {
    expect(only({ featuresUsed: 8, featuresInPlan: 20, adoptionPct: 90 }).reasons).toEqual([
      "adoption 40% of plan features (below 70%)",
    ]);
    expect(only({ featuresUsed: 0, featuresInPlan: 20 }).subScores.adoption).toBe(0);
    expect(only({ featuresUsed: 20, featuresInPlan: 20 }).subScores.adoption).toBe(100);
  });

  it.each([
    [100, 80, "green"], // a 20% drop
    [1000, 799, "yellow"], // 20.1%
    [100, 50, "yellow"], // 50%
    [1000, 499, "red"], // 50.1%
    [100, 0, "red"],
    [40, 60, "green"], // logins grew
  ] as const)("power-user logins going from %i to %i week over week are %s", (before, now, band) => {
    const weekAgo = aSnapshot({ date: daysBefore(7), powerUserLogins: before });
    expect(bandOf(only({ powerUserLogins: now }, { weekAgo }).subScores.loginTrend)).toBe(band);
  });

  it.each([
    [30, "green"],
    [31, "yellow"],
    [45, "yellow"],
    [46, "red"],
  ] as const)("a sponsor dark for %i days is %s", (dark, band) => {
    expect(bandOf(only({ sponsorLastResponse: daysBefore(dark) }).subScores.sponsor)).toBe(band);
  });

  it.each([
    [0, "green"],
    [1, "yellow"],
    [2, "red"],
  ] as const)("%i P1/P2 tickets in 30 days make support %s", (p1P2, band) => {
    expect(bandOf(only({ p1P2Tickets30d: p1P2, tickets30d: 3 }).subScores.support)).toBe(band);
  });

  it.each([
    [10, "green"],
    [11, "yellow"],
    [25, "yellow"],
    [26, "red"],
  ] as const)("%i tickets of any severity in 30 days make support %s", (tickets, band) => {
    expect(bandOf(only({ tickets30d: tickets, p1P2Tickets30d: 0 }).subScores.support)).toBe(band);
  });

  it.each([
    [0, "green"],
    [1, "yellow"],
    [30, "yellow"],
    [31, "red"],
  ] as const)("an invoice %i days overdue is %s", (overdue, band) => {
    expect(bandOf(only({ invoiceDaysOverdue: overdue }).subScores.payment)).toBe(band);
  });

  it.each([
    [-3, "red"],
    [30, "red"],
    [31, "yellow"],
    [90, "yellow"],
    [91, "green"],
  ] as const)("a renewal %i days away is %s", (days, band) => {
    expect(bandOf(only({}, { renewalDate: daysAfter(days) }).subScores.renewal)).toBe(band);
  });

  it("moves a red sub-score to 0 at twice the red threshold", () => {
    expect(only({ sponsorLastResponse: daysBefore(90) }).subScores.sponsor).toBe(0);
    expect(only({ invoiceDaysOverdue: 400 }).subScores.payment).toBe(0);
  });
});

describe("unknown signals", () => {
  it("treats an absent signal as unknown, not as zero", () => {
    const result = score({ today, renewalDate: null, latest: aSnapshot({ adoptionPct: 90 }), weekAgo: null });
    expect(result.subScores).toEqual({
      adoption: 90,
      loginTrend: null,
      sponsor: null,
      support: null,
      payment: null,
      renewal: null,
    });
    expect(result.missingSignals).toEqual(["loginTrend", "sponsor", "support", "payment", "renewal"]);
    expect(result.score).toBe(90);
    expect(result.band).toBe("unknown");
    expect(result.reasons).toEqual([
      "not enough data: 1 of 5 health signals known and fresh (3 needed); missing: login trend, sponsor, support, billing",
    ]);
  });

  it("does not call an account green on a single healthy signal", () => {
    const result = score({
      today,
      renewalDate: null,
      latest: aSnapshot({ invoiceDaysOverdue: 0 }),
      weekAgo: null,
    });
    expect(result).toMatchObject({ score: 100, band: "unknown" });
    expect(result.reasons[0]).toBe(
      "not enough data: 1 of 5 health signals known and fresh (3 needed); missing: usage, login trend, sponsor, support",
    );
  });

  it("takes the team's minimum of fresh signals", () => {
    const latest = aSnapshot({ invoiceDaysOverdue: 0, adoptionPct: 90 });
    expect(score({ today, renewalDate: null, latest, weekAgo: null }).band).toBe("unknown");
    const two = parse({ freshness: { minimumFreshSignals: 2 } });
    expect(score({ today, renewalDate: null, latest, weekAgo: null }, two).band).toBe("green");
  });

  it("re-normalizes the weights over the known sub-scores", () => {
    // adoption 100 (weight 25) and payment 40 (weight 10): (2500 + 400) / 35.
    const result = only({ adoptionPct: 100, invoiceDaysOverdue: 30 }, { renewalDate: null });
    expect(result.subScores.payment).toBe(40);
    expect(result.score).toBe(Math.round(2900 / 35));
  });

  it("needs both weeks and logins the week before for the login trend", () => {
    const latest = aSnapshot({ powerUserLogins: 10 });
    expect(loginDropPct(latest, null)).toBeNull();
    expect(loginDropPct(latest, aSnapshot({ date: daysBefore(7), powerUserLogins: 0 }))).toBeNull();
    expect(loginDropPct(latest, aSnapshot({ date: daysBefore(7) }))).toBeNull();
    expect(loginDropPct(aSnapshot(), aSnapshot({ date: daysBefore(7), powerUserLogins: 10 }))).toBeNull();
    expect(only({ powerUserLogins: 10 }).missingSignals).toContain("loginTrend");
  });

  it("compares logins only with a snapshot 6 to 8 days older", () => {
    const latest = aSnapshot({ powerUserLogins: 5 });
    const weekAgo = (days: number) => aSnapshot({ date: daysBefore(days), powerUserLogins: 10 });
    expect(loginDropPct(latest, weekAgo(6))).toBe(50);
    expect(loginDropPct(latest, weekAgo(8))).toBe(50);
    expect(loginDropPct(latest, weekAgo(5))).toBeNull();
    expect(loginDropPct(latest, weekAgo(9))).toBeNull();
    expect(findWeekAgo([weekAgo(9), weekAgo(8), weekAgo(7), weekAgo(1)], latest)?.date).toEqual(
      daysBefore(7),
    );
    expect(findWeekAgo([weekAgo(5), aSnapshot({ date: daysBefore(7) })], latest)).toBeNull();
  });

  it("calls an account with no signals yet not enough data, whatever the calendar says", () => {
    const noData =
      "not enough data: 0 of 5 health signals known and fresh (3 needed); missing: usage, login trend, sponsor, support, billing";
    for (const input of [
      { today, renewalDate: null, latest: null, weekAgo: null },
      { today, renewalDate: daysAfter(300), latest: aSnapshot(), weekAgo: null },
    ]) {
      const result = score(input);
      expect(result).toMatchObject({ score: 50, band: "unknown", reasons: [noData] });
    }
    const soon = score({ today, renewalDate: daysAfter(20), latest: null, weekAgo: null });
    expect(soon.reasons).toEqual([noData, "renewal in 20 days"]);
    expect(soon.missingSignals).toEqual(["adoption", "loginTrend", "sponsor", "support", "payment"]);
  });

  it("leaves out a sub-score weighted 0, though its reason is still given", () => {
    const config = parse({ weights: { adoption: 0 } });
    const result = score(aHealthyAccount({ featuresUsed: 0 }), config);
    expect(result.band).toBe("green");
    expect(result.reasons).toEqual(["adoption 0% of plan features (below 40%)"]);
    expect(score({ ...aHealthyAccount(), latest: aSnapshot({ adoptionPct: 10 }) }, config)).toMatchObject({
      score: 50,
      band: "unknown",
      reasons: [
        "not enough data: 1 of 5 health signals known and fresh (3 needed); missing: login trend, sponsor, support, billing",
        "adoption 10% of plan features (below 40%)",
      ],
    });
  });
});

describe("composite and band", () => {
  it("gives a healthy account a green score with no reasons", () => {
    const result = score(aHealthyAccount());
    expect(result.band).toBe("green");
    expect(result.score).toBeGreaterThanOrEqual(90);
    expect(result.reasons).toEqual([]);
    expect(result.missingSignals).toEqual([]);
  });

  it.each([
    ["adoption", { featuresUsed: 7 }],
    ["a login drop", { powerUserLogins: 19 }],
    ["a dark sponsor", { sponsorLastResponse: daysBefore(46) }],
    ["a P1/P2 spike", { p1P2Tickets30d: 2 }],
    ["late payment", { invoiceDaysOverdue: 31 }],
  ] as const)("keeps an otherwise healthy account out of green when %s is red", (_, latest) => {
    const result = score(aHealthyAccount(latest));
    expect(result).toMatchObject({ score: 69, band: "yellow" });
  });

  it("lets a near renewal lower the score only a little", () => {
    const result = score(aHealthyAccount({}, { renewalDate: daysAfter(10) }));
    expect(result.band).toBe("green");
    expect(result.reasons).toEqual(["renewal in 10 days"]);
  });

  it("turns red when two signals are red, however healthy the rest", () => {
    const result = score(aHealthyAccount({ featuresUsed: 7, invoiceDaysOverdue: 31 }));
    expect(result).toMatchObject({ score: 39, band: "red" });
  });

  it("does not let a red renewal cap the band", () => {
    const result = score(aHealthyAccount({ featuresUsed: 7 }, { renewalDate: daysAfter(5) }));
    expect(result.band).toBe("yellow");
  });

  it("follows configured bands and caps", () => {
    const config = parse({ bands: { greenFrom: 80, yellowFrom: 60 }, redCapsBand: [] });
    const result = score(aHealthyAccount({ invoiceDaysOverdue: 45 }), config);
    expect(result.subScores.payment).toBeLessThan(60);
    expect(result.band).toBe("green");
  });
});

describe("reasons", () => {
  it("says what is wrong in plain words, worst first", () => {
    const result = score({
      today,
      renewalDate: daysAfter(24),
      latest: aSnapshot({
        featuresUsed: 8,
        featuresInPlan: 25,
        powerUserLogins: 11,
        sponsorLastResponse: daysBefore(52),
        tickets30d: 12,
        p1P2Tickets30d: 3,
        invoiceDaysOverdue: 12,
      }),
      weekAgo: aSnapshot({ date: daysBefore(7), powerUserLogins: 30 }),
    });
    expect(result.reasons).toEqual([
      "3 P1/P2 tickets in 30 days",
      "power-user logins down 63% week over week",
      "adoption 32% of plan features (below 40%)",
      "renewal in 24 days",
      "sponsor dark for 52 days",
      "invoice 12 days overdue",
      "12 tickets in 30 days",
    ]);
    expect(result.band).toBe("red");
  });

  it("shows a decimal rather than round a value across its threshold", () => {
    expect(only({ adoptionPct: 39.9 }).reasons).toEqual(["adoption 39.9% of plan features (below 40%)"]);
    expect(only({ adoptionPct: 69.96 }).reasons).toEqual(["adoption 69.96% of plan features (below 70%)"]);
    const weekAgo = aSnapshot({ date: daysBefore(7), powerUserLogins: 1000 });
    expect(only({ powerUserLogins: 499 }, { weekAgo }).reasons).toEqual([
      "power-user logins down 50.1% week over week",
    ]);
  });

  it("counts in singular and plural, and words a passed renewal", () => {
    expect(only({ p1P2Tickets30d: 1, invoiceDaysOverdue: 1 }).reasons).toEqual([
      "invoice 1 day overdue",
      "1 P1/P2 ticket in 30 days",
    ]);
    const noData =
      "not enough data: 0 of 5 health signals known and fresh (0 needed); missing: usage, login trend, sponsor, support, billing";
    expect(only({}, { renewalDate: today }).reasons).toEqual([noData, "renewal today"]);
    expect(only({}, { renewalDate: daysBefore(5) }).reasons).toEqual([
      noData,
      "renewal overdue: the date passed 5 days ago with no outcome recorded",
    ]);
  });
});

function parse(input: unknown): HealthConfig {
  const parsed = parseHealthConfig(input);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.config;
}
