import type { App } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import {
  touchAccountOptionsHandler,
  touchAccountSuggestion,
  touchStakeholderOptionsHandler,
  touchStakeholderSuggestion,
} from "./touch-suggestions.ts";

/** The menus whose options the app searches on the server (external selects), by action id. */
export function registerOptions(app: App, deps: AppDeps): void {
  app.options(
    { type: "block_suggestion", action_id: touchAccountSuggestion },
    touchAccountOptionsHandler(deps),
  );
  app.options(
    { type: "block_suggestion", action_id: touchStakeholderSuggestion },
    touchStakeholderOptionsHandler(deps),
  );
}
