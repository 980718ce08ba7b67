// The renewal calendar's rows at the scale of a newly imported book: the first reminder run records
// every account's steps at once, so its claims and skips are one statement each, and still settle each
// step once, whoever else claims at the same time.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimLeaseMs } from "../../src/db/repositories/digests.ts";
import {
  claimKey,
  claimRenewalSteps,
  maxReminderAttempts,
  skipRenewalSteps,
} from "../../src/db/repositories/renewal-steps.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const renewalDate = day("2027-01-01");
const now = new Date("2026-11-02T07:45:00Z");
const accounts = 400;

describe(`renewal calendar rows at scale on ${testEngine}`, () => {
  let db: TestDatabase;
  const accountIds = Array.from({ length: accounts }, () => randomUUID());
  const due = accountIds.map((accountId) => ({
    accountId,
    renewalDate,
    step: "commit_check",
    dueOn: day("2026-11-02"),
  }));

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.account.createMany({
      data: accountIds.map((id, i) => ({
        id,
        externalId: `BULK-${i}`,
        name: `Bulk ${i}`,
        searchName: `bulk ${i}`,
        contractStart: day("2026-01-01"),
        renewalDate,
      })),
    });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("records every earlier step skipped in one go, with its reason, and leaves rows already there alone", async () => {
    const skips = accountIds.flatMap((accountId) => [
      { accountId, renewalDate, step: "expansion_conversation", dueOn: day("2026-08-01"), why: "superseded" },
      { accountId, renewalDate, step: "renewal_lock", dueOn: day("2026-10-03"), why: "superseded" },
    ]);
    await skipRenewalSteps(db.client, skips, now);
    await skipRenewalSteps(
      db.client,
      skips.map((skip) => ({ ...skip, why: "a second run" })),
      new Date(now.getTime() + 60_000),
    );
    const rows = await db.prisma.renewalStep.groupBy({ by: ["status", "error"], _count: true });
    expect(rows).toEqual([{ status: "skipped", error: "superseded", _count: accounts * 2 }]);
    const one = await db.prisma.renewalStep.findFirstOrThrow({ where: { accountId: accountIds[7] } });
    expect(one).toMatchObject({ renewalDate, claimedAt: now, attempts: 1 });
  });

  it("claims every due step once between two processes claiming at the same moment", async () => {
    const [first, second] = await Promise.all([
      claimRenewalSteps(db.client, due, now),
      claimRenewalSteps(db.client, due, now),
    ]);
    expect(first.size + second.size).toBe(accounts);
    for (const { accountId } of due) {
      const key = claimKey(accountId, "commit_check");
      expect(first.has(key) !== second.has(key)).toBe(true);
    }
    expect(await db.prisma.renewalStep.count({ where: { status: "sending", step: "commit_check" } })).toBe(
      accounts,
    );
    // Claimed and within the lease: nobody else gets them.
    expect((await claimRenewalSteps(db.client, due, new Date(now.getTime() + 60_000))).size).toBe(0);
  });

  it("takes over claims whose lease ran out and failures with tries left, and never a step that is done", async () => {
    const [sent, failed, spent] = accountIds;
    await db.prisma.renewalStep.updateMany({
      where: { accountId: sent, step: "commit_check" },
      data: { status: "sent" },
    });
    await db.prisma.renewalStep.updateMany({
      where: { accountId: failed, step: "commit_check" },
      data: { status: "failed", error: "channel_not_found" },
    });
    await db.prisma.renewalStep.updateMany({
      where: { accountId: spent, step: "commit_check" },
      data: { status: "failed", attempts: maxReminderAttempts },
    });
    const later = new Date(now.getTime() + claimLeaseMs + 60_000);
    const claims = await claimRenewalSteps(db.client, due, later);
    expect(claims.size).toBe(accounts - 2);
    expect(claims.has(claimKey(sent as string, "commit_check"))).toBe(false);
    expect(claims.has(claimKey(spent as string, "commit_check"))).toBe(false);
    const retried = await db.prisma.renewalStep.findFirstOrThrow({
      where: { accountId: failed, step: "commit_check" },
    });
    expect(retried).toMatchObject({ status: "sending", attempts: 2, error: null, claimedAt: later });
    expect(claims.get(claimKey(failed as string, "commit_check"))?.id).toBe(retried.id);
    // A skipped step is settled: claiming it again is refused.
    const skipped = await claimRenewalSteps(
      db.client,
      [{ ...due[9], step: "renewal_lock" } as (typeof due)[number]],
      later,
    );
    expect(skipped.size).toBe(0);
  });
});
