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
  pairs.push(`'arr', CASE WHEN s.arr <> a.arr THEN jsonb_build_array(a.arr::text, s.arr::text) END`);
  const changes = Prisma.raw(`NULLIF(jsonb_strip_nulls(jsonb_build_object(${pairs.join(", ")})), '{}')`);
  const columns = Prisma.raw(stagedColumns.map((column) => `"${column.name}"`).join(", "));
  return bulkExecute(
    tx,
    stagedColumns,
    accounts as unknown as Record<string, unknown>[],
    (unnested) => Prisma.sql`
      INSERT INTO import_account (${columns}, "accountId", existing, "arrBefore", changes)
      SELECT s.*, COALESCE(a.id, ${rowIds("s.seq")}), a.id IS NOT NULL, a.arr,
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
      count(*) FILTER (WHERE arr <> COALESCE("arrBefore", 0))::int AS "arrMovements"
    FROM import_account`;
  return tally as StagedTally;
}

/** Inserts the staged accounts that do not exist yet; a new account without an ARR starts at 0. */
export function insertStagedAccounts(tx: Db, now: Date): Promise<number> {
  const fields = Object.keys(fieldTypes).map((field) => `"${field}"`);
  return tx.$executeRawUnsafe(
    `INSERT INTO "Account" (id, ${fields.join(", ")}, arr, "updatedAt")
     SELECT "accountId", ${fields.join(", ")}, COALESCE(arr, 0), $1::timestamp(3)
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
): Promise<number> {
  const assignments = ["name", "searchName", ...fields].map((field) => `"${field}" = s."${field}"`);
  if (fields.includes("renewalDate")) assignments.push(termStartAssignment(fields));
  return tx.$executeRawUnsafe(
    `UPDATE "Account" a
     SET ${assignments.join(", ")}, arr = COALESCE(s.arr, a.arr), "updatedAt" = $1::timestamp(3)
     FROM import_account s
     WHERE a.id = s."accountId" AND s.changes IS NOT NULL`,
    now.toISOString(),
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

/**
 * One ARR movement per account whose ARR the import sets or changes: "new" for a new account, dated its
 * contract start (else `today`), and an expansion or contraction dated `today` for a stored one.
 */
export function recordStagedArrMovements(tx: Db, today: Date): Promise<number> {
  const day = today.toISOString().slice(0, 10);
  return tx.$executeRaw`
    INSERT INTO "ArrMovement" (id, "accountId", kind, amount, "arrAfter", "effectiveDate", source)
    SELECT ${rowIds("seq")}, "accountId",
      (CASE WHEN NOT existing THEN 'new' WHEN arr > "arrBefore" THEN 'expansion' ELSE 'contraction' END)
        ::"ArrMovementKind",
      abs(arr - COALESCE("arrBefore", 0)), arr,
      CASE WHEN existing THEN ${day}::date ELSE COALESCE("contractStart", ${day}::date) END,
      'accounts_import'::"ArrMovementSource"
    FROM import_account
    WHERE arr <> COALESCE("arrBefore", 0)`;
}

/** The audit rows of the import: what each new account is, what changed in each stored one. */
export function recordStagedAudit(tx: Db, actor: Actor): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "AuditLog" (id, "actorId", "actorLabel", source, action, "entityType", "entityId", changes)
    SELECT ${rowIds("seq")}, ${actor.userId}, ${actor.label}, ${actor.source},
      CASE WHEN existing THEN 'account.update' ELSE 'account.create' END, 'Account', "accountId",
      CASE WHEN existing THEN changes
        ELSE jsonb_build_object('externalId', "externalId", 'name', name, 'arr', COALESCE(arr, 0)::numeric(14, 2)::text) END
    FROM import_account
    WHERE NOT existing OR changes IS NOT NULL`;
}

/** Prisma's error for a transaction that outlived its timeout (or never started within maxWait). */
export function isTransactionTimeout(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028";
}
