// A churn: recorded on its own, outside a renewal (a payment that never came, a customer gone mid-term),
// or as a renewal's outcome. It writes the churn movement of the whole ARR with its kind (voluntary or
// not) and reason, marks the account churned and closes all its plays; an account churns once.
import type { DataAccess } from "../db/client.ts";
import { insertMovements, type NewMovement } from "../db/repositories/arr-ledger.ts";
import { recordAudit } from "../db/repositories/audit.ts";
import { accountForOutcome, closeAccountPlays, markChurned } from "../db/repositories/renewal-outcomes.ts";
import type { Db } from "../db/repositories/types.ts";
import { utcDay } from "../domain/lifecycle.ts";
import { centsOf, fromCents } from "../domain/money.ts";
import type { TeamMember } from "../domain/team.ts";
import { decimal, type OutcomeAccount, type OutcomeRecording, writableAccount } from "./outcome-account.ts";

/** Thrown inside a transaction when another request churned the account first: nothing is kept. */
export class ChurnedMeanwhile extends Error {}

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
  if (account.churnedAt) return churnedBefore(account.name, account.churnedAt);
  if (!churn.reason.trim()) return { ok: false, message: "Say why the account churned." };
  const date = utcDay(now);
  const arrBefore = decimal(account.arr);
  try {
    return await db.transaction(async (tx) => {
      const closedPlays = await writeChurn(tx, account, { ...churn, date }, caller, now);
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
        again: false,
        accountName: account.name,
        result: "churned" as const,
        effectiveOn: date,
        arrBefore,
        arrAfter: "0.00",
        closedPlays: closedPlays.length,
      };
    });
  } catch (error) {
    if (!(error instanceof ChurnedMeanwhile)) throw error;
    const after = await accountForOutcome(db.client, account.id);
    return churnedBefore(account.name, after?.churnedAt ?? date);
  }
}

function churnedBefore(accountName: string, churnedAt: Date): OutcomeRecording {
  return {
    ok: true,
    again: true,
    accountName,
    result: "churned",
    effectiveOn: churnedAt,
    arrBefore: null,
    arrAfter: "0.00",
    closedPlays: 0,
  };
}

/** The churn movement (of the whole ARR, when known), the churned account, and every play closed. */
export async function writeChurn(
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
  if (!(await markChurned(tx, account.id, churn.date))) throw new ChurnedMeanwhile();
  return closeAccountPlays(tx, account.id, null, {
    note: "The account churned.",
    closedById: caller.id,
    now,
  });
}

export function movement(
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
