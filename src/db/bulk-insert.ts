// Many rows in one statement: each column travels as ONE parameter and unnest() turns the columns back
// into rows. Prisma's createMany sends one parameter per cell, which through the driver adapters costs
// ~1 s per 2,000 rows; this is about 20x faster and works the same on PGlite and PostgreSQL.
//
// The parameter is the column's PostgreSQL array literal as text ('{"a","b",null}'), written by
// JSON.stringify in one pass. Handing Prisma a JS array instead makes it and the driver visit every
// element again on their way in: for 20,000 rows of 12 columns that costs twice as long.
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./repositories/types.ts";

/**
 * The SQL type of a column: a base type (text, int, date, numeric, timestamptz, boolean), "jsonb",
 * "text[]" (a list per row), or a quoted enum type such as '"HealthBand"'.
 */
export type BulkType =
  | "text"
  | "int"
  | "date"
  | "numeric"
  | "timestamptz"
  | "boolean"
  | "jsonb"
  | "text[]"
  | `"${string}"`;

export interface BulkColumn {
  name: string;
  type: BulkType;
}

/**
 * Rows per INSERT. A statement's arrays are parsed and unnested inside the database; in PGlite that is
 * WebAssembly memory, which grows to fit the largest statement and never shrinks: 20,000 account rows
 * in one statement grew it by ~70 MB for the rest of the process. 2,000 rows keep it at its start size
 * and cost no measurable time.
 */
export const rowsPerStatement = 2_000;

/**
 * How a column's cells become JSON values, chosen once per column. Text, dates and timestamps become
 * strings; a list (text[]) becomes the text of its own array literal, read back per row; jsonb becomes
 * its JSON text; a number JSON cannot write (NaN) stays text, for PostgreSQL to refuse.
 */
function cellOf(type: BulkType): (value: unknown) => unknown {
  switch (type) {
    case "text[]":
      // An absent list is an empty one (the columns are NOT NULL).
      return (value) => arrayLiteral((value ?? []) as unknown[]);
    case "jsonb":
      return (value) => (value === undefined || value === null ? null : JSON.stringify(value));
    case "date": {
      // Bulk rows share a handful of days (an import's dates, a re-score's today).
      const days = new Map<number, string>();
      return (value) => {
        if (!(value instanceof Date)) return value;
        const known = days.get(value.getTime());
        if (known !== undefined) return known;
        const day = value.toISOString().slice(0, 10);
        days.set(value.getTime(), day);
        return day;
      };
    }
    case "timestamptz":
      return (value) => (value instanceof Date ? value.toISOString() : value);
    case "numeric":
      return (value) => (value === undefined || value === null ? null : String(value));
    default:
      return (value) => (typeof value === "number" && !Number.isFinite(value) ? String(value) : value);
  }
}

/**
 * A PostgreSQL array literal of JSON values (strings, numbers, booleans, null; undefined is null).
 * JSON quotes a string the way an array literal does (`"`, with `\"` and `\\` inside) and its unquoted
 * null is the literal's NULL, so JSON.stringify writes the literal natively, many times faster than
 * quoting each element. JSON differs only where it escapes a control character or a lone surrogate as
 * `\n`, `\u0001` and so on (an array literal reads those as plain letters); the test below finds every
 * such escape (and, harmlessly, an escaped backslash before one of those letters), and those columns
 * are quoted element by element instead.
 */
function arrayLiteral(values: readonly unknown[]): string {
  const json = JSON.stringify(values);
  if (!/\\[bfnrtu]/.test(json)) return `{${json.slice(1, -1)}}`;
  return `{${values.map((value) => (typeof value === "string" ? quoted(value) : JSON.stringify(value ?? null))).join(",")}}`;
}

const quoted = (text: string) => `"${text.replace(/[\\"]/g, "\\$&")}"`;

/** A list per row travels as text[] of list literals; each row's literal is read back as text[]. */
const paramType = (type: BulkType) => (type === "text[]" ? "text[]" : `${type}[]`);
const selectExpression = (type: BulkType, ref: string) => (type === "text[]" ? `${ref}::text[]` : ref);

/**
 * `rows` as subqueries of at most `rowsPerStatement` rows each, whose columns are named as `columns`,
 * made one at a time: only the statement being sent holds its parameters.
 */
function* unnestedRows(
  columns: BulkColumn[],
  rows: readonly Record<string, unknown>[],
): Generator<Prisma.Sql> {
  const aliases = columns.map((_, i) => `c${i}`);
  const selects = columns
    .map((column, i) => `${selectExpression(column.type, `u.${aliases[i]}`)} AS "${column.name}"`)
    .join(", ");
  const cells = columns.map((column) => cellOf(column.type));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const params = Prisma.join(
      columns.map((column, i) => {
        const cell = cells[i] as (value: unknown) => unknown;
        const values = chunk.map((row) => cell(row[column.name]));
        return Prisma.sql`${arrayLiteral(values)}::${Prisma.raw(paramType(column.type))}`;
      }),
    );
    yield Prisma.sql`(SELECT ${Prisma.raw(selects)} FROM unnest(${params}) AS u(${Prisma.raw(aliases.join(", "))}))`;
  }
}

/** The INSERT statements for `rows`; `tail` ends each one. */
function insertStatements(
  table: string,
  columns: BulkColumn[],
  rows: readonly Record<string, unknown>[],
  tail: string,
): Generator<Prisma.Sql> {
  const names = Prisma.raw(columns.map((column) => `"${column.name}"`).join(", "));
  return statementsOver(
    columns,
    rows,
    (unnested) => Prisma.sql`
      INSERT INTO ${Prisma.raw(`"${table}"`)} (${names})
      SELECT ${names} FROM ${unnested} AS r
      ${Prisma.raw(tail)}`,
  );
}

function* statementsOver(
  columns: BulkColumn[],
  rows: readonly Record<string, unknown>[],
  statement: (unnested: Prisma.Sql) => Prisma.Sql,
): Generator<Prisma.Sql> {
  for (const unnested of unnestedRows(columns, rows)) yield statement(unnested);
}

/**
 * Runs `statement` once per `rowsPerStatement` rows, given those rows as a subquery (columns named as
 * `columns`): for writes that join the rows to a table on their way in. Returns the rows written.
 */
export async function bulkExecute(
  db: Db,
  columns: BulkColumn[],
  rows: readonly Record<string, unknown>[],
  statement: (unnested: Prisma.Sql) => Prisma.Sql,
): Promise<number> {
  let written = 0;
  for (const sql of statementsOver(columns, rows, statement)) written += await db.$executeRaw(sql);
  return written;
}

/** Inserts rows (objects keyed by column name); `conflict` is an optional ON CONFLICT clause. */
export async function bulkInsert(
  db: Db,
  table: string,
  columns: BulkColumn[],
  rows: readonly Record<string, unknown>[],
  conflict = "",
): Promise<number> {
  let written = 0;
  for (const statement of insertStatements(table, columns, rows, conflict)) {
    written += await db.$executeRaw(statement);
  }
  return written;
}

/** As bulkInsert, and says which rows went in: the ids of those a conflict clause did not skip. */
export async function bulkInsertReturningIds(
  db: Db,
  table: string,
  columns: BulkColumn[],
  rows: readonly Record<string, unknown>[],
  conflict: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const statement of insertStatements(table, columns, rows, `${conflict} RETURNING id`)) {
    for (const row of await db.$queryRaw<{ id: string }[]>(statement)) ids.push(row.id);
  }
  return ids;
}
