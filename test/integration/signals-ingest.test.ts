import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anAccount, aStakeholder, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const token = "ingest-token-0123456789abcdef";

function post(
  running: RunningApp,
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${token}` },
) {
  return fetch(`${running.url}/api/v1/signals`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("POST /api/v1/signals", () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startRunningApp({ now: new Date("2026-11-23T09:00:00Z"), env: { INGEST_TOKEN: token } });
    const maria = await aUser(running.db.prisma, { slackUserId: "UMARIA001" });
    const acme = await anAccount(running.db.prisma, {
      externalId: "ACC-1",
      name: "Acme Corporation",
      ownerId: maria.id,
      contractStart: new Date("2026-01-10T00:00:00Z"),
      renewalDate: new Date("2027-01-10T00:00:00Z"),
    });
    await aStakeholder(running.db.prisma, acme.id, { role: "executive_sponsor" });
    await aStakeholder(running.db.prisma, acme.id, { role: "executive_sponsor" });
    await anAccount(running.db.prisma, { externalId: "ACC-2", name: "Globex", ownerId: maria.id });
  });
  afterAll(async () => running?.stop());

  it("refuses a missing or wrong token with 401 and a JSON reason", async () => {
    const none = await post(running, { signals: [] }, {});
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: "unauthorized" });
    expect((await post(running, { signals: [] }, { authorization: "Bearer wrong" })).status).toBe(401);
    expect((await post(running, { signals: [] }, { authorization: `Bearer ${token}x` })).status).toBe(401);
  });

  it("answers 400 to a truncated or non-JSON body", async () => {
    const truncated = await post(running, '{"signals": [{"externalId": "ACC-1"');
    expect(truncated.status).toBe(400);
    expect(await truncated.json()).toMatchObject({ error: "invalid_json" });
    expect((await post(running, "[1,2]")).status).toBe(400);
  });

  it("rejects a batch with one invalid item whole, with problems per item index", async () => {
    const response = await post(running, {
      signals: [
        { externalId: "ACC-1", date: "2026-11-20", featuresUsed: 10, featuresInPlan: 25 },
        { externalId: "ACC-1", date: "2026-02-30", tickets30d: -1 },
        { externalId: "NOPE", date: "2026-11-20" },
      ],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: { index: number; field: string }[] };
    expect(body.problems.map((p) => [p.index, p.field])).toEqual([
      [1, "date"],
      [1, "tickets30d"],
      [2, "externalId"],
    ]);
    expect(await running.db.prisma.healthSignal.count()).toBe(0);
  });

  it("stores a valid batch, scores the accounts and opens the plays their signals call for", async () => {
    const response = await post(running, {
      signals: [
        { externalId: "ACC-1", date: "2026-11-15", powerUserLogins: 40 },
        {
          externalId: "ACC-1",
          date: "2026-11-22",
          featuresUsed: 8,
          featuresInPlan: 25,
          powerUserLogins: 12,
          sponsorLastResponse: "2026-09-20",
          tickets30d: 4,
          p1P2Tickets30d: 0,
          invoiceDaysOverdue: 0,
        },
        { externalId: "ACC-2", date: "2026-11-22", adoptionPct: 85 },
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, received: 3, accounts: 2 });
    // Each step's duration, for operators: check, store and re-score, in milliseconds.
    expect(response.headers.get("server-timing")).toMatch(
      /^check;dur=\d+\.\d, store;dur=\d+\.\d, rescore;dur=\d+\.\d$/,
    );
    const acme = await running.db.prisma.account.findUniqueOrThrow({
      where: { externalId: "ACC-1" },
      include: { scores: true, plays: { orderBy: { kind: "asc" } } },
    });
    expect(acme.scores).toHaveLength(1);
    expect(acme.scores[0]?.band).toBe("red");
    expect(acme.scores[0]?.reasons.join("; ")).toMatch(/sponsor dark for 64 days/);
    expect(acme.plays.map((p) => p.kind)).toEqual([
      "adoption_workshop",
      "power_user_checkin",
      "save",
      "sponsor_reengage",
    ]);
    expect(
      acme.plays.every((p) => p.status === "open" && p.dueAt.toISOString() === "2026-11-24T09:00:00.000Z"),
    ).toBe(true);
    const globex = await running.db.prisma.healthScore.findFirstOrThrow({
      where: { account: { externalId: "ACC-2" } },
    });
    expect(globex.missingSignals).toEqual(
      expect.arrayContaining(["loginTrend", "sponsor", "support", "payment"]),
    );
  });

  it("is harmless to re-send, and closes unclaimed plays when their signal clears", async () => {
    const claimed = await running.db.prisma.play.findFirstOrThrow({ where: { kind: "adoption_workshop" } });
    await running.db.prisma.play.update({
      where: { id: claimed.id },
      data: { status: "claimed", claimedById: claimed.ownerId },
    });
    const healthy = {
      externalId: "ACC-1",
      date: "2026-11-22",
      featuresUsed: 20,
      featuresInPlan: 25,
      powerUserLogins: 41,
      sponsorLastResponse: "2026-11-18",
      tickets30d: 2,
      p1P2Tickets30d: 0,
      invoiceDaysOverdue: 0,
    };
    expect((await post(running, { signals: [healthy] })).status).toBe(200);
    expect((await post(running, { signals: [healthy] })).status).toBe(200);
    expect(await running.db.prisma.healthSignal.count({ where: { account: { externalId: "ACC-1" } } })).toBe(
      2,
    );
    const plays = await running.db.prisma.play.findMany({
      where: { account: { externalId: "ACC-1" } },
      orderBy: { kind: "asc" },
    });
    expect(plays.map((p) => [p.kind, p.status, p.outcome])).toEqual([
      ["adoption_workshop", "claimed", null],
      ["power_user_checkin", "closed", "signal_cleared"],
      ["save", "closed", "signal_cleared"],
      ["sponsor_reengage", "closed", "signal_cleared"],
    ]);
    const audit = await running.db.prisma.auditLog.count({ where: { action: "play.close" } });
    expect(audit).toBe(3);
  });

  it("answers 400 naming item and field for years PostgreSQL cannot store or no contract has, and a NUL", async () => {
    const response = await post(running, {
      signals: [
        { externalId: "ACC-1", date: "0000-01-01" },
        { externalId: "ACC-1", date: "9999-12-31" },
        { externalId: "ACC\u00001", date: "2026-11-20" },
        { externalId: "ACC-2", date: "2026-11-20", sponsorLastResponse: "0001-01-01" },
      ],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: { index: number; field: string; message: string }[] };
    expect(body.problems.map((p) => [p.index, p.field])).toEqual([
      [0, "date"],
      [1, "date"],
      [2, "externalId"],
      [3, "sponsorLastResponse"],
    ]);
    expect(body.problems[0]?.message).toBe("0000 is not a plausible year (1900 to 2200)");
    expect(body.problems[2]?.message).toMatch(/contains a NUL character \(U\+0000\) at character 4/);
    expect(
      await running.db.prisma.healthSignal.count({ where: { date: { gt: new Date("2200-12-31") } } }),
    ).toBe(0);
  });

  it("answers 413 past 10,000 items", async () => {
    const signals = Array.from({ length: 10_001 }, (_, i) => ({ externalId: `X-${i}`, date: "2026-11-22" }));
    const response = await post(running, { signals });
    expect(response.status).toBe(413);
  });
});

describe("rotating the ingest token", () => {
  const current = "ingest-token-new-0123456789";
  const previous = "ingest-token-old-0123456789";
  let running: RunningApp;
  beforeAll(async () => {
    running = await startRunningApp({ env: { INGEST_TOKEN: current, INGEST_TOKEN_PREVIOUS: previous } });
  });
  afterAll(async () => running?.stop());

  it("accepts the new token and the previous one, and no other", async () => {
    const send = (bearer: string) => post(running, { signals: [] }, { authorization: `Bearer ${bearer}` });
    expect((await send(current)).status).toBe(200);
    expect((await send(previous)).status).toBe(200);
    expect((await send("ingest-token-older-0123456789")).status).toBe(401);
  });
});
