// Builds the Bolt app: receiver (HTTP or Socket Mode), Web API client pointed at SLACK_API_URL,
// and every listener. Starting it (a port, signals) is main.ts's job, so tests can build it freely.
import { App, type CustomRoute, type LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Config } from "../config.ts";
import { httpRoutes } from "../http/routes.ts";
import type { AppDeps, BaseDeps } from "./deps.ts";
import { registerActions } from "./listeners/actions/index.ts";
import { registerCommands } from "./listeners/commands/index.ts";
import { registerEvents } from "./listeners/events/index.ts";
import { registerOptions } from "./listeners/options/index.ts";
import { registerShortcuts } from "./listeners/shortcuts/index.ts";
import { registerViews } from "./listeners/views/index.ts";
import { webAccessPolicy } from "./web/access-policy.ts";
import { socketModeClientOptions, webClientOptions } from "./web/client-options.ts";

export function buildApp(config: Config, baseDeps: BaseDeps, extraRoutes: CustomRoute[] = []): App {
  if (!config.slack.botToken) throw new Error("buildApp needs SLACK_BOT_TOKEN (checked by loadConfig)");
  const logger = baseDeps.logger as unknown as SlackLogger;
  const customRoutes = [
    ...httpRoutes({
      db: baseDeps.db,
      clock: baseDeps.clock,
      logger: baseDeps.logger,
      ingestToken: config.ingestToken,
    }),
    ...extraRoutes,
  ];
  const common = {
    token: config.slack.botToken,
    logger,
    logLevel: config.logLevel as LogLevel,
    clientOptions: webClientOptions(config, baseDeps.logger),
    customRoutes,
    // Bolt's default conversation store keeps state per channel in memory and, for each request it
    // has none for, builds and throws away an Error. Nothing here keeps conversation state.
    convoStore: false as const,
  };
  const app = config.slack.appToken
    ? new App({
        ...common,
        socketMode: true,
        appToken: config.slack.appToken,
        // Custom routes (health check, signal ingest) listen on PORT. Socket Mode's client would get
        // clientOptions from Bolt, our five retries included; it gets them without, and keeps its own
        // policy of many retries, so that after a long outage the bot still reconnects.
        installerOptions: {
          port: config.port,
          clientOptions: socketModeClientOptions(config, baseDeps.logger),
        },
      })
    : new App({ ...common, signingSecret: config.slack.signingSecret as string });
  const deps: AppDeps = { ...baseDeps, access: webAccessPolicy(app.client, config.access) };

  registerCommands(app, deps);
  registerActions(app, deps);
  registerEvents(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
  registerOptions(app, deps);
  app.error(async (error) => {
    deps.logger.error("unhandled error in a listener", error);
  });
  return app;
}
