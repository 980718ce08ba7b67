// Starts the real Bolt app over HTTP on a free port, against the fake Slack Web API and a fresh
// real database, and hands tests a client that sends signed Slack requests to it.
import type { AddressInfo } from "node:net";
import type { App } from "@slack/bolt";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import { createLogger } from "../../src/logger.ts";
import type { Clock } from "../../src/services/ports.ts";
import { buildApp } from "../../src/slack/app.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { FakeSlack } from "./fake-slack.ts";
import { SlackRequests } from "./slack-requests.ts";

export const signingSecret = "test-signing-secret-0123456789";
export const botToken = "xoxb-test-0000-bot-token";

export interface RunningApp {
  app: App;
  db: TestDatabase;
  slack: FakeSlack;
  requests: SlackRequests;
  url: string;
  logLines: string[];
  /** Moves the app's clock. */
  setNow(date: Date): void;
  stop(): Promise<void>;
}

export async function startRunningApp(
  options: {
    now?: Date;
    env?: Record<string, string>;
    /** A database the test already has (e.g. a CLI sandbox's); it stays open when the app stops. */
    database?: Database;
  } = {},
): Promise<RunningApp> {
  const [db, slack] = await Promise.all([
    options.database ? borrowed(options.database) : createTestDatabase(),
    FakeSlack.start(),
  ]);
  let now = options.now ?? new Date("2026-11-23T09:00:00Z");
  const clock: Clock = () => now;
  const config = loadConfig({
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: "warn",
    ...options.env,
  });
  const logLines: string[] = [];
  const logger = createLogger({
    level: "warn",
    secrets: [botToken, signingSecret],
    write: (line) => logLines.push(line),
  });
  const app = buildApp(config, { db, logger, clock });
  const server = (await app.start(0)) as unknown as { address(): AddressInfo | string | null };
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  // The team in the test's database are full members of the fake workspace, unless a test adds them
  // to the fake Slack otherwise (a guest, say).
  slack.memberLookup = async (id) => {
    const user = await db.prisma.user.findUnique({ where: { slackUserId: id } });
    return user
      ? {
          id,
          realName: user.name ?? id,
          ...(user.email ? { email: user.email } : {}),
          ...(user.timeZone ? { tz: user.timeZone } : {}),
        }
      : null;
  };
  const requests = new SlackRequests({
    url: `${url}/slack/events`,
    signingSecret,
    responseUrl: (id) => slack.responseUrl(id),
  });
  return {
    app,
    db,
    slack,
    requests,
    url,
    logLines,
    setNow(date) {
      now = date;
    },
    async stop() {
      await app.stop();
      await slack.close();
      await db.destroy();
    },
  };
}

function borrowed(database: Database): TestDatabase {
  return { ...database, destroy: async () => {} };
}
