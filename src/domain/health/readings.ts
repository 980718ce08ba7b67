// The values the health score and the play rules read off snapshots, computed one way for both, so a
// play's reason ("power-user logins down 63%") always agrees with the score's.
import { daysBetween } from "../lifecycle.ts";
import type { SignalSnapshot } from "./signals.ts";

/** Share of the plan's features in use, 0-100: from the counts when both are known, else as reported. */
export function adoptionPctOf(snapshot: SignalSnapshot): number | null {
  const { featuresUsed, featuresInPlan } = snapshot;
  if (featuresUsed !== null && featuresInPlan !== null && featuresInPlan > 0)
    return Math.min(100, (featuresUsed / featuresInPlan) * 100);
  return snapshot.adoptionPct;
}

/** How far a week-ago snapshot may sit from seven days before the latest one. */
export const weekAgoToleranceDays = 1;

function isWeekBefore(earlier: SignalSnapshot, latest: SignalSnapshot): boolean {
  return Math.abs(daysBetween(earlier.date, latest.date) - 7) <= weekAgoToleranceDays;
}

/**
 * Power-user logins lost against the week before, in percent (negative when they grew). Null when either
 * week is unknown, when the earlier week had no logins (no base to drop from), or when `weekAgo` is not
 * 7 ± 1 days before `latest`.
 */
export function loginDropPct(latest: SignalSnapshot, weekAgo: SignalSnapshot | null): number | null {
  if (!weekAgo || !isWeekBefore(weekAgo, latest)) return null;
  const before = weekAgo.powerUserLogins;
  const now = latest.powerUserLogins;
  if (before === null || now === null || before === 0) return null;
  return ((before - now) / before) * 100;
}

/** The snapshot the login trend compares with: closest to 7 days before `latest`, with logins known. */
export function findWeekAgo(
  snapshots: readonly SignalSnapshot[],
  latest: SignalSnapshot,
): SignalSnapshot | null {
  let best: SignalSnapshot | null = null;
  for (const snapshot of snapshots) {
    if (snapshot.powerUserLogins === null || !isWeekBefore(snapshot, latest)) continue;
    const offBy = Math.abs(daysBetween(snapshot.date, latest.date) - 7);
    if (!best || offBy < Math.abs(daysBetween(best.date, latest.date) - 7)) best = snapshot;
  }
  return best;
}

/**
 * Days from the sponsor's last response to `today`, not to the snapshot's day: a sponsor who answered
 * 53 days ago is dark 53 days, however old the snapshot that said so. Null when never recorded.
 */
export function sponsorDarkDays(snapshot: SignalSnapshot, today: Date = snapshot.date): number | null {
  if (!snapshot.sponsorLastResponse) return null;
  return Math.max(0, daysBetween(snapshot.sponsorLastResponse, today));
}
