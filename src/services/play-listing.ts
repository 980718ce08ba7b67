// A person's open plays as the lists and messages show them: what a play is about, who holds it, what is
// at stake.
import { openPlaysForUser, type PlayWithPeople } from "../db/repositories/plays.ts";
import type { Db } from "../db/repositories/types.ts";
import { sortByUrgency } from "../domain/plays/urgency.ts";
import type { TeamMember } from "../domain/team.ts";

/** A play that is not closed, with what a person needs to pick it up. */
export interface PlayListing {
  id: string;
  kind: string;
  reason: string;
  status: "open" | "claimed" | "snoozed";
  dueAt: Date;
  snoozedUntil: Date | null;
  ownerSlackId: string | null;
  claimedBySlackId: string | null;
  /** The account's ARR, exact decimal string: what is at stake if the play is not worked. */
  arrAtRisk: string;
  account: { id: string; name: string; ownerSlackId: string | null };
}

/** The caller's plays that are not closed (owned or claimed), most urgent first. */
export async function listPlaysFor(db: Db, user: Pick<TeamMember, "id">, now: Date): Promise<PlayListing[]> {
  const rows = await openPlaysForUser(db, user.id);
  const listings = rows.map(toListing).filter((play): play is PlayListing => play !== null);
  return sortByUrgency(listings, now);
}

export function toListing(play: PlayWithPeople): PlayListing | null {
  if (play.status === "closed") return null;
  return {
    id: play.id,
    kind: play.kind,
    reason: play.reason,
    status: play.status,
    dueAt: play.dueAt,
    snoozedUntil: play.snoozedUntil,
    ownerSlackId: play.owner?.slackUserId ?? null,
    claimedBySlackId: play.claimedBy?.slackUserId ?? null,
    arrAtRisk: play.account.arr.toFixed(2),
    account: {
      id: play.account.id,
      name: play.account.name,
      ownerSlackId: play.account.owner?.slackUserId ?? null,
    },
  };
}
