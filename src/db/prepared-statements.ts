// Named prepared statements for the hottest reads (the /account lookup), on either engine.
//
// Prisma sends every query as an unnamed statement, so the database plans it again each time. For the
// card's statement, planning costs more than running it: on PostgreSQL about 1 ms against 0.6 ms, and
// on PGlite, where each query also takes five round trips into WebAssembly, 3.3 ms per card against
// 0.5 ms as a named statement (measured on a 20,000-account book). A named statement is parsed once
// per connection and PostgreSQL keeps its plan (after five executions, a generic one when that is not
// costlier). Only reads go through here; every write stays with Prisma.
import type { PGlite } from "@electric-sql/pglite";
import { protocol } from "@electric-sql/pglite";
import pg from "pg";
import { backendMessages, concat } from "./pglite-thread.ts";
import { type Execution, executionBatch, firstColumns } from "./read-wire.ts";

/** A statement whose rows have one column: a JSON document as text (`json_build_object(...)::text`). */
export interface PreparedStatement {
  /** The name the database keeps the statement under: one name, one SQL text. */
  readonly name: string;
  /** Parameters are $1, $2, ...; each is sent as text and typed by the database. */
  readonly sql: string;
  /** Settings for this statement only (planner settings, pg_trgm thresholds); no other sees them. */
  readonly settings?: Readonly<Record<string, string>>;
}

export type StatementParam = string | number | null;

export interface StatementRunner {
  /** Runs the statement and returns each row's JSON document, parsed, in the statement's order. */
  jsonRows<T>(statement: PreparedStatement, params: readonly StatementParam[]): Promise<T[]>;
}

export interface PreparedStatements extends StatementRunner {
  /**
   * Runs `work`, whose statements wait for the database once, together, rather than once each: on
   * PGlite they share one turn in its thread's queue, on PostgreSQL one connection. Under load, a lookup
   * of five statements would otherwise queue five times behind every other lookup's statements, and its
   * wait would be five times theirs. `work` must use only the runner it is given, and only to read.
   */
  together<T>(work: (reads: StatementRunner) => Promise<T>): Promise<T>;
  /** Ends what these statements opened of their own (PostgreSQL's settings pools). */
  close(): Promise<void>;
}

/** The statement that applies a statement's settings locally (PGlite), made once per statement. */
const settingsStatementOf = new WeakMap<PreparedStatement, PreparedStatement>();
function settingsStatement(statement: PreparedStatement): PreparedStatement {
  let settings = settingsStatementOf.get(statement);
  if (settings === undefined) {
    settings = {
      name: `${statement.name}__settings`,
      sql: `SELECT ${Object.entries(statement.settings ?? {})
        .map(([name, value]) => `set_config('${literal(name)}', '${literal(value)}', true)`)
        .join(", ")}`,
    };
    settingsStatementOf.set(statement, settings);
  }
  return settings;
}

/** A setting's name or value, which come from our code, never from a user: plain words and numbers only. */
function literal(text: string): string {
  if (!/^[\w.]+$/.test(text)) throw new Error(`unexpected setting text: ${text}`);
  return text;
}

const asText = (param: StatementParam) => (param === null ? null : String(param));

/**
 * PostgreSQL through node-postgres, which prepares a named statement once on each pooled connection
 * and then only binds and executes it: one round trip. A statement with settings runs on a small pool
 * of its own whose connections start with those settings (the `options` startup parameter), so it
 * needs no transaction around it, and no other statement ever runs with them.
 */
export function postgresPreparedStatements(pool: pg.Pool, url: string): PreparedStatements {
  const pools = new Map<string, pg.Pool>();
  const poolFor = (settings: Readonly<Record<string, string>> | undefined) => {
    if (!settings) return pool;
    const options = Object.entries(settings)
      .map(([name, value]) => `-c ${literal(name)}=${literal(value)}`)
      .join(" ");
    let settingsPool = pools.get(options);
    if (!settingsPool) {
      settingsPool = new pg.Pool({ connectionString: withStartupOptions(url, options), max: 2 });
      keepIdleErrors(settingsPool);
      pools.set(options, settingsPool);
    }
    return settingsPool;
  };
  // A statement with settings runs on its settings pool, whichever connection the others use.
  const runOn =
    (client: pg.Pool | pg.PoolClient): StatementRunner["jsonRows"] =>
    async <T>(statement: PreparedStatement, params: readonly StatementParam[]) => {
      const result = await (statement.settings ? poolFor(statement.settings) : client).query<[string]>({
        name: statement.name,
        text: statement.sql,
        values: params.map(asText),
        rowMode: "array",
      });
      return result.rows.map((row) => JSON.parse(row[0]) as T);
    };
  return {
    jsonRows: runOn(pool),
    async together(work) {
      const client = await pool.connect();
      try {
        return await work({ jsonRows: runOn(client) });
      } finally {
        client.release();
      }
    },
    async close() {
      await Promise.all([...pools.values()].map((settingsPool) => settingsPool.end()));
    },
  };
}

