// "Log as touch" on any message (a Slack Connect conversation with the customer included): the touch
// modal with the message as its summary, a permalink back to it, and the account: the one the channel is
// linked to (by the first touch logged from it), else the one the message names, if one.
import { linkedAccountId } from "../../../db/repositories/channel-links.ts";
import { accountNamedIn } from "../../../services/touches.ts";
import type { AppDeps } from "../../deps.ts";
import { messageShortcutHandler } from "../../handler.ts";
import { openTouchModal } from "../../surfaces/touch-modal.ts";

export const logAsTouchShortcut = {
  callback_id: "log_as_touch",
  name: "Log as touch",
  description: "Log this message as a touch on an account",
};

export function logAsTouchHandler(deps: AppDeps) {
  return messageShortcutHandler(deps, async ({ shortcut, client }, caller) => {
    const text = shortcut.message.text ?? "";
    const channelId = shortcut.channel.id;
    const [linked, named, permalink] = await Promise.all([
      linkedAccountId(deps.db.client, channelId),
      accountNamedIn(deps.db.client, text),
      client.chat
        .getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message.ts })
        .then((answer) => answer.permalink ?? null)
        .catch(() => null),
    ]);
    return openTouchModal(deps, client, caller.user, {
      triggerId: shortcut.trigger_id,
      accountId: linked ?? named?.id ?? null,
      summary: text,
      permalink,
      channelId,
    });
  });
}
