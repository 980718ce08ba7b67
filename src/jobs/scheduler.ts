// Ticks the scheduled jobs (src/jobs/index.ts lists them). A job calls services and reaches Slack only
// through the Notifier; the scheduler gives each job its collaborators and logs the runs that fail.
import cron, { type Logger as CronLogger, type ScheduledTask } from "node-cron";
import type { Database } from "../db/client.ts";
import { type InFlight, inFlightWork } from "../in-flight.ts";
import type { Logger } from "../logger.ts";
import type { Clock, Notifier, SlackDirectory } from "../services/ports.ts";

/** What a job may use. */
export interface JobContext {
  db: Database;
  notifier: Notifier;
  /** Slack's directory of people (time zones, deactivations). */
  directory: SlackDirectory | null;
  clock: Clock;
  logger: Logger;
}

export interface Job {
  /** For the logs, and node-cron's name for the task. */
  name: string;
  /** node-cron's syntax: five fields, or six with seconds first. */
  cron: string;
  /** The IANA time zone the expression's hours are read in. */
  timezone: string;
  run(context: JobContext): Promise<void>;
}

export interface Scheduler {
  stop(): void;
}

/** `runs` counts the runs in progress, for a stop to wait for them. */
export function startScheduler(
  jobs: readonly Job[],
  context: JobContext,
  runs: InFlight = inFlightWork(),
): Scheduler {
  for (const job of jobs) {
    if (!cron.validate(job.cron)) throw new Error(`job ${job.name}: "${job.cron}" is no cron expression`);
  }
  const logger = cronLogger(context.logger);
  const tasks: ScheduledTask[] = jobs.map((job) =>
    // noOverlap: a run still going when the next tick comes (a slow day, a lock wait) is not doubled.
    cron.schedule(job.cron, () => runs.track(runLogged(job, context)), {
      name: job.name,
      timezone: job.timezone,
      noOverlap: true,
      logger,
    }),
  );
  return {
    stop() {
      for (const task of tasks) task.destroy();
    },
  };
}

/** One job's failure is logged with its name, and leaves the other jobs and its own next tick alone. */
async function runLogged(job: Job, context: JobContext): Promise<void> {
  try {
    await job.run(context);
  } catch (error) {
    context.logger.error(`scheduled job ${job.name} failed`, error);
  }
}

/** node-cron's own warnings (a missed tick, a run skipped for overlap) go to the bot's log. */
function cronLogger(logger: Logger): CronLogger {
  return {
    info: (message) => logger.info(`node-cron: ${message}`),
    warn: (message) => logger.warn(`node-cron: ${message}`),
    error: (message, error) => logger.error("node-cron:", message, ...(error ? [error] : [])),
    debug: (message, error) => logger.debug("node-cron:", message, ...(error ? [error] : [])),
  };
}
