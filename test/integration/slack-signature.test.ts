import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, signingSecret, startRunningApp } from "../helpers/running-app.ts";

const commandBody = (userId = "UINTRUDER") =>
  new URLSearchParams({
    command: "/account",
    text: "acme",
    user_id: userId,
    team_id: "T0001",
    channel_id: "C0001",
    response_url: "http://127.0.0.1:9/none",
    trigger_id: "1.2.3",
  }).toString();

describe("Slack request verification", () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startRunningApp();
  });
  afterAll(async () => running?.stop());

  it("accepts a request signed with the app's secret", async () => {
    const reply = await running.requests.send(commandBody("UHONEST01"));
    expect(reply.status).toBe(200);
  });

  it("rejects a request signed with another secret, and runs nothing", async () => {
    const reply = await running.requests.send(commandBody(), { secret: "someone-elses-secret" });
    expect(reply.status).toBe(401);
    expect(await running.db.prisma.user.count({ where: { slackUserId: "UINTRUDER" } })).toBe(0);
  });

  it("rejects a correctly signed request older than five minutes (replay)", async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const reply = await running.requests.send(commandBody(), {
      timestamp: sixMinutesAgo,
      secret: signingSecret,
    });
    expect(reply.status).toBe(401);
  });

  it("rejects a tampered body", async () => {
    const reply = await running.requests.send(commandBody(), { signature: "v0=deadbeef" });
    expect(reply.status).toBe(401);
  });

  it("answers the health check", async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("never writes the bot token or signing secret to the log", () => {
    expect(running.logLines.join("\n")).not.toMatch(/xoxb-test|test-signing-secret/);
  });
});
