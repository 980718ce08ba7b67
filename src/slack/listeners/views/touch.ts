// The touch modal's submission: checked whole (errors inline on their fields, nothing saved until all is
// valid), saved once per view, then a private confirmation with the account's card a click away.
import { linkChannel } from "../../../db/repositories/channel-links.ts";
import { findUserBySlackId } from "../../../db/repositories/users.ts";
import { logTouch } from "../../../services/touches.ts";
import type { AppDeps } from "../../deps.ts";
import { viewSubmissionHandler } from "../../handler.ts";
import { parseTouchForm } from "../../parse/touch-form.ts";
import { touchConfirmation } from "../../views/touch-confirmation.ts";
import { touchInputs } from "../../views/touch-modal.ts";

export function touchSubmissionHandler(deps: AppDeps) {
  return viewSubmissionHandler(deps, async ({ view, client }, caller) => {
    const now = deps.clock();
    const form = parseTouchForm(view.state, view.private_metadata, now);
    if (!form.ok) return { reply: { response_action: "errors", errors: form.errors } };
    const owner = form.nextStepOwnerSlackId
      ? await findUserBySlackId(deps.db.client, form.nextStepOwnerSlackId)
      : null;
    if (form.nextStepOwnerSlackId && !owner)
      return {
        reply: {
          response_action: "errors",
          errors: { [touchInputs.nextStepOwner]: "Pick someone on the CS team: they own the next step." },
        },
      };
    const saved = await logTouch(
      deps.db,
      caller.user,
      { ...form.touch, nextStepOwnerId: owner?.id ?? null, viewId: view.id },
      now,
    );
    if (!saved.ok)
      return { reply: { response_action: "errors", errors: { [touchInputs[saved.field]]: saved.message } } };
    if (saved.again) return {};
    if (form.channelId) await linkChannel(deps.db.client, form.channelId, saved.account.id, caller.user.id);
    const message = touchConfirmation({
      accountId: saved.account.id,
      accountName: saved.account.name,
      late: saved.late,
    });
    return {
      afterAck: async () => void (await client.chat.postMessage({ channel: caller.slackUserId, ...message })),
    };
  });
}
