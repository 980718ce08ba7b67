// The bot as `npm start` runs it, when a dependency rejects a promise nobody handles. Over HTTP, bodies
// that would do that are refused before Bolt sees them (request-screen.ts); in Socket Mode, Slack's
// Socket Mode client reads `payload.event.type` of an `events_api` envelope inside its WebSocket
// message handler, before anything of the bot's runs, so an envelope whose payload is null (or a
// message that is JSON `null`) rejects there. main.ts's handler logs it and the bot keeps serving.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, buildBundles, startBotProcess } from "../helpers/bot-process.ts";
import { testEngine } from "../helpers/database.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { FakeSocketMode } from "../helpers/fake-socket-mode.ts";
import { SlackRequests } from "../helpers/slack-requests.ts";

const botToken = "xoxb-rejection-test-bot-token";
const appToken = "xapp-1-A0FAKEAPP1-1234567890-rejection-test-app-token";
const handlerLine =
  /ERROR .*unhandled promise rejection \(the bot keeps running\) TypeError: Cannot read properties of null/g;

describe(`the running bot when a dependency rejects a promise nobody handles, on ${testEngine}`, () => {
  let build: { dir: string; remove: () => void };
  let slack: FakeSlack;
  let socket: FakeSocketMode;
  let bot: BotProcess;

  beforeAll(async () => {
    build = buildBundles();
    slack = await FakeSlack.start();
    socket = await FakeSocketMode.start(slack);
    bot = await startBotProcess(build.dir, {
      SLACK_BOT_TOKEN: botToken,
      SLACK_APP_TOKEN: appToken,
      SLACK_API_URL: slack.apiUrl,
    });
    await socket.connected();
  }, 90_000);
  afterAll(async () => {
    await bot?.stop();
    await socket?.close();
    await slack?.close();
    build?.remove();
  });

  it("logs an envelope with a null payload, and a null message, as unhandled rejections, and keeps serving", async () => {
    socket.sendRaw(JSON.stringify({ envelope_id: "envelope-null-1", type: "events_api", payload: null }));
    socket.sendRaw("null");
    await expect.poll(() => bot.output().match(handlerLine)?.length ?? 0, { timeout: 10_000 }).toBe(2);

    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    const requests = new SlackRequests({
      url: "",
      signingSecret: "",
      deliver: socket.deliver,
      responseUrl: (id) => slack.responseUrl(id),
    });
    slack.addUser({ id: "UAFTER001", realName: "Ari After" });
    const reply = await requests.command("/plays", "", { userId: "UAFTER001" });
    expect(reply.status).toBe(200);
    expect(socket.connections).toBe(1);
  });

  it("never writes its tokens to the log", () => {
    const output = bot.output();
    expect(output).not.toContain(botToken);
    expect(output).not.toContain(appToken);
    expect(output).not.toMatch(/xoxb-|xapp-/);
  });
});
