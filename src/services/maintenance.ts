// The database's daily housekeeping: forgetting the search words no account's name has any more, and,
// on embedded PGlite, the VACUUM (ANALYZE) that PostgreSQL's autovacuum does on its own.
import type { Database } from "../db/client.ts";
import { pruneSearchWords, vacuumAnalyze } from "../db/repositories/maintenance.ts";

export interface MaintenanceSummary {
  searchWordsForgotten: number;
  /** Whether the whole database was vacuumed (only the embedded one is: it has no autovacuum). */
  vacuumed: boolean;
}

export async function dailyMaintenance(db: Pick<Database, "client" | "target">): Promise<MaintenanceSummary> {
  const searchWordsForgotten = await pruneSearchWords(db.client);
  // After the day's upserts and the prune's deletes, so that the vacuum reclaims their dead rows.
  const vacuumed = db.target.kind === "pglite";
  if (vacuumed) await vacuumAnalyze(db.client);
  return { searchWordsForgotten, vacuumed };
}
