// Every account is re-scored once a day, so that time-based signals (a sponsor gone dark, a renewal
// nearing) move even on days when no signal arrives.
import { noticeSilentFeeds } from "../services/feed-notices.ts";
import { rescoreAccounts } from "../services/health-scoring.ts";
import type { Job } from "./scheduler.ts";

export const dailyRescore: Job = {
  name: "daily-rescore",
  cron: "10 2 * * *",
  timezone: "UTC",
  async run({ db, clock, logger, notifier }) {
    // Several bots on one PostgreSQL take turns; the second run finds nothing new to do (and the feed
    // notices were already recorded as sent).
    const summary = await db.withExclusiveLock("csm-bot:daily-rescore", async () => {
      const scored = await rescoreAccounts(db, "all", clock());
      const notices = await noticeSilentFeeds(db, notifier, scored.silentFeeds, clock());
      if (notices.announced.length)
        logger.warn(`feeds silent for the whole book: ${notices.announced.join(", ")}`);
      return scored;
    });
    logger.info(
      `daily re-score: ${summary.scored} accounts, ${summary.playsOpened} plays opened, ${summary.playsClosed} self-closed`,
    );
  },
};
