// Buttons on account replies: open a pick-list entry; share a card in the conversation, after a preview.

import { recordRefusal } from "../../../services/access.ts";
import { accountCard } from "../../../services/account-lookup.ts";
import { sharesFullCard } from "../../../services/share-settings.ts";
import { shareTargetRefusal } from "../../../services/share-target.ts";
import type { AppDeps } from "../../deps.ts";
import { type ActionArgs, actionHandler, UserFacingError } from "../../handler.ts";
import { accountCard as accountCardView, shareAccountActionId } from "../../views/account-card.ts";
import { openAccountActionPrefix } from "../../views/account-search-replies.ts";
import { shareActions, shareDone, sharePreview, shareRefusalReply } from "../../views/share-preview.ts";
import { conversationFacts } from "../../web/conversations.ts";

// The views name the buttons; the listeners match those names.
export const accountOpenAction = new RegExp(`^${openAccountActionPrefix}\\d+$`);
export const accountShareAction = shareAccountActionId;
export const accountShareConfirmAction = shareActions.confirm;
export const accountShareCancelAction = shareActions.cancel;

function accountIdOf(action: { value?: string }): string {
  if (!action.value || action.value.length > 64)
    throw new UserFacingError("That button no longer points at an account.");
  return action.value;
}

async function loadCard(deps: AppDeps, accountId: string) {
  const card = await accountCard(deps.db.client, accountId, deps.clock());
  if (!card)
    throw new UserFacingError("That account no longer exists; it may have been removed by an import.");
  return card;
}

/**
 * The card, to the clicker alone. From a pick-list (itself private) it takes the list's place; from a
 * message others see too (a renewal reminder in a channel), it comes as a new private message.
 */
export function accountOpenHandler(
  deps: AppDeps,
  options: { replaceOriginal: boolean } = { replaceOriginal: true },
) {
  return actionHandler(
    deps,
    async ({ action, respond }) => {
      const card = await loadCard(deps, accountIdOf(action as { value?: string }));
      await respond({
        response_type: "ephemeral",
        replace_original: options.replaceOriginal,
        ...accountCardView(card, { today: deps.clock() }),
      });
      return null;
    },
    { need: "read" },
  );
}

/** The conversation the click came from: where the card would be posted. */
function conversationOf(body: {
  channel?: { id?: string };
  container?: { channel_id?: string };
}): string | null {
  return body.channel?.id ?? body.container?.channel_id ?? null;
}

/** The card as it would be shared, or why it may not go to this conversation. */
async function shareable(deps: AppDeps, args: ActionArgs, slackUserId: string) {
  const channelId = conversationOf(args.body as never);
  const facts = channelId ? await conversationFacts(args.client, channelId) : null;
  const refusal = await shareTargetRefusal(deps.db, deps.access, facts, args.context.botUserId);
  if (refusal) {
    await recordRefusal(deps.db.client, { slackUserId, request: `share ${channelId}`, reason: refusal });
    return { ok: false as const, reply: shareRefusalReply(refusal) };
  }
  const accountId = accountIdOf(args.action as { value?: string });
  const card = await loadCard(deps, accountId);
  const full = await sharesFullCard(deps.db.client);
  const view = accountCardView(card, { today: deps.clock(), shared: { bySlackId: slackUserId, full } });
  return { ok: true as const, accountId, view, full };
}

/** Share in channel: first the message exactly as it would be posted, privately, with Post and Cancel. */
export function accountShareHandler(deps: AppDeps) {
  return actionHandler(deps, async (args, caller) => {
    const share = await shareable(deps, args, caller.slackUserId);
    if (!share.ok) return share.reply;
    await args.respond({
      response_type: "ephemeral",
      replace_original: false,
      ...sharePreview(share.view, share.accountId, !share.full),
    });
    return null;
  });
}

/** Post: the conversation is checked again (it may have been shared outside since the preview). */
export function accountShareConfirmHandler(deps: AppDeps) {
  return actionHandler(deps, async (args, caller) => {
    const share = await shareable(deps, args, caller.slackUserId);
    if (!share.ok) return share.reply;
    // Through response_url the card reaches the conversation without the bot having to be a member of it.
    await args.respond({ response_type: "in_channel", replace_original: false, ...share.view });
    await args.respond({ replace_original: true, ...shareDone(true) });
    return null;
  });
}

export function accountShareCancelHandler(deps: AppDeps) {
  return actionHandler(
    deps,
    async ({ respond }) => {
      await respond({ replace_original: true, ...shareDone(false) });
      return null;
    },
    { need: "read" },
  );
}
