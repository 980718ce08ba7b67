// The app's real Notifier, on the app's real Web API client, pointed at a fake Slack.

import type { WebClient } from "@slack/web-api";
import { loadConfig } from "../../src/config.ts";
import type { Logger } from "../../src/logger.ts";
import type { Notifier } from "../../src/services/ports.ts";
import { createNotifierClient, createWebClient } from "../../src/slack/web/client-options.ts";
import { slackNotifier } from "../../src/slack/web/notifier.ts";
import type { FakeSlack } from "./fake-slack.ts";

export function notifierOn(fake: FakeSlack, botToken: string, logger: Logger): Notifier {
  const client = createNotifierClient(configOn(fake, botToken), logger);
  if (!client) throw new Error("createNotifierClient needs the bot token");
  return slackNotifier(client, logger);
}

/** The app's Web API client, as configured for the bot, pointed at the fake Slack. */
export function webClientOn(fake: FakeSlack, botToken: string, logger: Logger): WebClient {
  const client = createWebClient(configOn(fake, botToken), logger);
  if (!client) throw new Error("createWebClient needs the bot token");
  return client;
}

function configOn(fake: FakeSlack, botToken: string) {
  return loadConfig({
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: "test-signing-secret-0123456789",
    SLACK_API_URL: fake.apiUrl,
  });
}
