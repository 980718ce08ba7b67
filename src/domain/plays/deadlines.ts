// When a play is due once someone works it: claiming gives the play its kind's working time (a save plan
// takes a week, a late invoice a few days), and a snoozed play wakes with a day to be picked up again
// rather than already late. The settings are the team's (`plays` in the health configuration).
import type { HealthConfig } from "../health/config.ts";

export type PlayDeadlineSettings = HealthConfig["plays"];

const dayMs = 86_400_000;
const hourMs = 3_600_000;

/** Whole days a claimed play of this kind may be worked; any kind the settings do not name takes the default. */
export function claimDeadlineDays(kind: string, settings: PlayDeadlineSettings): number {
  return Object.hasOwn(settings.claimDeadlineDays, kind)
    ? (settings.claimDeadlineDays[kind] as number)
    : settings.defaultClaimDeadlineDays;
}

/** The due time a claim made at `claimedAt` gives the play. */
export function claimedDueAt(kind: string, claimedAt: Date, settings: PlayDeadlineSettings): Date {
  return new Date(claimedAt.getTime() + claimDeadlineDays(kind, settings) * dayMs);
}

/** A play snoozed until `snoozedUntil` is due `wakeDueHours` after it wakes then. */
export function wokenDueAt(snoozedUntil: Date, settings: PlayDeadlineSettings): Date {
  return new Date(snoozedUntil.getTime() + settings.wakeDueHours * hourMs);
}

export interface SnoozeState {
  status: "open" | "claimed" | "snoozed";
  snoozedUntil: Date | null;
  claimedBySlackId: string | null;
}

/**
 * The play as it stands at `now`: a snooze that has run out reads as woken (claimed when someone holds
 * it, open otherwise), as the next re-score will write it. Its due time is already the woken one: the
 * snooze wrote it (services/plays.ts snoozePlay).
 */
export function awakeAt<P extends SnoozeState>(play: P, now: Date): P {
  if (play.status !== "snoozed" || !play.snoozedUntil || play.snoozedUntil.getTime() > now.getTime())
    return play;
  return { ...play, status: play.claimedBySlackId ? "claimed" : "open", snoozedUntil: null };
}
