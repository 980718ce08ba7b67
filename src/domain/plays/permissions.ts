// Who may act on a play: anyone on the team but a viewer may claim an unclaimed play; snoozing and closing
// belong to the people answerable for it: its owner, whoever claimed it, the account's CSM, and managers
// and admins, who run the team. Reassigning hands the play to someone else, so it is for fewer people:
// the play's owner, the account's CSM, the manager of either, and admins; a claimer cannot (else anyone
// could take any play by claiming it and reassigning it to themselves).

import { mayChangeAnything } from "../access/roles.ts";
import { mayWriteOnAccount } from "../account-writers.ts";
import type { TeamRole } from "../team.ts";

export interface PlayPeople {
  ownerId: string | null;
  claimedById: string | null;
  accountOwnerId: string | null;
}

/** PlayPeople with the managers of the play's owner and of the account's CSM, for reassigning. */
export interface PlayHolders extends PlayPeople {
  ownerManagerId: string | null;
  accountOwnerManagerId: string | null;
}

type Caller = { id: string; role: TeamRole };

export function mayClaimPlay(caller: Caller): boolean {
  return mayChangeAnything(caller.role);
}

export function mayManagePlay(play: PlayPeople, caller: Caller): boolean {
  if (!mayChangeAnything(caller.role)) return false;
  if (caller.role === "manager" || caller.role === "admin") return true;
  return [play.ownerId, play.claimedById, play.accountOwnerId].includes(caller.id);
}

export function mayReassignPlay(play: PlayHolders, caller: Caller): boolean {
  return (
    mayWriteOnAccount({ ownerId: play.accountOwnerId, ownerManagerId: play.accountOwnerManagerId }, caller) ||
    mayWriteOnAccount({ ownerId: play.ownerId, ownerManagerId: play.ownerManagerId }, caller)
  );
}

/** The people (ids, no duplicates, in that order) who may manage the play besides managers and admins. */
export function playManagers(play: PlayPeople): string[] {
  const ids = [play.ownerId, play.claimedById, play.accountOwnerId].filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

/** The people (ids, no duplicates) who may reassign the play besides admins. */
export function playReassigners(play: PlayHolders): string[] {
  const ids = [play.ownerId, play.accountOwnerId, play.ownerManagerId, play.accountOwnerManagerId];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
