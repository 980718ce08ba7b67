// The one Web API client configuration: every call, from listeners and from jobs, goes to
// SLACK_API_URL when set, retries on failure and waits out 429 Retry-After (built into @slack/web-api).
import { type Logger as SlackLogger, WebClient, type WebClientOptions } from "@slack/web-api";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";

export function webClientOptions(config: Config, logger: Logger): WebClientOptions {
  return {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    logger: logger as unknown as SlackLogger,
    retryConfig: { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 30_000, randomize: true },
    rejectRateLimitedCalls: false,
  };
}

export function createWebClient(config: Config, logger: Logger): WebClient | null {
  if (!config.slack.botToken) return null;
  return new WebClient(config.slack.botToken, webClientOptions(config, logger));
}
