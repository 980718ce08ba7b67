// The plays of the renewal calendar: each step that fires opens its play (owned by the account's owner,
// due when the next step falls due), with its audit row; a renewal date that moves closes the plays of
// the calendar it replaces.
import { randomUUID } from "node:crypto";
import type { DataAccess } from "../db/client.ts";
import { type Actor, recordAudit } from "../db/repositories/audit.ts";
import { createPlays } from "../db/repositories/plays.ts";
import { closeOutdatedRenewalPlays, linkStepPlay, openPlayByKey } from "../db/repositories/renewal-steps.ts";
import { openPlayKey } from "../domain/plays/open-key.ts";
import type { RenewalStepDate } from "../domain/renewals/calendar.ts";
import { renewalStepPlayKind, renewalStepReason } from "../domain/renewals/reminders.ts";

const systemActor: Actor = { userId: null, label: "system", source: "job" };

export const movedRenewalNote = "The renewal date moved: a new renewal calendar started.";

export interface StepPlayAccount {
  id: string;
  ownerId: string | null;
  renewalDate: Date;
}

/**
 * The play of a claimed step: the one it already has (a retry), else a new one, linked to the step in the
 * same transaction. When the account already has an open play of the kind, that one is the step's play.
 */
export async function ensureStepPlay(
  db: DataAccess,
  claim: { id: string; playId: string | null },
  account: StepPlayAccount,
  step: RenewalStepDate,
  now: Date,
): Promise<string | null> {
  if (claim.playId) return claim.playId;
  const kind = renewalStepPlayKind[step.step];
  const reason = renewalStepReason(step, account.renewalDate);
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const openKey = openPlayKey(account.id, kind);
    const trigger = {
      step: step.step,
      renewalDate: account.renewalDate.toISOString().slice(0, 10),
      dueOn: step.dueOn.toISOString().slice(0, 10),
    };
    const created = await createPlays(
      tx,
      [
        {
          id,
          accountId: account.id,
          kind,
          openKey,
          reason,
          trigger,
          ownerId: account.ownerId,
          dueAt: step.doneBy,
        },
      ],
      now,
    );
    if (created.length)
      await recordAudit(tx, systemActor, [
        { action: "play.open", entityType: "Play", entityId: id, changes: { kind, reason } },
      ]);
    const playId = created[0] ?? (await openPlayByKey(tx, openKey));
    if (playId) await linkStepPlay(tx, claim.id, playId);
    return playId;
  });
}

/** Closes the plays of calendars whose renewal date moved; returns how many it closed. */
export async function closeMovedCalendarPlays(
  db: DataAccess,
  playIds: readonly string[],
  now: Date,
): Promise<number> {
  if (playIds.length === 0) return 0;
  return db.transaction(async (tx) => {
    const closed = await closeOutdatedRenewalPlays(tx, playIds, movedRenewalNote, now);
    await recordAudit(
      tx,
      systemActor,
      closed.map((id) => ({
        action: "play.close",
        entityType: "Play",
        entityId: id,
        changes: { outcome: "signal_cleared", note: movedRenewalNote },
      })),
    );
    return closed.length;
  });
}
