// What the metrics read: the accounts of the book, where each account's ledger stands at a period's
// start and end (summed in the database: a book's three years of ledger never leave it row by row),
// who owned which account at a past day, renewal outcomes, and the latest survey readings.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "./types.ts";

export interface MetricsAccount {
  id: string;
  ownerId: string | null;
  segment: string | null;
  /** Decimal string; null when unknown. */
  arr: string | null;
  renewalDate: Date | null;
}

export function metricsAccounts(db: Db): Promise<MetricsAccount[]> {
  return db.$queryRaw<MetricsAccount[]>`
    SELECT id, "ownerId", segment::text AS segment, arr::text AS arr, "renewalDate" FROM "Account"`;
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
 * whether it had a movement by `from`: domain/metrics/retention.ts positionOf, in the database. With
 * `accountIds`, those accounts only (a CSM's book need not sum the company's ledger).
 */
export async function ledgerPositions(
  db: Db,
  from: string,
  to: string,
  accountIds: string[] | null = null,
): Promise<PositionRow[]> {
  const signed = `CASE WHEN kind IN ('contraction', 'churn') THEN -amount ELSE amount END`;
  const [sums, churns] = await Promise.all([
    db.$queryRawUnsafe<Omit<PositionRow, "lastChurnType">[]>(
      `SELECT "accountId",
        (COALESCE(sum(${signed}) FILTER (WHERE "effectiveDate" <= $1::date), 0) * 100)::bigint AS "startCents",
        (sum(${signed}) * 100)::bigint AS "endCents",
        bool_or("effectiveDate" <= $1::date) AS "hadHistory"
      FROM "ArrMovement" WHERE "effectiveDate" <= $2::date AND ($3::text[] IS NULL OR "accountId" = ANY($3::text[]))
      GROUP BY "accountId"`,
      from,
      to,
      accountIds,
    ),
    db.$queryRaw<{ accountId: string; churnType: PositionRow["lastChurnType"] }[]>`
      SELECT DISTINCT ON ("accountId") "accountId", "churnType"::text AS "churnType" FROM "ArrMovement"
      WHERE kind = 'churn' AND "effectiveDate" > ${from}::date AND "effectiveDate" <= ${to}::date
        AND (${accountIds}::text[] IS NULL OR "accountId" = ANY(${accountIds}::text[]))
      ORDER BY "accountId", "effectiveDate" DESC, "createdAt" DESC`,
  ]);
  const churnTypes = new Map(churns.map((row) => [row.accountId, row.churnType]));
  return sums.map((row) => ({ ...row, lastChurnType: churnTypes.get(row.accountId) ?? null }));
}

export function renewalOutcomesBetween(db: Db, from: string, to: string, accountIds: string[] | null = null) {
  return db.renewalOutcome.findMany({
    where: {
      renewalDate: { gt: new Date(from), lte: new Date(to) },
      ...(accountIds ? { accountId: { in: accountIds } } : {}),
    },
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
export async function latestSurveys(
  db: Db,
  from: string,
  to: string,
  accountIds: string[] | null = null,
): Promise<SurveyRow[]> {
  const nps = await db.$queryRaw<SurveyRow[]>`
    SELECT DISTINCT ON ("accountId") "accountId", date, nps, NULL::numeric AS csat FROM "HealthSignal"
    WHERE date > ${from}::date AND date <= ${to}::date AND nps IS NOT NULL
      AND (${accountIds}::text[] IS NULL OR "accountId" = ANY(${accountIds}::text[]))
    ORDER BY "accountId", date DESC`;
  const csat = await db.$queryRaw<SurveyRow[]>`
    SELECT DISTINCT ON ("accountId") "accountId", date, NULL::int AS nps, csat FROM "HealthSignal"
    WHERE date > ${from}::date AND date <= ${to}::date AND csat IS NOT NULL
      AND (${accountIds}::text[] IS NULL OR "accountId" = ANY(${accountIds}::text[]))
    ORDER BY "accountId", date DESC`;
  return [...nps, ...csat];
}
