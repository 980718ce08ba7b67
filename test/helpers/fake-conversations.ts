// The conversations the fake Slack describes (conversations.info, conversations.members): channels,
// Slack Connect channels, direct and group messages, as a test sets them up.

const created = 1_700_000_000;

/** A conversation conversations.info and conversations.members describe; unknown ids are plain channels. */
export interface FakeConversation {
  id: string;
  kind: "channel" | "private_channel" | "im" | "mpim";
  /** Shared with another organisation (Slack Connect). */
  extShared?: boolean;
  members?: string[];
}

export function conversationObject(conversation: FakeConversation): Record<string, unknown> {
  const { id, kind, members } = conversation;
  return {
    id,
    created,
    is_channel: kind === "channel",
    is_group: kind === "private_channel",
    is_im: kind === "im",
    is_mpim: kind === "mpim",
    is_private: kind !== "channel",
    is_ext_shared: conversation.extShared ?? false,
    is_org_shared: false,
    is_member: true,
    ...(kind === "im" ? { user: members?.[0] } : { name: `conversation-${id.toLowerCase()}` }),
    ...(members && kind !== "im" ? { num_members: members.length } : {}),
  };
}
