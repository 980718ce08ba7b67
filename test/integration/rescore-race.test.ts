import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rescoreAccounts } from "../../src/services/health-scoring.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { anAccount } from "../helpers/factories.ts";

// Two re-scores of one account at once (the daily job and a signal batch, or two bots on one
// PostgreSQL) both decide to open the same play; the unique open key lets one in. The audit log must
// tell what happened: one play opened, not two.
const now = new Date("2026-11-23T02:10:00Z");

describe(`two re-scores racing on ${testEngine}`, () => {
  let db: TestDatabase;
  let accountId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    // Past its first 90 days with no executive sponsor mapped: the rules want a second-sponsor play.
    const account = await anAccount(db.prisma, { contractStart: new Date("2026-01-05T00:00:00Z") });
    accountId = account.id;
  });
  afterAll(async () => db?.destroy());

  it("opens the play once and audits only the play that was opened", async () => {
    const [a, b] = await Promise.all([
      rescoreAccounts(db, [accountId], now),
      rescoreAccounts(db, [accountId], now),
    ]);
    const plays = await db.prisma.play.findMany({ where: { accountId, kind: "second_sponsor" } });
    expect(plays).toHaveLength(1);
    expect(a.playsOpened + b.playsOpened).toBe(1);
    const opened = await db.prisma.auditLog.findMany({ where: { action: "play.open" } });
    expect(opened.map((entry) => entry.entityId)).toEqual([plays[0]?.id]);
  });
});
