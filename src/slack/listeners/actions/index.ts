import type { App, BlockAction } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
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
  app.action<BlockAction>({ type: "block_actions", action_id: accountOpenAction }, accountOpenHandler(deps));
  app.action<BlockAction>(
    { type: "block_actions", action_id: accountShareAction },
    accountShareHandler(deps),
  );
  app.action<BlockAction>({ type: "block_actions", action_id: playClaimAction }, playClaimHandler(deps));
  app.action<BlockAction>({ type: "block_actions", action_id: playSnoozeAction }, playSnoozeHandler(deps));
  app.action<BlockAction>({ type: "block_actions", action_id: playCloseAction }, playCloseHandler(deps));
  app.action<BlockAction>(
    { type: "block_actions", action_id: playReassignAction },
    playReassignHandler(deps),
  );
}
