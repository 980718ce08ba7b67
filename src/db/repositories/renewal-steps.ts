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
 * Steps as columns for `unnest`, in the order of their key: two processes writing the same rows at once
 * then wait for each other row by row in one order, and never deadlock. Dates as YYYY-MM-DD.
 */
function stepColumns<T extends RenewalStepKey & { dueOn: Date }>(unordered: readonly T[]) {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const key = (step: T) => `${step.accountId} ${day(step.renewalDate)} ${step.step}`;
  const steps = [...unordered].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    ordered: steps,
    ids: steps.map(() => randomUUID()),
    accountIds: steps.map((step) => step.accountId),
    renewalDates: steps.map((step) => day(step.renewalDate)),
    steps: steps.map((step) => step.step),
    dueOns: steps.map((step) => day(step.dueOn)),
  };
}

/** The claims `claimRenewalSteps` returns are keyed by account and step. */
export const claimKey = (accountId: string, step: string) => `${accountId} ${step}`;

/**
 * Claims steps for sending, in one statement however many: a new row, or a row left "sending" by a
 * process that died (its lease ran out), or a failed one with attempts left. Returns, by `claimKey`, the
 * row's id and the play it already has for each step claimed; a step missing from the map is someone
 * else's or done. On a newly imported book the first run claims thousands at once.
 */
export async function claimRenewalSteps(
  db: Db,
  steps: readonly (RenewalStepKey & { dueOn: Date })[],
  now: Date,
): Promise<Map<string, { id: string; playId: string | null }>> {
  if (steps.length === 0) return new Map();
  const staleBefore = new Date(now.getTime() - claimLeaseMs);
  const c = stepColumns(steps);
  const rows = await db.$queryRaw<{ id: string; accountId: string; step: string; playId: string | null }[]>`
    INSERT INTO "RenewalStep" (id, "accountId", "renewalDate", step, "dueOn", status, attempts, "claimedAt")
    SELECT v.id, v.account, v.renewal, v.step, v.due, 'sending', 1, ${now}
    FROM unnest(${c.ids}::text[], ${c.accountIds}::text[], ${c.renewalDates}::date[], ${c.steps}::text[],
                ${c.dueOns}::date[]) AS v(id, account, renewal, step, due)
    ON CONFLICT ("accountId", "renewalDate", step) DO UPDATE
      SET status = 'sending', attempts = "RenewalStep".attempts + 1, "claimedAt" = EXCLUDED."claimedAt",
          error = NULL
      WHERE ("RenewalStep".status = 'sending' AND "RenewalStep"."claimedAt" < ${staleBefore})
         OR ("RenewalStep".status = 'failed' AND "RenewalStep".attempts < ${maxReminderAttempts})
    RETURNING id, "accountId", step, "playId"`;
  return new Map(rows.map((row) => [claimKey(row.accountId, row.step), { id: row.id, playId: row.playId }]));
}

/**
 * Records steps that will never be sent (superseded by a later one, or not needed), unless already
 * there: one statement however many.
 */
export async function skipRenewalSteps(
  db: Db,
  steps: readonly (RenewalStepKey & { dueOn: Date; why: string })[],
  now: Date,
): Promise<void> {
  if (steps.length === 0) return;
  const c = stepColumns(steps);
  const whys = c.ordered.map((step) => step.why);
  await db.$executeRaw`
    INSERT INTO "RenewalStep" (id, "accountId", "renewalDate", step, "dueOn", status, error, "claimedAt")
    SELECT v.id, v.account, v.renewal, v.step, v.due, 'skipped', v.why, ${now}
    FROM unnest(${c.ids}::text[], ${c.accountIds}::text[], ${c.renewalDates}::date[], ${c.steps}::text[],
                ${c.dueOns}::date[], ${whys}::text[]) AS v(id, account, renewal, step, due, why)
    ON CONFLICT ("accountId", "renewalDate", step) DO NOTHING`;
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

const stepRecord = {
  step: true,
  status: true,
  renewalDate: true,
  channel: true,
  error: true,
  attempts: true,
  account: { select: { name: true, owner: { select: { slackUserId: true } } } },
} as const;

/**
 * The reminders claimed on a UTC day (sent, failed, or still being sent), for operators, and how many
 * steps were recorded skipped that day.
 */
export async function remindersClaimedOn(db: Db, day: Date) {
  const claimedAt = { gte: day, lt: new Date(day.getTime() + 86_400_000) };
  const [rows, skipped] = await Promise.all([
    db.renewalStep.findMany({
      where: { claimedAt, status: { not: "skipped" } },
      select: stepRecord,
      orderBy: [{ status: "asc" }, { account: { name: "asc" } }, { step: "asc" }],
    }),
    db.renewalStep.count({ where: { claimedAt, status: "skipped" } }),
  ]);
  return { rows, skipped };
}

/** Reminders since `since` that failed or went elsewhere than meant: what the admins' digest reports. */
export function reminderProblemsSince(db: Db, since: Date) {
  return db.renewalStep.findMany({
    where: {
      claimedAt: { gte: since },
      OR: [{ status: "failed" }, { status: "sent", error: { not: null } }],
    },
    select: stepRecord,
    orderBy: { claimedAt: "desc" },
    take: 50,
  });
}
