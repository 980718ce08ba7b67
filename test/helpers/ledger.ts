// An account's ARR ledger as rows a test can compare: [day, kind, churn type, amount, ARR after, source,
// reason], oldest first.
import type { PrismaClient } from "../../src/generated/prisma/client.ts";

export async function ledgerOf(prisma: PrismaClient, accountId: string) {
  const movements = await prisma.arrMovement.findMany({
    where: { accountId },
    orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }],
  });
  return movements.map((m) => [
    m.effectiveDate.toISOString().slice(0, 10),
    m.kind,
    m.churnType,
    m.amount.toFixed(2),
    m.arrAfter.toFixed(2),
    m.source,
    m.reason,
  ]);
}
