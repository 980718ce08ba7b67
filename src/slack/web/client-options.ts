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
