// Non-Slack HTTP routes, served by Bolt's receiver on PORT in HTTP and Socket Mode alike.
import type { CustomRoute } from "@slack/bolt";
import type { DataAccess } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { Clock } from "../services/ports.ts";
import { json } from "./json.ts";
import { signalsHandler } from "./signals-route.ts";

export interface RoutesDeps {
  db: DataAccess;
  clock: Clock;
  logger: Logger;
  ingestTokens: string[];
}

export function httpRoutes(deps: RoutesDeps): CustomRoute[] {
  const routes: CustomRoute[] = [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        deps.db.ping().then(
          () => json(res, 200, { ok: true }),
          (error: unknown) => {
            deps.logger.warn("health check: the database did not answer", error);
            json(res, 503, { ok: false, error: "database unreachable" });
          },
        );
      },
    },
  ];
  if (deps.ingestTokens.length) {
    const handle = signalsHandler(deps);
    routes.push({ path: "/api/v1/signals", method: ["POST"], handler: (req, res) => void handle(req, res) });
  }
  return routes;
}