/**
 * Lets `pool` outlive PostgreSQL closing one of its idle connections (a restart, an administrator,
 * idle_session_timeout, a test's DROP DATABASE … WITH (FORCE)). The pool has already dropped the
 * connection and opens a new one for the next query, which reports any real outage itself; but with no
 * listener, the pool's "error" event is an uncaught exception that ends the process.
 */
export function keepIdleErrors(pool: pg.Pool): void {
  pool.on("error", () => {});
}

/** The URL with `options` added to any it already carries (node-postgres reads them from the URL first). */
function withStartupOptions(url: string, options: string): string {
  const parsed = new URL(url);
  const existing = parsed.searchParams.get("options");
  parsed.searchParams.set("options", existing ? `${existing} ${options}` : options);
  return parsed.toString();
}

const wire = protocol.serialize;

/** Where PGlite's prepared reads are sent: PGliteThread, or PGlite on the caller's thread (below). */
export interface PGliteBatches {
  /** Batches sent with one turn run before those of later turns that wait with them (PGliteThread). */
  nextTurn(): number;
  /** Runs messages ending in a sync, outside any query or transaction, and returns the answer as it came. */
  readBatch(batch: Uint8Array, turn: number): Promise<Uint8Array>;
}

/**
 * PGlite on the caller's thread, as a CLI command runs it: a batch waits for PGlite's own locks and
 * runs at once (the command sends one at a time, so turns have nothing to order).
 */
export function pgliteInThisThread(lite: PGlite): PGliteBatches {
  return {
    nextTurn: () => 0,
    readBatch: (batch) =>
      lite._runExclusiveTransaction(() =>
        // execProtocol, not execProtocolRaw: PGlite parses the answer either way, and only execProtocol
        // clears what it parsed. Its error, if any, is in the answer, read by the caller.
        lite._runExclusiveQuery(
          async () => (await lite.execProtocol(batch, { syncToFs: false, throwOnError: false })).data,
        ),
      ),
  };
}

/**
 * PGlite (on its own thread, db/pglite-thread.ts, or on the caller's), spoken to in PostgreSQL's wire
 * protocol: the statement is parsed once per database, then each execution is one message batch (bind,
 * execute, sync). PGlite has one session, shared with Prisma, so a statement with settings first
 * executes, in the same batch, a statement of its own that sets them locally (`set_config(…, true)`): messages up to a sync are one
 * implicit transaction, so the settings hold for the statement and end with it, whether it succeeds or
 * fails (BEGIN and COMMIT around it, sent as simple queries, would be parsed and planned on every run).
 * A batch is sent when no Prisma query or transaction is in progress, so it never runs inside one.
 */
export function pglitePreparedStatements(batches: PGliteBatches): PreparedStatements {
  const parsing = new Map<string, Promise<unknown>>();
  // The parse runs before anything sent after it (turn 0), so the batches that use the statement can be
  // sent at once; a failed parse (a mistake in our SQL) is thrown to them all, and tried again next time.
  const parse = (statement: PreparedStatement) => {
    let parsed = parsing.get(statement.name);
    if (!parsed) {
      parsed = batches
        .readBatch(concat([wire.parse({ name: statement.name, text: statement.sql }), wire.sync()]), 0)
        .then((answer) => backendMessages(answer, { throwOnError: true }));
      parsed.catch(() => parsing.delete(statement.name));
      parsing.set(statement.name, parsed);
    }
    return parsed;
  };
  const run = async <T>(statement: PreparedStatement, params: readonly StatementParam[], turn: number) => {
    const parsed = [parse(statement)];
    const executions: Execution[] = [{ statement: statement.name, params: params.map(asText) }];
    if (statement.settings) {
      const settings = settingsStatement(statement);
      parsed.push(parse(settings));
      executions.unshift({ statement: settings.name, params: [] });
    }
    const executed = batches.readBatch(executionBatch(executions), turn);
    // A statement that failed to parse: its own error, rather than the batch's "does not exist".
    await Promise.all(parsed).catch((error) => {
      executed.catch(() => {});
      throw error;
    });
    const answer = await executed;
    // The rows of the statement's own execution, the last; a settings statement's comes before it.
    const rows = firstColumns(answer, executions.length - 1);
    if (!rows) throw backendMessagesError(answer);
    return rows.map((json) => JSON.parse(json as string) as T);
  };
  return {
    close: async () => {},
    jsonRows: (statement, params) => run(statement, params, batches.nextTurn()),
    together: (work) => {
      const turn = batches.nextTurn();
      return work({ jsonRows: (statement, params) => run(statement, params, turn) });
    },
  };
}

/** The error an answer holds, as PGlite's parser reads it. */
function backendMessagesError(answer: Uint8Array): unknown {
  try {
    backendMessages(answer, { throwOnError: true });
  } catch (error) {
    return error;
  }
  return new Error("the database answered with an error it did not describe");
}
