// What the renewal outcome and churn forms open with, or why they do not open: the account, its ARR and
// renewal date, the date a renewal most likely rolls to, and the plays recording it would close. The same
// checks run again when the form is submitted (renewal-outcome.ts, churn.ts).
import type { DataAccess } from "../db/client.ts";
import { openPlaysOf } from "../db/repositories/plays.ts";
import { daysBetween, renewalWindowDays } from "../domain/lifecycle.ts";
import { renewalPlayKinds } from "../domain/plays/kinds.ts";
import { renewalOutcomeDue, rolledRenewalDate } from "../domain/renewals/outcome.ts";
import type { TeamMember } from "../domain/team.ts";
import { decimal, type OutcomeAccount, writableAccount } from "./outcome-account.ts";

export interface OutcomeForm {
  accountId: string;
  accountName: string;
  /** "50000.00"; null when unknown. */
  arr: string | null;
  /** Plays not closed: a renewal closes the renewal plays, a churn all of them. */
  openPlays: number;
  openRenewalPlays: number;
}

export interface RenewalOutcomeForm extends OutcomeForm {
  renewalDate: Date;
  /** The current renewal date rolled forward by the term: the form's proposal for the next one. */
  nextRenewalDate: Date;
}

export type FormStart<T> = { ok: true; form: T } | { ok: false; message: string };

const dayMs = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const say = {
  churned: (day: string) => `This account churned on ${day}: there is nothing more to record.`,
  noRenewal:
    "This account has no renewal date to record an outcome for: the CRM import sets it. A customer leaving now is recorded with Record churn.",
  tooEarly: (day: string, days: number, from: string) =>
    `This account renews on ${day}, in ${days} days: its outcome is recorded from ${from} (T-${renewalWindowDays}) on. A customer leaving now is recorded with Record churn.`,
};

export async function renewalOutcomeStart(
  db: DataAccess,
  accountId: string,
  caller: TeamMember,
  today: Date,
): Promise<FormStart<RenewalOutcomeForm>> {
  const found = await activeAccount(db, accountId, caller);
  if ("message" in found) return { ok: false, message: found.message };
  const { account } = found;
  const renewalDate = account.renewalDate;
  if (!renewalDate) return { ok: false, message: say.noRenewal };
  if (!renewalOutcomeDue(account, today)) {
    const from = new Date(renewalDate.getTime() - renewalWindowDays * dayMs);
    const days = daysBetween(today, renewalDate);
    return { ok: false, message: say.tooEarly(isoDay(renewalDate), days, isoDay(from)) };
  }
  return {
    ok: true,
    form: {
      ...(await formOf(db, account)),
      renewalDate,
      nextRenewalDate: rolledRenewalDate(account.termStart ?? account.contractStart, renewalDate),
    },
  };
}

/** A churn outside a renewal: any account its caller may write on, until it churns. */
export async function churnStart(
  db: DataAccess,
  accountId: string,
  caller: TeamMember,
): Promise<FormStart<OutcomeForm>> {
  const found = await activeAccount(db, accountId, caller);
  if ("message" in found) return { ok: false, message: found.message };
  return { ok: true, form: await formOf(db, found.account) };
}

/** The account, when the caller may record on it and it has not churned; else why not. */
async function activeAccount(db: DataAccess, accountId: string, caller: TeamMember) {
  const found = await writableAccount(db, accountId, caller);
  if ("account" in found && found.account.churnedAt)
    return { message: say.churned(isoDay(found.account.churnedAt)) };
  return found;
}

async function formOf(db: DataAccess, account: OutcomeAccount): Promise<OutcomeForm> {
  const plays = await openPlaysOf(db.client, [account.id]);
  const renewalKinds: readonly string[] = renewalPlayKinds;
  return {
    accountId: account.id,
    accountName: account.name,
    arr: decimal(account.arr),
    openPlays: plays.length,
    openRenewalPlays: plays.filter((play) => renewalKinds.includes(play.kind)).length,
  };
}
