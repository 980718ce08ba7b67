// What services and jobs need from the outside world, as interfaces: Slack's directory of people, a way to
// post messages, a clock. src/slack/ implements them with the Web API; tests use the fake Slack server
// behind the same code.
import type { AccessMode, HomeWorkspace, SlackStanding } from "../domain/access/admission.ts";

export interface SlackProfile {
  slackUserId: string;
  email: string | null;
  name: string | null;
  timeZone: string | null;
  isBot: boolean;
  deleted: boolean;
  /** Guest, workspace and organisation, as users.info says (absent where the profile came from elsewhere). */
  standing?: SlackStanding;
}

export interface SlackDirectory {
  /** null when Slack does not know the user. */
  userInfo(slackUserId: string): Promise<SlackProfile | null>;
  /** null when no Slack user has this email. */
  lookupByEmail(email: string): Promise<SlackProfile | null>;
  /** The workspace the bot token belongs to (auth.test), asked once. */
  home(): Promise<HomeWorkspace>;
}

export interface SlackMessage {
  /** A channel id, or a user id: a message to a person goes to the bot's direct message with them. */
  channel: string;
  /** The notification's text, and what screen readers and clients without blocks show. */
  text: string;
  /** Block Kit blocks, as src/slack/views builds them. */
  blocks?: readonly object[];
}

export interface PostedMessage {
  /** The channel the message is in: for a message to a user id, the direct message's channel id. */
  channel: string;
  ts: string;
}

/** A message that could not go where it was sent, and Slack's reason ("is_archived", "not_in_channel"). */
export interface Undelivered {
  undelivered: string;
}

export function isPosted(result: PostedMessage | Undelivered): result is PostedMessage {
  return !("undelivered" in result);
}

export interface Notifier {
  /**
   * Posts a message, paced so that one channel gets about one message a second. Undelivered when the
   * channel or person cannot take it (not found, archived, read-only, the bot not in it, a deactivated
   * user), with Slack's reason, so that one such recipient does not stop a job's other messages.
   * Throws what is the app's fault or Slack's outage (after the Web API client's own retries).
   */
  postMessage(message: SlackMessage): Promise<PostedMessage | Undelivered>;
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** Who may use the bot: the access setting and what Slack says about people and about our workspace. */
export interface AccessPolicy {
  mode: AccessMode;
  /** users.info's answer, cached briefly; null when Slack does not know the person. */
  profile(slackUserId: string): Promise<SlackProfile | null>;
  /** The workspace the bot is installed in (auth.test). */
  home(): Promise<HomeWorkspace>;
}
