import type { App, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { closePlayCallbackId } from "../../views/close-play-modal.ts";
import { digestSettingsCallbackId } from "../../views/digest-settings-modal.ts";
import { churnCallbackId, renewalOutcomeCallbackId } from "../../views/renewal-outcome-modal.ts";
import { reviewCallbackId } from "../../views/review-modal.ts";
import { stakeholderCallbackId } from "../../views/stakeholder-modal.ts";
import { successPlanCallbackId } from "../../views/success-plan-modal.ts";
import { touchCallbackId } from "../../views/touch-modal.ts";
import { closePlaySubmissionHandler } from "./close-play.ts";
import { digestSettingsSubmissionHandler } from "./digest-settings.ts";
import { churnSubmissionHandler, renewalOutcomeSubmissionHandler } from "./renewal-outcome.ts";
import { reviewSubmissionHandler } from "./review.ts";
import { stakeholderSubmissionHandler } from "./stakeholder.ts";
import { successPlanSubmissionHandler } from "./success-plan.ts";
import { touchSubmissionHandler } from "./touch.ts";

export function registerViews(app: App, deps: AppDeps): void {
  // Each modal's callback_id and the handler of its submission.
  const routes = [
    [closePlayCallbackId, closePlaySubmissionHandler(deps)],
    [digestSettingsCallbackId, digestSettingsSubmissionHandler(deps)],
    [touchCallbackId, touchSubmissionHandler(deps)],
    [stakeholderCallbackId, stakeholderSubmissionHandler(deps)],
    [successPlanCallbackId, successPlanSubmissionHandler(deps)],
    [reviewCallbackId, reviewSubmissionHandler(deps)],
    [renewalOutcomeCallbackId, renewalOutcomeSubmissionHandler(deps)],
    [churnCallbackId, churnSubmissionHandler(deps)],
  ] as const;
  for (const [callbackId, handler] of routes)
    app.view<ViewSubmitAction>({ type: "view_submission", callback_id: callbackId }, handler);
}
