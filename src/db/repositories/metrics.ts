// What the metrics read: the accounts of the book, where each account's ledger stands at a period's
// start and end (summed in the database: a book's three years of ledger never leave it row by row),
// who owned which account at a past day, renewal outcomes, and the latest survey readings.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "./types.ts";

export interface MetricsAccount {
  id: string;
  ownerId: string | null;
  segment: string | null;
  arr: Prisma.Decimal | null;
  renewalDate: Date | null;
}

export function metricsAccounts(db: Db): Promise<MetricsAccount[]> {
  return db.account.findMany({
    select: { id: true, ownerId: true, segment: true, arr: true, renewalDate: true },
  });
}

/**
 * The owner each account had at the end of `day`, where it changed since: the earlier side of its first
 * ownership change recorded after that day (account imports audit every change of owner).
 */
export async function ownersBefore(db: Db, after: Date): Promise<Map<string, string | null>> {
  const rows = await db.$queryRaw<{ accountId: string; ownerId: string | null }[]>`
    SELECT DISTINCT ON ("entityId") "entityId" AS "accountId", changes -> 'ownerId' ->> 0 AS "ownerId"
    FROM "AuditLog"
    WHERE "entityType" = 'Account' AND "createdAt" >= ${after} AND changes -> 'ownerId' IS NOT NULL
    ORDER BY "entityId", "createdAt", id`;
  return new Map(rows.map((row) => [row.accountId, row.ownerId]));
}

export interface PositionRow {
  accountId: string;
  startCents: bigint;
  endCents: bigint;
  lastChurnType: "voluntary" | "involuntary" | null;
  hadHistory: boolean;
}

/**
 * Every account's ARR at the end of `from` and of `to`, the kind of its last churn after `from`, and
 * whether it had a movement by `from`: domain/metrics/retention.ts positionOf, in the database.
 */
export function ledgerPositions(db: Db, from: string, to: string): Promise<PositionRow[]> {
  return db.$queryRaw<PositionRow[]>`
    SELECT m."accountId",
      COALESCE(sum(s.cents) FILTER (WHERE m."effectiveDate" <= ${from}::date), 0)::bigint AS "startCents",
      sum(s.cents)::bigint AS "endCents",
      (array_agg(m."churnType"::text ORDER BY m."effectiveDate" DESC, m."createdAt" DESC)
        FILTER (WHERE m.kind = 'churn' AND m."effectiveDate" > ${from}::date))[1] AS "lastChurnType",
      bool_or(m."effectiveDate" <= ${from}::date) AS "hadHistory"
    FROM "ArrMovement" m
    CROSS JOIN LATERAL (SELECT (CASE WHEN m.kind IN ('contraction', 'churn') THEN -m.amount ELSE m.amount END
      * 100)::bigint AS cents) s
    WHERE m."effectiveDate" <= ${to}::date
    GROUP BY m."accountId"`;
}

export function renewalOutcomesBetween(db: Db, from: string, to: string) {
  return db.renewalOutcome.findMany({
    where: { renewalDate: { gt: new Date(from), lte: new Date(to) } },
    select: { accountId: true, renewalDate: true, result: true, arrBefore: true, arrAfter: true },
  });
}

export interface SurveyRow {
  accountId: string;
  date: Date;
  nps: number | null;
  csat: Prisma.Decimal | null;
}

/** Each account's latest NPS reading and latest CSAT reading inside the period. */
export async function latestSurveys(db: Db, from: string, to: string): Promise<SurveyRow[]> {
  const nps = await db.$queryRaw<SurveyRow[]>`
    SELECT DISTINCT ON ("accountId") "accountId", date, nps, NULL::numeric AS csat FROM "HealthSignal"
    WHERE date > ${from}::date AND date <= ${to}::date AND nps IS NOT NULL
    ORDER BY "accountId", date DESC`;
  const csat = await db.$queryRaw<SurveyRow[]>`
    SELECT DISTINCT ON ("accountId") "accountId", date, NULL::int AS nps, csat FROM "HealthSignal"
    WHERE date > ${from}::date AND date <= ${to}::date AND csat IS NOT NULL
    ORDER BY "accountId", date DESC`;
  return [...nps, ...csat];
}
