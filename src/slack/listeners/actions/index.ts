import type { App, BlockAction } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { namesPattern, router } from "../router.ts";
import {
  accountOpenAction,
  accountOpenHandler,
  accountShareAction,
  accountShareHandler,
} from "./account-card.ts";
import {
  playClaimAction,
  playClaimHandler,
  playCloseAction,
  playCloseHandler,
  playReassignAction,
  playReassignHandler,
  playSnoozeAction,
  playSnoozeHandler,
} from "./plays.ts";

export function registerActions(app: App, deps: AppDeps): void {
  const routes = [
    [accountOpenAction, accountOpenHandler(deps)],
    [accountShareAction, accountShareHandler(deps)],
    [playClaimAction, playClaimHandler(deps)],
    [playSnoozeAction, playSnoozeHandler(deps)],
    [playCloseAction, playCloseHandler(deps)],
    [playReassignAction, playReassignHandler(deps)],
  ] as const;
  app.action<BlockAction>(
    { type: "block_actions", action_id: namesPattern(routes) },
    router(routes, ({ action }) => action.action_id),
  );
}
