// PGlite on a thread of its own (db/pglite-thread.ts): PGlite's client on this side, PostgreSQL on the
// other, a query's messages crossing twice. Errors must still reach the statement that caused them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPGlite } from "../../src/db/client.ts";
import type { PGliteThread } from "../../src/db/pglite-thread.ts";
import { testEngine } from "../helpers/database.ts";

describe.runIf(testEngine === "pglite")("the embedded database on its own thread", () => {
  let lite: PGliteThread;
  beforeAll(async () => {
    lite = await openPGlite(null, "own thread");
    await lite.exec("CREATE TABLE renewal (account int PRIMARY KEY, quarter text NOT NULL)");
    await lite.query("INSERT INTO renewal VALUES ($1, $2)", [1, "Q1"]);
  });
  afterAll(async () => lite?.close());

  it("throws each query's own error, whichever message failed, and goes on answering", async () => {
    // Parse fails (syntax), bind fails (a parameter of the wrong type), execute fails (a duplicate key).
    await expect(lite.query("SELEC 1")).rejects.toMatchObject({ code: "42601" });
    await expect(lite.query("SELECT $1::int AS n", ["not a number"])).rejects.toMatchObject({
      code: "22P02",
    });
    await expect(lite.query("INSERT INTO renewal VALUES ($1, $2)", [1, "Q2"])).rejects.toMatchObject({
      code: "23505",
    });
    const { rows } = await lite.query<{ account: number; quarter: string }>("SELECT * FROM renewal");
    expect(rows).toEqual([{ account: 1, quarter: "Q1" }]);
  });

  it("rolls a transaction back when one of its statements fails", async () => {
    await expect(
      lite.transaction(async (tx) => {
        await tx.query("INSERT INTO renewal VALUES ($1, $2)", [2, "Q3"]);
        await tx.query("INSERT INTO renewal VALUES ($1, $2)", [1, "Q4"]);
      }),
    ).rejects.toMatchObject({ code: "23505" });
    const { rows } = await lite.query<{ n: number }>("SELECT count(*)::int AS n FROM renewal");
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("converts parameters and results as PGlite does, arrays included", async () => {
    const { rows } = await lite.query<{ quarters: string[]; total: number }>(
      "SELECT $1::text[] AS quarters, $2::int + 1 AS total",
      [["Q1", "Q2"], 41],
    );
    expect(rows).toEqual([{ quarters: ["Q1", "Q2"], total: 42 }]);
  });
});
