// The plays a red or yellow state, a survey and a quiet feed call for, and when a reading is fresh
// enough to close one.
import { describe, expect, it } from "vitest";
import { defaultHealthConfig } from "../../src/domain/health/config.ts";
import type { SignalSnapshot } from "../../src/domain/health/signals.ts";
import { feedStatus } from "../../src/domain/plays/data-gap.ts";
import { decidePlays, type PlayRuleInput } from "../../src/domain/plays/rules.ts";
import { aHealthResult, aHealthyRuleInput } from "../helpers/snapshots.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = day("2026-06-10");
const daysBefore = (n: number) => new Date(today.getTime() - n * 86_400_000);

const aHealth = aHealthResult;

const anAccount = (latest: Partial<SignalSnapshot> = {}, input: Partial<PlayRuleInput> = {}) =>
  aHealthyRuleInput(today, latest, input);

/** Every field of the healthy week sent `days` ago. */
const sentDaysAgo = (days: number) =>
  Object.fromEntries(
    [
      "featuresUsed",
      "featuresInPlan",
      "powerUserLogins",
      "sponsorLastResponse",
      "tickets30d",
      "p1P2Tickets30d",
      "invoiceDaysOverdue",
    ].map((field) => [field, daysBefore(days)]),
  );

const kinds = (input: PlayRuleInput) => decidePlays(input).desired.map((play) => play.kind);

describe("every red and yellow state has its play", () => {
  it("opens a review play for a yellow account, with the reasons", () => {
    const health = aHealth({ score: 58, band: "yellow", reasons: ["sponsor dark for 38 days"] });
    const review = decidePlays(anAccount({}, { health })).desired.find(
      (play) => play.kind === "health_review",
    );
    expect(review?.reason).toBe("Health yellow (58): sponsor dark for 38 days");
  });

  it("opens an NPS recovery play for a detractor score or a drop of 30 points", () => {
    expect(kinds(anAccount({ nps: 6 }))).toEqual(["nps_recovery"]);
    expect(kinds(anAccount({ nps: 7 }))).toEqual([]);
    expect(kinds(anAccount({ nps: 40 }, { previousNps: 70 }))).toEqual(["nps_recovery"]);
    expect(kinds(anAccount({ nps: 41 }, { previousNps: 70 }))).toEqual([]);
    const drop = decidePlays(anAccount({ nps: 40 }, { previousNps: 70 })).desired[0];
    expect(drop?.reason).toBe("NPS dropped 30 points (70 to 40)");
  });
});

describe("only a fresh reading closes a play", () => {
  it("counts a signal sent within its window as cleared when it does not fire", () => {
    const { cleared } = decidePlays(anAccount({}, { asOf: sentDaysAgo(2) }));
    expect([...cleared]).toEqual(
      expect.arrayContaining([
        "sponsor_reengage",
        "adoption_workshop",
        "support_escalation",
        "billing_check",
      ]),
    );
  });

  it("clears nothing on signals older than their staleness window", () => {
    const { desired, cleared } = decidePlays(
      anAccount({}, { asOf: sentDaysAgo(14), health: aHealth({ band: "unknown" }) }),
    );
    expect(desired).toEqual([]);
    expect(cleared.has("sponsor_reengage")).toBe(false);
    expect(cleared.has("billing_check")).toBe(false);
    expect(cleared.has("save")).toBe(false);
  });

  it("keeps a dark sponsor dark on an old snapshot: darkness only grows until a newer answer", () => {
    const input = anAccount({ sponsorLastResponse: daysBefore(53) }, { asOf: sentDaysAgo(13) });
    expect(kinds(input)).toContain("sponsor_reengage");
  });
});

describe("data gaps", () => {
  const everyFeedFresh = feedStatus(
    { adoption: today, loginTrend: today, sponsor: today, support: today, payment: today },
    today,
    defaultHealthConfig.freshness.staleAfterDays,
  );

  it("opens one data-gap play naming what stopped arriving for this account", () => {
    const asOf = { ...sentDaysAgo(1), featuresUsed: daysBefore(9), featuresInPlan: daysBefore(9) };
    const gap = decidePlays(anAccount({ invoiceDaysOverdue: null }, { asOf, feeds: everyFeedFresh })).desired;
    expect(gap).toEqual([
      {
        kind: "data_gap",
        reason: "Data gap: no usage data for 9 days; no billing data",
        trigger: { feeds: "usage, billing" },
      },
    ]);
  });

  it("opens none for a feed the whole book stopped sending: that is one notice to the admins", () => {
    const billingSilent = feedStatus(
      { adoption: today, loginTrend: today, sponsor: today, support: today, payment: daysBefore(10) },
      today,
      defaultHealthConfig.freshness.staleAfterDays,
    );
    expect([...billingSilent.silent]).toEqual(["payment"]);
    const asOf = { ...sentDaysAgo(1), invoiceDaysOverdue: daysBefore(10) };
    expect(kinds(anAccount({}, { asOf, feeds: billingSilent }))).toEqual([]);
  });

  it("opens none for a feed the team does not run", () => {
    const noBilling = feedStatus(
      { adoption: today, loginTrend: today, sponsor: today, support: today },
      today,
      defaultHealthConfig.freshness.staleAfterDays,
    );
    expect(
      kinds(anAccount({ invoiceDaysOverdue: null }, { asOf: sentDaysAgo(1), feeds: noBilling })),
    ).toEqual([]);
  });

  it("closes only when every signal is fresh again, on a re-score that does not know the feeds", () => {
    expect(decidePlays(anAccount({}, { asOf: sentDaysAgo(1) })).cleared.has("data_gap")).toBe(true);
    const stale = { ...sentDaysAgo(1), tickets30d: daysBefore(9), p1P2Tickets30d: daysBefore(9) };
    const { desired, cleared } = decidePlays(anAccount({}, { asOf: stale }));
    expect(cleared.has("data_gap")).toBe(false);
    expect(desired).toEqual([]);
  });
});
