// The bot as `npm start` runs it, in a process of its own, under requests meant to hurt it: hundreds of
// half-sent large bodies at once, and signed bodies Bolt's receiver cannot take. Its memory is read
// from /proc before, during and after.
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, buildBundles, startBotProcess } from "../helpers/bot-process.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { SlackRequests } from "../helpers/slack-requests.ts";

const signingSecret = "abuse-test-signing-secret";
const megabyte = 1024 * 1024;

/** Resident memory of a process, in MB. */
function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/**
 * A request that claims a 4 MB body, with headers that look signed, sends half of it and then waits:
 * half of them declare their length, half send it chunked (no length to refuse up front).
 */
function halfSentBody(port: number, chunked: boolean): Promise<void> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, "127.0.0.1");
    const done = () => resolve();
    socket.on("error", done);
    socket.on("close", done);
    socket.on("connect", () => {
      const now = Math.floor(Date.now() / 1000);
      const length = chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${4 * megabyte}`;
      socket.write(
        `POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Type: application/x-www-form-urlencoded\r\n${length}\r\n` +
          `X-Slack-Request-Timestamp: ${now}\r\nX-Slack-Signature: v0=${"0".repeat(64)}\r\n\r\n`,
      );
      const half = Buffer.alloc(2 * megabyte, "a");
      socket.write(chunked ? Buffer.concat([Buffer.from(`${half.length.toString(16)}\r\n`), half]) : half);
      // Never finishes; the bot's limits end it, or the test does.
      setTimeout(() => socket.destroy(), 20_000).unref();
    });
  });
}

describe("the running bot under abuse", () => {
  let build: { dir: string; remove: () => void };
  let slack: FakeSlack;
  let bot: BotProcess;
  let port: number;
  let requests: SlackRequests;

  beforeAll(async () => {
    build = buildBundles();
    slack = await FakeSlack.start();
    bot = await startBotProcess(build.dir, {
      SLACK_BOT_TOKEN: "xoxb-abuse-test-token",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
    });
    port = bot.port;
    requests = new SlackRequests({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret,
      responseUrl: (id) => slack.responseUrl(id),
    });
  }, 90_000);
  afterAll(async () => {
    await bot?.stop();
    await slack?.close();
    build?.remove();
  });

  it("holds 400 half-sent 4 MB bodies in bounded memory, a second attack adds nothing, and it keeps answering", async () => {
    const pid = bot.child.pid as number;
    // A few ordinary requests first, so the baseline includes what serving costs anyway.
    for (let i = 0; i < 5; i++) await requests.command("/plays", "", { userId: "UWARMUP01" });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = residentMb(pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, residentMb(pid));
    }, 50);
    const peaks: number[] = [];
    try {
      // Twice: what the first attack took is reused by the second, not added to.
      for (let round = 0; round < 2; round++) {
        await Promise.all(Array.from({ length: 400 }, (_, i) => halfSentBody(port, i % 2 === 1)));
        peaks.push(peak);
      }
    } finally {
      clearInterval(sampler);
    }
    expect(bot.child.exitCode).toBeNull();
    // Also after the ~40 s without a query the attacks took (the embedded database's connection stays).
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = residentMb(pid);
    const [first = before, second = before] = peaks;
    process.stdout.write(
      `bot RSS: ${before.toFixed(0)} MB before, at most ${first.toFixed(0)} MB in the first attack and ${second.toFixed(0)} MB in the second, ${after.toFixed(0)} MB after\n`,
    );
    // 400 × 2 MB sent would be 800 MB held; the limits allow 64 connections of at most 1 MB each.
    expect(first - before).toBeLessThan(80);
    // A second attack that kept what the first took would add as much again (tens of MB); on a loaded
    // machine the garbage collector's timing alone moves the peak by up to about 25 MB.
    expect(second - first).toBeLessThan(40);
    expect(after - before).toBeLessThan(80);
    const ordinary = await requests.command("/plays", "", { userId: "UWARMUP01" });
    expect(ordinary.status).toBe(200);
  }, 120_000);

  it("answers a signed payload=null and a JSON null with 400, and keeps running", async () => {
    expect((await requests.send("payload=null")).status).toBe(400);
    expect((await requests.send("null", { contentType: "application/json" })).status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(bot.output()).toMatch(/refused a signed Slack request whose body is null/);
  });
});
