// Every account is re-scored once a day, so that time-based signals (a sponsor gone dark, a renewal
// nearing) move even on days when no signal arrives.
import { rescoreAccounts } from "../services/health-scoring.ts";
import type { Job } from "./scheduler.ts";

export const dailyRescore: Job = {
  name: "daily-rescore",
  cron: "10 2 * * *",
  timezone: "UTC",
  async run({ db, clock, logger }) {
    // Several bots on one PostgreSQL take turns; the second run finds nothing new to do.
    const summary = await db.withExclusiveLock("csm-bot:daily-rescore", () =>
      rescoreAccounts(db, "all", clock()),
    );
    logger.info(
      `daily re-score: ${summary.scored} accounts, ${summary.playsOpened} plays opened, ${summary.playsClosed} self-closed`,
    );
  },
};
