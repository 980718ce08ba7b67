// Health signals arriving in pieces from several feeds, and feeds going quiet, as a CSM's week brings
// them: through POST /api/v1/signals against the running app, and the daily re-score.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rescoreAccounts } from "../../src/services/health-scoring.ts";
import { anAccount, aStakeholder, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const token = "ingest-token-0123456789abcdef";
const monday = new Date("2026-11-23T09:00:00Z");
const daysLater = (n: number) => new Date(monday.getTime() + n * 86_400_000);

async function post(running: RunningApp, signals: unknown[]) {
  const response = await fetch(`${running.url}/api/v1/signals`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ signals }),
  });
  expect(response.status).toBe(200);
}

describe("signals that arrive in pieces", () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startRunningApp({ now: monday, env: { INGEST_TOKEN: token } });
    const maria = await aUser(running.db.prisma, { slackUserId: "UMARIA001" });
    for (const [externalId, name] of [
      ["ACC-1", "Acme Corporation"],
      ["ACC-2", "Globex"],
      ["ACC-3", "Initech"],
    ] as const) {
      const account = await anAccount(running.db.prisma, {
        externalId,
        name,
        ownerId: maria.id,
        contractStart: new Date("2026-01-10T00:00:00Z"),
        renewalDate: new Date("2027-06-10T00:00:00Z"),
      });
      await aStakeholder(running.db.prisma, account.id, { role: "executive_sponsor" });
      await aStakeholder(running.db.prisma, account.id, { role: "executive_sponsor" });
    }
  });
  afterAll(async () => running?.stop());

  const stored = (externalId: string, date: string) =>
    running.db.prisma.healthSignal.findFirstOrThrow({
      where: { account: { externalId }, date: new Date(`${date}T00:00:00Z`) },
    });

  it("merges the billing feed's snapshot into the usage feed's for the same day", async () => {
    await post(running, [{ externalId: "ACC-1", date: "2026-11-23", featuresUsed: 12, featuresInPlan: 20 }]);
    await post(running, [{ externalId: "ACC-1", date: "2026-11-23", invoiceDaysOverdue: 5 }]);
    expect(await stored("ACC-1", "2026-11-23")).toMatchObject({
      featuresUsed: 12,
      featuresInPlan: 20,
      invoiceDaysOverdue: 5,
    });
  });

  it("clears a field sent as null, and only that field", async () => {
    await post(running, [{ externalId: "ACC-1", date: "2026-11-23", invoiceDaysOverdue: null }]);
    expect(await stored("ACC-1", "2026-11-23")).toMatchObject({
      featuresUsed: 12,
      invoiceDaysOverdue: null,
    });
    await post(running, [{ externalId: "ACC-1", date: "2026-11-23", invoiceDaysOverdue: 0 }]);
    expect((await stored("ACC-1", "2026-11-23")).invoiceDaysOverdue).toBe(0);
  });

  it("scores each signal at its latest known value, whichever feed's snapshot is newest", async () => {
    running.setNow(daysLater(1));
    await post(running, [
      {
        externalId: "ACC-1",
        date: "2026-11-24",
        tickets30d: 1,
        p1P2Tickets30d: 0,
        sponsorLastResponse: "2026-11-20",
      },
    ]);
    const score = await running.db.prisma.healthScore.findFirstOrThrow({
      where: { account: { externalId: "ACC-1" } },
      orderBy: { date: "desc" },
    });
    expect(score.band).toBe("green");
    expect(score.subScores).toMatchObject({
      adoption: expect.any(Number),
      payment: 100,
      support: expect.any(Number),
    });
  });

  it("does not close a play when its feed goes quiet, and re-sending the same signals changes nothing", async () => {
    const red = [
      {
        externalId: "ACC-2",
        date: "2026-11-24",
        featuresUsed: 4,
        featuresInPlan: 20,
        sponsorLastResponse: "2026-11-20",
        tickets30d: 0,
        p1P2Tickets30d: 0,
        invoiceDaysOverdue: 0,
      },
      {
        externalId: "ACC-3",
        date: "2026-11-24",
        featuresUsed: 18,
        featuresInPlan: 20,
        invoiceDaysOverdue: 0,
      },
    ];
    await post(running, red);
    const workshop = () =>
      running.db.prisma.play.findFirstOrThrow({
        where: { account: { externalId: "ACC-2" }, kind: "adoption_workshop" },
      });
    const opened = await workshop();
    expect(opened.status).toBe("open");

    const kinds = async () =>
      (
        await running.db.prisma.play.findMany({
          where: { account: { externalId: "ACC-2" } },
          orderBy: { kind: "asc" },
        })
      ).map((play) => play.kind);
    // One red signal holds the account in yellow: the workshop for adoption, the review for yellow.
    expect(await kinds()).toEqual(["adoption_workshop", "health_review"]);
    await post(running, red);
    expect(await kinds()).toEqual(["adoption_workshop", "health_review"]);
    expect((await workshop()).dueAt).toEqual(opened.dueAt);

    // Two weeks without a word from any feed: the daily re-score runs, the play stays.
    const summary = await rescoreAccounts(running.db, "all", daysLater(15));
    expect((await workshop()).status).toBe("open");
    expect(summary.silentFeeds.map((feed) => feed.name).sort()).toEqual([
      "adoption",
      "payment",
      "sponsor",
      "support",
    ]);
    // A whole feed gone quiet is one notice to the admins, not a data-gap play per account.
    expect(await running.db.prisma.play.count({ where: { kind: "data_gap" } })).toBe(0);
    const quiet = await running.db.prisma.healthScore.findFirstOrThrow({
      where: { account: { externalId: "ACC-2" }, date: new Date("2026-12-08T00:00:00Z") },
    });
    expect(quiet.band).toBe("unknown");
    expect(quiet.reasons).toContain("no usage data for 14 days");
  });

  it("opens a data-gap play for an account whose data stopped while the rest of the book's arrives", async () => {
    await post(running, [
      {
        externalId: "ACC-1",
        date: "2026-12-08",
        featuresUsed: 15,
        featuresInPlan: 20,
        invoiceDaysOverdue: 0,
      },
      {
        externalId: "ACC-2",
        date: "2026-12-08",
        featuresUsed: 15,
        featuresInPlan: 20,
        invoiceDaysOverdue: 0,
      },
    ]);
    await rescoreAccounts(running.db, "all", daysLater(15));
    const gap = await running.db.prisma.play.findFirstOrThrow({ where: { kind: "data_gap" } });
    expect(gap.reason).toBe("Data gap: no usage data for 14 days; no billing data for 14 days");
    expect(gap.accountId).toBe(
      (await running.db.prisma.account.findUniqueOrThrow({ where: { externalId: "ACC-3" } })).id,
    );
    // ACC-2's workshop closes now that a fresh reading shows adoption back above 40%.
    const workshop = await running.db.prisma.play.findFirstOrThrow({
      where: { account: { externalId: "ACC-2" }, kind: "adoption_workshop" },
    });
    expect(workshop).toMatchObject({ status: "closed", outcome: "signal_cleared" });
  });
});
