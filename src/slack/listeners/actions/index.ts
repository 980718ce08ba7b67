import type { App, BlockAction } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import {
  accountOpenAction,
  accountOpenHandler,
  accountShareAction,
  accountShareCancelAction,
  accountShareCancelHandler,
  accountShareConfirmAction,
  accountShareConfirmHandler,
  accountShareHandler,
} from "./account-card.ts";
import { demoBookClaimAction, demoBookClaimHandler } from "./demo-book.ts";
import { digestSettingsOpenAction, digestSettingsOpenHandler } from "./digest-settings.ts";
import { homeShowAction, homeShowHandler } from "./home.ts";
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
import { playsPageAction, playsPageHandler } from "./plays-page.ts";
import { prepOpenAction, prepOpenHandler } from "./prep.ts";
import {
  renewalAccountOpenAction,
  renewalAccountOpenHandler,
  renewalCommitAction,
  renewalCommitHandler,
} from "./renewal.ts";
import {
  churnOpenAction,
  churnOpenHandler,
  outcomeChoiceAction,
  outcomeChoiceHandler,
  renewalOutcomeOpenAction,
  renewalOutcomeOpenHandler,
} from "./renewal-outcome.ts";
import { reviewOpenAction, reviewOpenHandler } from "./review-open.ts";
import {
  stakeholderAddAction,
  stakeholderAddHandler,
  stakeholderEditAction,
  stakeholderEditHandler,
  stakeholdersOpenAction,
  stakeholdersOpenHandler,
} from "./stakeholders.ts";
import { planEditAction, planEditHandler } from "./success-plan.ts";
import { touchOpenAction, touchOpenHandler } from "./touch-open.ts";

export function registerActions(app: App, deps: AppDeps): void {
  const routes = [
    [accountOpenAction, accountOpenHandler(deps)],
    [accountShareAction, accountShareHandler(deps)],
    [accountShareConfirmAction, accountShareConfirmHandler(deps)],
    [accountShareCancelAction, accountShareCancelHandler(deps)],
    [playClaimAction, playClaimHandler(deps)],
    [playSnoozeAction, playSnoozeHandler(deps)],
    [playCloseAction, playCloseHandler(deps)],
    [playReassignAction, playReassignHandler(deps)],
    [playsPageAction, playsPageHandler(deps)],
    [demoBookClaimAction, demoBookClaimHandler(deps)],
    [digestSettingsOpenAction, digestSettingsOpenHandler(deps)],
    [homeShowAction, homeShowHandler(deps)],
    [touchOpenAction, touchOpenHandler(deps)],
    [stakeholdersOpenAction, stakeholdersOpenHandler(deps)],
    [prepOpenAction, prepOpenHandler(deps)],
    [planEditAction, planEditHandler(deps)],
    [reviewOpenAction, reviewOpenHandler(deps)],
    [stakeholderAddAction, stakeholderAddHandler(deps)],
    [stakeholderEditAction, stakeholderEditHandler(deps)],
    [renewalCommitAction, renewalCommitHandler(deps)],
    [renewalAccountOpenAction, renewalAccountOpenHandler(deps)],
    [renewalOutcomeOpenAction, renewalOutcomeOpenHandler(deps)],
    [churnOpenAction, churnOpenHandler(deps)],
    [outcomeChoiceAction, outcomeChoiceHandler(deps)],
  ] as const;
  for (const [actionId, handler] of routes)
    app.action<BlockAction>({ type: "block_actions", action_id: actionId }, handler);
}
