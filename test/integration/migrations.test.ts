import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingMigrationSql } from "../../scripts/schema-drift.ts";
import { openDatabase } from "../../src/db/client.ts";
import { applyMigrations } from "../../src/db/migrate.ts";
import { migrationList, readSchema } from "../../src/db/migrations-dir.ts";
import { openSchemaEngine } from "../../src/db/schema-engine.ts";
import {
  createTestDatabase,
  freshTarget,
  skipUnlessPostgres,
  type TestDatabase,
  testEngine,
} from "../helpers/database.ts";

describe(`migrations on ${testEngine}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.destroy());

  it("records every committed migration and applies nothing the second time", async () => {
    const rows = await db.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(rows.map((r) => r.migration_name)).toContain("20261123072000_init");
    expect(await applyMigrations(db)).toEqual([]);
  });

  it("still goes to the schema engine when a migration is recorded as failed, and refuses to start", async () => {
    const { target, drop } = await freshTarget();
    const other = await openDatabase(target);
    try {
      await applyMigrations(other);
      await other.prisma.$executeRaw`
        INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
        VALUES ('failed-one', 'x', '20261123072000_init_retry', now(), 0)`;
      await expect(applyMigrations(other)).rejects.toThrow(/failed/i);
    } finally {
      await other.close();
      await drop();
    }
  });

  it("reports a migration whose script fails, and does not record it as applied", async () => {
    const { target, drop } = await freshTarget();
    const other = await openDatabase(target);
    const list = migrationList();
    const broken = {
      ...list,
      migrationDirectories: [
        ...list.migrationDirectories,
        {
          path: "29991231000000_broken",
          migrationFile: {
            path: "migration.sql",
            content: { tag: "ok" as const, value: 'ALTER TABLE "NoSuchTable" ADD COLUMN "x" int;' },
          },
        },
      ],
    };
    const { engine, explain } = await openSchemaEngine(readSchema(), other.adapterFactory);
    try {
      const applying = engine.applyMigrations({
        migrationsList: broken,
        filters: { externalTables: [], externalEnums: [] },
      });
      await expect(applying.catch((error: unknown) => Promise.reject(explain(error)))).rejects.toThrow(
        /NoSuchTable/,
      );
      const rows = await other.prisma.$queryRaw<{ finished: boolean }[]>`
        SELECT finished_at IS NOT NULL AS finished FROM _prisma_migrations
        WHERE migration_name = '29991231000000_broken'`;
      expect(rows).toEqual([{ finished: false }]);
    } finally {
      engine.free();
      await other.close();
      await drop();
    }
  });

  it.runIf(testEngine === "pglite")(
    "match prisma/schema.prisma: a schema change without its migration fails here",
    async () => {
      expect(await pendingMigrationSql()).toBe("");
    },
  );

  it("creates the indexes the account search relies on (name trigrams, CRM id in any case)", async () => {
    const rows = await db.prisma.$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes
      WHERE tablename = 'Account' AND (indexdef LIKE '%gin_trgm_ops%' OR indexdef LIKE '%lower(%')
      ORDER BY indexname`;
    expect(rows.map((row) => row.indexname)).toEqual([
      "Account_externalId_lower_idx",
      "Account_searchName_trgm_idx",
    ]);
    expect(rows[0]?.indexdef).toContain('btree (lower("externalId"))');
  });
});

describe("two processes starting at once on PostgreSQL", () => {
  it("both migrate without error and the migration is applied once", async (context) => {
    skipUnlessPostgres(context);
    const { target, drop } = await freshTarget();
    const [a, b] = await Promise.all([openDatabase(target), openDatabase(target)]);
    try {
      const [appliedA, appliedB] = await Promise.all([applyMigrations(a), applyMigrations(b)]);
      expect([...appliedA, ...appliedB]).toEqual(migrationList().migrationDirectories.map((dir) => dir.path));
    } finally {
      await a.close();
      await b.close();
      await drop();
    }
  });
});
