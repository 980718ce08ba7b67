// Recording what became of a renewal (renewed, with an upsell or a downsell, or churned) and a churn
// outside a renewal. Each writes its ARR movement, the outcome the renewal rate counts, rolls the
// renewal date and term forward or marks the account churned, and closes the plays it ends, with the
// audit row, in one transaction. The account's owner, their manager or an admin may record it.
import type { DataAccess } from "../db/client.ts";
import { insertMovements, type NewMovement } from "../db/repositories/arr-ledger.ts";
import { recordAudit } from "../db/repositories/audit.ts";
import {
  accountForOutcome,
  closeAccountPlays,
  insertRenewalOutcome,
  markChurned,
  rollRenewal,
} from "../db/repositories/renewal-outcomes.ts";
import type { Db } from "../db/repositories/types.ts";
import { mayWriteOnAccount } from "../domain/account-writers.ts";
import { utcDay } from "../domain/lifecycle.ts";
import { centsOf, fromCents } from "../domain/money.ts";
import { renewalPlayKinds } from "../domain/plays/kinds.ts";
import {
  outcomeProblem,
  type RenewalOutcomeInput,
  type RenewalResult,
  renewalChange,
} from "../domain/renewals/outcome.ts";
import type { TeamMember } from "../domain/team.ts";
import { personLabel } from "./play-refusals.ts";

export type OutcomeRecording =
  | { ok: true; accountName: string; result: RenewalResult; closedPlays: number }
  | { ok: false; message: string };

const say = {
  gone: "That account no longer exists; it may have been removed by an import.",
  notAllowed: (owner: string | null) =>
    owner
      ? `Only ${owner}, their manager or an admin can record this account's renewal or churn.`
      : "Only an admin can record the renewal or churn of an account nobody owns.",
};

type OutcomeAccount = NonNullable<Awaited<ReturnType<typeof accountForOutcome>>>;

async function writableAccount(
  db: DataAccess,
  accountId: string,
  caller: TeamMember,
): Promise<{ account: OutcomeAccount } | { message: string }> {
  const account = await accountForOutcome(db.client, accountId);
  if (!account) return { message: say.gone };
  const people = { ownerId: account.ownerId, ownerManagerId: account.owner?.managerId ?? null };
  if (!mayWriteOnAccount(people, caller))
    return { message: say.notAllowed(account.owner ? personLabel(account.owner) : null) };
  return { account };
}

export async function recordRenewalOutcome(
  db: DataAccess,
  accountId: string,
  input: RenewalOutcomeInput,
  caller: TeamMember,
  now: Date,
): Promise<OutcomeRecording> {
  const found = await writableAccount(db, accountId, caller);
  if ("message" in found) return { ok: false, message: found.message };
  const { account } = found;
  const problem = outcomeProblem(account, input);
  if (problem) return { ok: false, message: problem };
  const renewalDate = account.renewalDate as Date;
  const arr = account.arr === null ? null : centsOf(account.arr.toFixed(2));
  const actor = { userId: caller.id, label: caller.slackUserId, source: "slack" as const };
  return db.transaction(async (tx) => {
    let result: RenewalResult = "churned";
    let closedPlays: string[];
    if (input.kind === "churned") {
      closedPlays = await writeChurn(tx, account, { ...input, date: renewalDate }, caller, now);
    } else {
      const change = renewalChange(arr, input.newArrCents);
      result = change.result;
      if (change.movement)
        await insertMovements(tx, [
          movement(
            account.id,
            renewalDate,
            { ...change.movement, arrAfter: input.newArrCents, reason: "renewal" },
            now,
          ),
        ]);
      await rollRenewal(tx, account.id, {
        arr: fromCents(input.newArrCents),
        renewalDate: input.newRenewalDate,
        termStart: renewalDate,
      });
      closedPlays = await closeAccountPlays(tx, account.id, renewalPlayKinds, {
        note: `Renewal recorded: ${result}.`,
        closedById: caller.id,
        now,
      });
    }
    await insertRenewalOutcome(tx, {
      accountId: account.id,
      renewalDate,
      result,
      arrBefore: arr === null ? null : fromCents(arr),
      arrAfter: input.kind === "churned" ? "0" : fromCents(input.newArrCents),
      recordedById: caller.id,
    });
    await recordAudit(tx, actor, [
      {
        action: "account.renewal_outcome",
        entityType: "Account",
        entityId: account.id,
        changes: {
          result,
          renewalDate: renewalDate.toISOString().slice(0, 10),
          arr: [
            arr === null ? null : fromCents(arr),
            input.kind === "churned" ? "0.00" : fromCents(input.newArrCents),
          ],
          closedPlays,
        },
      },
    ]);
    return { ok: true as const, accountName: account.name, result, closedPlays: closedPlays.length };
  });
}

/** A churn outside a renewal (a payment that never came, a customer gone mid-term), dated today. */
export async function recordChurn(
  db: DataAccess,
  accountId: string,
  churn: { voluntary: boolean; reason: string },
  caller: TeamMember,
  now: Date,
): Promise<OutcomeRecording> {
  const found = await writableAccount(db, accountId, caller);
  if ("message" in found) return { ok: false, message: found.message };
  const { account } = found;
  if (account.churnedAt) return { ok: false, message: "This account has already churned." };
  if (!churn.reason.trim()) return { ok: false, message: "Say why the account churned." };
  return db.transaction(async (tx) => {
    const closedPlays = await writeChurn(tx, account, { ...churn, date: utcDay(now) }, caller, now);
    await recordAudit(tx, { userId: caller.id, label: caller.slackUserId, source: "slack" }, [
      {
        action: "account.churn",
        entityType: "Account",
        entityId: account.id,
        changes: { voluntary: churn.voluntary, reason: churn.reason, closedPlays },
      },
    ]);
    return {
      ok: true as const,
      accountName: account.name,
      result: "churned" as const,
      closedPlays: closedPlays.length,
    };
  });
}

/** The churn movement (of the whole ARR, when known), the churned account, and every play closed. */
async function writeChurn(
  tx: Db,
  account: OutcomeAccount,
  churn: { voluntary: boolean; reason: string; date: Date },
  caller: TeamMember,
  now: Date,
): Promise<string[]> {
  const arr = account.arr === null ? 0n : centsOf(account.arr.toFixed(2));
  if (arr > 0n)
    await insertMovements(tx, [
      {
        ...movement(
          account.id,
          churn.date,
          { kind: "churn", cents: arr, arrAfter: 0n, reason: churn.reason.trim() },
          now,
        ),
        churnType: churn.voluntary ? "voluntary" : "involuntary",
      },
    ]);
  await markChurned(tx, account.id, churn.date);
  return closeAccountPlays(tx, account.id, null, {
    note: "The account churned.",
    closedById: caller.id,
    now,
  });
}

function movement(
  accountId: string,
  date: Date,
  change: { kind: string; cents: bigint; arrAfter: bigint; reason: string },
  now: Date,
): NewMovement {
  return {
    accountId,
    kind: change.kind,
    churnType: null,
    amount: fromCents(change.cents),
    arrAfter: fromCents(change.arrAfter),
    effectiveDate: date,
    reason: change.reason,
    source: "manual",
    createdAt: now,
  };
}
