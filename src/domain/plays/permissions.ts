// Who may act on a play: anyone on the team may claim an unclaimed play; snoozing, reassigning
// and closing belong to the people answerable for it: its owner, whoever claimed it, the account's CSM, and
// managers and admins, who run the team.

import type { TeamRole } from "../team.ts";

export interface PlayPeople {
  ownerId: string | null;
  claimedById: string | null;
  accountOwnerId: string | null;
}

export function mayManagePlay(play: PlayPeople, caller: { id: string; role: TeamRole }): boolean {
  if (caller.role === "manager" || caller.role === "admin") return true;
  return [play.ownerId, play.claimedById, play.accountOwnerId].includes(caller.id);
}

/** The people (ids, no duplicates, in that order) who may manage the play besides managers and admins. */
export function playManagers(play: PlayPeople): string[] {
  const ids = [play.ownerId, play.claimedById, play.accountOwnerId].filter((id): id is string => id !== null);
  return [...new Set(ids)];
}
