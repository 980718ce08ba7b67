// Housekeeping: what PostgreSQL's autovacuum does on its own and embedded PGlite (no background
// workers) never does (merging GIN indexes' pending lists, reclaiming dead rows, refreshing planner
// statistics), and pruning the search words of names that are gone.
import type { Db } from "./types.ts";

/** Tables named by the code, never by input: the names go into the statement as identifiers. */
export type TableName = "Account" | "ArrMovement";

/**
 * VACUUM (ANALYZE) the tables, or the whole database when none are named. After a bulk import this is
 * what keeps the account search on its indexes' fast path: until a GIN index's pending list is merged,
 * every search reads it end to end. Not inside a transaction (VACUUM refuses one).
 */
export async function vacuumAnalyze(db: Db, tables: readonly TableName[] = []): Promise<void> {
  const list = tables.map((table) => `"${table}"`).join(", ");
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${list}`);
}

/**
 * Forgets the search words no account's name has any more (renamed or deleted accounts); triggers only
 * ever add words. One pass over the names. Returns how many went. A word forgotten while an account
 * that has it is being written is added again by the next write of such an account; until then, its
 * typos are found by word similarity instead of correction.
 */
export function pruneSearchWords(db: Db): Promise<number> {
  return db.$executeRaw`
    WITH live AS (
      SELECT DISTINCT w.word FROM "Account" a, unnest(string_to_array(a."searchName", ' ')) AS w(word))
    DELETE FROM "SearchWord" s WHERE NOT EXISTS (SELECT 1 FROM live WHERE live.word = s.word)`;
}
