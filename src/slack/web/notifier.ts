// The Notifier port on the Web API: chat.postMessage, paced per channel. Slack asks for no more than one
// message a second in one channel, which a digest to a busy channel or to one person would exceed
// without a queue. @slack/web-api retries transient errors; an HTTP 429 it hands back (its client is
// made by createNotifierClient), and the channel's queue alone waits out Retry-After, so that the other
// channels' messages go on.
import { setTimeout as sleep } from "node:timers/promises";
import {
  type ChatPostMessageArguments,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  type WebClient,
} from "@slack/web-api";
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

/**
 * The least time from Slack's answer to one message to the sending of the next in its channel. Slack
 * counts a second between arrivals; the answer comes after the arrival, so counting from the answer keeps
 * two arrivals a second apart however long either request took on its way (a busy process, a slow
 * network), at the cost of one round trip per message.
 */
const perChannelInterval = 1000;
/** Tries of one message that Slack answers 429, each after its Retry-After. */
const rateLimitedTries = 6;

/** A channel's queue, and when its next message may go. */
interface Lane {
  queue: PQueue;
  nextAt: number;
}

export function slackNotifier(client: WebClient, logger: Logger): Notifier {
  // One lane per channel for the life of the process: at most one for each person and channel the bot
  // writes to. Concurrency 1: a message waits until the one before it in its channel has been answered.
  const lanes = new Map<string, Lane>();
  const laneOf = (channel: string) => {
    let lane = lanes.get(channel);
    if (!lane) {
      lane = { queue: new PQueue({ concurrency: 1 }), nextAt: 0 };
      lanes.set(channel, lane);
    }
    return lane;
  };

  async function paced(lane: Lane, message: SlackMessage): Promise<PostedMessage | Undelivered> {
    for (let attempt = 1; ; attempt++) {
      const wait = lane.nextAt - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        const result = await post(message);
        lane.nextAt = Date.now() + perChannelInterval;
        return result;
      } catch (error) {
        if (error instanceof WebAPIRateLimitedError && attempt < rateLimitedTries) {
          logger.info(`Slack rate-limited a message to ${message.channel}: again in ${error.retryAfter} s`);
          lane.nextAt = Date.now() + error.retryAfter * 1000;
          continue;
        }
        lane.nextAt = Date.now() + perChannelInterval;
        throw error;
      }
    }
  }

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
    postMessage: (message) => {
      const lane = laneOf(message.channel);
      return lane.queue.add(() => paced(lane, message));
    },
  };
}
