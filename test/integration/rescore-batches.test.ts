import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccounts } from "../../src/db/repositories/accounts.ts";
import { rescoreAccounts } from "../../src/services/health-scoring.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";

// A re-score reads and writes a few thousand accounts at a time; a book larger than one batch must
// be scored whole, once per account.
const bookSize = 2_003;
const now = new Date("2026-11-23T02:10:00Z");
const today = new Date("2026-11-23T00:00:00Z");

describe(`re-scoring a book larger than one batch on ${testEngine}`, () => {
  let db: TestDatabase;
  let ids: string[];
  beforeAll(async () => {
    db = await createTestDatabase();
    const accounts = Array.from({ length: bookSize }, (_, i) => ({
      id: randomUUID(),
      externalId: `BIG-${i}`,
      name: `Big Book ${i}`,
      searchName: `big book ${i}`,
      arr: "1000.00",
    }));
    await createAccounts(db.prisma, accounts, now);
    ids = accounts.map((account) => account.id);
    await db.prisma.account.update({ where: { id: ids[7] as string }, data: { churnedAt: today } });
  });
  afterAll(async () => db?.destroy());

  it("scores every account not churned, once, when asked for all, telling after each batch", async () => {
    const progress: [number, number][] = [];
    const summary = await rescoreAccounts(db, "all", now, (scored, total) => progress.push([scored, total]));
    expect(summary.scored).toBe(bookSize - 1);
    // Batches of 500: every batch is told, the last with the whole book.
    expect(progress.map(([scored]) => scored)).toEqual(
      Array.from({ length: Math.ceil((bookSize - 1) / 500) }, (_, i) =>
        Math.min((i + 1) * 500, bookSize - 1),
      ),
    );
    expect(progress.every(([, total]) => total === bookSize - 1)).toBe(true);
    expect(await db.prisma.healthScore.count({ where: { date: today } })).toBe(bookSize - 1);
  });

  it("scores exactly the accounts named, churned or not, each once however often named", async () => {
    const progress: [number, number][] = [];
    const summary = await rescoreAccounts(db, [...ids, ...ids.slice(0, 10)], now, (scored, total) =>
      progress.push([scored, total]),
    );
    expect(summary.scored).toBe(bookSize);
    expect(progress.at(-1)).toEqual([bookSize, bookSize]);
    expect(await db.prisma.healthScore.count({ where: { date: today } })).toBe(bookSize);
  });
});
