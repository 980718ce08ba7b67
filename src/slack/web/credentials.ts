// The bot's Slack credentials, checked once at start before it listens: a refused token or an
// unreachable Slack stops it with one line that names the variable (or the URL) and the fix, instead
// of a listener failing later with a stack trace.
import { ErrorCode, type Logger as SlackLogger, WebClient, type WebClientOptions } from "@slack/web-api";
import type { Config } from "../../config.ts";
import type { Logger } from "../../logger.ts";
import { webClientOptions } from "./client-options.ts";

/** A credential Slack refused, or a Slack that cannot be reached: the message says what to do. */
export class SlackCredentialsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SlackCredentialsError";
  }
}

/**
 * Three attempts of at most 2.5 s each, 0.5 s and 1 s apart: an unreachable Slack is reported within
 * about 10 s. The app's own calls keep their longer policy (client-options.ts).
 */
const checkPolicy: Pick<WebClientOptions, "retryConfig" | "timeout"> = {
  retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 1_000, randomize: false },
  timeout: 2_500,
};

const fixes = {
  SLACK_BOT_TOKEN:
    "copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions, reinstalling the app if it was removed",
  SLACK_APP_TOKEN:
    "create an App-Level Token with the connections:write scope under Basic Information → App-Level Tokens and copy it (xapp-…)",
};

/** Asks Slack who the bot token belongs to (auth.test) and, in Socket Mode, whether the app token opens a connection. */
export async function checkSlackCredentials(config: Config, logger: Logger): Promise<void> {
  const options: WebClientOptions = {
    ...webClientOptions(config, logger),
    ...checkPolicy,
    // Each failed attempt is logged by the client; the outcome is said once, by the caller.
    logger: { ...logger, warn: logger.debug } as unknown as SlackLogger,
  };
  const apiUrl = options.slackApiUrl ?? "https://slack.com/api/";
  const { botToken, appToken } = config.slack;
  if (botToken) {
    await ask(apiUrl, "SLACK_BOT_TOKEN", "auth.test", () => new WebClient(botToken, options).auth.test());
  }
  if (appToken) {
    // Socket Mode's own first call; the URL it answers is not used and expires unopened.
    await ask(apiUrl, "SLACK_APP_TOKEN", "apps.connections.open", () =>
      new WebClient(appToken, options).apps.connections.open(),
    );
  }
}

async function ask(
  apiUrl: string,
  variable: keyof typeof fixes,
  method: string,
  call: () => Promise<unknown>,
): Promise<void> {
  try {
    await call();
  } catch (error) {
    throw new SlackCredentialsError(describe(error, apiUrl, variable, method), { cause: error });
  }
}

function describe(error: unknown, apiUrl: string, variable: keyof typeof fixes, method: string): string {
  const coded = error as { code?: string; data?: { error?: string }; statusCode?: number; original?: Error };
  if (coded.code === ErrorCode.PlatformError)
    return `${variable} was refused by Slack (${coded.data?.error ?? "unknown error"}): ${fixes[variable]}`;
  if (coded.code === ErrorCode.HTTPError)
    return `Slack's Web API at ${apiUrl} answered ${method} with HTTP ${coded.statusCode}: check SLACK_API_URL (leave it empty for Slack's own)`;
  if (coded.code === ErrorCode.RequestError)
    return `Slack is unreachable at ${apiUrl} (${method}: ${networkReason(coded.original)}): check the network, a proxy or firewall, and SLACK_API_URL`;
  return `Slack could not be asked (${method} at ${apiUrl}): ${error instanceof Error ? error.message : String(error)}`;
}

/** fetch's "fetch failed" hides the reason in its cause: ECONNREFUSED, ENOTFOUND, a timeout... */
function networkReason(error: Error | undefined): string {
  if (!error) return "no answer";
  if (error.name === "TimeoutError") return "no answer within 2.5 s";
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? error.message;
}
