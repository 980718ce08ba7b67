// The bot in Socket Mode (SLACK_APP_TOKEN set), as the manifest configures it: it asks
// apps.connections.open for a WebSocket through SLACK_API_URL, then takes slash commands, clicks and
// events as envelopes on that socket and answers in their acknowledgements.
import { createServer } from "node:net";
import type { App } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { buildApp } from "../../src/slack/app.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { anAccount, aUser } from "../helpers/factories.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { FakeSocketMode } from "../helpers/fake-socket-mode.ts";
import { SlackRequests } from "../helpers/slack-requests.ts";

const botToken = "xoxb-socket-test-bot-token";
const appToken = "xapp-1-A0FAKEAPP1-1234567890-socket-test-app-token";

type Reply = { response_type?: string; text?: string; blocks?: unknown[] };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("the bot in Socket Mode", () => {
  let db: TestDatabase;
  let slack: FakeSlack;
  let socket: FakeSocketMode;
  let app: App;
  let requests: SlackRequests;
  let port: number;
  let accountId: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    [db, slack] = await Promise.all([createTestDatabase(), FakeSlack.start()]);
    socket = await FakeSocketMode.start(slack);
    port = await freePort();
    const config = loadConfig({
      SLACK_BOT_TOKEN: botToken,
      SLACK_APP_TOKEN: appToken,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      LOG_LEVEL: "debug",
    });
    const logger = createLogger({
      level: "debug",
      secrets: [botToken, appToken],
      write: (line) => logLines.push(line),
    });
    app = buildApp(config, { db, logger, clock: () => new Date() });
    await app.start();
    await socket.connected();
    requests = new SlackRequests({
      url: "",
      signingSecret: "",
      deliver: socket.deliver,
      responseUrl: (id) => slack.responseUrl(id),
    });
    const owner = await aUser(db.prisma, { slackUserId: "UOWNER001", name: "Maria Lopez" });
    await aUser(db.prisma, { slackUserId: "UCALLER01", name: "Chris Caller" });
    slack.addUser({ id: "UCALLER01", realName: "Chris Caller" });
    slack.addUser({ id: "UOWNER001", realName: "Maria Lopez" });
    accountId = (await anAccount(db.prisma, { name: "Acme Corporation", ownerId: owner.id })).id;
  });
  afterAll(async () => {
    await app?.stop();
    await socket?.close();
    await slack?.close();
    await db?.destroy();
  });

  it("opens its WebSocket through SLACK_API_URL, with the app-level token", () => {
    const [open] = slack.callsTo("apps.connections.open");
    expect(open?.token).toBe(appToken);
    expect(open?.response.ok).toBe(true);
    expect(socket.connections).toBe(1);
  });

  it("answers /account with the card, in the envelope's acknowledgement", async () => {
    const reply = await requests.command("/account", "acme", { userId: "UCALLER01" });
    const card = reply.json as Reply;
    expect(card.response_type).toBe("ephemeral");
    expect(JSON.stringify(card.blocks)).toContain("Acme Corporation");
    expectWithinSlackLimits(card, "message");
  });

  it("takes a click on the card and answers through the response_url", async () => {
    const click = await requests.blockAction({
      userId: "UCALLER01",
      actionId: "account_share",
      value: accountId,
    });
    expect(click.status).toBe(200);
    const preview = await slack.waitForResponse((response) => response.id === click.responseId);
    expect(preview.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(preview.body)).toContain("Shared by <@UCALLER01>");
  });

  it("takes events: opening the Home tab publishes the caller's book", async () => {
    await requests.event({ type: "app_home_opened", user: "UOWNER001", tab: "home" });
    const published = await slack.waitFor("views.publish", (call) => call.args.user_id === "UOWNER001");
    expect(JSON.stringify(published.args.view)).toContain("Your book");
  });

  it("serves its HTTP routes (health check) on PORT beside the socket", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
  });

  it("reconnects when Slack asks it to, and keeps answering", async () => {
    const opened = slack.callsTo("apps.connections.open").length;
    socket.requestReconnect();
    await expect.poll(() => socket.connections, { timeout: 10_000 }).toBe(2);
    expect(slack.callsTo("apps.connections.open").length).toBe(opened + 1);
    const reply = await requests.command("/account", "acme corporation", { userId: "UCALLER01" });
    expect(JSON.stringify((reply.json as Reply).blocks)).toContain("Acme Corporation");
  });

  it("never logs its tokens, even at debug level", () => {
    const log = logLines.join("\n");
    expect(log).not.toContain(appToken);
    expect(log).not.toContain(botToken);
  });
});
