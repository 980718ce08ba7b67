// Buttons on account replies: open a pick-list entry, share a card in the channel.
import { accountCard } from "../../../services/account-lookup.ts";
import type { AppDeps } from "../../deps.ts";
import { actionHandler, UserFacingError } from "../../handler.ts";
import { accountCard as accountCardView, shareAccountActionId } from "../../views/account-card.ts";
import { openAccountActionPrefix } from "../../views/account-search-replies.ts";

// The views name the buttons; the listeners match those names.
export const accountOpenAction = new RegExp(`^${openAccountActionPrefix}\\d+$`);
export const accountShareAction = shareAccountActionId;

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

export function accountShareHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, respond }, caller) => {
    const card = await loadCard(deps, accountIdOf(action as { value?: string }));
    const shared = accountCardView(card, { today: deps.clock(), shared: { bySlackId: caller.slackUserId } });
    // Through response_url the card reaches the channel without the bot having to be a member of it.
    await respond({ response_type: "in_channel", replace_original: false, ...shared });
    return null;
  });
}
