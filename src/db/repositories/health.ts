// What scoring reads about accounts and writes back: scores per day, sponsor counts.
import { randomUUID } from "node:crypto";
import { type BulkColumn, bulkInsert } from "../bulk-insert.ts";
import type { Db } from "./types.ts";

// The batch reads take their ids as ONE array parameter: Prisma's `in` sends one parameter per id,
// which for batches of thousands costs more than the query itself.

export interface ScoredAccount {
  id: string;
  ownerId: string | null;
  segment: string | null;
  contractStart: Date | null;
  renewalDate: Date | null;
}

const scoredAccount = {
  id: true,
  ownerId: true,
  segment: true,
  contractStart: true,
  renewalDate: true,
} as const;

/** These accounts (churned or not), in id order. */
export function accountsToScore(db: Db, accountIds: string[]): Promise<ScoredAccount[]> {
  return db.$queryRaw<ScoredAccount[]>`
    SELECT id, "ownerId", segment::text, "contractStart", "renewalDate" FROM "Account"
    WHERE id = ANY(${accountIds}::text[])
    ORDER BY id`;
}

/** Accounts still customers: the ones re-scored. */
const active = { churnedAt: null } as const;

/** The next `take` accounts not churned after `afterId`, in id order: a full re-score reads the book a page at a time. */
export function activeAccountsAfter(db: Db, afterId: string | null, take: number): Promise<ScoredAccount[]> {
  return db.account.findMany({
    where: { ...active, ...(afterId === null ? {} : { id: { gt: afterId } }) },
    select: scoredAccount,
    orderBy: { id: "asc" },
    take,
  });
}

/** How many accounts a full re-score reads. */
export function countActiveAccounts(db: Db): Promise<number> {
  return db.account.count({ where: active });
}

export async function executiveSponsorCounts(db: Db, accountIds: string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ accountId: string; sponsors: number }[]>`
    SELECT "accountId", count(*)::int AS sponsors FROM "Stakeholder"
    WHERE "accountId" = ANY(${accountIds}::text[]) AND role = 'executive_sponsor' AND "leftOn" IS NULL
    GROUP BY "accountId"`;
  return new Map(rows.map((row) => [row.accountId, row.sponsors]));
}

const scoreColumns: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "accountId", type: "text" },
  { name: "date", type: "date" },
  { name: "score", type: "int" },
  { name: "band", type: '"HealthBand"' },
  { name: "subScores", type: "jsonb" },
  { name: "reasons", type: "text[]" },
  { name: "missingSignals", type: "text[]" },
];

export interface DayScore {
  accountId: string;
  score: number;
  band: "green" | "yellow" | "red" | "unknown";
  subScores: unknown;
  reasons: string[];
  missingSignals: string[];
}

/**
 * Writes the day's scores of these accounts, overwriting a score already there: an upsert, so two
 * re-scores of one account at once (the daily job and a signal batch, two bots) both succeed.
 */
export async function replaceScores(db: Db, date: Date, scores: DayScore[]) {
  if (scores.length === 0) return;
  await bulkInsert(
    db,
    "HealthScore",
    scoreColumns,
    scores.map((s) => ({ id: randomUUID(), date, ...s })),
    `ON CONFLICT ("accountId", date) DO UPDATE SET score = EXCLUDED.score, band = EXCLUDED.band,
       "subScores" = EXCLUDED."subScores", reasons = EXCLUDED.reasons,
       "missingSignals" = EXCLUDED."missingSignals", "computedAt" = now()`,
  );
}
