// Accounts by CRM id, and accounts written in bulk (the import itself is in account-import.ts).

import type { Prisma } from "../../generated/prisma/client.ts";
import { type BulkColumn, bulkInsert } from "../bulk-insert.ts";
import type { Db } from "./types.ts";
/**
 * The account each external id names, as external id → account id; ids no account has are absent.
 * Only the two ids, and the list as one array parameter: an import names every account of the book.
 */
export async function accountIdsByExternalId(db: Db, externalIds: string[]): Promise<Map<string, string>> {
  const rows = await db.$queryRaw<{ id: string; externalId: string }[]>`
    SELECT id, "externalId" FROM "Account" WHERE "externalId" = ANY(${externalIds}::text[])`;
  return new Map(rows.map((row) => [row.externalId, row.id]));
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

/** New accounts in bulk, a few thousand rows per statement. */
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

/** The account's name and the people who may write on it: its owner and the owner's manager. */
export const accountPeopleSelect = {
  id: true,
  name: true,
  ownerId: true,
  owner: { select: { managerId: true, name: true, slackUserId: true } },
} as const;

/** What recording a renewal's commit status needs of the account: who may, and the status before. */
export function accountForCommit(db: Db, id: string) {
  return db.account.findUnique({ where: { id }, select: { ...accountPeopleSelect, renewalCommit: true } });
}

export async function setRenewalCommit(
  db: Db,
  id: string,
  commit: "committed" | "at_risk" | "unknown",
  now: Date,
): Promise<void> {
  await db.account.update({ where: { id }, data: { renewalCommit: commit, renewalCommitAt: now } });
}
