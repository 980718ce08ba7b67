// Plays as a CSM works them: by account, not as a flat list. A red account opens up to seven plays at
// once; shown one by one they bury the next account. So each account is one entry, its plays most urgent
// first, and while the account's save play is open the account's other signal plays are the save plan's
// checklist, worked under the save play's deadline rather than as deadlines of their own.
import { isSignalPlayKind, signalPlayKinds } from "./kinds.ts";
import { compareUrgency, type UrgencyFields } from "./urgency.ts";

export interface GroupablePlay extends UrgencyFields {
  kind: string;
  account: { id: string };
}

/** A play and, for the save play, the signal plays that are the steps of the save plan. */
export interface PlayEntry<P> {
  play: P;
  checklist: P[];
}

export interface AccountPlays<P extends GroupablePlay> {
  account: P["account"];
  /** Most urgent first; an entry ranks by its own play (the save play, for the checklist's steps). */
  entries: PlayEntry<P>[];
  /** Every play of the account, checklist steps included. */
  playCount: number;
}

const saveKind = "save";

/**
 * The plays' accounts, the account whose most urgent play is most urgent first (domain/plays/urgency.ts).
 * Accounts equally urgent keep the order of their first play in `plays`.
 */
export function groupPlaysByAccount<P extends GroupablePlay>(
  plays: readonly P[],
  now: Date,
): AccountPlays<P>[] {
  const byAccount = new Map<string, P[]>();
  for (const play of plays) {
    const list = byAccount.get(play.account.id);
    if (list) list.push(play);
    else byAccount.set(play.account.id, [play]);
  }
  const groups = [...byAccount.values()].map((accountPlays) => ({
    account: (accountPlays[0] as P).account,
    entries: accountEntries(accountPlays, now),
    playCount: accountPlays.length,
  }));
  return groups.sort((a, b) => compareUrgency(leadOf(a), leadOf(b), now));
}

/**
 * One account's plays as entries: the save play, if open, carries the account's other signal plays as its
 * checklist; every other play is an entry of its own. Most urgent first; at equal urgency, the save play
 * and then the signal kinds in their usual order.
 */
export function accountEntries<P extends Omit<GroupablePlay, "account">>(
  plays: readonly P[],
  now: Date,
): PlayEntry<P>[] {
  const save = plays.find((play) => play.kind === saveKind);
  const inChecklist = (play: P) => save !== undefined && play !== save && isSignalPlayKind(play.kind);
  const ordered = (list: P[]) => [...list].sort((a, b) => byUrgencyThenKind(a, b, now));
  const checklist = ordered(plays.filter(inChecklist));
  return ordered(plays.filter((play) => !inChecklist(play))).map((play) => ({
    play,
    checklist: play === save ? checklist : [],
  }));
}

function leadOf<P extends GroupablePlay>(group: AccountPlays<P>): P {
  return (group.entries[0] as PlayEntry<P>).play;
}

function byUrgencyThenKind(a: GroupablePlay | Omit<GroupablePlay, "account">, b: typeof a, now: Date) {
  return compareUrgency(a, b, now) || kindRank(a.kind) - kindRank(b.kind);
}

/** The save play first, then the signal kinds in their usual order, then any other kind. */
function kindRank(kind: string): number {
  const rank = (signalPlayKinds as readonly string[]).indexOf(kind);
  return rank === -1 ? signalPlayKinds.length : rank;
}
