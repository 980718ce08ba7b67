// The digest settings modal's submission: the caller's own settings, checked, saved with an audit row;
// then the App Home shows them.
import { changeDigestSettings } from "../../../services/digest-settings.ts";
import type { AppDeps } from "../../deps.ts";
import { viewSubmissionHandler } from "../../handler.ts";
import { parseDigestSettingsForm } from "../../parse/digest-settings.ts";
import { publishHome } from "../../surfaces/app-home.ts";

export function digestSettingsSubmissionHandler(deps: AppDeps) {
  return viewSubmissionHandler(deps, async ({ view, client }, caller) => {
    const form = parseDigestSettingsForm(view.state);
    if (!form.ok) return { reply: { response_action: "errors", errors: form.errors } };
    const actor = { userId: caller.user.id, label: caller.user.slackUserId, source: "slack" as const };
    await changeDigestSettings(deps.db, actor, caller.user, form.change);
    return {
      afterAck: () => publishHome(deps, client, { ...caller.user, ...form.change }, "Digest settings saved."),
    };
  });
}
