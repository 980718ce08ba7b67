// The one Web API client configuration: every call, from listeners and from jobs, goes to
// SLACK_API_URL when set, retries on failure and waits out 429 Retry-After (built into @slack/web-api).
import { type Logger as SlackLogger, WebClient, type WebClientOptions } from "@slack/web-api";
import type { Config } from "../../config.ts";
import type { Logger } from "../../logger.ts";

export function webClientOptions(config: Config, logger: Logger): WebClientOptions {
  return {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    logger: logger as unknown as SlackLogger,
    retryConfig: { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 30_000, randomize: true },
    rejectRateLimitedCalls: false,
  };
}

/**
 * For Socket Mode's own client, which asks apps.connections.open for the WebSocket URL with the app
 * token: the same API URL and logger, but no retry policy, so that @slack/socket-mode applies its own
 * (100 retries, for reconnecting after an outage of any length) instead of our five.
 */
export function socketModeClientOptions(config: Config, logger: Logger): WebClientOptions {
  const { retryConfig: _ownPolicy, ...options } = webClientOptions(config, logger);
  return options;
}

export function createWebClient(config: Config, logger: Logger): WebClient | null {
  if (!config.slack.botToken) return null;
  return new WebClient(config.slack.botToken, webClientOptions(config, logger));
}

/**
 * For the Notifier (src/slack/web/notifier.ts): the same, except that an HTTP 429 comes back to the
 * Notifier as an error instead of being waited out here. @slack/web-api waits one out by pausing every
 * call of its client, so one channel's 429 would hold every other channel's message as well (and the
 * messages it then releases at once crowd their channels); the Notifier waits it out in that channel's
 * queue alone.
 */
export function createNotifierClient(config: Config, logger: Logger): WebClient | null {
  if (!config.slack.botToken) return null;
  return new WebClient(config.slack.botToken, {
    ...webClientOptions(config, logger),
    rejectRateLimitedCalls: true,
  });
}
