// Working a play from Slack: list the caller's plays, claim, snooze, reassign and close them. Every change
// is a guarded conditional update (repositories/plays.ts) with its audit row in the same transaction, so a
// double click or two people clicking at once leave one consistent result, and the loser is told why.
// Refusals are values with a message for the person who clicked; that message may mention people.

import type { DataAccess } from "../db/client.ts";
import { type Actor, type AuditEntry, recordAudit } from "../db/repositories/audit.ts";
import {
  claimIfUnclaimed,
  closeIfNotClosed,
  findPlay,
  type PlayWithPeople,
  reassignIfNotClosed,
  snoozeIfNotClosed,
} from "../db/repositories/plays.ts";
import { createTouch } from "../db/repositories/touches.ts";
import type { Db } from "../db/repositories/types.ts";
import { claimedDueAt, wokenDueAt } from "../domain/plays/deadlines.ts";
import {
  isPlayOutcome,
  isSnoozeDays,
  type PlayOutcome,
  playKindLabel,
  playOutcomeLabel,
} from "../domain/plays/kinds.ts";
import { mayClaimPlay } from "../domain/plays/permissions.ts";
import type { TeamMember } from "../domain/team.ts";
import type { TouchKind } from "../generated/prisma/client.ts";
import { admit, recordRefusal } from "./access.ts";
import { loadHealthConfig } from "./health-settings.ts";
import { type PlayListing, toListing } from "./play-listing.ts";
import { closedOrClaimedByOther, type ManageVerb, refusalToManage } from "./play-manage-refusals.ts";
import { maxPlayNoteLength, personLabel, say } from "./play-refusals.ts";
import type { AccessPolicy } from "./ports.ts";

const dayMs = 86_400_000;

/** What a listener needs of a play after a change: which it is, and which account's card to redraw. */
export interface PlayView {
  id: string;
  accountId: string;
  kind: string;
  reason: string;
  account: { name: string };
}

export type PlayChange = { ok: true; play: PlayView } | { ok: false; message: string };

/** A change or a check, with the play as the repository reads it, for this module's own use. */
type Checked = { ok: true; play: PlayWithPeople } | { ok: false; message: string };

/** A reassignment; `handover` is the play as its new owner should see it, when someone else handed it over. */
export type Reassignment = PlayChange & { handover?: PlayListing };

export interface CloseRequest {
  outcome: string;
  note: string | null;
  /** Also log the note as a touch on the account, authored by the caller. */
  logTouch: boolean;
  touchKind?: TouchKind;
  /** When the touch happened; now when not given. */
  touchAt?: Date | null;
}

/** Anyone on the team but a viewer may claim an unclaimed play; claiming one's own claim again changes nothing. */
export async function claimPlay(
  db: DataAccess,
  playId: string,
  caller: TeamMember,
  now: Date,
): Promise<PlayChange> {
  if (!mayClaimPlay(caller)) return refused(db, caller, "play.claim", playId, say.viewer);
  const before = await findPlay(db.client, playId);
  if (!before) return { ok: false, message: say.gone };
  if (before.claimedById === caller.id && before.status !== "closed") return { ok: true, play: before };
  const dueAt = claimedDueAt(before.kind, now, (await loadHealthConfig(db.client)).plays);
  // No check of who holds it first: the guarded update decides, and settle() explains a loss.
  const claimed = await db.transaction(async (tx) => {
    if (!(await claimIfUnclaimed(tx, playId, caller.id, dueAt))) return false;
    await audit(tx, caller, "play.claim", playId, {
      claimedById: [null, caller.id],
      status: [before.status, "claimed"],
      dueAt: [before.dueAt.toISOString(), dueAt.toISOString()],
    });
    return true;
  });
  return settle(db, playId, caller, claimed);
}

export async function snoozePlay(
  db: DataAccess,
  playId: string,
  caller: TeamMember,
  days: number,
  now: Date,
): Promise<PlayChange> {
  if (!isSnoozeDays(days)) return { ok: false, message: say.snoozeDays };
  const allowed = await mayManage(db.client, playId, caller, "snooze");
  if (!allowed.ok) return refused(db, caller, "play.snooze", playId, allowed.message);
  const before = allowed.play;
  const until = new Date(now.getTime() + days * dayMs);
  const dueAt = wokenDueAt(until, (await loadHealthConfig(db.client)).plays);
  const snoozed = await db.transaction(async (tx) => {
    if (!(await snoozeIfNotClosed(tx, playId, until, dueAt))) return false;
    await audit(tx, caller, "play.snooze", playId, {
      status: [before.status, "snoozed"],
      snoozedUntil: [before.snoozedUntil?.toISOString() ?? null, until.toISOString()],
      dueAt: [before.dueAt.toISOString(), dueAt.toISOString()],
      days,
    });
    return true;
  });
  return settle(db, playId, caller, snoozed);
}

/**
 * Hands a play to someone else (the Reassign menu). The new owner must be someone the bot serves (on the
 * team, or any full member with ACCESS=workspace) and not a viewer: Slack's user picker also offers
 * guests, people from other organisations, bots and deactivated people, and users.info (cached briefly)
 * says which. Reassigning hands the play over: the new owner holds it, so a claim by anyone is dropped
 * and the play is open again, or stays snoozed until it wakes. Picking the person who already holds it
 * (the owner, with no claim by someone else) changes nothing.
 */
