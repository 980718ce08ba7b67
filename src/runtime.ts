// Opens the database a process works on: locks the embedded data directory, connects,
// applies pending migrations. Shared by the bot (main.ts) and the CLI.
import type { Config } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { type LockHolder, lockDataDir } from "./db/data-dir-lock.ts";
import { applyMigrations } from "./db/migrate.ts";
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
    const db = await openDatabase(config.database);
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
