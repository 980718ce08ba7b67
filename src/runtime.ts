// Opens the database a process works on: locks the embedded data directory, creates its cluster on
// first use, connects, applies pending migrations. Shared by the bot (main.ts) and the CLI.
import type { Config } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { type LockHolder, lockDataDir } from "./db/data-dir-lock.ts";
import { applyMigrations } from "./db/migrate.ts";
import { createClusterIfMissing } from "./db/pglite-cluster.ts";
import type { Logger } from "./logger.ts";

export async function openMigratedDatabase(
  config: Config,
  role: LockHolder["role"],
  command: string,
  logger: Logger,
): Promise<Database> {
  const release =
    config.database.kind === "pglite" && config.database.dataDir
      ? lockDataDir(config.database.dataDir, role, command)
      : () => {};
  try {
    if (config.database.kind === "pglite" && config.database.dataDir) {
      const created = await createClusterIfMissing(config.database.dataDir);
      if (created)
        logger.info(
          `created the embedded database in ${config.database.dataDir} (${created.seconds.toFixed(1)} s, ` +
            `in a process of its own that peaked at ${created.peakRssMb} MB)`,
        );
    }
    const db = await openDatabase(config.database, { pglite: role === "bot" ? "own thread" : "this thread" });
    const applied = await applyMigrations(db);
    if (applied.length) logger.info(`applied migrations: ${applied.join(", ")}`);
    return {
      ...db,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
