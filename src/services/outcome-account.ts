// The account a renewal outcome or a churn is recorded on, when the caller may record it (its owner,
// their manager or an admin), and what recording one answers. Shared by the recording services and by
// the forms that open to record them.
import type { DataAccess } from "../db/client.ts";
import { accountForOutcome } from "../db/repositories/renewal-outcomes.ts";
import { mayWriteOnAccount } from "../domain/account-writers.ts";
import type { RenewalResult } from "../domain/renewals/outcome.ts";
import type { TeamMember } from "../domain/team.ts";
import { personLabel } from "./play-refusals.ts";

export interface RecordedOutcome {
  accountName: string;
  result: RenewalResult;
  /** The renewal date the outcome closes; for a churn outside a renewal, the day it was recorded. */
  effectiveOn: Date;
  /** ARR before (null: unknown) and after, as decimals ("50000.00"). */
  arrBefore: string | null;
  arrAfter: string;
  closedPlays: number;
}

/** `again`: it was already recorded (by this form submitted twice, or by someone else); nothing was written. */
export type OutcomeRecording =
  | ({ ok: true; again: boolean } & RecordedOutcome)
  | { ok: false; message: string };

export const outcomeSay = {
  gone: "That account no longer exists; it may have been removed by an import.",
  churned: "This account has already churned.",
  notAllowed: (owner: string | null) =>
    owner
      ? `Only ${owner}, their manager or an admin can record this account's renewal or churn.`
      : "Only an admin can record the renewal or churn of an account nobody owns.",
};

export type OutcomeAccount = NonNullable<Awaited<ReturnType<typeof accountForOutcome>>>;

/** A Prisma decimal as "50000.00"; null stays null (an ARR nobody knows). */
export const decimal = (value: { toFixed(digits: number): string } | null): string | null =>
  value ? value.toFixed(2) : null;

/** The account, when `caller` may record its renewal or churn; else why not. */
export async function writableAccount(
  db: DataAccess,
  accountId: string,
  caller: TeamMember,
): Promise<{ account: OutcomeAccount } | { message: string }> {
  const account = await accountForOutcome(db.client, accountId);
  if (!account) return { message: outcomeSay.gone };
  const people = { ownerId: account.ownerId, ownerManagerId: account.owner?.managerId ?? null };
  if (!mayWriteOnAccount(people, caller))
    return { message: outcomeSay.notAllowed(account.owner ? personLabel(account.owner) : null) };
  return { account };
}
