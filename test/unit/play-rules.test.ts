import { describe, expect, it } from "vitest";
import { defaultHealthConfig, type HealthConfig, parseHealthConfig } from "../../src/domain/health/config.ts";
import { bandFor, type HealthResult, scoreHealth } from "../../src/domain/health/score.ts";
import type { SignalSnapshot } from "../../src/domain/health/signals.ts";
import { signalPlayKinds } from "../../src/domain/plays/kinds.ts";
import { desiredPlays, type PlayRuleInput } from "../../src/domain/plays/rules.ts";
import { aHealthResult, aHealthyRuleInput, aSnapshot as snapshotOn } from "../helpers/snapshots.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = day("2026-06-10");
const daysBefore = (n: number) => new Date(today.getTime() - n * 86_400_000);

const aSnapshot = (overrides: Partial<SignalSnapshot> = {}) => snapshotOn(today, overrides);

const aHealth = aHealthResult;

/** Every signal known and healthy, two sponsors, 200 days in: no play fires. Override what the test is about. */
const aHealthyAccount = (latest: Partial<SignalSnapshot> = {}, input: Partial<PlayRuleInput> = {}) =>
  aHealthyRuleInput(today, latest, input);

const kindsFor = (input: PlayRuleInput) => desiredPlays(input).map((play) => play.kind);
const playOf = (input: PlayRuleInput, kind: string) => desiredPlays(input).find((play) => play.kind === kind);
function configWith(overrides: unknown): HealthConfig {
  const parsed = parseHealthConfig(overrides);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.config;
}

describe("a healthy account", () => {
  it("calls for no play", () => {
    expect(desiredPlays(aHealthyAccount())).toEqual([]);
  });

  it("calls for no play when nothing at all is known about it", () => {
    const unknown = { contractStart: null, health: null, latest: null, weekAgo: null, executiveSponsors: 0 };
    expect(desiredPlays(aHealthyAccount({}, unknown))).toEqual([]);
  });
});

describe("save play", () => {
  it("starts for a red account, with its score and top reasons", () => {
    const health = aHealth({
      score: 34,
      band: "red",
      reasons: ["sponsor dark for 52 days", "adoption 32% of plan features (below 40%)"],
    });
    expect(playOf(aHealthyAccount({}, { health }), "save")).toEqual({
      kind: "save",
      reason: "Health red (34): sponsor dark for 52 days; adoption 32% of plan features (below 40%)",
      trigger: { score: 34, band: "red", threshold: 40 },
    });
  });

  it("names the three worst reasons and counts the rest", () => {
    const health = aHealth({ score: 12, band: "red", reasons: ["a", "b", "c", "d", "e"] });
    expect(playOf(aHealthyAccount({}, { health }), "save")?.reason).toBe(
      "Health red (12): a; b; c; and 2 more",
    );
  });

  it("reads the score alone when the score gives no reason", () => {
    const health = aHealth({ score: 12, band: "red", reasons: [] });
    expect(playOf(aHealthyAccount({}, { health }), "save")?.reason).toBe("Health red (12)");
  });

  it.each(["green", "yellow", "unknown"] as const)("does not start for a %s account", (band) => {
    const kinds = kindsFor(aHealthyAccount({}, { health: aHealth({ score: 50, band }) }));
    expect(kinds).not.toContain("save");
  });

  it("does not start when the account has no score", () => {
    expect(kindsFor(aHealthyAccount({}, { health: null }))).toEqual([]);
  });
});

