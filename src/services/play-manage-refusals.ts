// Why a person may not snooze, reassign or close a play, or lost a race for it, in words that name who may:
// the checks of domain/plays/permissions.ts on the play as the repository reads it.
import type { PlayWithPeople } from "../db/repositories/plays.ts";
import { playOutcomeLabel } from "../domain/plays/kinds.ts";
import {
  mayManagePlay,
  mayReassignPlay,
  type PlayHolders,
  playManagers,
  playReassigners,
} from "../domain/plays/permissions.ts";
import type { TeamMember } from "../domain/team.ts";
import { personLabel, say } from "./play-refusals.ts";

/** What only the people answerable for a play may do to it (domain/plays/permissions.ts). */
export type ManageVerb = "close" | "snooze" | "reassign";

export function refusalToManage(
  play: PlayWithPeople | null,
  caller: TeamMember,
  verb: ManageVerb,
): string | null {
  if (!play) return say.gone;
  if (play.status === "closed") return closedMessage(play);
  const people = {
    ownerId: play.ownerId,
    claimedById: play.claimedById,
    accountOwnerId: play.account.ownerId,
  };
  if (verb === "reassign") {
    const holders: PlayHolders = {
      ...people,
      ownerManagerId: play.owner?.managerId ?? null,
      accountOwnerManagerId: play.account.owner?.managerId ?? null,
    };
    if (mayReassignPlay(holders, caller)) return null;
    return refusalNames(play, playReassigners(holders), say.notAllowedToReassign);
  }
  if (mayManagePlay(people, caller)) return null;
  return refusalNames(play, playManagers(people), (names) => say.notAllowed(verb, names));
}

/** The refusal, naming the people who may do what was refused (those the play's rows include). */
function refusalNames(play: PlayWithPeople, ids: string[], message: (names: string[]) => string): string {
  const byId = new Map(
    [play.owner, play.claimedBy, play.account.owner].flatMap((user) => (user ? [[user.id, user]] : [])),
  );
  const names = ids.flatMap((id) => {
    const user = byId.get(id);
    return user ? [personLabel(user)] : [];
  });
  return message(names);
}

export function closedOrClaimedByOther(play: PlayWithPeople, caller: TeamMember): string | null {
  if (play.status === "closed") return closedMessage(play);
  if (play.claimedBy && play.claimedBy.id !== caller.id) return say.claimedFirst(personLabel(play.claimedBy));
  return null;
}

export function closedMessage(play: PlayWithPeople): string {
  const day = (play.closedAt ?? play.updatedAt).toISOString().slice(0, 10);
  return say.closed(
    play.closedBy ? personLabel(play.closedBy) : null,
    day,
    playOutcomeLabel(play.outcome ?? "done"),
  );
}
