// The renewal calendar's rows: one per account, renewal date and step, claimed before its reminder is
// built and sent, so that each step goes out once whichever process, restart or CLI run gets there first.
// A renewal date that moves keys a new calendar; the old one's rows stay as the record of what was sent.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import { claimLeaseMs } from "./digests.ts";
import type { Db } from "./types.ts";

/** A failed reminder is tried again on the next ticks until it has been tried this often. */
export const maxReminderAttempts = 3;

const reminderAccount = {
  id: true,
  name: true,
  arr: true,
  renewalDate: true,
  contractStart: true,
  termStart: true,
  renewalCommit: true,
  renewalCommitAt: true,
  ownerId: true,
  owner: { select: { manager: { select: { slackUserId: true, name: true } } } },
  renewalSteps: {
    select: { id: true, renewalDate: true, step: true, status: true, attempts: true, playId: true },
  },
} as const;

export type ReminderAccount = Prisma.AccountGetPayload<{ select: typeof reminderAccount }>;

/** The accounts of these owners that are still customers and have a renewal date, with their calendar rows. */
export function reminderAccounts(db: Db, ownerIds: readonly string[]): Promise<ReminderAccount[]> {
  return db.account.findMany({
    where: { ownerId: { in: [...ownerIds] }, churnedAt: null, renewalDate: { not: null } },
    select: reminderAccount,
    orderBy: [{ renewalDate: "asc" }, { name: "asc" }],
  });
}

export interface RenewalStepKey {
  accountId: string;
  renewalDate: Date;
  step: string;
}

/**
 * Claims a step for sending: a new row, or a row left "sending" by a process that died (its lease ran
 * out), or a failed one with attempts left. Returns the row's id and the play it already has, or null
 * when the step is someone else's or done.
 */
export async function claimRenewalStep(
  db: Db,
  key: RenewalStepKey,
  dueOn: Date,
  now: Date,
): Promise<{ id: string; playId: string | null } | null> {
  const staleBefore = new Date(now.getTime() - claimLeaseMs);
  const rows = await db.$queryRaw<{ id: string; playId: string | null }[]>`
    INSERT INTO "RenewalStep" (id, "accountId", "renewalDate", step, "dueOn", status, attempts, "claimedAt")
    VALUES (${randomUUID()}, ${key.accountId}, ${key.renewalDate}::date, ${key.step}, ${dueOn}::date,
            'sending', 1, ${now})
    ON CONFLICT ("accountId", "renewalDate", step) DO UPDATE
      SET status = 'sending', attempts = "RenewalStep".attempts + 1, "claimedAt" = EXCLUDED."claimedAt",
          error = NULL
      WHERE ("RenewalStep".status = 'sending' AND "RenewalStep"."claimedAt" < ${staleBefore})
         OR ("RenewalStep".status = 'failed' AND "RenewalStep".attempts < ${maxReminderAttempts})
    RETURNING id, "playId"`;
  return rows[0] ?? null;
}

/** Records steps that will never be sent (superseded by a later one, or not needed), unless already there. */
export async function skipRenewalSteps(
  db: Db,
  steps: readonly (RenewalStepKey & { dueOn: Date; why: string })[],
  now: Date,
): Promise<void> {
  if (steps.length === 0) return;
  await db.renewalStep.createMany({
    data: steps.map(({ why, ...key }) => ({
      accountId: key.accountId,
      renewalDate: key.renewalDate,
      step: key.step,
      dueOn: key.dueOn,
      status: "skipped" as const,
      error: why,
      claimedAt: now,
    })),
    skipDuplicates: true,
  });
}

export function linkStepPlay(db: Db, id: string, playId: string) {
  return db.renewalStep.update({ where: { id }, data: { playId } });
}

export interface ReminderOutcome {
  status: "sent" | "failed";
  channel: string | null;
  ts: string | null;
  error: string | null;
}

export async function finishRenewalStep(db: Db, id: string, outcome: ReminderOutcome, now: Date) {
  await db.renewalStep.update({
    where: { id },
    data: { ...outcome, sentAt: outcome.status === "sent" ? now : null },
  });
}

/** Of these plays, the ones not closed yet. */
export async function notClosedPlays(db: Db, playIds: readonly string[]): Promise<string[]> {
  if (playIds.length === 0) return [];
  const plays = await db.play.findMany({
    where: { id: { in: [...playIds] }, status: { not: "closed" } },
    select: { id: true },
  });
  return plays.map((play) => play.id);
}

/**
 * Closes the plays of a calendar whose renewal date moved, claimed or not: the renewal they prepared is
 * over. Returns the ids closed.
 */
export async function closeOutdatedRenewalPlays(
  db: Db,
  playIds: readonly string[],
  note: string,
  now: Date,
): Promise<string[]> {
  const closed = await db.play.updateManyAndReturn({
    where: { id: { in: [...playIds] }, status: { not: "closed" } },
    data: { status: "closed", outcome: "signal_cleared", outcomeNote: note, closedAt: now, openKey: null },
    select: { id: true },
  });
  return closed.map((play) => play.id);
}

/** The open play of an account and kind, by its open key. */
export async function openPlayByKey(db: Db, openKey: string): Promise<string | null> {
  const play = await db.play.findUnique({ where: { openKey }, select: { id: true } });
  return play?.id ?? null;
}
