// Recording renewal outcomes and churns: the ledger movement each writes, the outcome the renewal rate
// counts, the renewal rolled forward or the account churned, the plays closed, and who may record them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordChurn } from "../../src/services/churn.ts";
import { recordRenewalOutcome } from "../../src/services/renewal-outcome.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { anAccount, aPlay, aUser } from "../helpers/factories.ts";
import { ledgerOf } from "../helpers/ledger.ts";

const now = new Date("2026-12-07T10:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe(`renewal outcomes and churns write the ledger, on ${testEngine}`, () => {
  let db: TestDatabase;
  let owner: Awaited<ReturnType<typeof aUser>>;
  let stranger: Awaited<ReturnType<typeof aUser>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await aUser(db.prisma);
    stranger = await aUser(db.prisma);
  });
  afterAll(async () => db?.destroy());

  it("a renewal with an upsell writes an expansion, rolls the date and term forward and closes the renewal plays", async () => {
    const account = await anAccount(db.prisma, {
      ownerId: owner.id,
      arr: "50000",
      renewalDate: day("2026-12-31"),
    });
    const renewalPlay = await aPlay(db.prisma, account.id, { kind: "renewal_commit", ownerId: owner.id });
    const savePlay = await aPlay(db.prisma, account.id, { kind: "save", ownerId: owner.id });
    const recorded = await recordRenewalOutcome(
      db,
      account.id,
      { kind: "renewed", newArrCents: 6_000_000n, newRenewalDate: day("2027-12-31") },
      owner,
      now,
    );
    expect(recorded).toEqual({
      ok: true,
      again: false,
      accountName: account.name,
      result: "upsold",
      effectiveOn: day("2026-12-31"),
      arrBefore: "50000.00",
      arrAfter: "60000.00",
      closedPlays: 1,
    });
    expect(await ledgerOf(db.prisma, account.id)).toEqual([
      ["2026-12-31", "expansion", null, "10000.00", "60000.00", "manual", "renewal"],
    ]);
    const after = await db.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect([after.arr?.toFixed(2), after.renewalDate, after.termStart]).toEqual([
      "60000.00",
      day("2027-12-31"),
      day("2026-12-31"),
    ]);
    expect((await db.prisma.play.findUniqueOrThrow({ where: { id: renewalPlay.id } })).status).toBe("closed");
    expect((await db.prisma.play.findUniqueOrThrow({ where: { id: savePlay.id } })).status).toBe("open");
    const outcome = await db.prisma.renewalOutcome.findFirstOrThrow({ where: { accountId: account.id } });
    expect([outcome.result, outcome.arrBefore?.toFixed(2), outcome.arrAfter.toFixed(2)]).toEqual([
      "upsold",
      "50000.00",
      "60000.00",
    ]);
  });

  it("a renewal at a lower ARR is a downsell: a contraction", async () => {
    const account = await anAccount(db.prisma, {
      ownerId: owner.id,
      arr: "50000",
      renewalDate: day("2026-11-30"),
    });
    const recorded = await recordRenewalOutcome(
      db,
      account.id,
      { kind: "renewed", newArrCents: 4_500_000n, newRenewalDate: day("2027-11-30") },
      owner,
      now,
    );
    expect(recorded).toMatchObject({ ok: true, result: "downsold" });
    expect(await ledgerOf(db.prisma, account.id)).toEqual([
      ["2026-11-30", "contraction", null, "5000.00", "45000.00", "manual", "renewal"],
    ]);
  });

  it("a churned renewal writes a churn of the whole ARR with its kind and reason, sets churnedAt and closes every play", async () => {
    const account = await anAccount(db.prisma, {
      ownerId: owner.id,
      arr: "30000",
      renewalDate: day("2026-12-15"),
    });
    await aPlay(db.prisma, account.id, { kind: "save", ownerId: owner.id });
    const recorded = await recordRenewalOutcome(
      db,
      account.id,
      { kind: "churned", voluntary: false, reason: "card declined" },
      owner,
      now,
    );
    expect(recorded).toMatchObject({ ok: true, result: "churned", closedPlays: 1 });
    expect(await ledgerOf(db.prisma, account.id)).toEqual([
      ["2026-12-15", "churn", "involuntary", "30000.00", "0.00", "manual", "card declined"],
    ]);
    const after = await db.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect([after.arr?.toFixed(2), after.churnedAt]).toEqual(["0.00", day("2026-12-15")]);
    expect(await recordChurn(db, account.id, { voluntary: true, reason: "again" }, owner, now)).toMatchObject(
      { ok: true, again: true, result: "churned", effectiveOn: day("2026-12-15") },
    );
    expect(await db.prisma.arrMovement.count({ where: { accountId: account.id } })).toBe(1);
  });

  it("a churn outside a renewal is dated today", async () => {
    const account = await anAccount(db.prisma, { ownerId: owner.id, arr: "1200.50" });
    expect(
      await recordChurn(db, account.id, { voluntary: true, reason: "moved to a competitor" }, owner, now),
    ).toMatchObject({ ok: true });
    expect(await ledgerOf(db.prisma, account.id)).toEqual([
      ["2026-12-07", "churn", "voluntary", "1200.50", "0.00", "manual", "moved to a competitor"],
    ]);
  });

  it("refuses someone who is not the owner, their manager or an admin, and an outcome that does not hold", async () => {
    const account = await anAccount(db.prisma, { ownerId: owner.id, renewalDate: day("2026-12-31") });
    const renewal = { kind: "renewed" as const, newArrCents: 100n, newRenewalDate: day("2027-12-31") };
    expect(await recordRenewalOutcome(db, account.id, renewal, stranger, now)).toMatchObject({
      ok: false,
      message: expect.stringContaining("their manager or an admin"),
    });
    expect(
      await recordRenewalOutcome(
        db,
        account.id,
        { ...renewal, newRenewalDate: day("2026-06-01") },
        owner,
        now,
      ),
    ).toEqual({ ok: false, message: "The new renewal date must be after 2026-12-31." });
    expect(await db.prisma.arrMovement.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("records an outcome once: the same renewal again, even at the same moment, answers with what is recorded", async () => {
    const account = await anAccount(db.prisma, {
      ownerId: owner.id,
      arr: "50000",
      renewalDate: day("2026-12-20"),
    });
    const renewal = { kind: "renewed" as const, newArrCents: 4_000_000n, newRenewalDate: day("2027-12-20") };
    const [first, second] = await Promise.all([
      recordRenewalOutcome(db, account.id, renewal, owner, now, day("2026-12-20")),
      recordRenewalOutcome(db, account.id, renewal, owner, now, day("2026-12-20")),
    ]);
    expect([first, second].map((r) => r.ok && r.again).sort()).toEqual([false, true]);
    const third = await recordRenewalOutcome(db, account.id, renewal, owner, now, day("2026-12-20"));
    expect(third).toMatchObject({ ok: true, again: true, result: "downsold", arrAfter: "40000.00" });
    expect(await ledgerOf(db.prisma, account.id)).toEqual([
      ["2026-12-20", "contraction", null, "10000.00", "40000.00", "manual", "renewal"],
    ]);
    expect(await db.prisma.renewalOutcome.count({ where: { accountId: account.id } })).toBe(1);
  });

  it("refuses a form opened for a renewal date that has moved since", async () => {
    const account = await anAccount(db.prisma, { ownerId: owner.id, renewalDate: day("2027-01-15") });
    const renewal = { kind: "renewed" as const, newArrCents: 100n, newRenewalDate: day("2028-01-15") };
    expect(await recordRenewalOutcome(db, account.id, renewal, owner, now, day("2026-12-31"))).toEqual({
      ok: false,
      message: "This account's renewal date changed to 2027-01-15 since the form was opened: open it again.",
    });
  });

  it("churns an account once when two churns arrive at the same moment", async () => {
    const account = await anAccount(db.prisma, { ownerId: owner.id, arr: "900" });
    const churn = { voluntary: false, reason: "payment failed" };
    const results = await Promise.all([
      recordChurn(db, account.id, churn, owner, now),
      recordChurn(db, account.id, churn, owner, now),
    ]);
    expect(results.map((r) => r.ok && r.again).sort()).toEqual([false, true]);
    expect(await ledgerOf(db.prisma, account.id)).toEqual([
      ["2026-12-07", "churn", "involuntary", "900.00", "0.00", "manual", "payment failed"],
    ]);
  });
});
