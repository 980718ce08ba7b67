// The morning digests: every minute, whoever's local digest time has come on a working day gets theirs,
// once (the digest row of the day decides, so restarts and several bots neither skip nor repeat one).
import { runDigests } from "../services/digest-run.ts";
import { renderDigest } from "../slack/surfaces/digest.ts";
import type { Job } from "./scheduler.ts";

export const dailyDigest: Job = {
  name: "daily-digest",
  cron: "* * * * *",
  timezone: "UTC",
  async run({ db, notifier, directory, clock, logger }) {
    const results = await runDigests({ db, notifier, directory, render: renderDigest }, clock());
    const failed = results.filter((r) => r.status === "failed");
    for (const failure of failed) logger.warn(`digest for ${failure.slackUserId} failed: ${failure.detail}`);
    const sent = results.filter((r) => r.status === "sent").length;
    if (sent || failed.length) logger.info(`digests: ${sent} sent, ${failed.length} failed`);
  },
};
