import type { App, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { closePlayCallbackId } from "../../views/close-play-modal.ts";
import { closePlaySubmissionHandler } from "./close-play.ts";

export function registerViews(app: App, deps: AppDeps): void {
  app.view<ViewSubmitAction>(
    { type: "view_submission", callback_id: closePlayCallbackId },
    closePlaySubmissionHandler(deps),
  );
}
