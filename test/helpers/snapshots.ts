// A health-signal snapshot for unit tests: every signal unknown unless the test says otherwise.
import { defaultHealthConfig } from "../../src/domain/health/config.ts";
import type { HealthResult } from "../../src/domain/health/score.ts";
import type { SignalSnapshot } from "../../src/domain/health/signals.ts";
import type { PlayRuleInput } from "../../src/domain/plays/rules.ts";

/** A green health result with every sub-score known; override what the test is about. */
export function aHealthResult(overrides: Partial<HealthResult> = {}): HealthResult {
  return {
    score: 85,
    band: "green",
    subScores: { adoption: 90, loginTrend: 90, sponsor: 90, support: 90, payment: 90, renewal: 90 },
    reasons: [],
    missingSignals: [],
    staleSignals: [],
    ...overrides,
  };
}

export function aSnapshot(date: Date, overrides: Partial<SignalSnapshot> = {}): SignalSnapshot {
  return {
    date,
    clearedFields: 0,
    featuresUsed: null,
    featuresInPlan: null,
    adoptionPct: null,
    powerUserLogins: null,
    sponsorLastResponse: null,
    tickets30d: null,
    p1P2Tickets30d: null,
    invoiceDaysOverdue: null,
    seatsActive: null,
    seatsPurchased: null,
    nps: null,
    csat: null,
    ...overrides,
  };
}

/** A healthy week: adoption 90%, steady power users, a sponsor who answered 5 days ago, no late invoices. */
export function aHealthyWeek(today: Date, latest: Partial<SignalSnapshot> = {}) {
  const daysBefore = (n: number) => new Date(today.getTime() - n * 86_400_000);
  return {
    latest: aSnapshot(today, {
      featuresUsed: 18,
      featuresInPlan: 20,
      powerUserLogins: 40,
      sponsorLastResponse: daysBefore(5),
      tickets30d: 2,
      p1P2Tickets30d: 0,
      invoiceDaysOverdue: 0,
      ...latest,
    }),
    weekAgo: aSnapshot(daysBefore(7), { powerUserLogins: 40 }),
  };
}

/** The play rules' input for an account with every signal known and healthy, two sponsors, 200 days in. */
export function aHealthyRuleInput(
  today: Date,
  latest: Partial<SignalSnapshot> = {},
  input: Partial<PlayRuleInput> = {},
): PlayRuleInput {
  return {
    today,
    contractStart: new Date(today.getTime() - 200 * 86_400_000),
    executiveSponsors: 2,
    health: aHealthResult(),
    ...aHealthyWeek(today, latest),
    config: defaultHealthConfig,
    ...input,
  };
}

/** The red account: the save play and six signal plays. */
export const redAccountKinds = [
  "save",
  "sponsor_reengage",
  "second_sponsor",
  "adoption_workshop",
  "power_user_checkin",
  "support_escalation",
  "billing_check",
] as const;