describe("re-engage the sponsor", () => {
  it.each([
    [44, false],
    [45, false],
    [46, true],
    [52, true],
  ])("a sponsor dark for %i days starts the play: %s", (dark, fires) => {
    expect(kindsFor(aHealthyAccount({ sponsorLastResponse: daysBefore(dark) }))).toEqual(
      fires ? ["sponsor_reengage"] : [],
    );
  });

  it("says how long the sponsor has been dark and keeps the values that fired it", () => {
    expect(playOf(aHealthyAccount({ sponsorLastResponse: daysBefore(52) }), "sponsor_reengage")).toEqual({
      kind: "sponsor_reengage",
      reason: "Executive sponsor dark for 52 days",
      trigger: { sponsorDarkDays: 52, sponsorLastResponse: "2026-04-19", threshold: 45 },
    });
  });

  it("follows the team's threshold", () => {
    const config = configWith({ thresholds: { sponsor: { redDarkAboveDays: 60 } } });
    expect(kindsFor(aHealthyAccount({ sponsorLastResponse: daysBefore(52) }, { config }))).toEqual([]);
    expect(kindsFor(aHealthyAccount({ sponsorLastResponse: daysBefore(61) }, { config }))).toEqual([
      "sponsor_reengage",
    ]);
  });

  it("does not start when the sponsor's last response is unknown", () => {
    expect(kindsFor(aHealthyAccount({ sponsorLastResponse: null }))).toEqual([]);
  });
});

describe("map a second executive sponsor", () => {
  it.each([
    [59, 1, false],
    [60, 1, true],
    [89, 1, true],
    [90, 1, true],
    [120, 1, true],
    [120, 0, true],
    [120, 2, false],
    [400, 3, false],
  ])("%i days into the contract with %i executive sponsors starts the play: %s", (days, sponsors, fires) => {
    const input = aHealthyAccount({}, { contractStart: daysBefore(days), executiveSponsors: sponsors });
    expect(kindsFor(input)).toEqual(fires ? ["second_sponsor"] : []);
  });

  it("says how many sponsors are mapped and how far into the contract the account is", () => {
    const oneSponsor = aHealthyAccount({}, { contractStart: daysBefore(120), executiveSponsors: 1 });
    expect(playOf(oneSponsor, "second_sponsor")).toEqual({
      kind: "second_sponsor",
      reason: "Only one executive sponsor mapped, 120 days into the contract (two are due by day 90)",
      trigger: { executiveSponsors: 1, contractDays: 120, threshold: 90 },
    });
    const noSponsor = aHealthyAccount({}, { contractStart: daysBefore(120), executiveSponsors: 0 });
    expect(playOf(noSponsor, "second_sponsor")?.reason).toBe(
      "No executive sponsor mapped, 120 days into the contract (two are due by day 90)",
    );
  });

  it("opens from day 60, due on day 90 of the contract: inside the first 90 days", () => {
    const input = aHealthyAccount({}, { contractStart: daysBefore(60), executiveSponsors: 1 });
    expect(playOf(input, "second_sponsor")?.dueAt).toEqual(daysBefore(60 - 90));
  });

  it("does not start when the contract start is unknown or still ahead", () => {
    expect(kindsFor(aHealthyAccount({}, { contractStart: null, executiveSponsors: 0 }))).toEqual([]);
    expect(kindsFor(aHealthyAccount({}, { contractStart: daysBefore(-10), executiveSponsors: 0 }))).toEqual(
      [],
    );
  });
});

describe("adoption workshop", () => {
  it.each([
    [40, false],
    [39.9, true],
    [32, true],
    [0, true],
  ])("adoption of %d%% starts the play: %s", (pct, fires) => {
    const input = aHealthyAccount({ featuresUsed: null, featuresInPlan: null, adoptionPct: pct });
    expect(kindsFor(input)).toEqual(fires ? ["adoption_workshop"] : []);
  });

  it("never rounds the adoption up to the threshold it is below", () => {
    const input = aHealthyAccount({ featuresUsed: null, featuresInPlan: null, adoptionPct: 39.96 });
    expect(playOf(input, "adoption_workshop")?.reason).toBe("Adoption 39.96% of plan features, below 40%");
  });

  it("reads the feature counts first, as the score does, and shows them", () => {
    const input = aHealthyAccount({ featuresUsed: 8, featuresInPlan: 25, adoptionPct: 90 });
    expect(playOf(input, "adoption_workshop")).toEqual({
      kind: "adoption_workshop",
      reason: "Adoption 32% of plan features (8 of 25), below 40%",
      trigger: { adoptionPct: 32, threshold: 40 },
    });
  });

  it("does not start when adoption is unknown", () => {
    expect(
      kindsFor(aHealthyAccount({ featuresUsed: null, featuresInPlan: null, adoptionPct: null })),
    ).toEqual([]);
  });
});

