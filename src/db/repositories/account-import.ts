// The writes of a CRM accounts import, set-based: the file's rows go into a temporary staging table,
// and a handful of statements compare them with "Account" and write accounts, ARR movements and audit
// rows, however many rows the file has. Every function here runs inside the import's transaction; the
// staging table lives until that transaction ends.

import { Prisma } from "../../generated/prisma/client.ts";
import { type BulkColumn, type BulkType, bulkInsert } from "../bulk-insert.ts";
import type { Actor } from "./audit.ts";
import type { Db } from "./types.ts";

/** An account as the file describes it, ready to compare: owner resolved, search name computed. */
export interface StagedAccount {
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
  ...Object.entries(fieldTypes).map(([name, type]) => ({ name, type })),
  { name: "arr", type: "numeric" },
];

/**
 * Creates the staging table. Besides the file's columns it has, per row, the account's id (a new one
 * unless the account exists), whether it exists, its stored ARR and the changes as the audit records
 * them (null when nothing differs); matchStagedAccounts fills those in.
 */
export async function createImportStaging(tx: Db): Promise<void> {
  const columns = Object.entries(fieldTypes).map(([name, type]) => `"${name}" ${type}`);
  await tx.$executeRawUnsafe(`
    CREATE TEMPORARY TABLE import_account (
      ${columns.join(", ")},
      arr numeric(14, 2),
      "accountId" text NOT NULL DEFAULT gen_random_uuid()::text,
      existing boolean NOT NULL DEFAULT false,
      "arrBefore" numeric(14, 2),
      changes jsonb
    ) ON COMMIT DROP`);
}

/** Adds rows to the staging table. */
export function stageAccounts(tx: Db, accounts: readonly StagedAccount[]): Promise<number> {
  return bulkInsert(tx, "import_account", stagedColumns, accounts as unknown as Record<string, unknown>[]);
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
 * Finds each staged account among the stored ones and records what the file changes: the name and the
 * `fields` the file carries, and the ARR where the file gives one. One join, whatever the row count.
 */
export async function matchStagedAccounts(tx: Db, fields: readonly OptionalImportField[]): Promise<void> {
  // The planner knows nothing of a fresh temporary table until it is analyzed.
  await tx.$executeRawUnsafe("ANALYZE import_account");
  const pairs = ["name", "searchName", ...fields].map((field) => {
    const [before, after] = [`a."${field}"`, `s."${field}"`];
    return `'${field}', CASE WHEN ${after} IS DISTINCT FROM ${before}
      THEN jsonb_build_array(${jsonOf(field, before)}, ${jsonOf(field, after)}) END`;
  });
  pairs.push(`'arr', CASE WHEN s.arr <> a.arr THEN jsonb_build_array(a.arr::text, s.arr::text) END`);
  await tx.$executeRawUnsafe(`
    UPDATE import_account s
    SET "accountId" = a.id, existing = true, "arrBefore" = a.arr,
      changes = NULLIF(jsonb_strip_nulls(jsonb_build_object(${pairs.join(", ")})), '{}')
    FROM "Account" a
    WHERE a."externalId" = s."externalId"`);
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
  return tx.$executeRawUnsafe(
    `UPDATE "Account" a
     SET ${assignments.join(", ")}, arr = COALESCE(s.arr, a.arr), "updatedAt" = $1::timestamp(3)
     FROM import_account s
     WHERE a.id = s."accountId" AND s.changes IS NOT NULL`,
    now.toISOString(),
  );
}

/**
 * One ARR movement per account whose ARR the import sets or changes: "new" for a new account, dated its
 * contract start (else `today`), and an expansion or contraction dated `today` for a stored one.
 */
export function recordStagedArrMovements(tx: Db, today: Date): Promise<number> {
  const day = today.toISOString().slice(0, 10);
  return tx.$executeRaw`
    INSERT INTO "ArrMovement" (id, "accountId", kind, amount, "arrAfter", "effectiveDate", source)
    SELECT gen_random_uuid()::text, "accountId",
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
    SELECT gen_random_uuid()::text, ${actor.userId}, ${actor.label}, ${actor.source},
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
