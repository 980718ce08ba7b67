import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/db/repositories/audit.ts";
import { type SeedResult, seedDemoBook } from "../../src/demo/book.ts";
import { searchKey } from "../../src/domain/search-text.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

const now = new Date("2026-11-23T09:00:00Z");
const admin: Actor = { userId: null, label: "cli:newcomer", source: "cli" };

function latestScores(prisma: PrismaClient) {
  return prisma.account.findMany({
    include: { scores: { orderBy: { date: "desc" }, take: 1 } },
    orderBy: { externalId: "asc" },
  });
}

async function rowCounts(prisma: PrismaClient) {
  return {
    users: await prisma.user.count(),
    accounts: await prisma.account.count(),
    stakeholders: await prisma.stakeholder.count(),
    touches: await prisma.touch.count(),
    scores: await prisma.healthScore.count(),
    signals: await prisma.healthSignal.count(),
    plays: await prisma.play.count(),
    movements: await prisma.arrMovement.count(),
    audit: await prisma.auditLog.count(),
  };
}

describe("csm seed --demo", () => {
  let db: TestDatabase;
  let seeded: SeedResult;

  beforeAll(async () => {
    db = await createTestDatabase();
    seeded = await seedDemoBook(db, now, admin);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("loads a team of CSMs reporting to a manager, each with a book of accounts", async () => {
    expect(seeded).toMatchObject({ ok: true });
    if (!seeded.ok) return;
    const csms = await db.prisma.user.findMany({
      where: { role: "csm" },
      include: { manager: true, accounts: true },
    });
    expect(csms.length).toBeGreaterThanOrEqual(3);
    expect(seeded.csms).toBe(csms.length);
    for (const csm of csms) {
      expect(csm.manager?.role).toBe("manager");
      expect(csm.timeZone).toBeTruthy();
      expect(csm.accounts.length).toBeGreaterThan(0);
    }
    expect(new Set(csms.map((csm) => csm.timeZone)).size).toBe(csms.length);
    expect(await db.prisma.account.count()).toBe(seeded.accounts);
    expect(seeded.accounts).toBeGreaterThanOrEqual(30);
  });

  it("gives every account an owner, a stakeholder map, an opening ARR movement and eight weeks of scores", async () => {
    const accounts = await db.prisma.account.findMany({
      include: { stakeholders: true, scores: true, arrMovements: { orderBy: { effectiveDate: "asc" } } },
    });
    for (const account of accounts) {
      expect(account.ownerId, account.name).not.toBeNull();
      expect(account.searchName).toBe(searchKey(account.name));
      expect(account.stakeholders.length, account.name).toBeGreaterThanOrEqual(2);
      expect(account.stakeholders.length, account.name).toBeLessThanOrEqual(6);
      expect(account.scores.length, account.name).toBeGreaterThanOrEqual(6);
      expect(account.arrMovements[0]).toMatchObject({ kind: "new", source: "accounts_import" });
      expect(account.arrMovements.at(-1)?.arrAfter.toFixed(2)).toBe(account.arr?.toFixed(2));
      expect(account.renewalDate?.getTime()).toBeGreaterThan(now.getTime() - 86_400_000);
    }
    const audited = await db.prisma.auditLog.findMany({ where: { action: "account.create" } });
    expect(audited.map((entry) => entry.entityId).sort()).toEqual(
      accounts.map((account) => account.id).sort(),
    );
    expect(audited[0]).toMatchObject({ actorLabel: "cli:newcomer", source: "cli" });
  });

  it("shows every health band, each score in the band its number says", async () => {
    const accounts = await latestScores(db.prisma);
    const bands = new Set(accounts.map((account) => account.scores[0]?.band));
    expect(bands).toEqual(new Set(["red", "yellow", "green"]));
    const scores = await db.prisma.healthScore.findMany();
    for (const { score, band, reasons, missingSignals } of scores) {
      expect(band).toBe(score >= 70 ? "green" : score >= 40 ? "yellow" : "red");
      expect(reasons.length).toBeGreaterThan(0);
      expect(missingSignals).toEqual([]);
    }
    expect(await db.prisma.healthSignal.count()).toBe(accounts.length);
  });

  it("leaves some accounts short of two executive sponsors, and some sponsors dark", async () => {
    const accounts = await db.prisma.account.findMany({ include: { stakeholders: true } });
    const sponsors = (account: (typeof accounts)[number]) =>
      account.stakeholders.filter((person) => person.role === "executive_sponsor");
    expect(accounts.some((account) => sponsors(account).length < 2)).toBe(true);
    const darkSince = new Date(now.getTime() - 45 * 86_400_000);
    expect(
      accounts.some((account) =>
        sponsors(account).some((person) => (person.lastContactOn ?? now) < darkSince),
      ),
    ).toBe(true);
  });

  it("attaches an open play with an owner to every red account, and suggests a red account to try", async () => {
    const accounts = await latestScores(db.prisma);
    const red = accounts.filter((account) => account.scores[0]?.band === "red");
    expect(red.length).toBeGreaterThan(0);
    for (const account of red) {
      const plays = await db.prisma.play.findMany({
        where: { accountId: account.id, status: { in: ["open", "claimed"] } },
      });
      expect(plays.length, account.name).toBeGreaterThan(0);
      for (const play of plays) expect(play.ownerId).toBe(account.ownerId);
    }
    if (seeded.ok) expect(red.map((account) => account.name)).toContain(seeded.example);
  });

  it("logs touches authored by the account's owner", async () => {
    const touches = await db.prisma.touch.findMany({ include: { account: true } });
    if (seeded.ok) expect(seeded.touches).toBe(touches.length);
    for (const touch of touches) {
      expect(touch.authorId).toBe(touch.account.ownerId);
      expect(touch.occurredAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it("refuses a second seed and changes nothing", async () => {
    const before = await rowCounts(db.prisma);
    const again = await seedDemoBook(db, now, admin);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason).toMatch(`already holds ${before.accounts} accounts`);
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it("loads the same book every time", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemoBook(other, now, admin);
      const shape = async (prisma: PrismaClient) =>
        (await latestScores(prisma)).map((account) => [
          account.name,
          account.arr?.toFixed(2),
          account.scores[0]?.score,
        ]);
      expect(await shape(other.prisma)).toEqual(await shape(db.prisma));
    } finally {
      await other.destroy();
    }
  });
});
