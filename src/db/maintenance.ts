// Housekeeping PostgreSQL's autovacuum does on its own, and embedded PGlite (no background workers)
// never does: merging GIN indexes' pending lists, reclaiming dead rows, refreshing planner statistics.
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Tables named by the code, never by input: the names go into the statement as identifiers. */
export type TableName = "Account" | "ArrMovement";

/**
 * VACUUM (ANALYZE) the tables, or the whole database when none are named. After a bulk import this is
 * what keeps the account search on its indexes' fast path: until a GIN index's pending list is merged,
 * every search reads it end to end. Not inside a transaction (VACUUM refuses one).
 */
export async function vacuumAnalyze(db: PrismaClient, tables: readonly TableName[] = []): Promise<void> {
  const list = tables.map((table) => `"${table}"`).join(", ");
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${list}`);
}
