// The order a CSM works their plays in (`/plays`, the digest): what is late first, then what has the
// most revenue riding on it, then what falls due next. And when a new signal play falls due.
import { centsOf } from "../money.ts";

/** DOMAIN.md: signal-driven teams start the play within 24 hours of the signal. */
export const playStartWithinHours = 24;

const hourMs = 3_600_000;

export function dueAtFor(signalAt: Date): Date {
  return new Date(signalAt.getTime() + playStartWithinHours * hourMs);
}

/** Past its due time; a play due this very instant is not late yet. */
export function isOverdue(dueAt: Date, now: Date): boolean {
  return dueAt.getTime() < now.getTime();
}

export interface UrgencyFields {
  dueAt: Date;
  /** The account's ARR as an exact decimal string ("120000.50"), compared without floating point. */
  arrAtRisk: string;
}

/**
 * A new array, most urgent first: overdue plays, the most overdue first (equally late: more ARR first);
 * then the others by ARR at risk, highest first, and equal ARR by due time, soonest first. Plays equal
 * on all of that keep their given order.
 */
export function sortByUrgency<T extends UrgencyFields>(plays: readonly T[], now: Date): T[] {
  const keyed = plays.map((play) => ({
    play,
    due: play.dueAt.getTime(),
    overdue: isOverdue(play.dueAt, now),
    cents: centsOf(play.arrAtRisk),
  }));
  keyed.sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.overdue && a.due !== b.due) return a.due - b.due;
    if (a.cents !== b.cents) return a.cents > b.cents ? -1 : 1;
    return a.due - b.due;
  });
  return keyed.map((entry) => entry.play);
}
