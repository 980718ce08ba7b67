// The private note after a touch is saved: which account, a button to its card, and a word when it was late.

import { loggedWithinHours } from "../../domain/touches/rules.ts";
import { openAccountActionPrefix } from "./account-search-replies.ts";
import { type MessagePayload, section } from "./blocks.ts";
import { inertText } from "./wording.ts";

export function touchConfirmation(touch: {
  accountId: string;
  accountName: string;
  late: boolean;
}): MessagePayload {
  const late = touch.late
    ? ` It happened more than ${loggedWithinHours} hours ago, so it counts as logged late: next time, log it the same day.`
    : "";
  const text = `Touch logged on *${inertText(touch.accountName, 80)}*.${late}`;
  return {
    text: `Touch logged on ${touch.accountName}`,
    blocks: [
      {
        ...section(text),
        accessory: {
          type: "button",
          text: { type: "plain_text", text: "Open the account", emoji: true },
          action_id: `${openAccountActionPrefix}0`,
          value: touch.accountId,
        },
      },
    ],
  };
}
