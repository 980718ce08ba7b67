// Health-signal snapshots: bulk upsert on (account, date) and the recent window scoring reads.
import { randomUUID } from "node:crypto";
import type { SignalSnapshot } from "../../domain/health/signals.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "./types.ts";

export interface AccountSignal {
  accountId: string;
  snapshot: SignalSnapshot;
}

// 15 parameters a row; PostgreSQL allows 65,535 parameters per statement.
const rowsPerStatement = 2000;

/** INSERT … ON CONFLICT DO UPDATE in large statements: re-sending a snapshot replaces it, nothing else. */
export async function upsertSignals(db: Db, signals: AccountSignal[]): Promise<void> {
  for (let i = 0; i < signals.length; i += rowsPerStatement) {
    const values = signals.slice(i, i + rowsPerStatement).map(({ accountId, snapshot: s }) => {
      return Prisma.sql`(${randomUUID()}, ${accountId}, ${s.date}::date, ${s.featuresUsed}::int, ${s.featuresInPlan}::int,
        ${s.adoptionPct}::numeric, ${s.powerUserLogins}::int, ${s.sponsorLastResponse}::date, ${s.tickets30d}::int,
        ${s.p1P2Tickets30d}::int, ${s.invoiceDaysOverdue}::int, ${s.seatsActive}::int, ${s.seatsPurchased}::int,
        ${s.nps}::int, ${s.csat}::numeric)`;
    });
    await db.$executeRaw`
      INSERT INTO "HealthSignal" (id, "accountId", date, "featuresUsed", "featuresInPlan", "adoptionPct",
        "powerUserLogins", "sponsorLastResponse", "tickets30d", "p1P2Tickets30d", "invoiceDaysOverdue",
        "seatsActive", "seatsPurchased", nps, csat)
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("accountId", date) DO UPDATE SET
        "featuresUsed" = EXCLUDED."featuresUsed", "featuresInPlan" = EXCLUDED."featuresInPlan",
        "adoptionPct" = EXCLUDED."adoptionPct", "powerUserLogins" = EXCLUDED."powerUserLogins",
        "sponsorLastResponse" = EXCLUDED."sponsorLastResponse", "tickets30d" = EXCLUDED."tickets30d",
        "p1P2Tickets30d" = EXCLUDED."p1P2Tickets30d", "invoiceDaysOverdue" = EXCLUDED."invoiceDaysOverdue",
        "seatsActive" = EXCLUDED."seatsActive", "seatsPurchased" = EXCLUDED."seatsPurchased",
        nps = EXCLUDED.nps, csat = EXCLUDED.csat, "receivedAt" = now()`;
  }
}

/** Snapshots between from and to (inclusive) of the given accounts, or of every account. */
export async function signalsBetween(
  db: Db,
  accountIds: string[] | "all",
  from: Date,
  to: Date,
): Promise<AccountSignal[]> {
  const rows = await db.healthSignal.findMany({
    where: {
      date: { gte: from, lte: to },
      ...(accountIds === "all" ? {} : { accountId: { in: accountIds } }),
    },
    orderBy: [{ accountId: "asc" }, { date: "asc" }],
  });
  return rows.map((row) => ({
    accountId: row.accountId,
    snapshot: {
      date: row.date,
      featuresUsed: row.featuresUsed,
      featuresInPlan: row.featuresInPlan,
      adoptionPct: row.adoptionPct === null ? null : row.adoptionPct.toNumber(),
      powerUserLogins: row.powerUserLogins,
      sponsorLastResponse: row.sponsorLastResponse,
      tickets30d: row.tickets30d,
      p1P2Tickets30d: row.p1P2Tickets30d,
      invoiceDaysOverdue: row.invoiceDaysOverdue,
      seatsActive: row.seatsActive,
      seatsPurchased: row.seatsPurchased,
      nps: row.nps,
      csat: row.csat === null ? null : row.csat.toNumber(),
    },
  }));
}
