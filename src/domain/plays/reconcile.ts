// Turns the plays an account's signals call for into changes to the plays it has: start the missing
// ones, let unclaimed ones whose trigger a fresh reading shows cleared close themselves ("signal
// cleared"), keep the rest. A signal that went quiet clears nothing. A play somebody claimed is theirs
// to close, whatever the signals say since.
import { isSignalPlayKind } from "./kinds.ts";
import type { DesiredPlay } from "./rules.ts";

/** A play of the account that is not closed. */
export interface CurrentPlay {
  id: string;
  kind: string;
  status: "open" | "claimed" | "snoozed";
  claimedById: string | null;
}

export interface PlayReconciliation {
  /** Desired plays of a kind the account has no play of yet, in the order desired. */
  create: DesiredPlay[];
  /** Ids of plays to close with the outcome `signal_cleared`. */
  close: string[];
  /** Ids of the current plays left as they are. */
  keep: string[];
}

/**
 * At most one play per kind: a kind is created only when the account has no play of it that is not
 * closed (whatever its status), and a kind desired twice is created once. Only the signal kinds in
 * `cleared` are closed here; a play of another kind (a renewal play, say) belongs to the rule that
 * started it.
 */
export function reconcilePlays(
  desired: readonly DesiredPlay[],
  current: readonly CurrentPlay[],
  cleared: ReadonlySet<string>,
): PlayReconciliation {
  const desiredKinds = new Set<string>(desired.map((play) => play.kind));
  const present = new Set(current.map((play) => play.kind));

  const create: DesiredPlay[] = [];
  for (const play of desired) {
    if (present.has(play.kind)) continue;
    present.add(play.kind);
    create.push(play);
  }

  const close: string[] = [];
  const keep: string[] = [];
  for (const play of current) {
    const closes = isSignalPlayKind(play.kind) && !desiredKinds.has(play.kind) && cleared.has(play.kind);
    (closes && isUnclaimed(play) ? close : keep).push(play.id);
  }
  return { create, close, keep };
}

/** Open or snoozed, and nobody's: a snoozed play that someone claimed first is still theirs. */
function isUnclaimed(play: CurrentPlay): boolean {
  return (play.status === "open" || play.status === "snoozed") && play.claimedById === null;
}
