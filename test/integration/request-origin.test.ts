// Requests from elsewhere, and requests Bolt's receiver cannot take, against the running app: another
// workspace's correctly signed requests, timestamps from the future, bodies that are not objects or too
// large, and requests without a signature.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aUser } from "../helpers/factories.ts";
import { type RunningApp, signingSecret, startRunningApp } from "../helpers/running-app.ts";
import { SlackRequests, signSlackRequest } from "../helpers/slack-requests.ts";

let running: RunningApp;
beforeAll(async () => {
  running = await startRunningApp();
});
afterAll(async () => running?.stop());

describe("requests from elsewhere", () => {
  let otherWorkspace: SlackRequests;

  beforeAll(async () => {
    otherWorkspace = new SlackRequests({
      url: `${running.url}/slack/events`,
      signingSecret,
      teamId: "T0OTHERORG",
      responseUrl: (id) => running.slack.responseUrl(id),
    });
    await aUser(running.db.prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
  });

  it("refuses a correctly signed slash command from another workspace, privately, and runs nothing", async () => {
    const reply = await otherWorkspace.command("/account", "acme", { userId: "UOUTSIDER1" });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringMatching(/serves only the Slack workspace it was installed in/),
    });
    expect(await running.db.prisma.user.count({ where: { slackUserId: "UOUTSIDER1" } })).toBe(0);
    expect(running.logLines.join("\n")).toMatch(/refused a request from team T0OTHERORG/);
  });

  it("refuses another workspace's button click and Home tab: nothing reaches Slack on its behalf", async () => {
    const before = running.slack.calls.length;
    const click = await otherWorkspace.blockAction({
      userId: "UOUTSIDER1",
      actionId: "play_claim",
      value: "x",
    });
    expect(click.status).toBe(200);
    expect(click.body).toBe("");
    await otherWorkspace.event({ type: "app_home_opened", user: "UOUTSIDER1", tab: "home" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(running.slack.calls.slice(before).map((call) => call.method)).not.toContain("views.publish");
  });

  it("still answers its own workspace", async () => {
    const reply = await running.requests.command("/account", "acme", { userId: "UMARIA001" });
    expect(reply.status).toBe(200);
    expect(reply.body).not.toMatch(/serves only/);
  });
});

describe("signed timestamps", () => {
  const body = () =>
    new URLSearchParams({
      ssl_check: "0",
      command: "/plays",
      text: "",
      user_id: "U1",
      team_id: "T0001",
    }).toString();
  const now = () => Math.floor(Date.now() / 1000);

  it("refuses a correctly signed request dated more than five minutes in the future", async () => {
    const inSixMinutes = now() + 6 * 60;
    expect((await running.requests.send(body(), { timestamp: inSixMinutes })).status).toBe(401);
    const aYearAhead = now() + 365 * 24 * 3600;
    expect((await running.requests.send(body(), { timestamp: aYearAhead })).status).toBe(401);
    expect(running.logLines.join("\n")).toMatch(/refused a Slack request dated \d+ s in the future/);
  });

  it("accepts one a few minutes ahead, as a clock a little fast sends", async () => {
    const inFourMinutes = now() + 4 * 60;
    const reply = await running.requests.send(body(), { timestamp: inFourMinutes });
    expect(reply.status).toBe(200);
  });
});

describe("bodies Bolt's receiver cannot take", () => {
  it("answers a signed payload=null with 400, and keeps serving", async () => {
    const reply = await running.requests.send("payload=null");
    expect(reply.status).toBe(400);
    expect(running.logLines.join("\n")).toMatch(/refused a signed Slack request whose body is null/);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it("answers a signed JSON null, number or array with 400", async () => {
    for (const text of ["null", "42", "[]"]) {
      const reply = await running.requests.send(text, { contentType: "application/json" });
      expect(reply.status, text).toBe(400);
    }
    const commandAfter = await running.requests.command("/plays", "", { userId: "UAFTER001" });
    expect(commandAfter.status).toBe(200);
  });

  it("refuses a signed body over 1 MB with 413", async () => {
    const big = `payload=${"x".repeat(1024 * 1024 + 10)}`;
    expect((await running.requests.send(big)).status).toBe(413);
  });

  it("refuses an unsigned body with 401 after reading at most a kilobyte of it", async () => {
    const response = await fetch(`${running.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `payload=${"x".repeat(100_000)}`,
    });
    expect(response.status).toBe(401);
    expect(running.logLines.join("\n")).toMatch(/refused an unsigned Slack request over 1024 bytes/);
  });

  it("still answers Slack's unsigned ssl_check probe", async () => {
    const response = await fetch(`${running.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "ssl_check=1&token=legacy",
    });
    expect(response.status).toBe(200);
  });

  it("refuses a signature that does not match, without handing the request on", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signSlackRequest("another-secret-0123456789", timestamp, "payload=null");
    expect((await running.requests.send("payload=null", { timestamp, signature })).status).toBe(401);
  });
});
