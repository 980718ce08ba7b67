// A digest's content as the Slack message that carries it: the glue between the digest service and its
// Block Kit view, for the scheduled job and the CLI alike.
import type { DigestContent } from "../../services/digest-content.ts";
import type { DigestRenderers } from "../../services/digest-run.ts";
import type { SlackMessage } from "../../services/ports.ts";
import type { TeamDigestContent } from "../../services/team-digest-content.ts";
import { digestMessage } from "../views/digest.ts";
import { teamDigestMessage } from "../views/team-digest.ts";

function renderOwn(content: DigestContent, now: Date): SlackMessage {
  const message = digestMessage({
    ownerSlackId: content.recipient.slackUserId,
    localDate: content.recipient.localDate,
    now,
    sections: content.sections,
    playsByAccount: content.playsByAccount,
  });
  // The channel is the delivery's to choose (the person's digest channel, else a direct message).
  return { channel: content.recipient.slackUserId, text: message.text, blocks: message.blocks };
}

function renderTeam(content: TeamDigestContent): SlackMessage | null {
  const { members, deliveryProblems } = content.sections;
  if (members.length === 0 && !deliveryProblems?.length) return null;
  const message = teamDigestMessage(content.sections);
  return { channel: content.recipient.slackUserId, text: message.text, blocks: message.blocks };
}

export const renderDigest: DigestRenderers = { csm: renderOwn, team: renderTeam };
