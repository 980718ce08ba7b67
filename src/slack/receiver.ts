// Bolt's receiver for this bot, in HTTP and Socket Mode alike: one server on PORT (src/http/server.ts,
// with its limits) serves the health check and signal ingest and, in HTTP mode, Slack's requests at
// /slack/events, screened (request-screen.ts) before Bolt's own HTTPReceiver handles them. In Socket
// Mode, Slack's requests come over Bolt's SocketModeReceiver. Built from Bolt's public Receiver
// interface and receivers.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { App, CustomRoute, HTTPReceiver, Receiver, SocketModeReceiver } from "@slack/bolt";
import { refuse } from "../http/body.ts";
import { close, createLimitedServer, listen } from "../http/server.ts";
import type { Logger } from "../logger.ts";
import type { RequestRefusals } from "../services/request-refusals.ts";
import { screenSlackRequest } from "./request-screen.ts";

export const slackEventsPath = "/slack/events";

export type SlackTransport =
  | { kind: "http"; receiver: HTTPReceiver; signingSecret: string }
  | { kind: "socket"; receiver: SocketModeReceiver };

export class GuardedReceiver implements Receiver {
  private server: Server | undefined;

  constructor(
    private readonly options: {
      port: number;
      routes: CustomRoute[];
      slack: SlackTransport;
      logger: Logger;
      refusals: RequestRefusals;
    },
  ) {}

  init(app: App): void {
    this.options.slack.receiver.init(app);
  }

  async start(port: number = this.options.port): Promise<Server> {
    if (this.options.slack.kind === "socket") await this.options.slack.receiver.start();
    this.server = await listen(
      createLimitedServer((req, res) => this.dispatch(req, res)),
      port,
    );
    return this.server;
  }

  async stop(): Promise<void> {
    const { slack } = this.options;
    const server = this.server;
    this.server = undefined;
    await Promise.all([
      server ? close(server) : undefined,
      slack.kind === "socket" ? slack.receiver.stop() : undefined,
    ]);
    // The refusals counted in the last minute, before the database closes.
    await this.options.refusals.flush();
  }

  private dispatch(req: IncomingMessage, res: ServerResponse): void {
    const { slack, routes, logger, refusals } = this.options;
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const method = (req.method ?? "GET").toUpperCase();
    if (slack.kind === "http" && path === slackEventsPath && method === "POST") {
      screenSlackRequest(req, res, { signingSecret: slack.signingSecret, logger, refusals }).then(
        (passed) => {
          if (!passed) return;
          try {
            slack.receiver.requestListener(req, res);
          } catch (error) {
            logger.error("Bolt's receiver could not take a Slack request", error);
            refuse(res, 500);
          }
        },
        (error: unknown) => {
          logger.error("a Slack request failed before Bolt got it", error);
          refuse(res, 500);
        },
      );
      return;
    }
    const route = routes.find(
      (r) => r.path === path && [r.method].flat().some((m) => m.toUpperCase() === method),
    );
    if (route) route.handler(Object.assign(req, { params: {} }), res);
    else refuse(res, 404);
  }
}
