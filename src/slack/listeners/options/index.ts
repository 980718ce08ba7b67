import type { App } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { optionsHandler } from "../../handler.ts";
import {
  touchAccountOptionsHandler,
  touchAccountSuggestion,
  touchStakeholderOptionsHandler,
  touchStakeholderSuggestion,
} from "./touch-suggestions.ts";

/** The menus whose options the app searches on the server (external selects), by action id; each answers only people the bot serves. */
export function registerOptions(app: App, deps: AppDeps): void {
  app.options(
    { type: "block_suggestion", action_id: touchAccountSuggestion },
    optionsHandler(deps, touchAccountOptionsHandler(deps)),
  );
  app.options(
    { type: "block_suggestion", action_id: touchStakeholderSuggestion },
    optionsHandler(deps, touchStakeholderOptionsHandler(deps)),
  );
}
