// What is known about an account today, from the snapshots its feeds sent over the last weeks: each
// signal's latest known value and the day it was sent. Feeds send pieces on their own schedules (usage
// daily, billing when an invoice moves, the CRM's sponsor field weekly), so the latest snapshot alone
// knows only what its own feed sent; a value stays known until a newer snapshot sends it again or
// clears it with an explicit null.
import { daysBetween } from "../lifecycle.ts";
import { findWeekAgo } from "./readings.ts";
import { type SignalFieldName, type SignalSnapshot, signalFieldNames } from "./signals.ts";

export interface CurrentSignals {
  /** Every field at its latest known value; `date` is the newest snapshot's day. */
  latest: SignalSnapshot;
  /** The day each known field was sent. */
  asOf: Partial<Record<SignalFieldName, Date>>;
  /** The snapshot about 7 days before the latest known power-user logins, for the login trend. */
  weekAgo: SignalSnapshot | null;
  /** The NPS known before the latest one, for a drop. */
  previousNps: number | null;
}

/** `snapshots` oldest first, as the repository reads them; null when there are none. */
export function currentSignals(snapshots: readonly SignalSnapshot[]): CurrentSignals | null {
  const newest = snapshots.at(-1);
  if (!newest) return null;
  const latest: SignalSnapshot = { ...newest, clearedFields: 0 };
  const asOf: Partial<Record<SignalFieldName, Date>> = {};
  let loginsFrom: SignalSnapshot | null = null;
  let previousNps: number | null = null;
  signalFieldNames.forEach((field, bit) => {
    for (let i = snapshots.length - 1; i >= 0; i--) {
      const snapshot = snapshots[i] as SignalSnapshot;
      const value = snapshot[field];
      if (value !== null) {
        (latest as unknown as Record<string, unknown>)[field] = value;
        asOf[field] = snapshot.date;
        if (field === "powerUserLogins") loginsFrom = snapshot;
        if (field === "nps") previousNps = previousValue(snapshots, i, "nps", bit);
        return;
      }
      if (snapshot.clearedFields & (1 << bit)) break;
    }
    (latest as unknown as Record<string, unknown>)[field] = null;
  });
  const weekAgo = loginsFrom ? findWeekAgo(snapshots, loginsFrom) : null;
  return { latest, asOf, weekAgo, previousNps };
}

/** The known value of `field` before snapshot `before`, unless it was cleared in between. */
function previousValue(
  snapshots: readonly SignalSnapshot[],
  before: number,
  field: "nps",
  bit: number,
): number | null {
  for (let i = before - 1; i >= 0; i--) {
    const snapshot = snapshots[i] as SignalSnapshot;
    if (snapshot[field] !== null) return snapshot[field];
    if (snapshot.clearedFields & (1 << bit)) return null;
  }
  return null;
}

/** Days since `field` was last sent, measured to `today`; null when it is not known. */
export function ageOf(
  signals: Pick<CurrentSignals, "latest" | "asOf">,
  field: SignalFieldName,
  today: Date,
): number | null {
  if (signals.latest[field] === null) return null;
  return daysBetween(signals.asOf[field] ?? signals.latest.date, today);
}
