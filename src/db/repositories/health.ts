// What scoring reads about accounts and writes back: scores per day, sponsor counts.
import type { Prisma } from "../../generated/prisma/client.ts";
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

/** Replaces the day's scores of these accounts (a re-score on the same day overwrites). */
export async function replaceScores(db: Db, date: Date, scores: Prisma.HealthScoreCreateManyInput[]) {
  if (scores.length === 0) return;
  await db.healthScore.deleteMany({ where: { date, accountId: { in: scores.map((s) => s.accountId) } } });
  await db.healthScore.createMany({ data: scores });
}
