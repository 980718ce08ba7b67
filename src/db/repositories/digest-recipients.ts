// The people a morning digest may go to: everyone who owns an account that is still a customer, with
// their digest settings and Slack profile state.
import type { Db } from "./types.ts";

export interface DigestUserRow {
  id: string;
  role: string;
  slackUserId: string;
  name: string | null;
  timeZone: string | null;
  timeZoneOverride: string | null;
  timeZoneCheckedAt: Date | null;
  digestChannelId: string | null;
  digestTime: string | null;
  digestDays: number[];
  digestPausedUntil: Date | null;
}

const digestUser = {
  id: true,
  role: true,
  slackUserId: true,
  name: true,
  timeZone: true,
  timeZoneOverride: true,
  timeZoneCheckedAt: true,
  digestChannelId: true,
  digestTime: true,
  digestDays: true,
  digestPausedUntil: true,
} as const;

/** Owners of accounts still customers; only those named, when `slackUserIds` is given. */
export function digestUsers(db: Db, slackUserIds?: readonly string[]): Promise<DigestUserRow[]> {
  return db.user.findMany({
    where: {
      accounts: { some: { churnedAt: null } },
      ...(slackUserIds ? { slackUserId: { in: [...slackUserIds] } } : {}),
    },
    select: digestUser,
    orderBy: { slackUserId: "asc" },
  });
}

export async function recordSlackTimeZone(db: Db, userId: string, timeZone: string | null, now: Date) {
  await db.user.update({
    where: { id: userId },
    data: { ...(timeZone ? { timeZone } : {}), timeZoneCheckedAt: now },
  });
}

/**
 * The people a team digest goes to: managers with at least one direct report, and every admin (whose
 * digest also says what the bot could not deliver).
 */
export function teamDigestUsers(db: Db, slackUserIds?: readonly string[]): Promise<DigestUserRow[]> {
  return db.user.findMany({
    where: {
      OR: [{ role: "manager", reports: { some: {} } }, { role: "admin" }],
      ...(slackUserIds ? { slackUserId: { in: [...slackUserIds] } } : {}),
    },
    select: digestUser,
    orderBy: { slackUserId: "asc" },
  });
}
