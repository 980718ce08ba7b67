// What the bench's bot processes are told about Slack, and how the bench reaches their /account.
import type { FakeSlack } from "../test/helpers/fake-slack.ts";
import type { CommandTarget } from "./sender.ts";

const signingSecret = "bench-signing-secret-0123456789";

/**
 * A bot's Slack settings: its Web API at `apiUrl` (the fake Slack, or a paced one in front of it). The
 * bench's callers are full members who own no accounts: the workspace is open to them (ACCESS), so each
 * joins the team on first use and every lookup after is a team member's.
 */
export function botSlackEnv(apiUrl: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: "xoxb-bench-token",
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: apiUrl,
    ACCESS: "workspace",
  };
}

/** Signed slash commands to the app on `port`, whose later replies land in `slack`. */
export function commandTarget(port: number, slack: FakeSlack): CommandTarget {
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    signingSecret,
    responseUrl: (id) => slack.responseUrl(id),
    responded: (id) => slack.waitForResponse((response) => response.id === id, 30_000),
  };
}
