import { describe, expect, it } from "vitest";
import { defaultHealthConfig, parseHealthConfig, supportThresholds } from "../../src/domain/health/config.ts";

const problemsOf = (input: unknown) => {
  const parsed = parseHealthConfig(input);
  return parsed.ok ? [] : parsed.problems;
};

describe("health score configuration", () => {
  it("defaults to the documented thresholds and a small renewal weight", () => {
    expect(defaultHealthConfig).toEqual({
      weights: { adoption: 25, loginTrend: 25, sponsor: 20, support: 15, payment: 10, renewal: 5 },
      thresholds: {
        adoption: { redBelowPct: 40, greenFromPct: 70 },
        loginTrend: { yellowDropAbovePct: 20, redDropAbovePct: 50 },
        sponsor: { yellowDarkAboveDays: 30, redDarkAboveDays: 45 },
        support: {
          p1P2YellowAt: 1,
          p1P2RedAt: 2,
          ticketsYellowAbove: 10,
          ticketsRedAbove: 25,
          bySegment: {
            enterprise: { p1P2YellowAt: 2, p1P2RedAt: 4, ticketsYellowAbove: 25, ticketsRedAbove: 60 },
            mid_market: {},
            smb: { ticketsYellowAbove: 5, ticketsRedAbove: 12 },
          },
        },
        payment: { yellowOverdueAboveDays: 0, redOverdueAboveDays: 30, playAfterDaysOverdue: 15 },
        nps: { detractorAtOrBelow: 6, dropAtLeast: 30 },
        renewal: { yellowWithinDays: 90, redWithinDays: 30 },
      },
      freshness: {
        staleAfterDays: { adoption: 7, loginTrend: 7, sponsor: 7, support: 7, payment: 7 },
        minimumFreshSignals: 3,
      },
      bands: { greenFrom: 70, yellowFrom: 40 },
      redCapsBand: ["adoption", "loginTrend", "sponsor", "support", "payment"],
      plays: {
        claimDeadlineDays: {
          save: 7,
          health_review: 7,
          sponsor_reengage: 5,
          second_sponsor: 14,
          adoption_workshop: 14,
          power_user_checkin: 5,
          support_escalation: 3,
          billing_check: 3,
          nps_recovery: 5,
          data_gap: 3,
          renewal_expansion: 14,
          renewal_lock: 7,
          renewal_commit: 7,
          renewal_escalation: 3,
          renewal_outcome: 3,
          contact_left: 14,
        },
        defaultClaimDeadlineDays: 7,
        wakeDueHours: 24,
      },
    });
  });

  it("reads an empty or missing file as the defaults", () => {
    expect(parseHealthConfig({})).toEqual({ ok: true, config: defaultHealthConfig });
    expect(parseHealthConfig(undefined)).toEqual({ ok: true, config: defaultHealthConfig });
  });

  it("takes a team's changes and keeps the defaults for the rest", () => {
    const parsed = parseHealthConfig({
      weights: { renewal: 0 },
      thresholds: { sponsor: { redDarkAboveDays: 60 } },
    });
    expect(parsed.ok && parsed.config.weights).toEqual({ ...defaultHealthConfig.weights, renewal: 0 });
    expect(parsed.ok && parsed.config.thresholds.sponsor).toEqual({
      yellowDarkAboveDays: 30,
      redDarkAboveDays: 60,
    });
    expect(parsed.ok && parsed.config.thresholds.adoption).toEqual(defaultHealthConfig.thresholds.adoption);
  });

  it.each([
    [{ weights: { adoption: -1 } }, "weights.adoption: must be a weight, 0 or more"],
    [{ weights: { sponsor: "high" } }, "weights.sponsor: must be a weight, 0 or more"],
    [
      { thresholds: { adoption: { redBelowPct: 140 } } },
      "thresholds.adoption.redBelowPct: must be a percentage from 0 to 100",
    ],
    [
      { thresholds: { loginTrend: { redDropAbovePct: -5 } } },
      "thresholds.loginTrend.redDropAbovePct: must be a percentage from 0 to 100",
    ],
    [
      { thresholds: { sponsor: { redDarkAboveDays: 45.5 } } },
      "thresholds.sponsor.redDarkAboveDays: must be a whole number of days, 0 or more",
    ],
    [
      { thresholds: { support: { p1P2YellowAt: 0 } } },
      "thresholds.support.p1P2YellowAt: must be a whole number of tickets, 1 or more",
    ],
    [
      { thresholds: { support: { ticketsRedAbove: -1 } } },
      "thresholds.support.ticketsRedAbove: must be a whole number of tickets, 0 or more",
    ],
    [
      { thresholds: { payment: { redOverdueAboveDays: -1 } } },
      "thresholds.payment.redOverdueAboveDays: must be a whole number of days, 0 or more",
    ],
    [
      { thresholds: { renewal: { yellowWithinDays: "T-90" } } },
      "thresholds.renewal.yellowWithinDays: must be a whole number of days, 0 or more",
    ],
    [{ bands: { greenFrom: 101 } }, "bands.greenFrom: must be a whole score from 1 to 100"],
    [{ bands: { yellowFrom: 0 } }, "bands.yellowFrom: must be a whole score from 1 to 100"],
    [
      { redCapsBand: ["adoption", "nps"] },
      "redCapsBand[1]: must be one of adoption, loginTrend, sponsor, support, payment, renewal",
    ],
    [{ redCapsBand: "adoption" }, "redCapsBand: must be a list of sub-score names"],
    [
      { plays: { claimDeadlineDays: { save: 0 } } },
      "plays.claimDeadlineDays.save: must be a whole number of days, 1 or more",
    ],
    [
      { plays: { claimDeadlineDays: { "Save play": 3 } } },
      "plays.claimDeadlineDays.Save play: is not a play kind: lower case and underscores (save, billing_check…)",
    ],
    [{ plays: { claimDeadlineDays: 7 } }, "plays.claimDeadlineDays: must be an object of play kind → days"],
    [
      { plays: { defaultClaimDeadlineDays: 2.5 } },
      "plays.defaultClaimDeadlineDays: must be a whole number of days, 1 or more",
    ],
    [{ plays: { wakeDueHours: -1 } }, "plays.wakeDueHours: must be a whole number of hours, 0 or more"],
    [{ plays: { wakeDueHour: 12 } }, "plays.wakeDueHour: unknown setting"],
  ])("refuses %j: %s", (input, problem) => {
    expect(problemsOf(input)).toEqual([problem]);
  });

  it.each([
    [
      { thresholds: { adoption: { redBelowPct: 70 } } },
      "thresholds.adoption.redBelowPct: must be below greenFromPct (70 is not below 70)",
    ],
    [
      { thresholds: { loginTrend: { yellowDropAbovePct: 60 } } },
      "thresholds.loginTrend.yellowDropAbovePct: must be below redDropAbovePct (60 is not below 50)",
    ],
    [
      { thresholds: { sponsor: { redDarkAboveDays: 20 } } },
      "thresholds.sponsor.yellowDarkAboveDays: must be below redDarkAboveDays (30 is not below 20)",
    ],
    [
      { thresholds: { support: { p1P2RedAt: 1 } } },
      "thresholds.support.p1P2YellowAt: must be below p1P2RedAt (1 is not below 1)",
    ],
    [
      { thresholds: { support: { ticketsYellowAbove: 30 } } },
      "thresholds.support.ticketsYellowAbove: must be below ticketsRedAbove (30 is not below 25)",
    ],
    [
      { thresholds: { payment: { redOverdueAboveDays: 0 } } },
      "thresholds.payment.yellowOverdueAboveDays: must be below redOverdueAboveDays (0 is not below 0)",
    ],
    [
      { thresholds: { renewal: { redWithinDays: 120 } } },
      "thresholds.renewal.redWithinDays: must be below yellowWithinDays (120 is not below 90)",
    ],
    [{ bands: { yellowFrom: 75 } }, "bands.yellowFrom: must be below greenFrom (75 is not below 70)"],
    [
      { weights: { adoption: 0, loginTrend: 0, sponsor: 0, support: 0, payment: 0, renewal: 0 } },
      "weights: at least one weight must be above 0",
    ],
  ])("checks settings against each other: %j", (input, problem) => {
    expect(problemsOf(input)).toEqual([problem]);
  });

  it("reads support thresholds per segment, the team-wide ones where a segment sets none", () => {
    const parsed = parseHealthConfig({
      thresholds: { support: { p1P2RedAt: 3, bySegment: { smb: { p1P2RedAt: 2 } } } },
    });
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    expect(supportThresholds(parsed.config, "smb")).toMatchObject({ p1P2YellowAt: 1, p1P2RedAt: 2 });
    expect(supportThresholds(parsed.config, "mid_market")).toMatchObject({ p1P2RedAt: 3 });
    expect(supportThresholds(parsed.config, null)).toMatchObject({ p1P2RedAt: 3 });
    expect(supportThresholds(parsed.config, "enterprise")).toMatchObject({ p1P2RedAt: 4 });
    expect(problemsOf({ thresholds: { support: { bySegment: { smb: { p1P2YellowAt: 5 } } } } })).toEqual([
      "thresholds.support.bySegment.smb.p1P2YellowAt: must be below p1P2RedAt (5 is not below 2)",
    ]);
  });

  it("refuses a staleness window the snapshots read cannot see, and more fresh signals than there are", () => {
    expect(problemsOf({ freshness: { staleAfterDays: { payment: 90 }, minimumFreshSignals: 6 } })).toEqual([
      "freshness.staleAfterDays.payment: must be at most 60 days (older snapshots are not read)",
      "freshness.minimumFreshSignals: must be a whole number of signals from 0 to 5",
    ]);
  });

  it("reports every cross-field problem at once", () => {
    expect(
      problemsOf({ thresholds: { adoption: { redBelowPct: 80 } }, bands: { yellowFrom: 80 } }),
    ).toHaveLength(2);
  });

  it("names unknown settings, which are usually typos", () => {
    expect(problemsOf({ weigths: {}, thresholds: { sponsor: { darkDays: 45, dark: 1 } } })).toEqual([
      "thresholds.sponsor.darkDays: unknown setting",
      "thresholds.sponsor.dark: unknown setting",
      "weigths: unknown setting",
    ]);
  });

  it("refuses something that is not a set of settings", () => {
    expect(problemsOf("weights: 1")).toEqual(["health config: must be an object of settings"]);
    expect(problemsOf({ thresholds: [] })).toEqual(["thresholds: must be an object of settings"]);
  });
});
