// Applies prisma/migrations at start-up and from `csm db migrate`, exactly as `prisma migrate deploy`
// does (same _prisma_migrations table), through Prisma's WebAssembly schema engine.
import type { Database } from "./client.ts";
import { migrationList, readSchema } from "./migrations-dir.ts";
import { openSchemaEngine } from "./schema-engine.ts";

const noFilters = { externalTables: [], externalEnums: [] };

/** Returns the names of the migrations it applied. Safe when several processes start at once. */
export async function applyMigrations(db: Database): Promise<string[]> {
  return db.withExclusiveLock("csm-bot:migrate", async () => {
    const { engine, explain } = await openSchemaEngine(readSchema(), db.adapterFactory);
    try {
      const result = await engine.applyMigrations({ migrationsList: migrationList(), filters: noFilters });
      return result.appliedMigrationNames;
    } catch (error) {
      throw explain(error);
    } finally {
      engine.free();
    }
  });
}

/** How many migrations the database has recorded as finished. */
export async function appliedMigrationCount(db: Database): Promise<number> {
  const rows = await db.prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
  return Number(rows[0]?.n ?? 0);
}
