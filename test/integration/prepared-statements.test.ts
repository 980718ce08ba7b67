import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import type { PreparedStatement } from "../../src/db/prepared-statements.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { anAccount } from "../helpers/factories.ts";

const accountNames: PreparedStatement = {
  name: "test_account_names",
  sql: `SELECT json_build_object('name', name, 'arr', arr::text)::text FROM "Account"
        WHERE name LIKE $1 ORDER BY name LIMIT $2`,
};
const seqscanSetting: PreparedStatement = {
  name: "test_seqscan_setting",
  sql: `SELECT to_json(current_setting('enable_seqscan'))::text`,
};
const seqscanOff: PreparedStatement = {
  ...seqscanSetting,
  name: "test_seqscan_off",
  settings: { enable_seqscan: "off" },
};
const failsOnBadNumber: PreparedStatement = {
  name: "test_fails_on_bad_number",
  sql: `SELECT to_json($1::int)::text`,
  settings: { enable_seqscan: "off" },
};

describe(`prepared statements on ${testEngine}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await anAccount(db.prisma, { name: "Prepared Alpha", arr: "100.50" });
    await anAccount(db.prisma, { name: "Prepared Beta", arr: "200.00" });
    await anAccount(db.prisma, { name: "Other Gamma", arr: "300.00" });
  });
  afterAll(async () => db?.destroy());

  it("returns each row's JSON document, in order, and binds new parameters on every run", async () => {
    expect(await db.reads.jsonRows(accountNames, ["Prepared%", 10])).toEqual([
      { name: "Prepared Alpha", arr: "100.50" },
      { name: "Prepared Beta", arr: "200.00" },
    ]);
    // Past PostgreSQL's five custom plans, the same statement keeps answering with the new values.
    for (let i = 0; i < 6; i++) await db.reads.jsonRows(accountNames, ["Prepared%", 1]);
    expect(await db.reads.jsonRows(accountNames, ["Other%", 1])).toEqual([
      { name: "Other Gamma", arr: "300.00" },
    ]);
  });

  it("keeps a statement's settings to that statement", async () => {
    expect(await db.reads.jsonRows(seqscanOff, [])).toEqual(["off"]);
    expect(await db.reads.jsonRows(seqscanSetting, [])).toEqual(["on"]);
  });

  it.runIf(testEngine === "postgres")(
    "keeps the startup options a DATABASE_URL carries when a statement adds settings",
    async () => {
      if (db.target.kind !== "postgres") return;
      const url = new URL(db.target.url);
      url.searchParams.set("options", "-c statement_timeout=12345");
      const other = await openDatabase({ kind: "postgres", url: url.toString() });
      try {
        const timeoutAndSeqscan: PreparedStatement = {
          name: "test_timeout_and_seqscan",
          sql: `SELECT json_build_array(current_setting('statement_timeout'), current_setting('enable_seqscan'))::text`,
          settings: { enable_seqscan: "off" },
        };
        expect(await other.reads.jsonRows(timeoutAndSeqscan, [])).toEqual([["12345ms", "off"]]);
      } finally {
        await other.close();
      }
    },
  );

  it.runIf(testEngine === "postgres")(
    "survives PostgreSQL closing its idle connections, and reads on with new ones",
    async () => {
      if (db.target.kind !== "postgres") return;
      // A connection in the main pool and one in a settings pool, both idle afterwards.
      expect(await db.reads.jsonRows(seqscanOff, [])).toEqual(["off"]);
      expect(await db.reads.jsonRows(seqscanSetting, [])).toEqual(["on"]);
      const admin = new pg.Client({ connectionString: db.target.url });
      await admin.connect();
      try {
        const { rowCount } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        expect(rowCount).toBeGreaterThanOrEqual(2);
      } finally {
        await admin.end();
      }
      // The pools hear of it as their idle connections' errors; unheard, each would end the process.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await db.reads.jsonRows(seqscanOff, [])).toEqual(["off"]);
      expect(await db.reads.jsonRows(seqscanSetting, [])).toEqual(["on"]);
      expect(await db.prisma.account.count()).toBe(3);
    },
  );

  it("reports a failed statement and leaves the connection usable, outside any transaction", async () => {
    await expect(db.reads.jsonRows(failsOnBadNumber, ["not a number"])).rejects.toThrow(/integer/);
    expect(await db.reads.jsonRows(failsOnBadNumber, ["7"])).toEqual([7]);
    expect(await db.reads.jsonRows(seqscanSetting, [])).toEqual(["on"]);
    expect(await db.prisma.account.count()).toBe(3);
  });

  it("runs a lookup's statements together: one connection, and ahead of statements sent after it began", async () => {
    const backend: PreparedStatement = {
      name: "test_backend",
      sql: "SELECT to_json(pg_backend_pid())::text",
    };
    const busy: PreparedStatement = {
      name: "test_busy_for_a_while",
      sql: "SELECT to_json(pg_sleep(0.3))::text",
    };
    const order: string[] = [];
    const pids: number[] = [];
    const others: Promise<unknown>[] = [];
    const run = db.reads.together(async (reads) => {
      pids.push(...(await reads.jsonRows<number>(backend, [])));
      // Another caller keeps the database busy, and a third sends a statement meanwhile, before the
      // run's second statement: both wait until the busy one is done.
      others.push(db.reads.jsonRows(busy, []).then(() => order.push("busy caller")));
      await new Promise((resolve) => setTimeout(resolve, 50));
      others.push(db.reads.jsonRows(accountNames, ["Prepared%", 1]).then(() => order.push("later caller")));
      await new Promise((resolve) => setTimeout(resolve, 20));
      pids.push(...(await reads.jsonRows<number>(backend, [])));
      order.push("second of the run");
      return "done";
    });
    expect(await run).toBe("done");
    await Promise.all(others);
    expect(pids[0]).toBe(pids[1]);
    // PostgreSQL answers the other callers on connections of their own; PGlite has one session, and
    // runs the waiting statement of the run that began first.
    if (testEngine === "pglite") expect(order).toEqual(["busy caller", "second of the run", "later caller"]);
  });

  it("gives the database back when a run of statements fails", async () => {
    await expect(
      db.reads.together((reads) => reads.jsonRows(failsOnBadNumber, ["not a number"])),
    ).rejects.toThrow(/integer/);
    expect(await db.reads.together((reads) => reads.jsonRows(failsOnBadNumber, ["8"]))).toEqual([8]);
    expect(await db.prisma.account.count()).toBe(3);
  });

  it("never reads another caller's uncommitted writes", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted = () => {};
    const insertedYet = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const transaction = db.prisma.$transaction(
      async (tx) => {
        await anAccount(tx, { name: "Prepared Uncommitted" });
        inserted();
        await held;
        throw new Error("rolled back on purpose");
      },
      { timeout: 10_000 },
    );
    await insertedYet;
    const read = db.reads.jsonRows<{ name: string }>(accountNames, ["Prepared%", 10]);
    // On PGlite the read waits for the transaction; on PostgreSQL it runs beside it. Neither sees the row.
    setTimeout(release, 50);
    await expect(transaction).rejects.toThrow("rolled back on purpose");
    expect((await read).map((row) => row.name)).toEqual(["Prepared Alpha", "Prepared Beta"]);
  });
});

describe.runIf(testEngine === "pglite")(
  "prepared statements on PGlite in the caller's thread (the CLI's)",
  () => {
    it("returns rows, keeps settings to their statement, and reports a failed statement", async () => {
      const db = await openDatabase({ kind: "pglite", dataDir: null }, { pglite: "this thread" });
      try {
        const numbers: PreparedStatement = {
          name: "test_numbers",
          sql: "SELECT to_json(n)::text FROM generate_series(1, $1::int) n",
        };
        expect(await db.reads.jsonRows(numbers, [3])).toEqual([1, 2, 3]);
        expect(await db.reads.jsonRows(seqscanOff, [])).toEqual(["off"]);
        expect(await db.reads.jsonRows(seqscanSetting, [])).toEqual(["on"]);
        await expect(db.reads.jsonRows(failsOnBadNumber, ["not a number"])).rejects.toThrow(/integer/);
        expect(await db.reads.jsonRows(failsOnBadNumber, ["9"])).toEqual([9]);
        // PGlite's own queries go on, outside any transaction the failed statement could have left open.
        expect(await db.prisma.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`).toEqual([{ n: 1 }]);
      } finally {
        await db.close();
      }
    });
  },
);
