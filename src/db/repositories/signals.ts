// Health-signal snapshots: the accounts they name, bulk upsert on (account, date), and the recent
// window scoring reads.
import { randomUUID } from "node:crypto";
import type { SignalSnapshot } from "../../domain/health/signals.ts";
import { isoDayToDate } from "../../domain/lifecycle.ts";
import { type BulkColumn, bulkInsert, rowsPerStatement } from "../bulk-insert.ts";
import type { Db } from "./types.ts";

export interface AccountSignal {
  accountId: string;
  snapshot: SignalSnapshot;
}

const signalColumns: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "accountId", type: "text" },
  { name: "date", type: "date" },
  { name: "featuresUsed", type: "int" },
  { name: "featuresInPlan", type: "int" },
  { name: "adoptionPct", type: "numeric" },
  { name: "powerUserLogins", type: "int" },
  { name: "sponsorLastResponse", type: "date" },
  { name: "tickets30d", type: "int" },
  { name: "p1P2Tickets30d", type: "int" },
  { name: "invoiceDaysOverdue", type: "int" },
  { name: "seatsActive", type: "int" },
  { name: "seatsPurchased", type: "int" },
  { name: "nps", type: "int" },
  { name: "csat", type: "numeric" },
];

const replaceOnConflict = `ON CONFLICT ("accountId", date) DO UPDATE SET ${signalColumns
  .slice(3)
  .map(({ name }) => `"${name}" = EXCLUDED."${name}"`)
  .join(", ")}, "receivedAt" = now()`;

/** Upsert on (account, date): re-sending a snapshot replaces it, nothing else. */
export async function upsertSignals(db: Db, signals: AccountSignal[]): Promise<void> {
  // Stored in (account, date) order, a re-score, which reads accounts in id order a batch at a time,
  // finds each batch's snapshots on a few pages; in file order they were spread over the whole table.
  const ordered = [...signals].sort(
    (a, b) =>
      (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0) ||
      a.snapshot.date.getTime() - b.snapshot.date.getTime(),
  );
  // Rows are made a statement's worth at a time: 100,000 at once would double the import's memory.
  for (let start = 0; start < ordered.length; start += rowsPerStatement) {
    const rows = ordered
      .slice(start, start + rowsPerStatement)
      .map(({ accountId, snapshot }) => ({ id: randomUUID(), accountId, ...snapshot }));
    await bulkInsert(db, "HealthSignal", signalColumns, rows, replaceOnConflict);
  }
}

type SnapshotTuple = [
  string,
  number | null,
  number | null,
  number | null,
  number | null,
  string | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

/**
 * Snapshots between from and to (inclusive) of the given accounts, oldest first.
 * One JSON row per account: decoding 100,000 snapshot rows one by one costs seconds on PGlite.
 */
export async function signalsBetween(
  db: Db,
  accountIds: string[],
  from: Date,
  to: Date,
): Promise<Map<string, SignalSnapshot[]>> {
  const rows = await db.$queryRaw<{ accountId: string; snapshots: string }[]>`
    SELECT "accountId",
           json_agg(json_build_array(date, "featuresUsed", "featuresInPlan", "adoptionPct", "powerUserLogins",
             "sponsorLastResponse", "tickets30d", "p1P2Tickets30d", "invoiceDaysOverdue", "seatsActive",
             "seatsPurchased", nps, csat) ORDER BY date)::text AS snapshots
    FROM "HealthSignal"
    WHERE date BETWEEN ${from}::date AND ${to}::date
      AND "accountId" = ANY(${accountIds}::text[])
    GROUP BY "accountId"`;
  const byAccount = new Map<string, SignalSnapshot[]>();
  for (const row of rows) {
    const tuples = JSON.parse(row.snapshots) as SnapshotTuple[];
    byAccount.set(
      row.accountId,
      tuples.map(([date, featuresUsed, featuresInPlan, adoptionPct, powerUserLogins, sponsor, ...rest]) => ({
        date: isoDayToDate(date),
        featuresUsed,
        featuresInPlan,
        adoptionPct: adoptionPct === null ? null : Number(adoptionPct),
        powerUserLogins,
        sponsorLastResponse: sponsor === null ? null : isoDayToDate(sponsor),
        tickets30d: rest[0],
        p1P2Tickets30d: rest[1],
        invoiceDaysOverdue: rest[2],
        seatsActive: rest[3],
        seatsPurchased: rest[4],
        nps: rest[5],
        csat: rest[6] === null ? null : Number(rest[6]),
      })),
    );
  }
  return byAccount;
}