describe("power-user check-in", () => {
  const withLogins = (before: number | null, now: number | null, weekAgoDays = 7) =>
    aHealthyAccount(
      { powerUserLogins: now },
      { weekAgo: aSnapshot({ date: daysBefore(weekAgoDays), powerUserLogins: before }) },
    );

  it.each([
    [100, 50, false], // exactly 50%
    [1000, 499, true], // 50.1%
    [40, 15, true],
    [40, 0, true],
    [40, 60, false], // logins grew
  ])("power-user logins from %i to %i week over week starts the play: %s", (before, now, fires) => {
    expect(kindsFor(withLogins(before, now))).toEqual(fires ? ["power_user_checkin"] : []);
  });

  it("says how far the logins fell, as the score words it", () => {
    expect(playOf(withLogins(40, 15), "power_user_checkin")).toEqual({
      kind: "power_user_checkin",
      reason: "Power-user logins down 63% week over week (40 to 15)",
      trigger: { loginDropPct: 62.5, powerUserLogins: 15, powerUserLoginsWeekAgo: 40, threshold: 50 },
    });
  });

  it("does not start when either week's logins are unknown or there is nothing to drop from", () => {
    expect(kindsFor(withLogins(null, 0))).toEqual([]);
    expect(kindsFor(withLogins(40, null))).toEqual([]);
    expect(kindsFor(withLogins(0, 0))).toEqual([]);
    expect(kindsFor(aHealthyAccount({ powerUserLogins: 0 }, { weekAgo: null }))).toEqual([]);
  });

  it("does not compare with a snapshot that is not a week old", () => {
    expect(kindsFor(withLogins(40, 0, 10))).toEqual([]);
    expect(kindsFor(withLogins(40, 0, 8))).toEqual(["power_user_checkin"]);
  });
});

describe("support escalation review", () => {
  it.each([
    [0, false],
    [1, false],
    [2, true],
    [5, true],
  ])("%i P1/P2 tickets in 30 days starts the play: %s", (p1P2, fires) => {
    const input = aHealthyAccount({ p1P2Tickets30d: p1P2, tickets30d: 5 });
    expect(kindsFor(input)).toEqual(fires ? ["support_escalation"] : []);
  });

  it("counts the P1/P2 tickets in its reason", () => {
    expect(playOf(aHealthyAccount({ p1P2Tickets30d: 3, tickets30d: 9 }), "support_escalation")).toEqual({
      kind: "support_escalation",
      reason: "P1/P2 spike: 3 P1/P2 tickets in the last 30 days",
      trigger: { p1P2Tickets30d: 3, tickets30d: 9, threshold: 2 },
    });
  });

  it("is not started by ticket volume alone, nor when the P1/P2 count is unknown", () => {
    expect(kindsFor(aHealthyAccount({ p1P2Tickets30d: 0, tickets30d: 40 }))).toEqual([]);
    expect(kindsFor(aHealthyAccount({ p1P2Tickets30d: null, tickets30d: 40 }))).toEqual([]);
  });
});

describe("billing check", () => {
  it.each([
    [0, false],
    [1, false],
    [15, false],
    [16, true],
    [45, true],
  ])("an invoice %i days overdue starts the play: %s", (overdue, fires) => {
    expect(kindsFor(aHealthyAccount({ invoiceDaysOverdue: overdue }))).toEqual(
      fires ? ["billing_check"] : [],
    );
  });

  it("says how late the invoice is", () => {
    expect(playOf(aHealthyAccount({ invoiceDaysOverdue: 16 }), "billing_check")).toEqual({
      kind: "billing_check",
      reason: "Invoice 16 days overdue",
      trigger: { invoiceDaysOverdue: 16, threshold: 15 },
    });
  });

  it("follows the team's threshold for the play and ignores an unknown one", () => {
    const config = configWith({ thresholds: { payment: { playAfterDaysOverdue: 5 } } });
    expect(kindsFor(aHealthyAccount({ invoiceDaysOverdue: 5 }, { config }))).toEqual([]);
    expect(kindsFor(aHealthyAccount({ invoiceDaysOverdue: 6 }, { config }))).toEqual(["billing_check"]);
    expect(kindsFor(aHealthyAccount({ invoiceDaysOverdue: null }))).toEqual([]);
  });
});

