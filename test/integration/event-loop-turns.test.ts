// Statements must leave the event loop free to turn: otherwise Slack's requests and the ack-budget
// timer wait for them. PGlite runs PostgreSQL on a worker thread of its own (db/pglite-server.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";

/** Counts the event loop's turns while `work` runs. */
async function turnsDuring(work: () => Promise<void>): Promise<number> {
  let turns = 0;
  let counting = true;
  const count = () => {
    if (!counting) return;
    turns++;
    setImmediate(count);
  };
  setImmediate(count);
  await work();
  counting = false;
  return turns;
}

/** Statements back to back for about 300 ms, whatever the machine's speed: ten slices or more. */
async function forAWhile(statement: () => Promise<unknown>): Promise<void> {
  const until = performance.now() + 300;
  while (performance.now() < until) await statement();
}

// A statement that keeps the database busy for some milliseconds (5-60 ms on the machines we know).
const busySql = "SELECT count(*)::int AS n FROM generate_series(1, 100000)";

describe(`the event loop during a long run of statements, on ${testEngine}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.destroy());

  it("turns while a transaction sends statement after statement", async () => {
    const turns = await turnsDuring(() =>
      db.prisma.$transaction(async (tx) => {
        await forAWhile(() => tx.$queryRawUnsafe(busySql));
      }),
    );
    // PGlite run on the event loop's own thread would give none until the transaction ended.
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it("turns while queries run one after another", async () => {
    const turns = await turnsDuring(() => forAWhile(() => db.prisma.$queryRawUnsafe(busySql)));
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it("turns while one long statement runs", async () => {
    const turns = await turnsDuring(async () => {
      await db.prisma.$queryRawUnsafe("SELECT pg_sleep(0.3)::text");
    });
    // PGlite run on the event loop's own thread would give none: it runs a statement synchronously.
    expect(turns).toBeGreaterThanOrEqual(3);
  });
});
