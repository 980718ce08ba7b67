// A person's open plays as the lists and messages show them: what a play is about, who holds it, what is
// at stake, grouped by account (domain/plays/account-groups.ts).
import {
  type OpenPlayRow,
  openPlaysForUser,
  type PlayWithAccountBand,
  type PlayWithPeople,
} from "../db/repositories/plays.ts";
import type { Db } from "../db/repositories/types.ts";
import { type AccountPlays, groupPlaysByAccount } from "../domain/plays/account-groups.ts";
import { awakeAt } from "../domain/plays/deadlines.ts";
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
  arrAtRisk: string | null;
  account: {
    id: string;
    name: string;
    ownerSlackId: string | null;
    /** The band of the account's latest health score; null when it has none (or it was not read). */
    band: string | null;
  };
}

export type AccountPlaysListing = AccountPlays<PlayListing>;

/**
 * The caller's plays that are not closed (owned or claimed), by account, the most urgent account first.
 * A play whose snooze has run out reads as woken, even before the next re-score writes it so.
 */
export async function listAccountPlaysFor(
  db: Db,
  user: Pick<TeamMember, "id">,
  now: Date,
): Promise<AccountPlaysListing[]> {
  const rows = await openPlaysForUser(db, user.id);
  const listings = rows.flatMap((row) => {
    const listing = toListing(row);
    return listing ? [awakeAt(listing, now)] : [];
  });
  return groupPlaysByAccount(listings, now);
}

export function toListing(play: PlayWithPeople | PlayWithAccountBand): PlayListing | null {
  if (play.status === "closed") return null;
  const scores = "scores" in play.account ? play.account.scores : [];
  return {
    id: play.id,
    kind: play.kind,
    reason: play.reason,
    status: play.status,
    dueAt: play.dueAt,
    snoozedUntil: play.snoozedUntil,
    ownerSlackId: play.owner?.slackUserId ?? null,
    claimedBySlackId: play.claimedBy?.slackUserId ?? null,
    arrAtRisk: play.account.arr?.toFixed(2) ?? null,
    account: {
      id: play.account.id,
      name: play.account.name,
      ownerSlackId: play.account.owner?.slackUserId ?? null,
      band: scores[0]?.band ?? null,
    },
  };
}

/** A play as the morning digests read it (db/repositories/plays.ts, openPlaysForUsers). */
export function listingOfRow(row: OpenPlayRow): PlayListing {
  return {
    id: row.id,
    kind: row.kind,
    reason: row.reason,
    status: row.status,
    dueAt: row.dueAt,
    snoozedUntil: row.snoozedUntil,
    ownerSlackId: row.ownerSlackId,
    claimedBySlackId: row.claimedBySlackId,
    arrAtRisk: row.arr,
    account: {
      id: row.accountId,
      name: row.accountName,
      ownerSlackId: row.accountOwnerSlackId,
      band: row.band,
    },
  };
}
