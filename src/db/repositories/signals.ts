// Health-signal snapshots: the accounts they name, bulk upsert on (account, date), and the recent
// window scoring reads.
import { randomUUID } from "node:crypto";
import { type SignalSnapshot, signalFieldBit, signalFieldNames } from "../../domain/health/signals.ts";
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
  { name: "clearedFields", type: "int" },
];

// A field the new snapshot sent (a value, or null on purpose) replaces the stored one; a field it did
// not send keeps it. The stored cleared bits follow: a sent value un-clears its field.
const sentByNew = (field: (typeof signalFieldNames)[number]) =>
  `(EXCLUDED."${field}" IS NOT NULL OR EXCLUDED."clearedFields" & ${signalFieldBit(field)} <> 0)`;
const sentMaskOfNew = [
  `EXCLUDED."clearedFields"`,
  ...signalFieldNames.map(
    (field) => `CASE WHEN EXCLUDED."${field}" IS NOT NULL THEN ${signalFieldBit(field)} ELSE 0 END`,
  ),
].join(" | ");
const mergeOnConflict = `ON CONFLICT ("accountId", date) DO UPDATE SET ${signalFieldNames
  .map(
    (field) =>
      `"${field}" = CASE WHEN ${sentByNew(field)} THEN EXCLUDED."${field}" ELSE "HealthSignal"."${field}" END`,
  )
  .join(", ")},
  "clearedFields" = ("HealthSignal"."clearedFields" & ~(${sentMaskOfNew})) | EXCLUDED."clearedFields",
  "receivedAt" = now()`;

/**
 * Upsert on (account, date), merging: a snapshot that sends some fields of a day another feed already
 * sent changes those fields only. Sending the same snapshot again changes nothing.
 */
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
    await bulkInsert(db, "HealthSignal", signalColumns, rows, mergeOnConflict);
  }
}

type SnapshotTuple = [
  string,
  number,
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
           json_agg(json_build_array(date, "clearedFields", "featuresUsed", "featuresInPlan", "adoptionPct", "powerUserLogins",
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
      tuples.map(
        ([
          date,
          clearedFields,
          featuresUsed,
          featuresInPlan,
          adoptionPct,
          powerUserLogins,
          sponsor,
          ...rest
        ]) => ({
          date: isoDayToDate(date),
          clearedFields,
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
        }),
      ),
    );
  }
  return byAccount;
}

/** The fields each health signal is read from (domain/health/freshness.ts), as SQL conditions. */
const sentCondition = {
  adoption: `"featuresUsed" IS NOT NULL OR "featuresInPlan" IS NOT NULL OR "adoptionPct" IS NOT NULL`,
  loginTrend: `"powerUserLogins" IS NOT NULL`,
  sponsor: `"sponsorLastResponse" IS NOT NULL`,
  support: `"p1P2Tickets30d" IS NOT NULL OR "tickets30d" IS NOT NULL`,
  payment: `"invoiceDaysOverdue" IS NOT NULL`,
} as const;
type SignalName = keyof typeof sentCondition;

/** Per health signal, the newest day any account sent it, since `from`: which feeds run, which went quiet. */
export async function lastSentBySignal(db: Db, from: Date): Promise<Partial<Record<SignalName, Date>>> {
  const columns = Object.entries(sentCondition)
    .map(([name, condition]) => `max(date) FILTER (WHERE ${condition}) AS "${name}"`)
    .join(", ");
  const [row] = await db.$queryRawUnsafe<Record<SignalName, Date | null>[]>(
    `SELECT ${columns} FROM "HealthSignal" WHERE date >= $1::date`,
    from.toISOString().slice(0, 10),
  );
  const lastSent: Partial<Record<SignalName, Date>> = {};
  for (const name of Object.keys(sentCondition) as SignalName[]) {
    const day = row?.[name];
    if (day) lastSent[name] = new Date(day);
  }
  return lastSent;
}
