// The writes of a CRM accounts import, set-based: the file's rows go into a temporary staging table,
// each matched with its stored account on the way in, and a handful of statements write accounts, ARR
// movements and audit rows from it, however many rows the file has. Every function here runs inside
// the import's transaction; the staging table lives until that transaction ends.

import { randomBytes } from "node:crypto";
import { renewalWindowDays } from "../../domain/lifecycle.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { type BulkColumn, type BulkType, bulkExecute } from "../bulk-insert.ts";
import type { Actor } from "./audit.ts";
import type { Db } from "./types.ts";

/** An account as the file describes it, ready to compare: owner resolved, search name computed. */
export interface StagedAccount {
  /** The row's number in the file, from 1. */
  seq: number;
  externalId: string;
  name: string;
  searchName: string;
  ownerId: string | null;
  segment: string | null;
  /** Null: the file has no ARR for this account (a blank cell keeps the stored ARR). */
  arr: string | null;
  /** The day the ARR took effect, from the file's date column; null: the import day. */
  arrDate: Date | null;
  contractStart: Date | null;
  renewalDate: Date | null;
  stage: string | null;
  plan: string | null;
  seatsPurchased: number | null;
}

/** The account fields an import may carry besides the name; only those the file has are compared. */
export type OptionalImportField =
  | "ownerId"
  | "segment"
  | "contractStart"
  | "renewalDate"
  | "stage"
  | "plan"
  | "seatsPurchased";

const fieldTypes: Record<"externalId" | "name" | "searchName" | OptionalImportField, BulkType> = {
  externalId: "text",
  name: "text",
  searchName: "text",
  ownerId: "text",
  segment: '"Segment"',
  contractStart: "date",
  renewalDate: "date",
  stage: '"LifecycleStage"',
  plan: "text",
  seatsPurchased: "int",
};

const stagedColumns: BulkColumn[] = [
  { name: "seq", type: "int" },
  ...Object.entries(fieldTypes).map(([name, type]) => ({ name, type })),
  { name: "arr", type: "numeric" },
  { name: "arrDate", type: "date" },
];

/**
 * Creates the staging table: the file's rows, each with its account's id (a new one when the account
 * is new), whether it exists, its stored ARR and what the file changes (stageAccounts).
 */
export async function createImportStaging(tx: Db): Promise<void> {
  // arr as Account has it, so that its text (in the audit) has two decimals.
  const columns = stagedColumns.map(
    (column) => `"${column.name}" ${column.name === "arr" ? "numeric(14, 2)" : column.type}`,
  );
  await tx.$executeRawUnsafe(`
    CREATE TEMPORARY TABLE import_account (
      ${columns.join(", ")},
      "accountId" text NOT NULL,
      existing boolean NOT NULL,
      "arrBefore" numeric(14, 2),
      "churnedBefore" boolean,
      changes jsonb
    ) ON COMMIT DROP`);
}

/**
 * The ids one statement gives the rows it writes: a UUIDv7 (RFC 9562) of this moment and 42 random
 * bits, whose last 8 hex digits are the row's number in the file (`seq`). An import's rows then sit
 * side by side at the end of every index that starts with their id, where random ids would touch a
 * different page of it for every row: on PGlite, whose buffer cache is small, this about halves the
 * time an import takes to write its ARR movements and audit rows.
 */
