// The ARR ledger as imports write it: the accounts a ledger file names, the movements imports derived
// for them, replacing those with the file's, and what each account's ledger sums to.
import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/prisma/client.ts";
import { type BulkColumn, bulkInsert, rowsPerStatement } from "../bulk-insert.ts";
import type { Db } from "./types.ts";

/** The sources an imported ledger replaces: what account imports derived, and an earlier ledger. */
const importedSources = ["accounts_import", "ledger_import"] as const;

export interface LedgerAccountRef {
  id: string;
  externalId: string;
  name: string;
  arr: Prisma.Decimal | null;
}

export async function accountsByExternalId(
  db: Db,
  externalIds: readonly string[],
): Promise<LedgerAccountRef[]> {
  const found: LedgerAccountRef[] = [];
  for (let i = 0; i < externalIds.length; i += rowsPerStatement) {
    const chunk = externalIds.slice(i, i + rowsPerStatement);
    found.push(
      ...(await db.account.findMany({
        where: { externalId: { in: chunk } },
        select: { id: true, externalId: true, name: true, arr: true },
      })),
    );
  }
  return found;
}

export interface StoredMovement {
  accountId: string;
  kind: string;
  churnType: string | null;
  amount: Prisma.Decimal;
  effectiveDate: Date;
  reason: string | null;
  source: string;
}

/** The movements imports wrote for these accounts (ledger files and account imports), by date. */
export async function importedMovements(db: Db, accountIds: readonly string[]): Promise<StoredMovement[]> {
  const found: StoredMovement[] = [];
  for (let i = 0; i < accountIds.length; i += rowsPerStatement) {
    found.push(
      ...(await db.arrMovement.findMany({
        where: {
          accountId: { in: accountIds.slice(i, i + rowsPerStatement) },
          source: { in: [...importedSources] },
        },
        select: {
          accountId: true,
          kind: true,
          churnType: true,
          amount: true,
          effectiveDate: true,
          reason: true,
          source: true,
        },
        orderBy: [{ accountId: "asc" }, { effectiveDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      })),
    );
  }
  return found;
}

export interface NewMovement {
  accountId: string;
  kind: string;
  churnType: string | null;
  /** Decimal strings. */
  amount: string;
  arrAfter: string;
  effectiveDate: Date;
  reason: string | null;
  source: "ledger_import" | "accounts_import" | "manual";
  /** Orders the movements of one day the way they were given. */
  createdAt: Date;
}

const movementColumns: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "accountId", type: "text" },
  { name: "kind", type: '"ArrMovementKind"' },
  { name: "churnType", type: '"ChurnType"' },
  { name: "amount", type: "numeric" },
  { name: "arrAfter", type: "numeric" },
  { name: "effectiveDate", type: "date" },
  { name: "reason", type: "text" },
  { name: "source", type: '"ArrMovementSource"' },
  { name: "createdAt", type: "timestamptz" },
];

export function insertMovements(db: Db, movements: readonly NewMovement[]): Promise<number> {
  return bulkInsert(
    db,
    "ArrMovement",
    movementColumns,
    movements.map((movement) => ({ id: randomUUID(), ...movement })),
  );
}

/** Replaces the imported movements of these accounts with `movements`. */
export async function replaceImportedMovements(
  tx: Db,
  accountIds: readonly string[],
  movements: readonly NewMovement[],
): Promise<void> {
  for (let i = 0; i < accountIds.length; i += rowsPerStatement) {
    await tx.arrMovement.deleteMany({
      where: {
        accountId: { in: accountIds.slice(i, i + rowsPerStatement) },
        source: { in: [...importedSources] },
      },
    });
  }
  await insertMovements(tx, movements);
}

/** Sets each account's churned date (null: a customer), a statement per date and chunk, not per account. */
export async function setChurnedDates(tx: Db, churnedAt: ReadonlyMap<string, Date | null>): Promise<void> {
  const byDate = new Map<number | null, string[]>();
  for (const [id, date] of churnedAt) {
    const key = date?.getTime() ?? null;
    byDate.set(key, [...(byDate.get(key) ?? []), id]);
  }
  for (const [time, ids] of byDate)
    for (let i = 0; i < ids.length; i += rowsPerStatement)
      await tx.account.updateMany({
        where: { id: { in: ids.slice(i, i + rowsPerStatement) } },
        data: { churnedAt: time === null ? null : new Date(time) },
      });
}

/** What each account's whole ledger (every source) sums to, in cents. */
export async function ledgerSums(db: Db, accountIds: readonly string[]): Promise<Map<string, bigint>> {
  const sums = new Map<string, bigint>();
  for (let i = 0; i < accountIds.length; i += rowsPerStatement) {
    const rows = await db.$queryRaw<{ accountId: string; cents: bigint }[]>`
      SELECT "accountId", sum(CASE WHEN kind IN ('contraction', 'churn') THEN -amount ELSE amount END * 100)::bigint AS cents
      FROM "ArrMovement" WHERE "accountId" IN (${Prisma.join(accountIds.slice(i, i + rowsPerStatement))})
      GROUP BY "accountId"`;
    for (const row of rows) sums.set(row.accountId, BigInt(row.cents));
  }
  return sums;
}
