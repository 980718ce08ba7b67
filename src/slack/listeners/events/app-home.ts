// The App Home tab: the caller's dashboard; for someone the bot does not serve, why not and whom to ask.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { redrawHome } from "../../surfaces/app-home.ts";

export function appHomeOpenedHandler(deps: AppDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<"app_home_opened">) => {
    if (event.tab !== "home") return;
    try {
      deps.homes.opened(event.user);
      await redrawHome(deps, client, event.user);
    } catch (error) {
      deps.logger.error("could not publish the App Home", { user: event.user }, error);
    }
  };
}
