// The reproductions of "health that tells the truth", through POST /api/v1/signals and the daily re-score,
// as a CSM's week brings them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rescoreAccounts } from "../../src/services/health-scoring.ts";
import { anAccount, aStakeholder, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const token = "ingest-token-0123456789abcdef";
const now = new Date("2026-12-07T09:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("health that tells the truth", () => {
  let running: RunningApp;
  let ownerId: string;

  beforeAll(async () => {
    running = await startRunningApp({ now, env: { INGEST_TOKEN: token } });
    ownerId = (await aUser(running.db.prisma, { slackUserId: "UMARIA001" })).id;
  });
  afterAll(async () => running?.stop());

  async function anAccountWith(externalId: string, overrides: Parameters<typeof anAccount>[1] = {}) {
    const account = await anAccount(running.db.prisma, {
      externalId,
      name: externalId,
      ownerId,
      contractStart: day("2026-01-10"),
      renewalDate: day("2027-06-10"),
      ...overrides,
    });
    await aStakeholder(running.db.prisma, account.id, { role: "executive_sponsor" });
    await aStakeholder(running.db.prisma, account.id, { role: "executive_sponsor" });
    return account;
  }

  async function post(signals: unknown[]) {
    const response = await fetch(`${running.url}/api/v1/signals`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ signals }),
    });
    expect(response.status).toBe(200);
  }

  const latestScore = (accountId: string) =>
    running.db.prisma.healthScore.findFirstOrThrow({ where: { accountId }, orderBy: { date: "desc" } });
  const playKinds = async (accountId: string) =>
    (await running.db.prisma.play.findMany({ where: { accountId, status: { not: "closed" } } }))
      .map((play) => play.kind)
      .sort();

  it("a snapshot that only carries invoiceDaysOverdue = 0 is not enough data, not 100 and green", async () => {
    const account = await anAccountWith("ONLY-BILLING");
    await post([{ externalId: "ONLY-BILLING", date: "2026-12-07", invoiceDaysOverdue: 0 }]);
    const score = await latestScore(account.id);
    expect(score.band).toBe("unknown");
    expect(score.reasons[0]).toBe(
      "not enough data: 1 of 5 health signals known and fresh (3 needed); missing: usage, login trend, sponsor, support",
    );
  });

  it("a sponsor who last answered 53 days ago reads dark 53 days on a 13-day-old snapshot, with the re-engage play", async () => {
    const account = await anAccountWith("DARK-SPONSOR");
    await post([
      {
        externalId: "DARK-SPONSOR",
        date: "2026-11-24",
        sponsorLastResponse: "2026-10-15",
        featuresUsed: 20,
        featuresInPlan: 25,
        tickets30d: 1,
        p1P2Tickets30d: 0,
        invoiceDaysOverdue: 0,
      },
    ]);
    await rescoreAccounts(running.db, "all", now);
    expect((await latestScore(account.id)).reasons).toContain("sponsor dark for 53 days");
    expect(await playKinds(account.id)).toContain("sponsor_reengage");
  });

  it("a yellow account gets a review play, a detractor NPS a recovery play, and a billing play waits for 15 days", async () => {
    const account = await anAccountWith("YELLOW-NPS");
    const fresh = {
      externalId: "YELLOW-NPS",
      date: "2026-12-07",
      featuresUsed: 8,
      featuresInPlan: 25,
      sponsorLastResponse: "2026-12-01",
      tickets30d: 2,
      p1P2Tickets30d: 0,
      nps: 4,
    };
    await post([{ ...fresh, invoiceDaysOverdue: 10 }]);
    expect((await latestScore(account.id)).band).toBe("yellow");
    // One red signal (adoption 32%) holds the account in yellow.
    expect(await playKinds(account.id)).toEqual(["adoption_workshop", "health_review", "nps_recovery"]);
    await post([{ ...fresh, invoiceDaysOverdue: 16 }]);
    expect(await playKinds(account.id)).toEqual([
      "adoption_workshop",
      "billing_check",
      "health_review",
      "nps_recovery",
    ]);
  });

  it("maps a second sponsor from day 60 of the contract, due by day 90", async () => {
    const account = await anAccount(running.db.prisma, {
      externalId: "NEW-LOGO",
      name: "New Logo",
      ownerId,
      contractStart: day("2026-10-08"),
      renewalDate: day("2027-10-08"),
    });
    await aStakeholder(running.db.prisma, account.id, { role: "executive_sponsor" });
    await rescoreAccounts(running.db, [account.id], now);
    const play = await running.db.prisma.play.findFirstOrThrow({
      where: { accountId: account.id, kind: "second_sponsor" },
    });
    expect(play.dueAt).toEqual(day("2027-01-06"));
  });

  it("reads support against the segment: two P1/P2 tickets open a play for an SMB account, not an enterprise one", async () => {
    const signals = (externalId: string) => ({
      externalId,
      date: "2026-12-07",
      featuresUsed: 20,
      featuresInPlan: 25,
      sponsorLastResponse: "2026-12-01",
      tickets30d: 6,
      p1P2Tickets30d: 2,
      invoiceDaysOverdue: 0,
    });
    const smb = await anAccountWith("SMB-ONE", { segment: "smb" });
    const enterprise = await anAccountWith("ENT-ONE", { segment: "enterprise" });
    await post([signals("SMB-ONE"), signals("ENT-ONE")]);
    expect(await playKinds(smb.id)).toContain("support_escalation");
    expect(await playKinds(enterprise.id)).not.toContain("support_escalation");
  });
});