function rowIds(seq: string): Prisma.Sql {
  const time = Date.now().toString(16).padStart(12, "0");
  const random = randomBytes(6).toString("hex");
  const variant = (8 | (Number.parseInt(random.charAt(3), 16) & 3)).toString(16);
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(7, 11)}`;
  return Prisma.sql`(${prefix} || lpad(to_hex(${Prisma.raw(seq)}), 8, '0'))`;
}

/**
 * A value as the audit's JSON shows it: dates as JavaScript writes them (midnight UTC), as the
 * audit rows that the app writes through Prisma have them.
 */
function jsonOf(field: string, ref: string): string {
  return fieldTypes[field as keyof typeof fieldTypes] === "date"
    ? `to_jsonb(to_char(${ref}, 'YYYY-MM-DD"T"00:00:00.000"Z"'))`
    : `to_jsonb(${ref})`;
}

/**
 * Adds rows to the staging table, each paired with the stored account of its CRM id: the account's id
 * (a new one when there is none), its stored ARR, and what the file changes, as the audit records it:
 * the name, the `fields` the file carries, and the ARR where the file gives one (null when nothing
 * differs). The pairing happens on the way in, a statement's rows at a time, so each row is written
 * once: an index lookup per row, in the file's order, which is mostly the stored accounts' order.
 */
export function stageAccounts(
  tx: Db,
  accounts: readonly StagedAccount[],
  fields: readonly OptionalImportField[],
): Promise<number> {
  const pairs = ["name", "searchName", ...fields].map((field) => {
    const [before, after] = [`a."${field}"`, `s."${field}"`];
    return `'${field}', CASE WHEN ${after} IS DISTINCT FROM ${before}
      THEN jsonb_build_array(${jsonOf(field, before)}, ${jsonOf(field, after)}) END`;
  });
  pairs.push(
    `'arr', CASE WHEN s.arr IS DISTINCT FROM a.arr AND s.arr IS NOT NULL THEN jsonb_build_array(a.arr::text, s.arr::text) END`,
  );
  const changes = Prisma.raw(`NULLIF(jsonb_strip_nulls(jsonb_build_object(${pairs.join(", ")})), '{}')`);
  const columns = Prisma.raw(stagedColumns.map((column) => `"${column.name}"`).join(", "));
  return bulkExecute(
    tx,
    stagedColumns,
    accounts as unknown as Record<string, unknown>[],
    (unnested) => Prisma.sql`
      INSERT INTO import_account (${columns}, "accountId", existing, "arrBefore", "churnedBefore", changes)
      SELECT s.*, COALESCE(a.id, ${rowIds("s.seq")}), a.id IS NOT NULL, a.arr, a."churnedAt" IS NOT NULL,
        CASE WHEN a.id IS NOT NULL THEN ${changes} END
      FROM ${unnested} AS s LEFT JOIN "Account" a ON a."externalId" = s."externalId"`,
  );
}

/**
 * Gathers the staging table's statistics. The statements that follow pick its new or changed rows:
 * unanalyzed, the planner can only guess how many there are, and a guess of one row has it probe
 * "Account" by primary key once per row instead of reading it once for a hash join.
 */
export async function analyzeStaging(tx: Db): Promise<void> {
  await tx.$executeRawUnsafe("ANALYZE import_account");
}

export interface StagedTally {
  created: number;
  updated: number;
  unchanged: number;
  arrMovements: number;
}

/** What the import will write, counted before it writes. */
export async function tallyStagedAccounts(tx: Db): Promise<StagedTally> {
  const [tally] = await tx.$queryRaw<StagedTally[]>`
    SELECT
      count(*) FILTER (WHERE NOT existing)::int AS created,
      count(*) FILTER (WHERE changes IS NOT NULL)::int AS updated,
      count(*) FILTER (WHERE existing AND changes IS NULL)::int AS unchanged,
      count(*) FILTER (WHERE ${movedArr})::int AS "arrMovements"
    FROM import_account`;
  return tally as StagedTally;
}

/** Inserts the staged accounts that do not exist yet; a new account without an ARR has an unknown one. */
export function insertStagedAccounts(tx: Db, now: Date): Promise<number> {
  const fields = Object.keys(fieldTypes).map((field) => `"${field}"`);
  return tx.$executeRawUnsafe(
    `INSERT INTO "Account" (id, ${fields.join(", ")}, arr, "updatedAt")
     SELECT "accountId", ${fields.join(", ")}, arr, $1::timestamp(3)
     FROM import_account WHERE NOT existing`,
    now.toISOString(),
  );
}

/**
 * Writes the changed accounts' name, carried `fields` and ARR, in one statement. Columns the file does
 * not carry keep their values, and so does the ARR where the file's cell is blank.
 */
export function updateChangedAccounts(
  tx: Db,
  fields: readonly OptionalImportField[],
  now: Date,
  today: Date,
): Promise<number> {
  const assignments = ["name", "searchName", ...fields].map((field) => `"${field}" = s."${field}"`);
  if (fields.includes("renewalDate")) assignments.push(termStartAssignment(fields));
  return tx.$executeRawUnsafe(
    `UPDATE "Account" a
     SET ${assignments.join(", ")}, arr = COALESCE(s.arr, a.arr), "updatedAt" = $1::timestamp(3),
       "churnedAt" = CASE WHEN s.arr = 0 AND a.arr > 0 THEN COALESCE(s."arrDate", $2::date)
         WHEN s.arr > 0 THEN NULL ELSE a."churnedAt" END
     FROM import_account s
     WHERE a.id = s."accountId" AND s.changes IS NOT NULL`,
    now.toISOString(),
    isoDay(today),
  );
}

/**
 * The current term's start, kept as the CRM's dates move. A new contract start starts a new term (the
 * column goes back to null: the term starts at contractStart). A renewal date that moves later while
 * the contract start stays is a renewal: the new term starts on the old renewal date. Only when the old
 * date was due (inside T-90, or past): moving a date that is months away corrects it, it renews nothing.
 */
function termStartAssignment(fields: readonly OptionalImportField[]): string {
  const newContract = fields.includes("contractStart")
    ? `WHEN s."contractStart" IS DISTINCT FROM a."contractStart" THEN NULL`
    : "";
  return `"termStart" = CASE ${newContract}
    WHEN s."renewalDate" > a."renewalDate" AND a."renewalDate" <= $1::timestamp(3)::date + ${renewalWindowDays}
      THEN a."renewalDate"
    ELSE a."termStart" END`;
}

/** A staged row whose ARR the file gives and that differs from the stored one (unknown counts as none). */
const movedArr = Prisma.raw(`arr IS NOT NULL AND arr <> COALESCE("arrBefore", 0)`);

/**
 * One ARR movement per account whose ARR the import sets or changes, dated by the file's date column,
 * else `today`: the first known ARR is "new" (dated the contract start when the file has one); from 0
 * it is a reactivation of a churned account; to 0 it is a churn (of unknown kind: the CRM does not say).
 */
export function recordStagedArrMovements(tx: Db, today: Date): Promise<number> {
  const day = isoDay(today);
  return tx.$executeRaw`
    INSERT INTO "ArrMovement" (id, "accountId", kind, amount, "arrAfter", "effectiveDate", source, reason)
    SELECT ${rowIds("seq")}, "accountId", kind::"ArrMovementKind",
      abs(arr - COALESCE("arrBefore", 0)), arr,
      CASE WHEN kind = 'new' THEN COALESCE("contractStart", "arrDate", ${day}::date)
        ELSE COALESCE("arrDate", ${day}::date) END,
      'accounts_import'::"ArrMovementSource",
      CASE WHEN kind = 'churn' THEN 'ARR set to 0 by an accounts import' END
    FROM (
      SELECT *, CASE
        WHEN COALESCE("arrBefore", 0) = 0 THEN CASE WHEN "churnedBefore" THEN 'reactivation' ELSE 'new' END
        WHEN arr = 0 THEN 'churn'
        WHEN arr > "arrBefore" THEN 'expansion'
        ELSE 'contraction' END AS kind
      FROM import_account WHERE ${movedArr}) moved`;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The audit rows of the import: what each new account is, what changed in each stored one. */
export function recordStagedAudit(tx: Db, actor: Actor): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "AuditLog" (id, "actorId", "actorLabel", source, action, "entityType", "entityId", changes)
    SELECT ${rowIds("seq")}, ${actor.userId}, ${actor.label}, ${actor.source},
      CASE WHEN existing THEN 'account.update' ELSE 'account.create' END, 'Account', "accountId",
      CASE WHEN existing THEN changes
        ELSE jsonb_build_object('externalId', "externalId", 'name', name, 'arr', arr::numeric(14, 2)::text) END
    FROM import_account
    WHERE NOT existing OR changes IS NOT NULL`;
}

/** Prisma's error for a transaction that outlived its timeout (or never started within maxWait). */
export function isTransactionTimeout(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028";
}
