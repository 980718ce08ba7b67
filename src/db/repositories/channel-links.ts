// Channels linked to an account: where "Log as touch" starts with that account.
import type { Db } from "./types.ts";

export async function linkedAccountId(db: Db, channelId: string): Promise<string | null> {
  const link = await db.channelLink.findUnique({ where: { channelId }, select: { accountId: true } });
  return link?.accountId ?? null;
}

/** Links the channel to the account unless it is linked already: the first link stays. */
export async function linkChannel(
  db: Db,
  channelId: string,
  accountId: string,
  userId: string,
): Promise<boolean> {
  const rows = await db.$executeRaw`
    INSERT INTO "ChannelLink" ("channelId", "accountId", "createdById") VALUES (${channelId}, ${accountId}, ${userId})
    ON CONFLICT ("channelId") DO NOTHING`;
  return rows > 0;
}