describe("plays and the health score agree", () => {
  // The same readings feed both: a play fires exactly when the score calls its signal red (or, for
  // payment, anything but green), so a card never shows a red signal without its play.
  const subScoreBand = (input: PlayRuleInput, name: keyof HealthResult["subScores"]) => {
    const health = scoreHealth(
      { today, renewalDate: null, latest: input.latest, weekAgo: input.weekAgo },
      input.config,
    );
    const value = health.subScores[name];
    return value === null ? null : bandFor(value, input.config);
  };

  it.each([40, 44, 45, 46, 47, 60])("sponsor dark for %i days", (dark) => {
    const input = aHealthyAccount({ sponsorLastResponse: daysBefore(dark) });
    expect(kindsFor(input).includes("sponsor_reengage")).toBe(subScoreBand(input, "sponsor") === "red");
  });

  it.each([38, 39, 39.5, 39.99, 40, 41])("adoption of %d%%", (pct) => {
    const input = aHealthyAccount({ featuresUsed: null, featuresInPlan: null, adoptionPct: pct });
    expect(kindsFor(input).includes("adoption_workshop")).toBe(subScoreBand(input, "adoption") === "red");
  });

  it.each([19, 20, 21, 40])("power-user logins from 40 to %i", (now) => {
    const input = aHealthyAccount({ powerUserLogins: now });
    expect(kindsFor(input).includes("power_user_checkin")).toBe(subScoreBand(input, "loginTrend") === "red");
  });

  it.each([0, 1, 2, 3])("%i P1/P2 tickets", (p1P2) => {
    const input = aHealthyAccount({ p1P2Tickets30d: p1P2, tickets30d: 3 });
    expect(kindsFor(input).includes("support_escalation")).toBe(subScoreBand(input, "support") === "red");
  });

  it.each([0, 1, 15, 16, 31])("an invoice %i days overdue", (overdue) => {
    // The sub-score turns yellow on the first day; the play waits for the team's threshold (15 days).
    const input = aHealthyAccount({ invoiceDaysOverdue: overdue });
    expect(subScoreBand(input, "payment")).toBe(overdue === 0 ? "green" : overdue > 30 ? "red" : "yellow");
    expect(kindsFor(input).includes("billing_check")).toBe(overdue > 15);
  });
});

describe("an account in trouble on every front", () => {
  it("gets one play per kind, always in the same order", () => {
    const input = aHealthyAccount(
      {
        featuresUsed: 5,
        featuresInPlan: 20,
        powerUserLogins: 4,
        sponsorLastResponse: daysBefore(60),
        tickets30d: 12,
        p1P2Tickets30d: 4,
        invoiceDaysOverdue: 40,
      },
      { executiveSponsors: 1, previousNps: 50 },
    );
    const health = scoreHealth(
      {
        today,
        renewalDate: null,
        latest: { ...(input.latest as SignalSnapshot), nps: 0 },
        weekAgo: input.weekAgo,
      },
      defaultHealthConfig,
    );
    const plays = desiredPlays({ ...input, latest: { ...(input.latest as SignalSnapshot), nps: 0 }, health });
    // The review play is for yellow accounts, the data-gap play for feeds that went quiet: not these.
    expect(plays.map((play) => play.kind)).toEqual(
      signalPlayKinds.filter((kind) => kind !== "health_review" && kind !== "data_gap"),
    );
    expect(plays[0]?.reason).toMatch(/^Health red \(\d+\): /);
  });
});
