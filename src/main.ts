// Process start: configuration, database, Slack app, scheduled jobs, signal handlers.
import { setTimeout as sleep } from "node:timers/promises";
import { ConfigError, configSecrets, loadConfig, loadDotEnv } from "./config.ts";
import { DataDirBusyError, DataDirError } from "./db/data-dir-lock.ts";
import { inFlightWork } from "./in-flight.ts";
import { scheduledJobs } from "./jobs/index.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { createLogger } from "./logger.ts";
import { openMigratedDatabase } from "./runtime.ts";
import { systemClock } from "./services/ports.ts";
import { buildApp } from "./slack/app.ts";
import { createNotifierClient, createWebClient } from "./slack/web/client-options.ts";
import { checkSlackCredentials, SlackCredentialsError } from "./slack/web/credentials.ts";
import { slackDirectory } from "./slack/web/directory.ts";
import { slackNotifier } from "./slack/web/notifier.ts";

/** How long a stop waits for requests and job runs in flight. */
const stopGraceMs = 10_000;

/** Unexpected start-up failures show their stack only at LOG_LEVEL=debug. */
let showStacks = false;

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    loadDotEnv();
    config = loadConfig(process.env, "bot");
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, section Configuration, and .env.example.\n`);
      process.exit(1);
    }
    throw error;
  }
  const secrets = configSecrets(config);
  const logger = createLogger({ level: config.logLevel, secrets });
  showStacks = config.logLevel === "debug";
  // A rejection nobody handles, in our code or a dependency's (Slack's Socket Mode client rejects on an
  // envelope without a payload), is a bug to log, not a reason to stop serving everyone else.
  process.on("unhandledRejection", (reason) => {
    logger.error("unhandled promise rejection (the bot keeps running)", reason);
  });

  // Before the database and the port: a refused token is the commonest first-start mistake, and is
  // said in one line rather than by the first request's failure.
  try {
    await checkSlackCredentials(config, logger);
  } catch (error) {
    if (error instanceof SlackCredentialsError) {
      logger.error(error.message);
      logger.debug("the check failed with", error.cause);
      process.exit(1);
    }
    throw error;
  }

  let db: Awaited<ReturnType<typeof openMigratedDatabase>>;
  try {
    db = await openMigratedDatabase(config, "bot", "csm bot", logger);
  } catch (error) {
    if (error instanceof DataDirBusyError || error instanceof DataDirError) {
      logger.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const app = buildApp(config, { db, logger, clock: systemClock });
  const inFlight = inFlightWork();
  // Bolt's global middleware: `next()` resolves when the request's listeners are done, answers sent
  // through response_url after the acknowledgement included.
  app.use(async ({ next }) => {
    await inFlight.track(next());
  });
  await app.start(config.port);
  const webClient = createWebClient(config, logger);
  if (!webClient) throw new Error("the bot needs SLACK_BOT_TOKEN (checked by loadConfig)");
  const notifier = slackNotifier(createNotifierClient(config, logger) ?? webClient, logger);
  const directory = slackDirectory(webClient);
  const scheduler = startScheduler(
    scheduledJobs,
    { db, notifier, directory, clock: systemClock, logger },
    inFlight,
  );
  logger.info(
    config.slack.appToken
      ? `bot running in Socket Mode (HTTP routes on port ${config.port})`
      : `bot listening on port ${config.port} (Slack requests at /slack/events)`,
  );
  logger.info(
    config.ingestTokens.length === 0
      ? "signal ingest off (INGEST_TOKEN unset)"
      : config.ingestTokens.length === 1
        ? "signal ingest: POST /api/v1/signals"
        : "signal ingest: POST /api/v1/signals, accepting INGEST_TOKEN and INGEST_TOKEN_PREVIOUS (a rotation)",
  );
  logger.info(
    `database: ${config.database.kind === "postgres" ? "PostgreSQL" : `embedded PGlite in ${config.database.dataDir}`}`,
  );

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const deadline = Date.now() + stopGraceMs;
    scheduler.stop();
    // Closes the port (and the Socket Mode connection) at once; resolves when open connections end.
    const closed = app.stop().catch((error: unknown) => logger.warn("error while stopping the app", error));
    logger.info(`${signal} received: no new requests; finishing ${inFlight.count} in flight, then stopping`);
    if (!(await inFlight.settled(stopGraceMs)))
      logger.warn(`${inFlight.count} still running after ${stopGraceMs / 1000} s: stopping without them`);
    // The health check and signal ingest answer outside Bolt's listeners: their connections end here.
    await Promise.race([closed, sleep(Math.max(0, deadline - Date.now()))]);
    await db.close().catch((error: unknown) => logger.warn("error while closing the database", error));
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  const detail =
    error instanceof Error ? (showStacks ? (error.stack ?? error.message) : error.message) : String(error);
  process.stderr.write(`The bot could not start: ${detail}\n`);
  process.exit(1);
});
