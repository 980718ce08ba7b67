// The demo book while it belongs to the made-up demo team, and handing it over to a real person.
import type { Db } from "./types.ts";

const notClosed = { not: "closed" } as const;

/** How many accounts the people with these Slack ids own. */
export function countAccountsOwnedBy(db: Db, slackUserIds: readonly string[]): Promise<number> {
  return db.account.count({ where: { owner: { slackUserId: { in: [...slackUserIds] } } } });
}

export interface HeldBook {
  accounts: { id: string; ownerId: string }[];
  plays: { id: string; ownerId: string | null; claimedById: string | null }[];
}

/** The accounts these users own, and the plays not closed that they own or have claimed. */
export async function bookHeldBy(db: Db, userIds: string[]): Promise<HeldBook> {
  const [accounts, plays] = await Promise.all([
    db.account.findMany({ where: { ownerId: { in: userIds } }, select: { id: true, ownerId: true } }),
    db.play.findMany({
      where: { status: notClosed, OR: [{ ownerId: { in: userIds } }, { claimedById: { in: userIds } }] },
      select: { id: true, ownerId: true, claimedById: true },
    }),
  ]);
  return { accounts: accounts as HeldBook["accounts"], plays };
}

/**
 * Gives `toUserId` what these users hold: their accounts, their plays not closed (as owner and as
 * claimer), and the touches and reviews they are named on. Conditional on the old holders, so a second
 * hand-over running at the same time moves nothing; returns the number of accounts moved.
 */
export async function moveBook(tx: Db, fromUserIds: string[], toUserId: string): Promise<number> {
  const from = { in: fromUserIds };
  const moved = await tx.account.updateMany({ where: { ownerId: from }, data: { ownerId: toUserId } });
  await tx.play.updateMany({ where: { status: notClosed, ownerId: from }, data: { ownerId: toUserId } });
  await tx.play.updateMany({
    where: { status: notClosed, claimedById: from },
    data: { claimedById: toUserId },
  });
  await tx.touch.updateMany({ where: { authorId: from }, data: { authorId: toUserId } });
  await tx.review.updateMany({ where: { leadId: from }, data: { leadId: toUserId } });
  return moved.count;
}
