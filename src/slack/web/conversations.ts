// What Slack says about a conversation a card would be shared into (conversations.info, and
// conversations.members for a group message): Slack Connect or not, and who is in a direct message.
import type { WebClient } from "@slack/web-api";
import type { ConversationFacts } from "../../domain/access/sharing.ts";

interface SlackConversation {
  is_im?: boolean;
  is_mpim?: boolean;
  is_private?: boolean;
  is_ext_shared?: boolean;
  is_pending_ext_shared?: boolean;
  user?: string;
}

/** A group message has at most nine people; one page of members covers it. */
const membersPage = 100;

/** Null when the bot may not see the conversation (channel_not_found, a DM between two other people). */
export async function conversationFacts(
  client: WebClient,
  channelId: string,
): Promise<ConversationFacts | null> {
  let channel: SlackConversation;
  try {
    channel = (await client.conversations.info({ channel: channelId })).channel as SlackConversation;
  } catch (error) {
    const code = (error as { data?: { error?: string } })?.data?.error;
    if (code === "channel_not_found" || code === "missing_scope") return null;
    throw error;
  }
  const extShared = Boolean(channel.is_ext_shared || channel.is_pending_ext_shared);
  if (channel.is_im) return { kind: "im", extShared, members: channel.user ? [channel.user] : [] };
  if (!channel.is_mpim)
    return { kind: channel.is_private ? "private_channel" : "channel", extShared, members: [] };
  const members = await client.conversations.members({ channel: channelId, limit: membersPage });
  return { kind: "mpim", extShared, members: (members.members ?? []) as string[] };
}
