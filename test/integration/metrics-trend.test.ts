// The NRR/GRR trend of the portfolio chart over the fixture book (test/helpers/metrics-book.ts): the
// trailing twelve months at each month's end, for the accounts a book holds today.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trailingTwelveMonths } from "../../src/domain/metrics/period.ts";
import { positionOf, revenueRetention } from "../../src/domain/metrics/retention.ts";
import { scopeMetrics } from "../../src/services/metrics.ts";
import { metricsTrend } from "../../src/services/metrics-trend.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { fixtureLedgers, people } from "../helpers/metrics-book.ts";
import { importMetricsBook } from "../helpers/metrics-book-db.ts";

describe(`the NRR/GRR trend over the fixture book, on ${testEngine}`, () => {
  let db: TestDatabase;
  const userId = async (slackUserId: string) =>
    (await db.prisma.user.findUniqueOrThrow({ where: { slackUserId } })).id;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importMetricsBook(db);
  });
  afterAll(async () => db?.destroy());

  it("gives the trailing twelve months at each of the last months' ends, ending today", async () => {
    const trend = await metricsTrend(db, null, "2026-06-30");
    expect(trend.map((point) => point.to)).toEqual([
      "2025-07-31",
      "2025-08-31",
      "2025-09-30",
      "2025-10-31",
      "2025-11-30",
      "2025-12-31",
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
    ]);
    // From the end of 2025-06-30: M-1 100,000 + M-2 50,000 + M-3 40,000 + M-4 10,000.50 + M-5 8,000
    // + M-6 30,000 = 238,000.50 (M-8 churned on 2025-06-01, M-7 is new on 2026-01-01).
    // Expansion M-1 20,000.02 + M-5 2,000; contraction M-2 10,000 + M-6 5,000 (churned, back at 25,000);
    // churn M-3 40,000 + M-4 10,000.50.
    // NRR = (238,000.50 + 22,000.02 - 15,000 - 50,000.50) / 238,000.50 = 195,000.02 / 238,000.50 = 81.93…% -> 81.9
    // GRR = (238,000.50 - 15,000 - 50,000.50) / 238,000.50 = 173,000 / 238,000.50 = 72.68…% -> 72.7
    expect(trend.at(-1)).toEqual({ to: "2026-06-30", nrr: 81.9, grr: 72.7 });
    const ttm = await scopeMetrics(db, { kind: "company" }, trailingTwelveMonths("2026-06-30"), "2026-06-30");
    expect([ttm.nrr, ttm.grr]).toEqual([81.9, 72.7]);
  });

  it("computes every point as the domain does from the ledgers themselves", async () => {
    const ledgers = fixtureLedgers();
    const expected = (to: string) => {
      const { nrr, grr } = revenueRetention(ledgers.map((a) => positionOf(a, trailingTwelveMonths(to))));
      return { to, nrr, grr };
    };
    const trend = await metricsTrend(db, null, "2026-06-30");
    expect(trend).toEqual(trend.map((point) => expected(point.to)));
    expect(new Set(trend.map((point) => point.nrr)).size).toBeGreaterThan(3);
  });

  it("leaves a gap where a year earlier the book had no starting ARR", async () => {
    // The first ARR is M-8's, new on 2023-01-01: the year to 2023-12-31 starts before it, the year to
    // 2024-01-31 starts with it (60,000, unchanged).
    expect(await metricsTrend(db, null, "2024-01-31", 2)).toEqual([
      { to: "2023-12-31", nrr: null, grr: null },
      { to: "2024-01-31", nrr: 100, grr: 100 },
    ]);
  });

  it("follows a book as it stands today: a handed-over account's past counts with its new owner", async () => {
    const [ana, ben] = [await userId(people.ana), await userId(people.ben)];
    // Ana today: M-1, M-2, M-5, M-6. Start 188,000; expansion 22,000.02; contraction 15,000; no churn.
    // NRR = 195,000.02 / 188,000 = 103.72…% -> 103.7; GRR = 173,000 / 188,000 = 92.02…% -> 92.0
    expect((await metricsTrend(db, [ana], "2026-06-30")).at(-1)).toEqual({
      to: "2026-06-30",
      nrr: 103.7,
      grr: 92,
    });
    // Ben today also has M-8, Ana's until today's handover. In the year to 2025-07-31 M-8 (60,000)
    // churned and M-3 (40,000) stayed: NRR = GRR = 40,000 / 100,000 = 40.0. In the year to 2026-06-30
    // his cohort, M-3 and M-4, both churned: 0.
    const bens = await metricsTrend(db, [ben], "2026-06-30");
    expect([bens[0], bens.at(-1)]).toEqual([
      { to: "2025-07-31", nrr: 40, grr: 40 },
      { to: "2026-06-30", nrr: 0, grr: 0 },
    ]);
    // scopeMetrics counts M-8 with Ana, who owned it then: Ben kept M-3 whole.
    const then = await scopeMetrics(
      db,
      { kind: "users", refs: [people.ben] },
      trailingTwelveMonths("2025-07-31"),
      "2026-06-30",
    );
    expect(then.nrr).toBe(100);
    expect(await metricsTrend(db, [ana, ben], "2026-06-30")).toEqual(
      await metricsTrend(db, null, "2026-06-30"),
    );
  });

  it("has only gaps for a book with no accounts", async () => {
    expect(await metricsTrend(db, [], "2026-06-30", 3)).toEqual([
      { to: "2026-04-30", nrr: null, grr: null },
      { to: "2026-05-31", nrr: null, grr: null },
      { to: "2026-06-30", nrr: null, grr: null },
    ]);
  });
});
