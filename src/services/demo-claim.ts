// The demo book on offer. `csm seed --demo` without --owner gives the book to a made-up team; the first
// person to open the App Home is offered it ("Make the demo accounts mine") and takes it over with one
// click, so that /account shows them as the owner and /plays lists the plays, as if they had been named
// with --owner.
import type { DataAccess } from "../db/client.ts";
import { type AuditEntry, recordAudit } from "../db/repositories/audit.ts";
import { bookHeldBy, countAccountsOwnedBy, moveBook } from "../db/repositories/demo-book.ts";
import type { Db } from "../db/repositories/types.ts";
import { findUsersBySlackIds } from "../db/repositories/users.ts";
import { demoTeamSlackIds } from "../demo/data.ts";
import type { TeamMember } from "../domain/team.ts";

/** The accounts the made-up team still owns: the demo book is on offer while there are any. */
export function demoAccountsOnOffer(db: Db): Promise<number> {
  return countAccountsOwnedBy(db, demoTeamSlackIds);
}

export type DemoClaim = { ok: true; accounts: number; openPlays: number } | { ok: false; message: string };

/**
 * Moves the made-up team's accounts, with their open plays, touches and reviews, to `claimer`, audited,
 * in one transaction. Only the first of two people clicking at once gets the book.
 */
export function claimDemoBook(db: DataAccess, claimer: TeamMember): Promise<DemoClaim> {
  return db.transaction(
    async (tx): Promise<DemoClaim> => {
      const team = (await findUsersBySlackIds(tx, demoTeamSlackIds)).map((member) => member.id);
      const held = await bookHeldBy(tx, team);
      const moved = team.length ? await moveBook(tx, team, claimer.id) : 0;
      if (moved === 0)
        return {
          ok: false,
          message:
            "The demo accounts already belong to someone on the team, so there is nothing left to take over.",
        };
      const audit: AuditEntry[] = [
        ...held.accounts.map((account) => ({
          action: "account.owner",
          entityType: "Account",
          entityId: account.id,
          changes: { ownerId: [account.ownerId, claimer.id], via: "demo book taken over" },
        })),
        ...held.plays.map((play) => ({
          action: "play.reassign",
          entityType: "Play",
          entityId: play.id,
          changes: {
            ownerId: [play.ownerId, team.includes(play.ownerId ?? "") ? claimer.id : play.ownerId],
            claimedById: [
              play.claimedById,
              team.includes(play.claimedById ?? "") ? claimer.id : play.claimedById,
            ],
            via: "demo book taken over",
          },
        })),
      ];
      await recordAudit(tx, { userId: claimer.id, label: claimer.slackUserId, source: "slack" }, audit);
      return { ok: true, accounts: moved, openPlays: held.plays.length };
    },
    { timeoutMs: 30_000 },
  );
}
