// What scoring reads about accounts and writes back: scores per day, sponsor counts.
import { randomUUID } from "node:crypto";
import { type BulkColumn, bulkInsert } from "../bulk-insert.ts";
import type { Db } from "./types.ts";

export function accountsToScore(db: Db, accountIds: string[] | "all") {
  return db.account.findMany({
    where: accountIds === "all" ? { churnedAt: null } : { id: { in: accountIds } },
    select: { id: true, ownerId: true, contractStart: true, renewalDate: true, arr: true },
    orderBy: { id: "asc" },
  });
}

export async function executiveSponsorCounts(db: Db, accountIds: string[]): Promise<Map<string, number>> {
  const rows = await db.stakeholder.groupBy({
    by: ["accountId"],
    where: { accountId: { in: accountIds }, role: "executive_sponsor" },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.accountId, row._count._all]));
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
  band: "green" | "yellow" | "red";
  subScores: unknown;
  reasons: string[];
  missingSignals: string[];
}

/** Replaces the day's scores of these accounts (a re-score on the same day overwrites). */
export async function replaceScores(db: Db, date: Date, scores: DayScore[]) {
  if (scores.length === 0) return;
  const ids = scores.map((s) => s.accountId);
  await db.$executeRaw`DELETE FROM "HealthScore" WHERE date = ${date}::date AND "accountId" = ANY(${ids}::text[])`;
  await bulkInsert(
    db,
    "HealthScore",
    scoreColumns,
    scores.map((s) => ({ id: randomUUID(), date, ...s })),
  );
}
