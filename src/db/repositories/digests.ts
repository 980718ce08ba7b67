// The digest rows: one per person, kind and local date, claimed before a digest is built and sent, so
// that it goes out once whichever process, restart or CLI run gets there first.
import { randomUUID } from "node:crypto";
import type { Db } from "./types.ts";

export type DigestKind = "csm" | "team";

export interface DigestKey {
  userId: string;
  kind: DigestKind;
  localDate: Date;
}

/** A claim older than this, still "sending", belongs to a process that died: another may take it over. */
export const claimLeaseMs = 10 * 60_000;
/** A failed digest is tried again on the next ticks until it has been tried this often. */
export const maxDigestAttempts = 3;

/**
 * Claims the digest of `key` for sending: a new row, or a row left "sending" by a process that died
 * (its lease ran out), or a failed one with attempts left; `force` re-sends even a sent one. Returns the
 * row's id, or null when it is someone else's or done.
 */
export async function claimDigest(db: Db, key: DigestKey, now: Date, force = false): Promise<string | null> {
  const staleBefore = new Date(now.getTime() - claimLeaseMs);
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Digest" (id, "userId", kind, "localDate", status, attempts, "claimedAt")
    VALUES (${randomUUID()}, ${key.userId}, ${key.kind}, ${key.localDate}::date, 'sending', 1, ${now})
    ON CONFLICT ("userId", kind, "localDate") DO UPDATE
      SET status = 'sending', attempts = "Digest".attempts + 1, "claimedAt" = EXCLUDED."claimedAt",
          error = NULL
      WHERE ${force}
         OR ("Digest".status = 'sending' AND "Digest"."claimedAt" < ${staleBefore})
         OR ("Digest".status = 'failed' AND "Digest".attempts < ${maxDigestAttempts})
    RETURNING id`;
  return rows[0]?.id ?? null;
}

export interface DigestOutcome {
  status: "sent" | "failed" | "skipped";
  channel: string | null;
  ts: string | null;
  error: string | null;
}

export async function finishDigest(db: Db, id: string, outcome: DigestOutcome, now: Date): Promise<void> {
  await db.digest.update({
    where: { id },
    data: { ...outcome, sentAt: outcome.status === "sent" ? now : null },
  });
}

/** The local date of the person's last digest of this kind that went out before `before`. */
export async function lastSentDigestDate(
  db: Db,
  userIds: string[],
  kind: DigestKind,
  before: Date,
): Promise<Map<string, Date>> {
  const rows = await db.digest.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds }, kind, status: "sent", localDate: { lt: before } },
    _max: { localDate: true },
  });
  return new Map(rows.flatMap((row) => (row._max.localDate ? [[row.userId, row._max.localDate]] : [])));
}

/** The digests of a local date, for operators: who got one, where, and what failed. */
export function digestsOn(db: Db, localDate: Date) {
  return db.digest.findMany({
    where: { localDate },
    select: {
      kind: true,
      status: true,
      channel: true,
      error: true,
      attempts: true,
      user: { select: { slackUserId: true, name: true } },
    },
    orderBy: [{ status: "asc" }, { user: { slackUserId: "asc" } }],
  });
}

/** Digests since `since` that failed or went elsewhere than meant: what the admins' digest reports. */
export function deliveryProblemsSince(db: Db, since: Date) {
  return db.digest.findMany({
    where: { claimedAt: { gte: since }, OR: [{ status: "failed" }, { error: { not: null } }] },
    select: {
      kind: true,
      status: true,
      error: true,
      localDate: true,
      user: { select: { slackUserId: true } },
    },
    orderBy: { claimedAt: "desc" },
    take: 50,
  });
}
