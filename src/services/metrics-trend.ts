// NRR and GRR month by month, for a chart: at each of the last months' ends, the trailing twelve months
// ending that day. The accounts are those a book holds today, with their whole history: a trend of the
// book as it stands, so an account handed over keeps its past in its new owner's line (scopeMetrics
// instead counts an account in the book of whoever owned it at the end of the period). The last point,
// ending today, is therefore the figure scopeMetrics gives for the same owners over the same twelve months.
import type { DataAccess } from "../db/client.ts";
import { ledgerPositions, metricsAccounts } from "../db/repositories/metrics.ts";
import { monthEnds, trailingTwelveMonths } from "../domain/metrics/period.ts";
import { revenueRetention } from "../domain/metrics/retention.ts";
import { knownPositions } from "./metrics.ts";

export interface RetentionPoint {
  /** ISO day the trailing twelve months end on. */
  to: string;
  /** Null when the book had no starting ARR a year before `to`. */
  nrr: number | null;
  grr: number | null;
}

/** `ownerIds`: the users (User.id) whose accounts count; null for the whole company. */
export async function metricsTrend(
  db: DataAccess,
  ownerIds: string[] | null,
  today: string,
  months = 12,
): Promise<RetentionPoint[]> {
  const owners = ownerIds === null ? null : new Set(ownerIds);
  const accounts = (await metricsAccounts(db.client)).filter(
    (account) => owners === null || (account.ownerId !== null && owners.has(account.ownerId)),
  );
  const book = new Map(accounts.map((account) => [account.id, account]));
  const bookIds = owners === null ? null : [...book.keys()];
  const points: RetentionPoint[] = [];
  // One period after the other: a chart is not worth every connection of the pool at once. A book's
  // ledger is read by its accounts (a CSM's 200 of 20,000: about 0.2 s for the twelve); the company's
  // is summed whole twelve times (about 4 s for 20,000 accounts with 12 movements each).
  for (const to of monthEnds(today, months)) {
    const period = trailingTwelveMonths(to);
    const positions = await ledgerPositions(db.client, period.from, period.to, bookIds);
    const { nrr, grr } = revenueRetention(knownPositions(positions, book));
    points.push({ to, nrr, grr });
  }
  return points;
}
