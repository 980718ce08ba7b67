// The Close modal's submission: validate, close the play (and log the touch), then update the message
// the Close button was in, through the response_url the modal kept in its private_metadata.
import { closePlay } from "../../../services/plays.ts";
import type { AppDeps } from "../../deps.ts";
import { type Caller, viewSubmissionHandler } from "../../handler.ts";
import { type ClosePlayOrigin, parseClosePlayForm, parseClosePlayMetadata } from "../../parse/close-play.ts";
import { publishHome } from "../../surfaces/app-home.ts";
import { renderPlaySurface } from "../../surfaces/play-surfaces.ts";
import { closePlayRefusedModal } from "../../views/close-play-modal.ts";
import { playNotice } from "../../views/play-blocks.ts";
import { postToResponseUrl } from "../../web/response-url.ts";

const outdated = "This form is out of date. Run `/plays` and click Close again.";

export function closePlaySubmissionHandler(deps: AppDeps) {
  return viewSubmissionHandler(deps, async ({ view, client }, caller) => {
    const origin = parseClosePlayMetadata(view.private_metadata);
    if (!origin) return { reply: { response_action: "update", view: closePlayRefusedModal(outdated) } };
    const form = parseClosePlayForm(view.state);
    if (!form.ok) return { reply: { response_action: "errors", errors: form.errors } };
    const result = await closePlay(deps.db, origin.playId, caller.user, form.form, deps.clock());
    if (!result.ok)
      return { reply: { response_action: "update", view: closePlayRefusedModal(result.message) } };
    return {
      afterAck: () =>
        origin.surface.kind === "home"
          ? publishHome(deps, client, caller.user, ":white_check_mark: Closed.")
          : updateOrigin(deps, origin, caller, result.play.accountId),
    };
  });
}

async function updateOrigin(deps: AppDeps, origin: ClosePlayOrigin, caller: Caller, accountId: string) {
  if (!origin.responseUrl) return;
  // A digest stays as it was sent: the closer alone hears it is done.
  if (origin.surface.kind === "digest") {
    const text = "Closed. The digest shows the morning's picture; `/plays` shows your plays as they are now.";
    await postToResponseUrl(origin.responseUrl, {
      response_type: "ephemeral",
      replace_original: false,
      ...playNotice(text),
    });
    return;
  }
  const message = await renderPlaySurface(deps, origin.surface, caller.user, accountId);
  if (message) await postToResponseUrl(origin.responseUrl, { replace_original: true, ...message });
}
