// Claim, Snooze, Reassign and Close on a play, wherever it is shown. A change re-renders the clicked message
// in place; a refusal (not allowed, already claimed or closed) goes to the clicker alone and the message stays.
import type { BlockAction, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { playKindLabel } from "../../../domain/plays/kinds.ts";
import {
  checkMayManage,
  claimPlay,
  type PlayChange,
  type PlayView,
  reassignPlay,
  snoozePlay,
} from "../../../services/plays.ts";
import type { AppDeps } from "../../deps.ts";
import { actionHandler, type Caller, UserFacingError } from "../../handler.ts";
import {
  type PlayActionTarget,
  parsePlayActionValue,
  parsePlayBlockId,
  slackUserIdSchema,
} from "../../parse/play-action.ts";
import { publishHome } from "../../surfaces/app-home.ts";
import { tellNewOwner } from "../../surfaces/play-handover.ts";
import { renderPlaySurface } from "../../surfaces/play-surfaces.ts";
import { escapeMrkdwn, type MessagePayload } from "../../views/blocks.ts";
import { closePlayMetadata, closePlayModal } from "../../views/close-play-modal.ts";
import { playActions, playNotice } from "../../views/play-blocks.ts";

export const playClaimAction = new RegExp(`^${playActions.claim}_\\d+$`);
export const playSnoozeAction = new RegExp(`^${playActions.snooze}_\\d+$`);
export const playCloseAction = new RegExp(`^${playActions.close}_\\d+$`);
export const playReassignAction = new RegExp(`^${playActions.reassign}_\\d+$`);

type Action = BlockAction["actions"][number];
const outdated = "That button is out of date. Run `/plays` for your current plays.";
const say = {
  changed: (play: PlayView) => `Done: ${playKindLabel(play.kind)} on *${escapeMrkdwn(play.account.name)}*.`,
  changedFromDigest: (play: PlayView) =>
    `Done: ${playKindLabel(play.kind)} on *${escapeMrkdwn(play.account.name)}*. The digest shows the morning's picture; \`/plays\` shows yours as it is now.`,
};

function targetOf(action: Action): PlayActionTarget {
  const value =
    action.type === "button"
      ? action.value
      : action.type === "static_select"
        ? action.selected_option.value
        : "";
  const target = parsePlayActionValue(value);
  if (!target) throw new UserFacingError(outdated);
  return target;
}

/** The play (from the menu's block_id: a users_select has no value) and the person picked. */
function reassignmentOf(action: Action): { target: PlayActionTarget; newOwnerSlackId: string } {
  const target = action.type === "users_select" ? parsePlayBlockId(action.block_id) : null;
  const picked = slackUserIdSchema.safeParse(action.type === "users_select" ? action.selected_user : null);
  if (!target || !picked.success) throw new UserFacingError(outdated);
  return { target, newOwnerSlackId: picked.data };
}

/** Re-renders the clicked message after a change, or hands the refusal back to the wrapper. */
async function answerClick(
  deps: AppDeps,
  { respond, client }: { respond: RespondFn; client: WebClient },
  target: PlayActionTarget,
  caller: Caller,
  result: PlayChange,
): Promise<MessagePayload | null> {
  // A Home has no response_url: it is drawn again, with what the click did (or why it did nothing).
  if (target.surface.kind === "home") {
    const notice = result.ok
      ? `:white_check_mark: ${say.changed(result.play)}`
      : `:information_source: ${result.message}`;
    await publishHome(deps, client, caller.user, notice);
    return null;
  }
  if (!result.ok) return playNotice(result.message);
  if (target.surface.kind === "digest") return playNotice(say.changedFromDigest(result.play));
  const message = await renderPlaySurface(deps, target.surface, caller.user, result.play.accountId);
  if (message) await respond({ replace_original: true, ...message });
  return null;
}

export function playClaimHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, respond, client }, caller) => {
    const target = targetOf(action);
    const result = await claimPlay(deps.db, target.playId, caller.user, deps.clock());
    return answerClick(deps, { respond, client }, target, caller, result);
  });
}

export function playSnoozeHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, respond, client }, caller) => {
    const target = targetOf(action);
    const result = await snoozePlay(deps.db, target.playId, caller.user, target.days ?? 0, deps.clock());
    return answerClick(deps, { respond, client }, target, caller, result);
  });
}

/** Tells the new owner first: when the clicker sees the result, all of the click's work is done. */
export function playReassignHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, client, respond }, caller) => {
    const { target, newOwnerSlackId } = reassignmentOf(action);
    const now = deps.clock();
    const result = await reassignPlay(deps.db, deps.access, target.playId, caller.user, newOwnerSlackId, now);
    if (result.handover) await tellNewOwner(deps, client, result.handover, caller.user);
    return answerClick(deps, { respond, client }, target, caller, result);
  });
}

/** Opens the Close modal; the trigger_id expires in 3 s, so only a permission check comes before it. */
export function playCloseHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, body, client }, caller) => {
    const target = targetOf(action);
    const allowed = await checkMayManage(deps.db.client, target.playId, caller.user, "close");
    if (!allowed.ok) return playNotice(allowed.message);
    const { play } = allowed;
    const metadata = closePlayMetadata(play.id, target.surface, body.response_url ?? null);
    const view = closePlayModal(
      { id: play.id, kind: play.kind, reason: play.reason, accountName: play.account.name },
      metadata,
    );
    await client.views.open({ trigger_id: body.trigger_id, view: view as never });
    return null;
  });
}
