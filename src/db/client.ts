// The one way to the database: Prisma over node-postgres (@prisma/adapter-pg), on either engine.
// PostgreSQL (DATABASE_URL) is reached at its URL; the embedded database (PGlite) is served by a worker
// thread on a Unix socket (db/pglite-server.ts) and reached through that socket exactly as PostgreSQL is.
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { type PGliteServer, socketPort, startPGliteServer } from "./pglite-server.ts";
import type { Db } from "./repositories/types.ts";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null };

export interface TransactionOptions {
  /** How long the transaction may run before the database rolls it back; default 5 s (Prisma's). */
  timeoutMs?: number;
}

/** What services get: the handle repositories take, and transactions. */
export interface DataAccess {
  /** What repositories take outside a transaction. */
  client: Db;
  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: (tx: Db) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Resolves when the database answers a query (the health check). */
  ping(): Promise<void>;
}

export interface Database extends DataAccess {
  target: DatabaseTarget;
  /** Prisma itself: for db/ and its repositories only. */
  prisma: PrismaClient;
  /** The folder of the socket this process serves the embedded database on; absent otherwise. */
  socketDir?: string;
  /** The migration engine's way in (db/migrate.ts, scripts/schema-drift.ts). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Runs fn while holding a cross-process lock (PostgreSQL advisory lock; PGlite has one session). */
  withExclusiveLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Prisma's PostgreSQL adapter, which runs a migration script by splitting it at every ";": a semicolon
 * in a comment, a string or a function body (the search_words migration has all three) breaks it. Here
 * PostgreSQL takes the whole script as one simple query, as `prisma migrate deploy` sends it, and runs
 * it atomically.
 */
function migrationAwareAdapter(pool: pg.Pool, named: boolean): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg(pool, named ? { statementNameGenerator: statementNames() } : {});
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => runScriptsWhole(await factory.connect(), (script) => pool.query(script)),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

/** The adapter, running a migration script whole with `run`, whose error it reports as a query's. */
export function runScriptsWhole<A extends SqlDriverAdapter>(
  adapter: A,
  run: (script: string) => Promise<unknown>,
): A {
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (error) {
      throw asAdapterError(error);
    }
  };
  return adapter;
}

/** A PostgreSQL error (node-postgres's or PGlite's), as Prisma's adapters report one to the schema engine. */
function asAdapterError(error: unknown): unknown {
  const e = error as Partial<Record<"code" | "severity" | "detail" | "column" | "hint", string>> & Error;
  if (typeof e?.code !== "string" || typeof e.message !== "string") return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: e.code,
    severity: e.severity ?? "ERROR",
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}

/**
 * Names for the statements a process runs, so that each connection parses and plans a statement once
 * and then only binds and executes it: planning the card's query costs the database more than running
 * it, and is most of an /account lookup (the capacity target in docs/benchmarks.md). The first
 * `limit` distinct statements get names; a process that keeps writing new ones (lists of every length)
 * does not grow the connections' statement caches without end.
 */
function statementNames(limit = 500): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < limit) {
      name = `csm_${names.size}`;
      names.set(sql, name);
    }
    // No name: node-postgres sends the statement unnamed, parsed and planned each time.
    return name ?? "";
  };
}

/** Connections one bot opens to PostgreSQL: its queries are short, and more bots scale out. */
const botConnections = 4;

/**
 * Opens the database: PostgreSQL at its URL, or the embedded database served by a worker thread of this
 * process. `socketDir` instead reaches an embedded database another process serves (the running bot's).
 */
export async function openDatabase(
  target: DatabaseTarget,
  options: { socketDir?: string; connections?: number } = {},
): Promise<Database> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: options.connections ?? botConnections });
    return wrap(target, pool, null, true, {
      async withExclusiveLock(key, fn) {
        const client = await pool.connect();
        try {
          await client.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]).catch(() => {});
          client.release();
        }
      },
    });
  }
  // Every connection to the embedded database shares its one session, and so its named statements:
  // the process that serves it names its statements and keeps to one connection (the session runs one
  // statement at a time anyway); a process reaching another's database (a CLI command beside the bot)
  // names none, so that no name is prepared twice.
  const server = options.socketDir ? null : await startPGliteServer(target.dataDir);
  const host = options.socketDir ?? (server as PGliteServer).socketDir;
  const pool = new pg.Pool({
    host,
    port: socketPort,
    user: "postgres",
    database: "postgres",
    max: server ? 1 : (options.connections ?? 1),
    // The serving process's one connection stays open: a new one would share the session, where its
    // named statements are still prepared, and naming them again fails ("already exists"). The pool's
    // default closes a connection idle for 10 s.
    ...(server ? { idleTimeoutMillis: 0 } : {}),
  });
  return wrap(target, pool, server, server !== null, { withExclusiveLock: (_key, fn) => fn() });
}

function wrap(
  target: DatabaseTarget,
  pool: pg.Pool,
  server: PGliteServer | null,
  namedStatements: boolean,
  locks: Pick<Database, "withExclusiveLock">,
): Database {
  // An idle connection the server closes (a restart, idle_session_timeout) is dropped by the pool, which
  // opens another for the next query; with no listener, the pool's "error" event would end the process.
  pool.on("error", () => {});
  const adapterFactory = migrationAwareAdapter(pool, namedStatements);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    target,
    prisma,
    client: prisma,
    ...(server ? { socketDir: server.socketDir } : {}),
    adapterFactory,
    ...locks,
    transaction: (work, options = {}) =>
      prisma.$transaction(work, { timeout: options.timeoutMs ?? 5_000, maxWait: 10_000 }),
    async ping() {
      await prisma.$queryRaw`SELECT 1`;
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await server?.close();
    },
  };
}
