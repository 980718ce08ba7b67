// The order a CSM works their plays in (`/plays`, the digest): what is late first, then what falls due
// next, then what has the most revenue riding on it. And when a new signal play falls due.
import { centsOf } from "../money.ts";

/** Signal-driven teams start the play within 24 hours of the signal. */
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
  arrAtRisk: string | null;
}

/**
 * Negative when `a` is more urgent than `b`: overdue before not overdue, the most overdue first; then the
 * soonest due; plays due at the same moment by ARR at risk, highest first. Zero when they are equal on all.
 */
export function compareUrgency(a: UrgencyFields, b: UrgencyFields, now: Date): number {
  const aOverdue = isOverdue(a.dueAt, now);
  if (aOverdue !== isOverdue(b.dueAt, now)) return aOverdue ? -1 : 1;
  const due = a.dueAt.getTime() - b.dueAt.getTime();
  if (due !== 0) return due;
  // Unknown ARR sorts as the least at risk.
  const [aCents, bCents] = [centsOf(a.arrAtRisk ?? "0"), centsOf(b.arrAtRisk ?? "0")];
  if (aCents === bCents) return 0;
  return aCents > bCents ? -1 : 1;
}

/** A new array, most urgent first (`compareUrgency`); plays equal on all of it keep their given order. */
export function sortByUrgency<T extends UrgencyFields>(plays: readonly T[], now: Date): T[] {
  return [...plays].sort((a, b) => compareUrgency(a, b, now));
}
