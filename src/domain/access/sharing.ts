// Where a card may be shared: not in a conversation shared with another organisation (Slack Connect), and
// not in a direct or group message with someone the bot does not serve. Channels inside the workspace
// take the redacted card.

/** What Slack says about a conversation, as far as sharing cares. */
export interface ConversationFacts {
  kind: "channel" | "private_channel" | "im" | "mpim";
  /** Shared, or being shared, with another organisation. */
  extShared: boolean;
  /** The people in a direct or group message (empty for channels). */
  members: string[];
}

export type ShareRefusal = "unknown_conversation" | "slack_connect" | "outsider_in_conversation";

/** Why a card may not go to the conversation; null when it may. `outsiders` are its members the bot refuses. */
export function shareRefusal(facts: ConversationFacts | null, outsiders: string[]): ShareRefusal | null {
  if (!facts) return "unknown_conversation";
  if (facts.extShared) return "slack_connect";
  if ((facts.kind === "im" || facts.kind === "mpim") && outsiders.length > 0)
    return "outsider_in_conversation";
  return null;
}
