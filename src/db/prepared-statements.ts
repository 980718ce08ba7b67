// Named prepared statements for the hottest reads (the /account lookup), on either engine.
//
// Prisma sends every query as an unnamed statement, so the database plans it again each time. For the
// card's statement, planning costs more than running it: on PostgreSQL about 1 ms against 0.6 ms, and
// on PGlite, where each query also takes five round trips into WebAssembly, 3.3 ms per card against
// 0.5 ms as a named statement (measured on a 20,000-account book). A named statement is parsed once
// per connection and PostgreSQL keeps its plan (after five executions, a generic one when that is not
// costlier). Only reads go through here; every write stays with Prisma.
import { type PGlite, protocol } from "@electric-sql/pglite";
import type pg from "pg";

/** A statement whose rows have one column: a JSON document as text (`json_build_object(...)::text`). */
export interface PreparedStatement {
  /** The name the database keeps the statement under: one name, one SQL text. */
  readonly name: string;
  /** Parameters are $1, $2, ...; each is sent as text and typed by the database. */
  readonly sql: string;
  /** Settings for this statement only: it then runs in a transaction of its own, `set_config(…, true)`. */
  readonly settings?: Readonly<Record<string, string>>;
}

export type StatementParam = string | number | null;

export interface PreparedStatements {
  /** Runs the statement and returns each row's JSON document, parsed, in the statement's order. */
  jsonRows<T>(statement: PreparedStatement, params: readonly StatementParam[]): Promise<T[]>;
}

const settingsSql = (settings: Readonly<Record<string, string>>) =>
  `SELECT ${Object.entries(settings)
    .map(([name, value]) => `set_config(${literal(name)}, ${literal(value)}, true)`)
    .join(", ")}`;

/** A string literal for the settings, which come from our code, never from a user. */
function literal(text: string): string {
  if (!/^[\w.]+$/.test(text)) throw new Error(`unexpected setting text: ${text}`);
  return `'${text}'`;
}

const asText = (param: StatementParam) => (param === null ? null : String(param));

/**
 * PostgreSQL through node-postgres, which prepares a named statement once on each pooled connection
 * and then only binds and executes it.
 */
export function postgresPreparedStatements(pool: pg.Pool): PreparedStatements {
  return {
    async jsonRows<T>(statement: PreparedStatement, params: readonly StatementParam[]) {
      const query = {
        name: statement.name,
        text: statement.sql,
        values: params.map(asText),
        rowMode: "array",
      };
      if (!statement.settings) {
        const result = await pool.query<[string]>(query);
        return result.rows.map((row) => JSON.parse(row[0]) as T);
      }
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(settingsSql(statement.settings));
        const result = await client.query<[string]>(query);
        await client.query("COMMIT");
        return result.rows.map((row) => JSON.parse(row[0]) as T);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

const wire = protocol.serialize;

function concat(messages: Uint8Array[]): Uint8Array {
  const buffer = new Uint8Array(messages.reduce((length, message) => length + message.length, 0));
  let offset = 0;
  for (const message of messages) {
    buffer.set(message, offset);
    offset += message.length;
  }
  return buffer;
}

/**
 * PGlite, spoken to in PostgreSQL's wire protocol: the statement is parsed once per database, then each
 * execution is one message batch (bind, execute, sync), in a transaction with its settings when it has
 * some. It waits for PGlite's own locks, so it never runs inside another caller's transaction.
 */
export function pglitePreparedStatements(lite: PGlite): PreparedStatements {
  const parsed = new Set<string>();
  return {
    jsonRows<T>(statement: PreparedStatement, params: readonly StatementParam[]) {
      return lite._runExclusiveTransaction(() =>
        lite._runExclusiveQuery(async () => {
          if (!parsed.has(statement.name)) {
            await lite.execProtocol(
              concat([wire.parse({ name: statement.name, text: statement.sql }), wire.sync()]),
              {
                syncToFs: false,
              },
            );
            parsed.add(statement.name);
          }
          const execute = [
            wire.bind({ statement: statement.name, values: params.map(asText) }),
            wire.execute({}),
            wire.sync(),
          ];
          // On an error the server skips to the sync, and COMMIT then ends the failed transaction.
          const batch = statement.settings
            ? [wire.query(`BEGIN; ${settingsSql(statement.settings)}`), ...execute, wire.query("COMMIT")]
            : execute;
          const { messages } = await lite.execProtocol(concat(batch), { syncToFs: false });
          const rows: T[] = [];
          let bound = false;
          for (const message of messages) {
            if (message.name === "bindComplete") bound = true;
            else if (bound && message.name === "dataRow") {
              const [json] = (message as InstanceType<typeof protocol.messages.DataRowMessage>).fields;
              rows.push(JSON.parse(json as string) as T);
            } else if (bound && message.name === "commandComplete") break;
          }
          return rows;
        }),
      );
    },
  };
}
