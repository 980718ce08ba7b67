// Tells the new owner of a reassigned play by direct message (chat.postMessage to their user id opens the
// bot's DM with them). The reassignment is already committed when this runs: a message Slack refuses is
// logged as a warning, and the play stays with its new owner.
import type { WebClient } from "@slack/web-api";
import type { TeamMember } from "../../domain/team.ts";
import type { PlayListing } from "../../services/play-listing.ts";
import type { AppDeps } from "../deps.ts";
import { playHandover } from "../views/play-handover.ts";

export async function tellNewOwner(
  deps: AppDeps,
  client: WebClient,
  handover: PlayListing,
  giver: TeamMember,
): Promise<void> {
  const newOwner = handover.ownerSlackId;
  if (!newOwner) return;
  const message = playHandover(handover, { bySlackId: giver.slackUserId, now: deps.clock() });
  try {
    await client.chat.postMessage({ channel: newOwner, ...message });
  } catch (error) {
    deps.logger.warn(
      "could not tell the new owner of a reassigned play",
      { play: handover.id, newOwner },
      error,
    );
  }
}
