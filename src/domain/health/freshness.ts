// Which health signals are fresh enough to speak for today. A signal older than its staleness window is
// stale: still shown, never counted among the fresh ones a band needs. Unknown is not healthy: with
// fewer fresh signals than the team's minimum, the account's band is "not enough data".

import type { HealthConfig, SignalSubScoreName } from "./config.ts";
import { ageOf, type CurrentSignals } from "./current.ts";
import type { SignalFieldName } from "./signals.ts";

/** The sub-scores read off the feeds; renewal comes from the contract and is always current. */
export const signalSubScoreNames = ["adoption", "loginTrend", "sponsor", "support", "payment"] as const;

/** The fields each sub-score reads, and the feed a CSM knows them by ("no usage data for 9 days"). */
const sources: Record<SignalSubScoreName, { fields: SignalFieldName[]; feed: string }> = {
  adoption: { fields: ["featuresUsed", "featuresInPlan", "adoptionPct"], feed: "usage" },
  loginTrend: { fields: ["powerUserLogins"], feed: "power-user login" },
  sponsor: { fields: ["sponsorLastResponse"], feed: "sponsor" },
  support: { fields: ["p1P2Tickets30d", "tickets30d"], feed: "support" },
  payment: { fields: ["invoiceDaysOverdue"], feed: "billing" },
};

export function feedOf(name: SignalSubScoreName): string {
  return sources[name].feed;
}

/** Days since the freshest field of the sub-score was sent; null when none of them is known. */
export function subScoreAge(
  signals: Pick<CurrentSignals, "latest" | "asOf">,
  name: SignalSubScoreName,
  today: Date,
): number | null {
  const ages = sources[name].fields
    .map((field) => ageOf(signals, field, today))
    .filter((age): age is number => age !== null);
  return ages.length ? Math.min(...ages) : null;
}

export interface StaleSignal {
  name: SignalSubScoreName;
  days: number;
}

export function isStale(name: SignalSubScoreName, age: number, config: HealthConfig): boolean {
  return age > config.freshness.staleAfterDays[name];
}

export function staleText({ name, days }: StaleSignal): string {
  return `no ${feedOf(name)} data for ${days} day${days === 1 ? "" : "s"}`;
}

const missingNames: Record<SignalSubScoreName, string> = {
  adoption: "usage",
  loginTrend: "login trend",
  sponsor: "sponsor",
  support: "support",
  payment: "billing",
};

/** "not enough data: 2 of 5 health signals known and fresh (3 needed); missing: support, billing". */
export function notEnoughDataText(
  fresh: number,
  missing: readonly SignalSubScoreName[],
  config: HealthConfig,
): string {
  const needed = config.freshness.minimumFreshSignals;
  const head = `not enough data: ${fresh} of ${signalSubScoreNames.length} health signals known and fresh (${needed} needed)`;
  return missing.length ? `${head}; missing: ${missing.map((name) => missingNames[name]).join(", ")}` : head;
}
