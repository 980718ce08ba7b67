import type { App, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { closePlayCallbackId } from "../../views/close-play-modal.ts";
import { namesPattern, router } from "../router.ts";
import { closePlaySubmissionHandler } from "./close-play.ts";

export function registerViews(app: App, deps: AppDeps): void {
  const routes = [[closePlayCallbackId, closePlaySubmissionHandler(deps)]] as const;
  app.view<ViewSubmitAction>(
    { type: "view_submission", callback_id: namesPattern(routes) },
    router(routes, ({ view }) => view.callback_id),
  );
}
