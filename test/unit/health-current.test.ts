import { describe, expect, it } from "vitest";
import { defaultHealthConfig } from "../../src/domain/health/config.ts";
import { currentSignals } from "../../src/domain/health/current.ts";
import { scoreHealth } from "../../src/domain/health/score.ts";
import { signalFieldBit } from "../../src/domain/health/signals.ts";
import { aSnapshot } from "../helpers/snapshots.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = day("2026-06-10");
const daysBefore = (n: number) => new Date(today.getTime() - n * 86_400_000);

/** Scores what the feeds sent, as the re-score does: each signal at its latest known value. */
function scoreOf(snapshots: Parameters<typeof currentSignals>[0], segment: string | null = null) {
  const current = currentSignals(snapshots);
  return scoreHealth(
    {
      today,
      renewalDate: day("2027-03-01"),
      latest: current?.latest ?? null,
      weekAgo: current?.weekAgo ?? null,
      asOf: current?.asOf ?? {},
      segment,
    },
    defaultHealthConfig,
  );
}

describe("what is known today, from snapshots sent in pieces", () => {
  it("keeps each signal's latest known value when a later snapshot did not send it", () => {
    const current = currentSignals([
      aSnapshot(daysBefore(2), { featuresUsed: 12, featuresInPlan: 20, powerUserLogins: 40 }),
      aSnapshot(daysBefore(1), { invoiceDaysOverdue: 4 }),
    ]);
    expect(current?.latest).toMatchObject({
      date: daysBefore(1),
      featuresUsed: 12,
      featuresInPlan: 20,
      powerUserLogins: 40,
      invoiceDaysOverdue: 4,
    });
    expect(current?.asOf.featuresUsed).toEqual(daysBefore(2));
    expect(current?.asOf.invoiceDaysOverdue).toEqual(daysBefore(1));
  });

  it("forgets a value a later snapshot cleared with an explicit null", () => {
    const current = currentSignals([
      aSnapshot(daysBefore(2), { nps: 40, tickets30d: 3 }),
      aSnapshot(daysBefore(1), { clearedFields: signalFieldBit("nps") }),
    ]);
    expect(current?.latest.nps).toBeNull();
    expect(current?.latest.tickets30d).toBe(3);
  });

  it("finds the login trend's week-ago snapshot from the day logins were last sent", () => {
    const current = currentSignals([
      aSnapshot(daysBefore(9), { powerUserLogins: 100 }),
      aSnapshot(daysBefore(2), { powerUserLogins: 30 }),
      aSnapshot(daysBefore(1), { invoiceDaysOverdue: 0 }),
    ]);
    expect(current?.weekAgo?.powerUserLogins).toBe(100);
  });

  it("remembers the NPS before the latest, for a drop", () => {
    const current = currentSignals([
      aSnapshot(daysBefore(20), { nps: 50 }),
      aSnapshot(daysBefore(1), { nps: 10 }),
    ]);
    expect(current).toMatchObject({ latest: { nps: 10 }, previousNps: 50 });
  });
});

describe("health that tells the truth", () => {
  it("measures a dark sponsor to today, not to the snapshot's day", () => {
    // The sponsor last answered 53 days ago; the snapshot that said so is 13 days old.
    const result = scoreOf([
      aSnapshot(daysBefore(13), {
        sponsorLastResponse: daysBefore(53),
        featuresUsed: 18,
        featuresInPlan: 20,
        tickets30d: 0,
        p1P2Tickets30d: 0,
        invoiceDaysOverdue: 0,
      }),
    ]);
    expect(result.reasons).toContain("sponsor dark for 53 days");
    expect(result.subScores.sponsor).toBeLessThan(40);
  });

  it("lists stale signals and does not count them among the fresh ones a band needs", () => {
    const result = scoreOf([
      aSnapshot(daysBefore(9), { featuresUsed: 18, featuresInPlan: 20, powerUserLogins: 40 }),
      aSnapshot(daysBefore(1), { invoiceDaysOverdue: 0, tickets30d: 1, p1P2Tickets30d: 0 }),
    ]);
    expect(result.staleSignals).toEqual([{ name: "adoption", days: 9 }]);
    expect(result.band).toBe("unknown");
    expect(result.reasons).toEqual([
      "not enough data: 2 of 5 health signals known and fresh (3 needed); missing: login trend, sponsor",
      "no usage data for 9 days",
    ]);
  });

  it("gives a band again once enough signals are fresh", () => {
    const result = scoreOf([
      aSnapshot(daysBefore(3), { featuresUsed: 18, featuresInPlan: 20, sponsorLastResponse: daysBefore(10) }),
      aSnapshot(daysBefore(1), { invoiceDaysOverdue: 0, tickets30d: 1, p1P2Tickets30d: 0 }),
    ]);
    expect(result.band).toBe("green");
    expect(result.staleSignals).toEqual([]);
  });

  it("never calls an account green once its renewal date passed with no outcome", () => {
    const result = scoreHealth(
      {
        today,
        renewalDate: daysBefore(3),
        latest: aSnapshot(today, {
          featuresUsed: 20,
          featuresInPlan: 20,
          sponsorLastResponse: daysBefore(2),
          tickets30d: 0,
          p1P2Tickets30d: 0,
          invoiceDaysOverdue: 0,
        }),
        weekAgo: null,
      },
      defaultHealthConfig,
    );
    expect(result.band).toBe("yellow");
    expect(result.reasons).toContain("renewal overdue: the date passed 3 days ago with no outcome recorded");
  });

  it("reads support against the account's segment", () => {
    const twoP1s = [
      aSnapshot(daysBefore(1), {
        featuresUsed: 18,
        featuresInPlan: 20,
        sponsorLastResponse: daysBefore(5),
        tickets30d: 8,
        p1P2Tickets30d: 2,
        invoiceDaysOverdue: 0,
      }),
    ];
    expect(scoreOf(twoP1s, "smb").reasons).toContain("2 P1/P2 tickets in 30 days");
    expect(scoreOf(twoP1s, "smb").subScores.support).toBeLessThan(40);
    expect(scoreOf(twoP1s, "enterprise").subScores.support).toBeGreaterThanOrEqual(40);
  });
});
