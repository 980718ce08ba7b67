// What a renewal outcome writes to the ARR ledger, decided from the figures: renewed at the same ARR,
// with an upsell (more) or a downsell (less), or churned; when an outcome can be recorded, and the renewal
// date a renewal most likely rolls to. Pure.
import { daysBetween, renewalWindowDays } from "../lifecycle.ts";

export type RenewalOutcomeInput =
  | { kind: "renewed"; newArrCents: bigint; newRenewalDate: Date }
  | { kind: "churned"; voluntary: boolean; reason: string };

export type RenewalResult = "renewed" | "upsold" | "downsold" | "churned";

export interface LedgerChange {
  kind: "new" | "expansion" | "contraction" | "churn";
  cents: bigint;
}

/** The result and the movement a renewal at `newArr` makes of an ARR of `arr` (null: unknown). */
export function renewalChange(
  arr: bigint | null,
  newArr: bigint,
): { result: RenewalResult; movement: LedgerChange | null } {
  if (arr === null || arr === 0n)
    return { result: "renewed", movement: newArr > 0n ? { kind: "new", cents: newArr } : null };
  if (newArr > arr) return { result: "upsold", movement: { kind: "expansion", cents: newArr - arr } };
  if (newArr < arr) return { result: "downsold", movement: { kind: "contraction", cents: arr - newArr } };
  return { result: "renewed", movement: null };
}

/** Why a renewal outcome cannot be recorded as given; null when it can. */
export function outcomeProblem(
  account: { renewalDate: Date | null; churnedAt: Date | null },
  input: RenewalOutcomeInput,
): string | null {
  if (account.churnedAt) return "This account has already churned.";
  if (!account.renewalDate) return "This account has no renewal date to record an outcome for.";
  if (input.kind === "churned") return input.reason.trim() ? null : "Say why the account churned.";
  if (input.newArrCents <= 0n) return "A renewal needs its new ARR, above $0; record a churn instead.";
  if (input.newRenewalDate <= account.renewalDate)
    return `The new renewal date must be after ${account.renewalDate.toISOString().slice(0, 10)}.`;
  return null;
}

/** An outcome is recorded from T-90 (the renewal lock) on, and for a renewal past due, until the account churns. */
export function renewalOutcomeDue(
  account: { renewalDate: Date | null; churnedAt: Date | null },
  today: Date,
): boolean {
  if (account.churnedAt || !account.renewalDate) return false;
  return daysBetween(today, account.renewalDate) <= renewalWindowDays;
}

const dayMs = 86_400_000;
const monthsPerYear = 12;

/**
 * The renewal date a renewal rolls to: the current one moved forward by the term's length. A term of
 * whole months moves by months (a year stays a year across a leap day, and a term ending on a month's
 * last day keeps ending on one); any other term by its days; an unknown or empty term by a year.
 */
export function rolledRenewalDate(termStart: Date | null, renewalDate: Date): Date {
  const start = termStart && termStart < renewalDate ? termStart : null;
  if (!start) return addMonths(renewalDate, monthsPerYear);
  const months =
    (renewalDate.getUTCFullYear() - start.getUTCFullYear()) * monthsPerYear +
    renewalDate.getUTCMonth() -
    start.getUTCMonth();
  const sameDay = start.getUTCDate() === renewalDate.getUTCDate();
  if (months > 0 && (sameDay || (isMonthEnd(start) && isMonthEnd(renewalDate))))
    return addMonths(renewalDate, months);
  return new Date(renewalDate.getTime() + daysBetween(start, renewalDate) * dayMs);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function isMonthEnd(date: Date): boolean {
  return date.getUTCDate() === lastDayOfMonth(date.getUTCFullYear(), date.getUTCMonth());
}

/** `months` later, on the same day of the month, or the month's last day when it is shorter or `date` ends its month. */
function addMonths(date: Date, months: number): Date {
  const total = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(total / monthsPerYear);
  const month = total % monthsPerYear;
  const last = lastDayOfMonth(year, month);
  const day = isMonthEnd(date) ? last : Math.min(date.getUTCDate(), last);
  const rolled = new Date(0);
  rolled.setUTCFullYear(year, month, day);
  return rolled;
}
