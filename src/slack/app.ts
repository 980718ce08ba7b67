// Builds the Bolt app: receiver (HTTP or Socket Mode), Web API client pointed at SLACK_API_URL,
// and every listener. Starting it (a port, signals) is main.ts's job, so tests can build it freely.
import {
  App,
  type CustomRoute,
  HTTPReceiver,
  type LogLevel,
  type Logger as SlackLogger,
  SocketModeReceiver,
} from "@slack/bolt";
import type { Config } from "../config.ts";
import { slackBodyLimitBytes } from "../http/limits.ts";
import { httpRoutes } from "../http/routes.ts";
import { requestRefusalAudit } from "../services/request-refusals.ts";
import type { AppDeps, BaseDeps } from "./deps.ts";
import { registerActions } from "./listeners/actions/index.ts";
import { registerCommands } from "./listeners/commands/index.ts";
import { registerEvents } from "./listeners/events/index.ts";
import { registerOptions } from "./listeners/options/index.ts";
import { registerShortcuts } from "./listeners/shortcuts/index.ts";
import { registerViews } from "./listeners/views/index.ts";
import { GuardedReceiver, type SlackTransport } from "./receiver.ts";
import { redrawHome } from "./surfaces/app-home.ts";
import { homeTabs } from "./surfaces/home-tabs.ts";
import { webAccessPolicy } from "./web/access-policy.ts";
import { socketModeClientOptions, webClientOptions } from "./web/client-options.ts";
import { installedWorkspaceOnly } from "./workspace-guard.ts";

export function buildApp(config: Config, baseDeps: BaseDeps, extraRoutes: CustomRoute[] = []): App {
  if (!config.slack.botToken) throw new Error("buildApp needs SLACK_BOT_TOKEN (checked by loadConfig)");
  const logger = baseDeps.logger as unknown as SlackLogger;
  const customRoutes = [
    ...httpRoutes({
      db: baseDeps.db,
      clock: baseDeps.clock,
      logger: baseDeps.logger,
      ingestTokens: config.ingestTokens,
    }),
    ...extraRoutes,
  ];
  const logLevel = config.logLevel as LogLevel;
  const refusals = requestRefusalAudit(baseDeps.db.client, baseDeps.logger);
  const slack: SlackTransport = config.slack.appToken
    ? {
        kind: "socket",
        // Socket Mode's client would get clientOptions from Bolt, our five retries included; it gets
        // them without, and keeps its own policy of many retries, so that after a long outage the bot
        // still reconnects.
        receiver: new SocketModeReceiver({
          appToken: config.slack.appToken,
          logger,
          logLevel,
          installerOptions: { clientOptions: socketModeClientOptions(config, baseDeps.logger) },
        }),
      }
    : {
        kind: "http",
        receiver: new HTTPReceiver({
          signingSecret: config.slack.signingSecret as string,
          logger,
          logLevel,
          bodyLimit: slackBodyLimitBytes,
        }),
        signingSecret: config.slack.signingSecret as string,
      };
  const app = new App({
    token: config.slack.botToken,
    logger,
    logLevel,
    clientOptions: webClientOptions(config, baseDeps.logger),
    receiver: new GuardedReceiver({
      port: config.port,
      routes: customRoutes,
      slack,
      logger: baseDeps.logger,
      refusals,
    }),
    // Bolt's default conversation store keeps state per channel in memory and, for each request it
    // has none for, builds and throws away an Error. Nothing here keeps conversation state.
    convoStore: false,
  });
  // Before every listener: requests from another workspace go no further.
  app.use(installedWorkspaceOnly(baseDeps.logger, refusals));
  const deps: AppDeps = {
    ...baseDeps,
    access: webAccessPolicy(app.client, config.access),
    homes: homeTabs({ redraw: (user) => redrawHome(deps, app.client, user), logger: baseDeps.logger }),
  };

  registerCommands(app, deps);
  registerActions(app, deps);
  registerEvents(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
  registerOptions(app, deps);
  app.error(async (error) => {
    baseDeps.logger.error("unhandled error in a listener", error);
  });
  return app;
}
