// What one account's renewal calendar asks for on an owner's local today: the step to send (the one that
// fell due, or one whose sending was interrupted or failed with tries left), and the earlier steps that
// never fired and never will. Reads the account as the repository loads it; writes nothing.
import { maxReminderAttempts, type ReminderAccount } from "../db/repositories/renewal-steps.ts";
import { daysBetween } from "../domain/lifecycle.ts";
import { type RenewalStepDate, renewalCalendar, stepsToFire } from "../domain/renewals/calendar.ts";
import { commitForTerm } from "../domain/renewals/commit.ts";
import {
  type RenewalReminder,
  renewalStepPlayKind,
  renewalStepReason,
} from "../domain/renewals/reminders.ts";

export interface ReminderOwner {
  id: string;
  slackUserId: string;
  digestChannelId: string | null;
  /** The owner's local today (or the operator's --date). */
  today: Date;
}

export type CalendarAccount = ReminderAccount & { renewalDate: Date };

export interface DueStep {
  owner: ReminderOwner;
  account: CalendarAccount;
  step: RenewalStepDate;
  reminder: RenewalReminder;
}

export interface AccountPlan {
  due: DueStep | null;
  /** The due step fires for the first time (not a retry of a failed or abandoned one). */
  fresh: boolean;
  skip: { step: RenewalStepDate; why: string }[];
}

export function planAccount(account: CalendarAccount, owner: ReminderOwner): AccountPlan {
  const calendar = renewalCalendar(account.termStart ?? account.contractStart, account.renewalDate);
  const rows = account.renewalSteps.filter(
    (row) => row.renewalDate.getTime() === account.renewalDate.getTime(),
  );
  const commit = commitForTerm({ ...account, termStart: account.termStart ?? account.contractStart });
  const committed = commit === "committed";
  const { fire, skip } = stepsToFire(
    calendar,
    owner.today,
    new Set(rows.map((row) => row.step as RenewalStepDate["step"])),
    committed,
  );
  const skipped = skip.map((step) => ({ step, why: whySkipped(step, fire, committed) }));
  // A step claimed but never finished (a crash) or failed with tries left is the one to send again.
  const unfinished = rows.find(
    (row) => row.status === "sending" || (row.status === "failed" && row.attempts < maxReminderAttempts),
  );
  const step = fire ?? calendar.find((entry) => entry.step === unfinished?.step);
  if (!step) return { due: null, fresh: false, skip: skipped };
  const reminder: RenewalReminder = {
    step: step.step,
    playKind: renewalStepPlayKind[step.step],
    account: { id: account.id, name: account.name, arr: account.arr?.toFixed(2) ?? null },
    renewalDate: account.renewalDate,
    doneBy: step.doneBy,
    daysToRenewal: daysBetween(owner.today, account.renewalDate),
    reason: renewalStepReason(step, account.renewalDate),
    commit,
    ownerSlackId: owner.slackUserId,
    managerSlackId: account.owner?.manager?.slackUserId ?? null,
  };
  return { due: { owner, account, step, reminder }, fresh: Boolean(fire), skip: skipped };
}

/** With nothing to fire, every due step is past its done-by day (stepsToFire). */
function whySkipped(step: RenewalStepDate, fire: RenewalStepDate | null, committed: boolean): string {
  if (committed && step.step === "escalation") return "the renewal is committed";
  if (fire) return `a later step fell due before it was sent (${fire.step})`;
  return `its done-by day (${step.doneBy.toISOString().slice(0, 10)}) passed before it was sent`;
}

/** The plays of calendars whose renewal date moved: linked to steps keyed by another date. */
export function movedCalendarPlayIds(accounts: readonly CalendarAccount[]): string[] {
  return accounts.flatMap((account) =>
    account.renewalSteps.flatMap((row) =>
      row.playId && row.renewalDate.getTime() !== account.renewalDate.getTime() ? [row.playId] : [],
    ),
  );
}
