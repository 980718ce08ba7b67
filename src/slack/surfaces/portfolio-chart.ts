// Sends the portfolio chart (charts/portfolio-chart.ts) to the person who asked for it, as a file in
// their direct message with the bot. A file, because an image block needs a public URL; their direct
// message, because the chart shows a book's figures, which a channel would show to everyone in it.
// files.uploadV2 of @slack/web-api makes the upload's three calls; whatever Slack refuses comes back as a
// message for the person, never as an exception (an error of ours, a bug, still throws).
import { ErrorCode, type WebClient } from "@slack/web-api";
import type { TeamMember } from "../../domain/team.ts";
import { portfolioChartFor } from "../../services/portfolio-chart.ts";
import type { AppDeps } from "../deps.ts";
import { UserFacingError } from "../handler.ts";
import { type MessagePayload, section } from "../views/blocks.ts";

export type ChartDelivery = { ok: true; channelId: string } | { ok: false; message: string };

export interface ChartRecipient {
  userSlackId: string;
  /** Where the chart was asked for. It goes there only when that is this person's direct message with the bot. */
  channelId?: string;
}

const filename = "portfolio-chart.png";
const couldNot = "I could not send you the chart:";

/**
 * The direct message is found with conversations.open: a file, unlike a message, cannot be sent to a
 * user id. `channelId` in the answer is where the chart went, for the reply to point to it when it was
 * asked somewhere else.
 */
export async function sendPortfolioChart(
  client: WebClient,
  target: ChartRecipient,
  png: Buffer,
  title: string,
): Promise<ChartDelivery> {
  try {
    const opened = await client.conversations.open({ users: target.userSlackId });
    const directMessage = opened.channel?.id;
    if (!directMessage) return { ok: false, message: `${couldNot} Slack opened no direct message with you.` };
    await client.filesUploadV2({ channel_id: directMessage, file: png, filename, title, alt_text: title });
    return { ok: true, channelId: directMessage };
  } catch (error) {
    const message = refusal(error);
    if (message === null) throw error;
    return { ok: false, message };
  }
}

/** What to tell the person when Slack said no or did not answer; null for an error of ours (a bug). */
function refusal(error: unknown): string | null {
  const coded = error as { code?: string; statusCode?: number; data?: { error?: string; needed?: string } };
  if (coded.code === ErrorCode.RequestError)
    return `${couldNot} Slack could not be reached. Try again in a minute.`;
  if (coded.code === ErrorCode.HTTPError)
    return `${couldNot} Slack answered with an error (HTTP ${coded.statusCode}). Try again in a minute.`;
  if (coded.code === ErrorCode.RateLimitedError)
    return `${couldNot} Slack asks the bot to slow down. Try again in a minute.`;
  if (coded.code !== ErrorCode.PlatformError) return null;
  const reason = coded.data?.error ?? "unknown_error";
  switch (reason) {
    case "missing_scope":
      return `${couldNot} the app lacks the Slack permission ${coded.data?.needed ?? "to upload files (files:write, im:write)"}. An admin can add it by reinstalling the app from its manifest.`;
    case "file_uploads_disabled":
    case "file_uploads_except_images_disabled":
    case "file_upload_size_restricted":
      return `${couldNot} this workspace does not let the bot upload files (${reason}).`;
    case "not_in_channel":
    case "channel_not_found":
    case "cannot_dm_bot":
    case "user_disabled":
    case "user_not_found":
      return `${couldNot} Slack would not let me post in our direct message (${reason}).`;
    default:
      return `${couldNot} Slack refused the upload (${reason}).`;
  }
}

/** Draws the chart /portfolio chart asks for, sends it, and says where it went (or why it did not). */
export async function sendChart(
  deps: AppDeps,
  client: WebClient,
  user: TeamMember,
  askedIn: string,
  who?: string,
): Promise<MessagePayload> {
  const chart = await portfolioChartFor(deps.db, user, deps.clock(), who);
  if (!chart.ok) throw new UserFacingError(chart.message);
  const sent = await sendPortfolioChart(
    client,
    { userSlackId: user.slackUserId, channelId: askedIn },
    chart.png,
    chart.title,
  );
  if (!sent.ok) throw new UserFacingError(sent.message);
  const text =
    sent.channelId === askedIn
      ? ":bar_chart: Here is the chart."
      : ":bar_chart: The chart is in our direct message (the Messages tab of my App Home): it shows the book's figures, so it does not go to a channel.";
  return { text, blocks: [section(text)] };
}
