// A CSM's book at a glance (App Home): size, ARR, renewals inside the 90-day window.

import type { DataAccess } from "../db/client.ts";
import { bookTotals, renewalsBetween } from "../db/repositories/book.ts";
import { daysBetween, renewalWindowDays, utcDay } from "../domain/lifecycle.ts";

export interface BookSummary {
  accounts: number;
  arr: string;
  renewals: { id: string; name: string; arr: string | null; renewalDate: Date; daysLeft: number }[];
}

export async function bookSummary(db: DataAccess, ownerId: string, now: Date): Promise<BookSummary> {
  const today = utcDay(now);
  const until = new Date(today.getTime() + renewalWindowDays * 86_400_000);
  const [totals, renewals] = await Promise.all([
    bookTotals(db.client, ownerId),
    renewalsBetween(db.client, ownerId, today, until),
  ]);
  return {
    accounts: totals.accounts,
    arr: totals.arr,
    renewals: renewals.map((r) => ({
      id: r.id,
      name: r.name,
      arr: r.arr?.toFixed(2) ?? null,
      renewalDate: r.renewalDate as Date,
      daysLeft: daysBetween(today, r.renewalDate as Date),
    })),
  };
}
