// The App Home tab: the caller's book at a glance and how to use the bot; for someone the bot does not
// serve, why not and whom to ask.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { identifyCaller } from "../../caller.ts";
import type { AppDeps } from "../../deps.ts";
import { publishHome } from "../../surfaces/app-home.ts";
import { refusedHomeView } from "../../views/access-refusals.ts";

export function appHomeOpenedHandler(deps: AppDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<"app_home_opened">) => {
    if (event.tab !== "home") return;
    try {
      const identified = await identifyCaller(deps, event.user, "home", "read");
      if (identified.ok) await publishHome(deps, client, identified.caller.user);
      else
        await client.views.publish({ user_id: event.user, view: refusedHomeView(identified.text) as never });
    } catch (error) {
      deps.logger.error("could not publish the App Home", { user: event.user }, error);
    }
  };
}
