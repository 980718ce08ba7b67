// Recording what became of a renewal: renewed (at the same ARR, with an upsell or a downsell) or churned.
// It writes the ARR movement, the outcome the renewal rate counts, rolls the renewal date and term forward
// (closing the renewal plays) or churns the account (churn.ts), with the audit row, in one transaction.
// One outcome per account and renewal date: asked again (a form submitted twice, or someone else first),
// it answers with what is recorded and writes nothing.
import type { DataAccess } from "../db/client.ts";
import { insertMovements } from "../db/repositories/arr-ledger.ts";
import { recordAudit } from "../db/repositories/audit.ts";
import {
  closeAccountPlays,
  findRenewalOutcome,
  insertRenewalOutcome,
  rollRenewal,
} from "../db/repositories/renewal-outcomes.ts";
import { centsOf, fromCents } from "../domain/money.ts";
import { renewalPlayKinds } from "../domain/plays/kinds.ts";
import {
  outcomeProblem,
  type RenewalOutcomeInput,
  type RenewalResult,
  renewalChange,
} from "../domain/renewals/outcome.ts";
import type { TeamMember } from "../domain/team.ts";
import { ChurnedMeanwhile, movement, writeChurn } from "./churn.ts";
import {
  decimal,
  type OutcomeAccount,
  type OutcomeRecording,
  outcomeSay,
  writableAccount,
} from "./outcome-account.ts";
import { isUniqueViolation } from "./touches.ts";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const moved = (renewalDate: Date | null) =>
  renewalDate
    ? `This account's renewal date changed to ${isoDay(renewalDate)} since the form was opened: open it again.`
    : "This account no longer has a renewal date (an import removed it): there is no renewal to record.";

/**
 * `forRenewal` is the renewal date the form was opened for (the account's current one when not given):
 * an outcome already recorded for it is not recorded again, and a date that moved since is refused.
 */
export async function recordRenewalOutcome(
  db: DataAccess,
  accountId: string,
  input: RenewalOutcomeInput,
  caller: TeamMember,
  now: Date,
  forRenewal?: Date,
): Promise<OutcomeRecording> {
  const found = await writableAccount(db, accountId, caller);
  if ("message" in found) return { ok: false, message: found.message };
  const { account } = found;
  const recorded = await alreadyRecorded(db, account, forRenewal ?? account.renewalDate);
  if (recorded) return recorded;
  if (forRenewal && account.renewalDate?.getTime() !== forRenewal.getTime())
    return { ok: false, message: moved(account.renewalDate) };
  const problem = outcomeProblem(account, input);
  if (problem) return { ok: false, message: problem };
  try {
    return await writeOutcome(db, account, input, caller, now);
  } catch (error) {
    if (error instanceof ChurnedMeanwhile) return { ok: false, message: outcomeSay.churned };
    const meanwhile = isUniqueViolation(error) && (await alreadyRecorded(db, account, account.renewalDate));
    if (meanwhile) return meanwhile;
    throw error;
  }
}

/** The outcome recorded for this renewal date, as an answer that writes nothing; null when there is none. */
async function alreadyRecorded(
  db: DataAccess,
  account: OutcomeAccount,
  renewalDate: Date | null,
): Promise<OutcomeRecording | null> {
  const outcome = renewalDate && (await findRenewalOutcome(db.client, account.id, renewalDate));
  if (!outcome) return null;
  return {
    ok: true,
    again: true,
    accountName: account.name,
    result: outcome.result,
    effectiveOn: outcome.renewalDate,
    arrBefore: decimal(outcome.arrBefore),
    arrAfter: outcome.arrAfter.toFixed(2),
    closedPlays: 0,
  };
}

async function writeOutcome(
  db: DataAccess,
  account: OutcomeAccount,
  input: RenewalOutcomeInput,
  caller: TeamMember,
  now: Date,
): Promise<OutcomeRecording> {
  const renewalDate = account.renewalDate as Date;
  const arr = account.arr === null ? null : centsOf(account.arr.toFixed(2));
  const arrBefore = arr === null ? null : fromCents(arr);
  const arrAfter = input.kind === "churned" ? "0.00" : fromCents(input.newArrCents);
  const change = input.kind === "churned" ? null : renewalChange(arr, input.newArrCents);
  const result: RenewalResult = change?.result ?? "churned";
  const actor = { userId: caller.id, label: caller.slackUserId, source: "slack" as const };
  return db.transaction(async (tx) => {
    // First: a second submission of the same outcome stops here, on the unique (account, renewal date).
    await insertRenewalOutcome(tx, {
      accountId: account.id,
      renewalDate,
      result,
      arrBefore,
      arrAfter,
      recordedById: caller.id,
    });
    let closedPlays: string[];
    if (input.kind === "churned") {
      closedPlays = await writeChurn(tx, account, { ...input, date: renewalDate }, caller, now);
    } else {
      if (change?.movement)
        await insertMovements(tx, [
          movement(
            account.id,
            renewalDate,
            { ...change.movement, arrAfter: input.newArrCents, reason: "renewal" },
            now,
          ),
        ]);
      await rollRenewal(tx, account.id, {
        arr: arrAfter,
        renewalDate: input.newRenewalDate,
        termStart: renewalDate,
      });
      closedPlays = await closeAccountPlays(tx, account.id, renewalPlayKinds, {
        note: `Renewal recorded: ${result}.`,
        closedById: caller.id,
        now,
      });
    }
    await recordAudit(tx, actor, [
      {
        action: "account.renewal_outcome",
        entityType: "Account",
        entityId: account.id,
        changes: { result, renewalDate: isoDay(renewalDate), arr: [arrBefore, arrAfter], closedPlays },
      },
    ]);
    return {
      ok: true as const,
      again: false,
      accountName: account.name,
      result,
      effectiveOn: renewalDate,
      arrBefore,
      arrAfter,
      closedPlays: closedPlays.length,
    };
  });
}
