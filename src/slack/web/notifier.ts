// The Notifier port on the Web API: chat.postMessage, paced per channel. @slack/web-api already retries
// and waits out HTTP 429 Retry-After; Slack also asks for no more than about one message a second in one
// channel, which a digest to a busy channel or to one person would exceed without a queue.
import { type ChatPostMessageArguments, WebAPIPlatformError, type WebClient } from "@slack/web-api";
import PQueue from "p-queue";
import type { Logger } from "../../logger.ts";
import type { Notifier, PostedMessage, SlackMessage, Undelivered } from "../../services/ports.ts";

/** chat.postMessage's errors that concern one channel, not the app: the job goes on with the others. */
const undeliverable = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "restricted_action_read_only_channel",
  "restricted_action_thread_only_channel",
  "user_not_found",
  "user_disabled",
  "cannot_dm_bot",
]);

/** Block Kit as @slack/web-api types it; the views build the same shapes without depending on it. */
type Blocks = Extract<ChatPostMessageArguments, { blocks: unknown }>["blocks"];

/** The least time between the starts of two messages to one channel. */
const perChannelInterval = 1000;

export function slackNotifier(client: WebClient, logger: Logger): Notifier {
  // One queue per channel for the life of the process: at most one for each person and channel the bot
  // writes to. Concurrency 1: a message waits until the one before it in its channel has been answered.
  const queues = new Map<string, PQueue>();
  const queueOf = (channel: string) => {
    let queue = queues.get(channel);
    if (!queue) {
      queue = new PQueue({ concurrency: 1, intervalCap: 1, interval: perChannelInterval, strict: true });
      queues.set(channel, queue);
    }
    return queue;
  };

  async function post(message: SlackMessage): Promise<PostedMessage | Undelivered> {
    try {
      // A user id as the channel posts in the bot's direct message with that person; Slack opens it.
      const result = await client.chat.postMessage({
        channel: message.channel,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks as Blocks } : {}),
      });
      return { channel: result.channel ?? message.channel, ts: result.ts as string };
    } catch (error) {
      if (error instanceof WebAPIPlatformError && undeliverable.has(error.data.error)) {
        logger.warn(`Slack message to ${message.channel} not delivered: ${error.data.error}`);
        return { undelivered: error.data.error };
      }
      throw error;
    }
  }

  return {
    postMessage: (message) => queueOf(message.channel).add(() => post(message)),
  };
}
