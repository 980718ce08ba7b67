// Builds the Prisma client on one of two engines: embedded PGlite (default, zero set-up) or
// PostgreSQL (DATABASE_URL). Both get the same schema and migrations.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { pgliteStartParams } from "./pglite-settings.ts";
import { PGliteThread } from "./pglite-thread.ts";
import {
  keepIdleErrors,
  type PreparedStatements,
  pgliteInThisThread,
  pglitePreparedStatements,
  postgresPreparedStatements,
} from "./prepared-statements.ts";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null };

export interface Database {
  prisma: PrismaClient;
  target: DatabaseTarget;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Named prepared statements for the hot reads, on the same database (see prepared-statements.ts). */
  reads: PreparedStatements;
  /** Runs fn while holding a cross-process lock (PostgreSQL advisory lock; PGlite is single-process). */
  withExclusiveLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Where the embedded database runs. The bot gives it a thread of its own (db/pglite-thread.ts): Slack's
 * requests are answered while PostgreSQL works, on a second core. A CLI command does one thing at a
 * time and keeps it on its own thread, which costs 20-30 MB less at an import's peak.
 */
export type PGlitePlacement = "own thread" | "this thread";

export interface OpenOptions {
  /** The embedded database's placement; default "own thread". */
  pglite?: PGlitePlacement;
}

type PGliteClient = PGlite | PGliteThread;

/** The embedded database in `dataDir` (null: in memory). */
export async function openPGlite(dataDir: string | null, placement: "own thread"): Promise<PGliteThread>;
export async function openPGlite(dataDir: string | null, placement: "this thread"): Promise<PGlite>;
export async function openPGlite(dataDir: string | null, placement: PGlitePlacement): Promise<PGliteClient> {
  if (dataDir) mkdirSync(path.resolve(dataDir), { recursive: true });
  if (placement === "own thread") return PGliteThread.open(dataDir);
  return PGlite.create({
    dataDir: dataDir ? path.resolve(dataDir) : "memory://",
    extensions: { pg_trgm },
    startParams: pgliteStartParams(PGlite.defaultStartParams),
  });
}

/**
 * Prisma's PGlite adapter, on either client: it uses only query, exec and transaction, which
 * PGliteThread inherits from PGlite's base class. Its shadow database (for migrations) has no
 * extensions; ours loads pg_trgm there too.
 */
class PGliteFactory extends PrismaPGlite {
  readonly #lite: PGliteClient;
  constructor(lite: PGliteClient) {
    super(lite as PGlite);
    this.#lite = lite;
  }
  override async connect() {
    // The adapter runs a migration script without waiting for it, so a failed one went unreported.
    return awaitingScripts(await super.connect(), (script) => this.#lite.exec(script));
  }
  override async connectToShadowDb() {
    return new PGliteFactory(await openPGlite(null, "this thread")).connect();
  }
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it at every ";", so a semicolon in a comment,
 * a string or a function body (the search_words migration has all three) breaks it. PostgreSQL takes
 * the whole script as one simple query, as `prisma migrate deploy` sends it, and runs it atomically.
 */
class PostgresFactory extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    return awaitingScripts(adapter, (script) => pool.query(script));
  }
}

/** The adapter, running a migration script with `run`, whose error it reports as it reports a query's. */
function awaitingScripts<A extends SqlDriverAdapter>(
  adapter: A,
  run: (script: string) => Promise<unknown>,
): A {
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (error) {
      // The adapter's own translation into Prisma's driver errors, which the schema engine reads.
      (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
  return adapter;
}

/** PostgreSQL connections a process opens for Prisma and the prepared reads without settings. */
const connectionsPerProcess = 4;

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.kind === "pglite") {
    const lite =
      options.pglite === "this thread"
        ? await openPGlite(target.dataDir, "this thread")
        : await openPGlite(target.dataDir, "own thread");
    const adapterFactory = new PGliteFactory(lite);
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      prisma,
      target,
      adapterFactory,
      reads: pglitePreparedStatements(lite instanceof PGliteThread ? lite : pgliteInThisThread(lite)),
      withExclusiveLock: (_key, fn) => fn(),
      async close() {
        await prisma.$disconnect();
        await lite.close();
      },
    };
  }
  // Few connections per bot process: its queries are short, more bots scale out, and on a small machine
  // fewer busy PostgreSQL backends leave the bot's event loop more of the CPU. Measured on a 2-core
  // machine with /account under load: p99 148/123 ms with 4, 164/172 ms with node-postgres's default 10.
  const pool = new pg.Pool({ connectionString: target.url, max: connectionsPerProcess });
  // Prisma's adapter listens for idle connections' errors only while it is connected.
  keepIdleErrors(pool);
  const adapterFactory = new PostgresFactory(pool);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  const reads = postgresPreparedStatements(pool, target.url);
  return {
    prisma,
    target,
    adapterFactory,
    reads,
    async withExclusiveLock(key, fn) {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      try {
        await client.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]).catch(() => {});
        await client.end();
      }
    },
    async close() {
      await prisma.$disconnect();
      await reads.close();
      await pool.end();
    },
  };
}
