// Scheduled work. Jobs call services; they never talk to Slack or Prisma directly.
import cron, { type ScheduledTask } from "node-cron";
import type { Database } from "../db/client.ts";
import { pruneSearchWords, vacuumAnalyze } from "../db/maintenance.ts";
import type { Logger } from "../logger.ts";
import { rescoreAccounts } from "../services/health-scoring.ts";
import type { Clock } from "../services/ports.ts";

export interface Scheduler {
  stop(): void;
}

/** Every account is re-scored once a day, so time-based signals (sponsor gone dark, renewal nearing) move. */
export const dailyRescoreCron = "10 2 * * *";

export function startScheduler(db: Database, clock: Clock, logger: Logger): Scheduler {
  const tasks: ScheduledTask[] = [
    cron.schedule(
      dailyRescoreCron,
      async () => {
        try {
          // Several bots on one PostgreSQL take turns; the second run finds nothing new to do.
          const summary = await db.withExclusiveLock("csm-bot:daily-rescore", () =>
            rescoreAccounts(db, "all", clock()),
          );
          logger.info(
            `daily re-score: ${summary.scored} accounts, ${summary.playsOpened} plays opened, ${summary.playsClosed} self-closed`,
          );
        } catch (error) {
          logger.error("daily re-score failed", error);
        }
        await pruneSearchWords(db.prisma).catch((error: unknown) =>
          logger.warn("pruning the search words failed", error),
        );
        // PostgreSQL's autovacuum tidies up after the day's upserts; embedded PGlite has none.
        if (db.target.kind === "pglite")
          await vacuumAnalyze(db.prisma).catch((error: unknown) => logger.warn("daily VACUUM failed", error));
      },
      { timezone: "UTC", noOverlap: true, name: "daily-rescore" },
    ),
  ];
  return {
    stop() {
      for (const task of tasks) task.stop();
    },
  };
}
