// The scheduled jobs, one file each; main.ts hands this list to the scheduler.
import { dailyDigest } from "./daily-digest.ts";
import { dailyRescore } from "./daily-rescore.ts";
import { maintenance } from "./maintenance.ts";
import { renewalReminders } from "./renewal-reminders.ts";
import type { Job } from "./scheduler.ts";

export const scheduledJobs: readonly Job[] = [dailyRescore, maintenance, dailyDigest, renewalReminders];
