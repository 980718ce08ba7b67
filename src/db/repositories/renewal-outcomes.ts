// The writes of a renewal outcome or a churn: the account before, the outcome row, the rolled renewal,
// the churned account, and closing the plays an outcome ends.
import { accountPeopleSelect } from "./accounts.ts";
import type { Db } from "./types.ts";

/** What recording an outcome needs of the account: who may, the ARR and the dates. */
export function accountForOutcome(db: Db, id: string) {
  return db.account.findUnique({
    where: { id },
    select: {
      ...accountPeopleSelect,
      arr: true,
      renewalDate: true,
      termStart: true,
      contractStart: true,
      churnedAt: true,
    },
  });
}

/** The outcome recorded for one renewal of an account, if any: one per account and renewal date. */
export function findRenewalOutcome(db: Db, accountId: string, renewalDate: Date) {
  return db.renewalOutcome.findUnique({
    where: { accountId_renewalDate: { accountId, renewalDate } },
    select: { result: true, arrBefore: true, arrAfter: true, renewalDate: true },
  });
}

export function insertRenewalOutcome(
  tx: Db,
  outcome: {
    accountId: string;
    renewalDate: Date;
    result: "renewed" | "upsold" | "downsold" | "churned";
    arrBefore: string | null;
    arrAfter: string;
    recordedById: string;
  },
): Promise<unknown> {
  return tx.renewalOutcome.create({ data: outcome });
}

/** A renewal rolls the date forward: the new term starts on the old renewal date, at the new ARR. */
export function rollRenewal(
  tx: Db,
  id: string,
  change: { arr: string; renewalDate: Date; termStart: Date },
): Promise<unknown> {
  return tx.account.update({
    where: { id },
    data: { ...change, renewalCommit: null, renewalCommitAt: null },
  });
}

/** Marks the account churned unless it already is; false when it was (another request churned it first). */
export async function markChurned(tx: Db, id: string, churnedAt: Date): Promise<boolean> {
  const { count } = await tx.account.updateMany({
    where: { id, churnedAt: null },
    data: { arr: "0", churnedAt },
  });
  return count === 1;
}

/** Closes the account's plays that are not closed yet (of `kinds`, when given); returns their ids. */
export async function closeAccountPlays(
  tx: Db,
  accountId: string,
  kinds: readonly string[] | null,
  change: { note: string; closedById: string; now: Date },
): Promise<string[]> {
  const closed = await tx.play.updateManyAndReturn({
    where: { accountId, status: { not: "closed" }, ...(kinds ? { kind: { in: [...kinds] } } : {}) },
    data: {
      status: "closed",
      outcome: "done",
      outcomeNote: change.note,
      closedById: change.closedById,
      closedAt: change.now,
      openKey: null,
    },
    select: { id: true },
  });
  return closed.map((play) => play.id);
}
