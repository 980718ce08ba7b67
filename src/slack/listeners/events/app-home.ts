// The App Home tab: the caller's book at a glance and how to use the bot.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { ensureUser } from "../../../services/team.ts";
import { type AppDeps, directoryFor } from "../../deps.ts";
import { publishHome } from "../../surfaces/app-home.ts";

export function appHomeOpenedHandler(deps: AppDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<"app_home_opened">) => {
    if (event.tab !== "home") return;
    try {
      const user = await ensureUser(deps.db, directoryFor(deps, client), event.user);
      await publishHome(deps, client, user);
    } catch (error) {
      deps.logger.error("could not publish the App Home", { user: event.user }, error);
    }
  };
}
