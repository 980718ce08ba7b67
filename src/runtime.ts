// Opens the database a process works on, migrated. On PostgreSQL every process connects on its own. The
// embedded database is held by one process at a time (db/data-dir-lock.ts): the bot serves it on its
// socket, and a CLI command run beside the bot connects through that socket; when nothing holds it,
// the process opens it itself (creating its cluster on first use). Shared by the bot and the CLI.
import { setTimeout as sleep } from "node:timers/promises";
import type { Config } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import {
  DataDirBusyError,
  type DataDirLock,
  describeHolder,
  type LockHolder,
  lockDataDir,
} from "./db/data-dir-lock.ts";
import { applyMigrations } from "./db/migrate.ts";
import { createClusterIfMissing } from "./db/pglite-cluster.ts";
import type { Logger } from "./logger.ts";

export interface OpenOptions {
  /** How long to wait for another process to let go of the embedded database; default 10 minutes. */
  waitMs?: number;
  /** Told when this process starts creating a new data directory's database, and when it is ready. */
  clusterProgress?: ClusterProgress;
}

/** The first use of a data directory: its cluster is created, then the migrations build the schema. */
export interface ClusterProgress {
  creating(dataDir: string): void;
  ready(dataDir: string): void;
}

/** Connections a CLI command opens on the bot's socket, beside the bot's own. */
const cliConnections = 2;
const pollMs = 250;

export async function openMigratedDatabase(
  config: Config,
  role: LockHolder["role"],
  command: string,
  logger: Logger,
  options: OpenOptions = {},
): Promise<Database> {
  const target = config.database;
  if (target.kind === "postgres" || !target.dataDir) return migrated(await openDatabase(target), logger);
  const dataDir = target.dataDir;
  const deadline = Date.now() + (options.waitMs ?? 600_000);
  let waitingFor = "";
  for (;;) {
    let lock: DataDirLock;
    try {
      lock = lockDataDir(dataDir, role, command);
    } catch (error) {
      if (!(error instanceof DataDirBusyError)) throw error;
      const { holder } = error;
      if (role === "cli" && holder.role === "bot" && holder.socketDir) {
        const db = await throughSocket(target, holder.socketDir);
        if (db) return migrated(db, logger);
      }
      // Two bots on one data directory is a mistake to report, not to wait out.
      if (Date.now() >= deadline || (role === "bot" && holder.role === "bot")) throw error;
      // Said once per holder: a CLI command, or the bot starting or stopping.
      const who = describeHolder(holder);
      if (who !== waitingFor) logger.warn(`waiting: ${who} holds the embedded database in ${dataDir}`);
      waitingFor = who;
      await sleep(pollMs);
      continue;
    }
    return ownDatabase(target, dataDir, role, lock, logger, options.clusterProgress);
  }
}

/** The running bot's database through its socket; null when the bot is not answering on it (stopping). */
async function throughSocket(target: Config["database"], socketDir: string): Promise<Database | null> {
  const db = await openDatabase(target, { socketDir, connections: cliConnections });
  try {
    await db.ping();
    return db;
  } catch {
    await db.close().catch(() => {});
    return null;
  }
}

async function ownDatabase(
  target: Config["database"],
  dataDir: string,
  role: LockHolder["role"],
  lock: DataDirLock,
  logger: Logger,
  progress?: ClusterProgress,
): Promise<Database> {
  try {
    const created = await createClusterIfMissing(dataDir, () => progress?.creating(dataDir));
    if (created)
      logger.info(
        `created the embedded database in ${dataDir} (${created.seconds.toFixed(1)} s, ` +
          `in a process of its own that peaked at ${created.peakRssMb} MB)`,
      );
    const db = await migrated(await openDatabase(target), logger);
    if (created) progress?.ready(dataDir);
    // The bot serves the database to CLI commands; a CLI command keeps it to itself.
    if (role === "bot") lock.announceSocket(db.socketDir as string);
    return {
      ...db,
      async close() {
        await db.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function migrated(db: Database, logger: Logger): Promise<Database> {
  try {
    const applied = await applyMigrations(db);
    if (applied.length) logger.info(`applied migrations: ${applied.join(", ")}`);
    return db;
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
