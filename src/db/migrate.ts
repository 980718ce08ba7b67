// Applies prisma/migrations at start-up and from `csm db migrate`, exactly as `prisma migrate deploy`
// does (same _prisma_migrations table), through Prisma's WebAssembly schema engine.
import type { Database } from "./client.ts";
import { migrationList, migrationNames, readSchema } from "./migrations-dir.ts";
import { openSchemaEngine } from "./schema-engine.ts";

const noFilters = { externalTables: [], externalEnums: [] };

/** Returns the names of the migrations it applied. Safe when several processes start at once. */
export async function applyMigrations(db: Database): Promise<string[]> {
  return db.withExclusiveLock("csm-bot:migrate", async () => {
    // The schema engine costs about a second and a hundred MB to load; most starts have nothing to do.
    if (!(await needsSchemaEngine(db))) return [];
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

/**
 * False only when every migration in prisma/migrations is recorded as finished and none is left
 * failed; anything else (a new database, a pending or a failed migration) goes to the engine, which
 * applies, or explains, exactly as `prisma migrate deploy` would.
 */
async function needsSchemaEngine(db: Database): Promise<boolean> {
  const [table] = await db.prisma.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`;
  if (!table?.exists) return true;
  const rows = await db.prisma.$queryRaw<{ name: string; finished: boolean }[]>`
    SELECT migration_name AS name, finished_at IS NOT NULL AS finished
    FROM _prisma_migrations WHERE rolled_back_at IS NULL`;
  if (rows.some((row) => !row.finished)) return true;
  const finished = new Set(rows.map((row) => row.name));
  return migrationNames().some((name) => !finished.has(name));
}

/** How many migrations the database has recorded as finished. */
export async function appliedMigrationCount(db: Database): Promise<number> {
  const rows = await db.prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
  return Number(rows[0]?.n ?? 0);
}
