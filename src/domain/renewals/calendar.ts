// The renewal calendar (docs/plays.md, "Renewal plays"): the expansion conversation opens by month 7 of
// a 12-month term, T-90 locks the renewal (commit documented, expansion conversation open), the commit is
// documented by T-60, T-30 without a commit goes to the manager, and on the renewal date someone records
// the outcome. Each step fires once per account and renewal date; a renewal date that moves starts a new
// calendar. Pure: dates in, steps out.
import { daysBetween } from "../lifecycle.ts";

export const renewalStepNames = [
  "expansion_conversation",
  "renewal_lock",
  "commit_check",
  "escalation",
  "record_outcome",
] as const;
export type RenewalStepName = (typeof renewalStepNames)[number];

export interface RenewalStepDate {
  step: RenewalStepName;
  /** The day the step falls due. */
  dueOn: Date;
  /** The day its play should be done by: the next step's day (a week after the renewal for the last). */
  doneBy: Date;
}

const dayMs = 86_400_000;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * dayMs);

/** Days before the renewal date of the steps that count back from it. */
const countdown: Partial<Record<RenewalStepName, number>> = {
  renewal_lock: 90,
  commit_check: 60,
  escalation: 30,
  record_outcome: 0,
};

/** The expansion conversation is due in month 7 of 12: its step comes as month 7 starts, half the term in. */
const expansionShare = 6 / 12;
/** A 12-month term, when the term's start is unknown. */
const yearDays = 365;

/** The calendar of one renewal date, in step order. `termStart` scales the expansion step. */
export function renewalCalendar(termStart: Date | null, renewalDate: Date): RenewalStepDate[] {
  const termDays = termStart ? Math.max(1, daysBetween(termStart, renewalDate)) : yearDays;
  const start = termStart ?? addDays(renewalDate, -yearDays);
  const dates: { step: RenewalStepName; dueOn: Date }[] = [
    { step: "expansion_conversation", dueOn: addDays(start, Math.round(termDays * expansionShare)) },
    ...renewalStepNames
      .filter((step) => countdown[step] !== undefined)
      .map((step) => ({ step, dueOn: addDays(renewalDate, -(countdown[step] as number)) })),
  ];
  // A short term can put the expansion step after the lock: it then falls on the lock's day.
  const lock = dates[1]?.dueOn as Date;
  if ((dates[0] as { dueOn: Date }).dueOn > lock) (dates[0] as { dueOn: Date }).dueOn = lock;
  return dates.map((date, i) => ({ ...date, doneBy: dates[i + 1]?.dueOn ?? addDays(renewalDate, 7) }));
}

export interface StepsToFire {
  /** The one step to send now: the latest that is due, has not fired and is not past its done-by day. */
  fire: RenewalStepDate | null;
  /**
   * Due steps that never fired and never will: earlier ones (a late reminder for each would bury the
   * one that matters), and a latest one whose done-by day has passed.
   */
  skip: RenewalStepDate[];
}

/**
 * What to do today with a calendar, given the steps already recorded (fired or skipped). A bot that was
 * down sends the step that fell due while it was down, once; an account imported at T-45 gets its T-60
 * step, not three reminders at once. A step past its done-by day is not sent at all: a book imported
 * with renewals months past would otherwise bring one "record the outcome" per account on the first
 * morning, each opening a play already overdue (the digest lists renewals past due instead). The
 * escalation is skipped when the renewal is committed.
 */
export function stepsToFire(
  calendar: readonly RenewalStepDate[],
  today: Date,
  recorded: ReadonlySet<RenewalStepName>,
  committed: boolean,
): StepsToFire {
  const due = calendar.filter((step) => step.dueOn.getTime() <= today.getTime() && !recorded.has(step.step));
  const wanted = due.filter((step) => !(committed && step.step === "escalation"));
  const latest = wanted.at(-1);
  const fire = latest && latest.doneBy.getTime() > today.getTime() ? latest : null;
  return { fire, skip: due.filter((step) => step !== fire) };
}
