// A health-signal snapshot for unit tests: every signal unknown unless the test says otherwise.
import type { SignalSnapshot } from "../../src/domain/health/signals.ts";

export function aSnapshot(date: Date, overrides: Partial<SignalSnapshot> = {}): SignalSnapshot {
  return {
    date,
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
