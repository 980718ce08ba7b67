// The App Home's "Digest settings" button: opens the modal with the caller's settings (the trigger_id
// expires in 3 s, so nothing slow comes first).
import { digestSettingsOf } from "../../../services/digest-settings.ts";
import type { AppDeps } from "../../deps.ts";
import { actionHandler } from "../../handler.ts";
import { digestSettingsModal, openDigestSettingsActionId } from "../../views/digest-settings-modal.ts";

export const digestSettingsOpenAction = openDigestSettingsActionId;

export function digestSettingsOpenHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ body, client }, caller) => {
    const view = digestSettingsModal(digestSettingsOf(caller.user));
    await client.views.open({ trigger_id: body.trigger_id, view: view as never });
    return null;
  });
}
