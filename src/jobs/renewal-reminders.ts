// The renewal calendar's reminders: every minute, each owner whose morning digest time has come on a
// working day gets the renewal steps that fell due in their local today, once (the step's row decides, so
// restarts and several bots neither skip nor repeat one). Reminders come with the digest, in the owner's
// morning, rather than at 00:00 UTC in the middle of someone's night.
import { runRenewalReminders } from "../services/renewal-run.ts";
import { renewalReminderMessage } from "../slack/views/renewal-reminder.ts";
import type { Job } from "./scheduler.ts";

/**
 * Per database handle (one per process), the owners whose reminders for a local date are settled: they
 * are not read again every minute of the rest of that day. A new process reads everyone once.
 */
const settledByProcess = new WeakMap<object, Map<string, Date>>();

export const renewalReminders: Job = {
  name: "renewal-reminders",
  cron: "* * * * *",
  timezone: "UTC",
  async run({ db, notifier, clock, logger }) {
    let settled = settledByProcess.get(db);
    if (!settled) {
      settled = new Map();
      settledByProcess.set(db, settled);
    }
    const run = await runRenewalReminders(
      { db, notifier, render: renewalReminderMessage },
      clock(),
      {},
      settled,
    );
    for (const [ownerId, date] of run.settledOwners) settled.set(ownerId, date);
    const failed = run.results.filter((r) => r.status === "failed");
    for (const failure of failed)
      logger.warn(
        `renewal reminder ${failure.step} of ${failure.accountName} for ${failure.recipient} failed: ${failure.detail}`,
      );
    const sent = run.results.filter((r) => r.status === "sent").length;
    if (sent || failed.length) logger.info(`renewal reminders: ${sent} sent, ${failed.length} failed`);
  },
};
