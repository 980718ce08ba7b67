// The database's nightly housekeeping (services/maintenance.ts), half an hour after the daily re-score
// (a few seconds on a 20,000-account book), so that it tidies up after that day's writes.
import { dailyMaintenance } from "../services/maintenance.ts";
import type { Job } from "./scheduler.ts";

export const maintenance: Job = {
  name: "maintenance",
  cron: "40 2 * * *",
  timezone: "UTC",
  async run({ db, logger }) {
    const summary = await dailyMaintenance(db);
    logger.info(
      `maintenance: ${summary.searchWordsForgotten} search words forgotten${summary.vacuumed ? ", database vacuumed" : ""}`,
    );
  },
};
