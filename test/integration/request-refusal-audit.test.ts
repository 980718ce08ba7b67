// Requests refused before anyone is identified leave audit rows, without a flood of them: a correctly
// signed request from another workspace, and one dated more than five minutes from the bot's clock.
// The first of a kind is written at once, the rest of its minute counted into one row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { type RequestRefusal, requestRefusalAudit } from "../../src/services/request-refusals.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { aUser } from "../helpers/factories.ts";
import { botToken, type RunningApp, signingSecret, startRunningApp } from "../helpers/running-app.ts";
import { SlackRequests } from "../helpers/slack-requests.ts";

type Changes = Record<string, unknown>;

function refusalRows(db: TestDatabase) {
  return db.prisma.auditLog.findMany({ where: { action: "request.refused" }, orderBy: { createdAt: "asc" } });
}

describe(`refused requests in the audit log of the running app, on ${testEngine}`, () => {
  let running: RunningApp;
  let otherWorkspace: SlackRequests;
  const now = () => Math.floor(Date.now() / 1000);
  const commandForm = new URLSearchParams({ command: "/plays", text: "", user_id: "U1", team_id: "T0001" });

  beforeAll(async () => {
    running = await startRunningApp();
    await aUser(running.db.prisma, { slackUserId: "UMARIA001", name: "Maria Lopez" });
    otherWorkspace = new SlackRequests({
      url: `${running.url}/slack/events`,
      signingSecret,
      teamId: "T0OTHERORG",
      responseUrl: (id) => running.slack.responseUrl(id),
    });
  });
  afterAll(async () => running?.stop());

  it("writes one row for another workspace's slash command: the team, who, what was asked, not the text", async () => {
    const reply = await otherWorkspace.command("/account", "acme secret plans", { userId: "UOUTSIDER1" });
    expect(reply.status).toBe(200);
    const rows = await refusalRows(running.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: null,
      actorLabel: "UOUTSIDER1",
      source: "slack",
      entityType: "SlackWorkspace",
      entityId: "T0OTHERORG",
      changes: { reason: "other_workspace", teamId: "T0OTHERORG", enterpriseId: null, request: "/account" },
    });
    expect(JSON.stringify(rows)).not.toMatch(/acme|secret plans|hooks|response|xoxb|signing/);
  });

  it("writes no more rows for the same workspace within the minute, however many come; another workspace gets its own", async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        otherWorkspace.command("/plays", "", { userId: `UOUTSIDER${i % 3}` }).then((reply) => {
          expect(reply.status).toBe(200);
        }),
      ),
    );
    await otherWorkspace.blockAction({ userId: "UOUTSIDER1", actionId: "play_claim", value: "x" });
    const third = new SlackRequests({
      url: `${running.url}/slack/events`,
      signingSecret,
      teamId: "T0THIRDORG",
      responseUrl: (id) => running.slack.responseUrl(id),
    });
    await third.blockAction({ userId: "UTHIRD001", actionId: "play_claim", value: "x" });
    const rows = await refusalRows(running.db);
    expect(rows.map((row) => [row.entityId, (row.changes as Changes).request])).toEqual([
      ["T0OTHERORG", "/account"],
      ["T0THIRDORG", "action play_claim"],
    ]);
  });

  it("writes one row for a request dated more than five minutes ahead, and one for one dated behind, with the skew", async () => {
    const future = await running.requests.send(commandForm.toString(), { timestamp: now() + 6 * 60 });
    expect(future.status).toBe(401);
    const aYearAhead = now() + 365 * 24 * 3600;
    expect((await running.requests.send(commandForm.toString(), { timestamp: aYearAhead })).status).toBe(401);
    const past = await running.requests.send(commandForm.toString(), { timestamp: now() - 10 * 60 });
    expect(past.status).toBe(401);

    const rows = (await refusalRows(running.db)).filter((row) => row.entityType === "SlackRequest");
    expect(rows.map((row) => [row.actorLabel, row.entityId, (row.changes as Changes).reason])).toEqual([
      ["unknown", "timestamp", "timestamp_in_future"],
      ["unknown", "timestamp", "timestamp_in_past"],
    ]);
    const [ahead, behind] = rows.map((row) => (row.changes as { skewSeconds: number }).skewSeconds);
    expect(ahead).toBeGreaterThanOrEqual(6 * 60 - 2);
    expect(ahead).toBeLessThanOrEqual(6 * 60 + 2);
    expect(behind).toBeLessThanOrEqual(-10 * 60 + 2);
    expect(JSON.stringify(rows)).not.toMatch(/plays|v0=/);
  });

  it("still serves its own workspace, and audits nothing for it", async () => {
    const before = (await refusalRows(running.db)).length;
    const reply = await running.requests.command("/account", "acme", { userId: "UMARIA001" });
    expect(reply.status).toBe(200);
    expect(reply.body).not.toMatch(/serves only/);
    expect(await refusalRows(running.db)).toHaveLength(before);
  });

  it("writes what the minute counted when it stops: how many more, from when to when", async () => {
    await running.app.stop();
    const repeats = (await refusalRows(running.db)).filter((row) => "repeats" in (row.changes as Changes));
    expect(
      repeats.map((row) => [
        row.actorLabel,
        row.entityId,
        (row.changes as Changes).reason,
        (row.changes as Changes).repeats,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["system", "T0OTHERORG", "other_workspace", 31],
        ["system", "timestamp", "timestamp_in_future", 1],
      ]),
    );
    // A single refusal has its row already: nothing more for the third workspace or the past.
    expect(repeats).toHaveLength(2);
    const future = repeats.find((row) => row.entityId === "timestamp")?.changes as Changes;
    expect(future.largestSkewSeconds).toBeGreaterThan(364 * 24 * 3600);
    expect(Date.parse(String(future.until))).toBeGreaterThanOrEqual(Date.parse(String(future.since)));
    expect(running.logLines.join("\n")).not.toContain(botToken);
  });
});

