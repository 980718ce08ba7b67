// Queries on accounts: search, the card's read model, and the bulk writes of a CRM import.
import { type Account, Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { type BulkColumn, bulkInsert } from "../bulk-insert.ts";
import type { Db } from "./types.ts";

export interface AccountSearchHit {
  id: string;
  externalId: string;
  name: string;
  arr: string;
  ownerSlackId: string | null;
  rank: number;
  exact: boolean;
}

/**
 * Ranked search over name and CRM id, best first: the exact name or id, then names that start with the
 * query, names with a word that starts with it, names that contain it, and last names that only look
 * like it (pg_trgm word similarity, for typos). Within a rank, the larger ARR first.
 *
 * Every branch has an index: the GIN trigram index on searchName answers LIKE '%key%' and the
 * word-similarity operator <%, the CRM id's trigram index answers its ILIKE. Names containing the query
 * outrank every look-alike, so the look-alikes (the expensive part: similarity is computed per
 * candidate) are only searched when fewer than `limit` names contain the query.
 */
export async function searchAccounts(
  prisma: PrismaClient,
  key: string,
  rawQuery: string,
  limit = 10,
): Promise<AccountSearchHit[]> {
  const pattern = `%${key}%`;
  const prefix = `${key}%`;
  const wordStart = `% ${key}%`;
  // CRM ids match whole, ignoring case (ILIKE without wildcards, answered by the id's trigram index).
  const id = rawQuery.replace(/[\\%_]/g, (c) => `\\${c}`);
  const exact = Prisma.sql`(a."searchName" = ${key} OR a."externalId" ILIKE ${id})`;
  const select = Prisma.sql`
    SELECT a.id, a."externalId", a.name, a.arr::text AS arr, u."slackUserId" AS "ownerSlackId",
           ${exact} AS exact,
           (CASE WHEN ${exact} THEN 4
                 WHEN a."searchName" LIKE ${prefix} THEN 3
                 WHEN a."searchName" LIKE ${wordStart} THEN 2
                 WHEN a."searchName" LIKE ${pattern} THEN 1
                 ELSE word_similarity(${key}, a."searchName") END)::float8 AS rank
    FROM "Account" a LEFT JOIN "User" u ON u.id = a."ownerId"`;
  const order = Prisma.sql`ORDER BY rank DESC, a.arr DESC, a.name ASC LIMIT ${limit}`;
  // Names containing the query: LIKE costs little per row, so the planner may pick the index or a scan.
  const containing = await prisma.$queryRaw<AccountSearchHit[]>`
    ${select} WHERE a."searchName" LIKE ${pattern} OR a."externalId" ILIKE ${id} ${order}`;
  if (containing.length >= limit) return containing;
  return prisma.$transaction(async (tx) => {
    // Word similarity is expensive per row, which the planner does not know: for a broad query it
    // would read every row and compute it for each (very slow in PGlite). Through the index instead.
    // Local to this transaction.
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    return tx.$queryRaw<AccountSearchHit[]>`
      ${select}
      WHERE a."searchName" LIKE ${pattern} OR ${key} <% a."searchName" OR a."externalId" ILIKE ${id}
      ${order}`;
  });
}

/** Names that look like the query when nothing matched: a looser trigram threshold, still indexed. */
export function closestAccountNames(prisma: PrismaClient, key: string, limit = 3): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    // Local to this transaction: other searches keep the default threshold.
    await tx.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', '0.15', true)`;
    const rows = await tx.$queryRaw<{ name: string }[]>`
      SELECT a.name FROM "Account" a
      WHERE a."searchName" % ${key}
      ORDER BY similarity(${key}, a."searchName") DESC, a.name ASC
      LIMIT ${limit}`;
    return rows.map((row) => row.name);
  });
}

/**
 * The account each external id names, as external id → account id; ids no account has are absent.
 * Only the two ids, and the list as one array parameter: an import names every account of the book.
 */
export async function accountIdsByExternalId(db: Db, externalIds: string[]): Promise<Map<string, string>> {
  const rows = await db.$queryRaw<{ id: string; externalId: string }[]>`
    SELECT id, "externalId" FROM "Account" WHERE "externalId" = ANY(${externalIds}::text[])`;
  return new Map(rows.map((row) => [row.externalId, row.id]));
}

export function findAccountsByExternalIds(db: Db, externalIds: string[]): Promise<Account[]> {
  return db.account.findMany({ where: { externalId: { in: externalIds } } });
}

const accountColumns: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "externalId", type: "text" },
  { name: "name", type: "text" },
  { name: "searchName", type: "text" },
  { name: "ownerId", type: "text" },
  { name: "segment", type: '"Segment"' },
  { name: "arr", type: "numeric" },
  { name: "contractStart", type: "date" },
  { name: "renewalDate", type: "date" },
  { name: "stage", type: '"LifecycleStage"' },
  { name: "plan", type: "text" },
  { name: "seatsPurchased", type: "int" },
  { name: "updatedAt", type: "timestamptz" },
];

/** New accounts in bulk (an import of 20,000 rows is a handful of statements). */
export function createAccounts(
  db: Db,
  accounts: (Prisma.AccountCreateManyInput & { id: string })[],
  now: Date,
) {
  return bulkInsert(
    db,
    "Account",
    accountColumns,
    accounts.map((account) => ({ ...account, updatedAt: now })),
  );
}

export function updateAccount(db: Db, id: string, data: Prisma.AccountUncheckedUpdateInput) {
  return db.account.update({ where: { id }, data });
}

const movementColumns: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "accountId", type: "text" },
  { name: "kind", type: '"ArrMovementKind"' },
  { name: "churnType", type: '"ChurnType"' },
  { name: "amount", type: "numeric" },
  { name: "arrAfter", type: "numeric" },
  { name: "effectiveDate", type: "date" },
  { name: "source", type: '"ArrMovementSource"' },
];

export function createArrMovements(db: Db, movements: Prisma.ArrMovementCreateManyInput[]) {
  return bulkInsert(db, "ArrMovement", movementColumns, movements as Record<string, unknown>[]);
}
