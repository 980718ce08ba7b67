// Share in channel, deliberately: the person sees the message exactly as it will be posted, then posts
// it or not; or learns why it may not go there.
import type { ShareRefusal } from "../../domain/access/sharing.ts";
import { type Block, button, context, divider, type MessagePayload, section } from "./blocks.ts";

export const shareActions = { confirm: "account_share_confirm", cancel: "account_share_cancel" } as const;

const say = {
  preview: (redacted: boolean) =>
    `:eyes: This is what will be posted in this conversation, for everyone in it${redacted ? " (ARR rounded; no sentiment, billing reasons, touch notes or NPS comments)" : ", the full card, as an admin chose"}. Post it?`,
  post: "Post in channel",
  cancel: "Cancel",
  posted: ":white_check_mark: Shared in this conversation.",
  cancelled: "Not shared.",
};

const refusals: Record<ShareRefusal, string> = {
  slack_connect:
    "This conversation is shared with another organisation (Slack Connect): account cards are not posted here. Share it in an internal channel.",
  outsider_in_conversation:
    "Someone in this conversation is not on the team (or is a guest, or from another organisation): account cards are not posted here.",
  unknown_conversation:
    "I cannot see who is in this conversation, so I do not post account cards here. Invite me (`/invite @CSM Copilot`) or share in an internal channel.",
};

export function sharePreview(card: MessagePayload, accountId: string, redacted: boolean): MessagePayload {
  const blocks: Block[] = [
    context(say.preview(redacted)),
    divider(),
    ...(card.blocks ?? []),
    divider(),
    {
      type: "actions",
      elements: [
        button(say.post, shareActions.confirm, accountId, "primary"),
        button(say.cancel, shareActions.cancel, accountId),
      ],
    },
  ];
  return { text: say.preview(redacted), blocks };
}

export function shareRefusalReply(refusal: ShareRefusal): MessagePayload {
  const text = refusals[refusal];
  return { text, blocks: [section(`:lock: ${text}`)] };
}

export const shareDone = (posted: boolean): MessagePayload => {
  const text = posted ? say.posted : say.cancelled;
  return { text, blocks: [section(text)] };
};