describe(`the coalescing of refusals, on ${testEngine}`, () => {
  let db: TestDatabase;
  const logLines: string[] = [];
  const logger = createLogger({ level: "warn", write: (line) => logLines.push(line) });
  const fromTeam = (teamId: string): RequestRefusal => ({
    reason: "other_workspace",
    teamId,
    enterpriseId: null,
    slackUserId: "UOUTSIDER1",
    request: "/account",
  });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.destroy());

  it("closes a window by itself when its time is up, and opens a new one with the next refusal", async () => {
    const refusals = requestRefusalAudit(db.prisma, logger, { windowMs: 300 });
    for (let i = 0; i < 5; i++) await refusals.record(fromTeam("T0WINDOWED"));
    await expect.poll(async () => (await refusalRows(db)).length, { timeout: 5_000 }).toBe(2);
    await refusals.record(fromTeam("T0WINDOWED"));
    const rows = await refusalRows(db);
    expect(rows.map((row) => (row.changes as Changes).repeats ?? "first")).toEqual(["first", 4, "first"]);
    await refusals.flush();
    expect(await refusalRows(db)).toHaveLength(3);
    await db.prisma.auditLog.deleteMany();
  });

  it("keeps at most 100 workspaces apart at once; those past it share one window", async () => {
    const refusals = requestRefusalAudit(db.prisma, logger);
    for (let i = 0; i < 110; i++) await refusals.record(fromTeam(`T0MANY${i}`));
    await refusals.record(fromTeam("T0MANY5"));
    let rows = await refusalRows(db);
    expect(rows).toHaveLength(101);
    expect(rows.filter((row) => row.entityId === "various")).toHaveLength(1);
    expect(rows.find((row) => row.entityId === "various")?.actorLabel).toBe("unknown");
    await refusals.flush();
    rows = await refusalRows(db);
    const repeats = rows.filter((row) => "repeats" in (row.changes as Changes));
    expect(repeats.map((row) => [row.entityId, (row.changes as Changes).repeats]).sort()).toEqual([
      ["T0MANY5", 1],
      ["various", 9],
    ]);
    expect(logLines).toEqual([]);
  });
});
