import type { App, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { closePlayCallbackId } from "../../views/close-play-modal.ts";
import { digestSettingsCallbackId } from "../../views/digest-settings-modal.ts";
import { reviewCallbackId } from "../../views/review-modal.ts";
import { stakeholderCallbackId } from "../../views/stakeholder-modal.ts";
import { successPlanCallbackId } from "../../views/success-plan-modal.ts";
import { touchCallbackId } from "../../views/touch-modal.ts";
import { closePlaySubmissionHandler } from "./close-play.ts";
import { digestSettingsSubmissionHandler } from "./digest-settings.ts";
import { reviewSubmissionHandler } from "./review.ts";
import { stakeholderSubmissionHandler } from "./stakeholder.ts";
import { successPlanSubmissionHandler } from "./success-plan.ts";
import { touchSubmissionHandler } from "./touch.ts";

export function registerViews(app: App, deps: AppDeps): void {
  app.view<ViewSubmitAction>(
    { type: "view_submission", callback_id: closePlayCallbackId },
    closePlaySubmissionHandler(deps),
  );
  app.view<ViewSubmitAction>(
    { type: "view_submission", callback_id: digestSettingsCallbackId },
    digestSettingsSubmissionHandler(deps),
  );
  app.view<ViewSubmitAction>(
    { type: "view_submission", callback_id: touchCallbackId },
    touchSubmissionHandler(deps),
  );
  app.view<ViewSubmitAction>(
    { type: "view_submission", callback_id: stakeholderCallbackId },
    stakeholderSubmissionHandler(deps),
  );
  app.view<ViewSubmitAction>(
    { type: "view_submission", callback_id: successPlanCallbackId },
    successPlanSubmissionHandler(deps),
  );
  app.view<ViewSubmitAction>(
    { type: "view_submission", callback_id: reviewCallbackId },
    reviewSubmissionHandler(deps),
  );
}