export async function reassignPlay(
  db: DataAccess,
  access: AccessPolicy,
  playId: string,
  caller: TeamMember,
  newOwnerSlackId: string,
  _now: Date,
): Promise<Reassignment> {
  const allowed = await mayManage(db.client, playId, caller, "reassign");
  if (!allowed.ok) return refused(db, caller, "play.reassign", playId, allowed.message);
  const before = allowed.play;
  const heldByOwner = before.claimedById === null || before.claimedById === before.ownerId;
  if (before.owner?.slackUserId === newOwnerSlackId && heldByOwner) return { ok: true, play: before };
  // Before the transaction: users.info is a network call, and a new team member is harmless if we lose.
  // A Slack error here is not swallowed: better no reassignment than a play handed to a guest.
  const admission = await admit(db, access, newOwnerSlackId);
  const who = personLabel({ name: admission.profile?.name ?? null, slackUserId: newOwnerSlackId });
  if (!admission.ok)
    return refused(db, caller, "play.reassign", playId, say.cannotOwn(who, admission.reason));
  const owner = admission.member;
  if (owner.role === "viewer") return refused(db, caller, "play.reassign", playId, say.viewerCannotOwn(who));
  const reassigned = await db.transaction(async (tx) => {
    const status = await reassignIfNotClosed(tx, playId, owner.id);
    if (!status) return false;
    await audit(tx, caller, "play.reassign", playId, {
      ownerId: [before.ownerId, owner.id],
      claimedById: [before.claimedById, null],
      status: [before.status, status],
    });
    return true;
  });
  const result = await settle(db, playId, caller, reassigned);
  // Whoever reassigns a play to themselves knows already; anyone else is told what landed on their desk.
  const handover = reassigned && result.ok && owner.id !== caller.id ? toListing(result.play) : null;
  return handover ? { ...result, handover } : result;
}

/** A refusal, audited: who was refused what on which play, and the reason they were given. */
async function refused(
  db: DataAccess,
  caller: TeamMember,
  action: string,
  playId: string,
  message: string,
): Promise<{ ok: false; message: string }> {
  await recordRefusal(db.client, {
    slackUserId: caller.slackUserId,
    userId: caller.id,
    request: `${action} ${playId}`,
    reason: message,
  });
  return { ok: false, message };
}

export async function closePlay(
  db: DataAccess,
  playId: string,
  caller: TeamMember,
  request: CloseRequest,
  now: Date,
): Promise<PlayChange> {
  const { outcome } = request;
  if (!isPlayOutcome(outcome)) return { ok: false, message: say.outcome };
  const note = request.note?.trim() || null;
  if (note && note.length > maxPlayNoteLength) return { ok: false, message: say.noteTooLong };
  const allowed = await mayManage(db.client, playId, caller, "close");
  if (!allowed.ok) return refused(db, caller, "play.close", playId, allowed.message);
  const before = allowed.play;
  const closed = await db.transaction(async (tx) => {
    if (!(await closeIfNotClosed(tx, playId, { outcome, note, closedById: caller.id, now }))) return false;
    const entries: AuditEntry[] = [
      playEntry("play.close", playId, { status: [before.status, "closed"], outcome, note }),
    ];
    if (request.logTouch) {
      const touch = await createTouch(tx, {
        accountId: before.accountId,
        authorId: caller.id,
        kind: request.touchKind ?? "call",
        // When it happened, as the closer said; a time to come is not a touch yet.
        occurredAt: request.touchAt && request.touchAt.getTime() <= now.getTime() ? request.touchAt : now,
        summary: note ?? touchSummary(before.kind, outcome),
      });
      entries.push({ action: "touch.create", entityType: "Touch", entityId: touch.id, changes: { playId } });
    }
    await recordAudit(tx, actorOf(caller), entries);
    return true;
  });
  return settle(db, playId, caller, closed);
}

/** The play when the caller may snooze, reassign or close it (it exists and is open); otherwise why not. */
export function checkMayManage(
  db: Db,
  playId: string,
  caller: TeamMember,
  verb: ManageVerb,
): Promise<PlayChange> {
  return mayManage(db, playId, caller, verb);
}

async function mayManage(db: Db, playId: string, caller: TeamMember, verb: ManageVerb): Promise<Checked> {
  const play = await findPlay(db, playId);
  const refusal = refusalToManage(play, caller, verb);
  return refusal || !play ? { ok: false, message: refusal ?? say.gone } : { ok: true, play };
}

/**
 * After a guarded update: the changed play, or, when the update lost a race (another click closed or
 * claimed the play in between), what happened instead, read back from the database.
 */
async function settle(
  db: DataAccess,
  playId: string,
  caller: TeamMember,
  changed: boolean,
): Promise<Checked> {
  const after = await findPlay(db.client, playId);
  if (!after) return { ok: false, message: say.gone };
  if (changed) return { ok: true, play: after };
  const message = closedOrClaimedByOther(after, caller);
  return message ? { ok: false, message } : { ok: true, play: after };
}

function touchSummary(kind: string, outcome: PlayOutcome): string {
  return `${playKindLabel(kind)} closed: ${playOutcomeLabel(outcome)}`;
}

function actorOf(caller: TeamMember): Actor {
  return { userId: caller.id, label: caller.slackUserId, source: "slack" };
}

function playEntry(action: string, playId: string, changes: AuditEntry["changes"]): AuditEntry {
  return { action, entityType: "Play", entityId: playId, ...(changes === undefined ? {} : { changes }) };
}

function audit(db: Db, caller: TeamMember, action: string, playId: string, changes: AuditEntry["changes"]) {
  return recordAudit(db, actorOf(caller), [playEntry(action, playId, changes)]);
}
