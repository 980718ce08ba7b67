import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import type { Notifier } from "../../src/services/ports.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { notifierOn } from "../helpers/notifier.ts";

const botToken = "xoxb-test-0000-notifier";

describe("the Slack notifier jobs post through", () => {
  let fake: FakeSlack;
  let notifier: Notifier;
  const logLines: string[] = [];

  beforeAll(async () => {
    fake = await FakeSlack.start();
    const logger = createLogger({ level: "warn", secrets: [botToken], write: (line) => logLines.push(line) });
    notifier = notifierOn(fake, botToken, logger);
  });
  afterAll(async () => fake?.close());
  beforeEach(() => {
    fake.reset();
    logLines.length = 0;
  });

  it("posts a digest to a channel with the bot token, its text and its blocks", async () => {
    const blocks = [
      { type: "header", text: { type: "plain_text", text: "Your accounts this morning" } },
      { type: "section", text: { type: "mrkdwn", text: "*Northwind Traders* renews in 30 days" } },
    ];
    const message = { channel: "C0DIGEST1", text: "Your accounts this morning", blocks };

    const posted = await notifier.postMessage(message);

    const [call, ...others] = fake.callsTo("chat.postMessage");
    expect(others).toEqual([]);
    expect(call?.token).toBe(botToken);
    expect(call?.args).toEqual(message);
    expectWithinSlackLimits(call?.args, "message");
    expect(posted).toEqual({ channel: "C0DIGEST1", ts: call?.response.ts });
  });

  it("posts to a person by their user id, in the bot's direct message with them", async () => {
    const posted = await notifier.postMessage({ channel: "UMARIA001", text: "Two plays are due today" });
    expect(fake.callsTo("chat.postMessage")[0]?.args.channel).toBe("UMARIA001");
    expect(posted).toMatchObject({ channel: "DMARIA001" });
  });

  it("sends a channel's second message only after the first was answered, even when Slack rate-limits the first", async () => {
    fake.rateLimitNext("chat.postMessage", 0);
    let firstAnsweredAt = Number.NaN;
    const first = notifier.postMessage({ channel: "C0DIGEST1", text: "first" }).then((posted) => {
      firstAnsweredAt = Date.now();
      return posted;
    });
    const second = notifier.postMessage({ channel: "C0DIGEST1", text: "second" });
    await Promise.all([first, second]);

    const calls = fake.callsTo("chat.postMessage");
    expect(calls.map((call) => [call.args.text, call.status])).toEqual([
      ["first", 429],
      ["first", 200],
      ["second", 200],
    ]);
    expect(calls[2]?.at).toBeGreaterThanOrEqual(firstAnsweredAt);
  });

  it("paces a channel to about a message a second, and each channel on its own", async () => {
    const busy = [
      notifier.postMessage({ channel: "C0BUSY001", text: "busy 1" }),
      notifier.postMessage({ channel: "C0BUSY001", text: "busy 2" }),
    ];
    const other = notifier.postMessage({ channel: "C0QUIET01", text: "quiet 1" });
    await Promise.all([...busy, other]);
    const calls = fake.callsTo("chat.postMessage");
    const at = (text: string) => calls.find((call) => call.args.text === text)?.at ?? Number.NaN;
    expect(at("quiet 1")).toBeLessThan(at("busy 2"));
    // About a second apart; only a lower bound with room for a slow first request, never an upper one.
    expect(at("busy 2") - at("busy 1")).toBeGreaterThanOrEqual(500);
  });

  it("waits out a 429's Retry-After in that channel alone: the other channels' messages go on", async () => {
    fake.rateLimitNext("chat.postMessage", 1);
    const limited = notifier.postMessage({ channel: "C0LIMITED", text: "limited" });
    const refusal = await fake.waitFor("chat.postMessage", (call) => call.status === 429);
    await notifier.postMessage({ channel: "C0FREE001", text: "free" });
    await limited;

    const calls = fake.callsTo("chat.postMessage");
    const at = (text: string, status = 200) =>
      calls.find((call) => call.args.text === text && call.status === status)?.at ?? Number.NaN;
    expect(at("free") - refusal.at).toBeLessThan(500);
    expect(at("limited") - refusal.at).toBeGreaterThanOrEqual(1000);
  });

  it("reports a channel it cannot post in as not delivered, with the reason in the log", async () => {
    fake.failNext("chat.postMessage", "is_archived");
    expect(await notifier.postMessage({ channel: "C0ARCHIVE", text: "hello" })).toEqual({
      undelivered: "is_archived",
    });
    expect(logLines.join("\n")).toMatch(/Slack message to C0ARCHIVE not delivered: is_archived/);
  });

  it("throws what is the app's fault, not the channel's", async () => {
    fake.failNext("chat.postMessage", "invalid_blocks");
    await expect(
      notifier.postMessage({ channel: "C0DIGEST1", text: "x", blocks: [{}] }),
    ).rejects.toMatchObject({
      data: { error: "invalid_blocks" },
    });
  });
});
