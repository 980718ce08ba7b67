// A fresh, migrated database for one test file: in-memory PGlite by default, or a brand-new
// PostgreSQL database next to TEST_DATABASE_URL when that is set (CI sets it).
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestContext } from "vitest";
import { type Database, type DatabaseTarget, openDatabase } from "../../src/db/client.ts";
import { applyMigrations } from "../../src/db/migrate.ts";

export interface TestDatabase extends Database {
  /** Drops the PostgreSQL database (if any) after closing. */
  destroy(): Promise<void>;
}

export const testEngine: "pglite" | "postgres" =
  process.env.CSM_TEST_ENGINE === "postgres" && process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

/** Skips a test only PostgreSQL can run, on the embedded engine, saying why in the report. */
export function skipUnlessPostgres(context: TestContext): void {
  if (testEngine === "postgres") return;
  context.skip(
    process.env.TEST_DATABASE_URL
      ? "PostgreSQL only: runs in integration-postgres"
      : "needs PostgreSQL: set TEST_DATABASE_URL=postgresql://user@host:5432/db to run it",
  );
}

export async function freshTarget(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (testEngine === "pglite" || !base)
    return { target: { kind: "pglite", dataDir: null }, drop: async () => {} };
  // The run's prefix (test/helpers/leak-check.ts) lets the end of the run find what a test left.
  const prefix = process.env.CSM_TEST_DB_PREFIX ?? "csm_test_";
  const name = `${prefix}${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { target, drop } = await freshTarget();
  const db = await openDatabase(target);
  await applyMigrations(db);
  return {
    ...db,
    async destroy() {
      await db.close();
      await drop();
    },
  };
}
