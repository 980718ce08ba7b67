// Read model of one CSM's book: totals and the renewals coming up.
import type { Db } from "./types.ts";

export async function bookTotals(db: Db, ownerId: string) {
  const totals = await db.account.aggregate({
    where: { ownerId },
    _count: { _all: true },
    _sum: { arr: true },
  });
  return { accounts: totals._count._all, arr: totals._sum.arr ? totals._sum.arr.toFixed(2) : "0.00" };
}

export function renewalsBetween(db: Db, ownerId: string, from: Date, to: Date, take = 10) {
  return db.account.findMany({
    where: { ownerId, renewalDate: { gte: from, lte: to } },
    orderBy: { renewalDate: "asc" },
    take,
    select: { id: true, name: true, arr: true, renewalDate: true },
  });
}
