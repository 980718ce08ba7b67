// The stakeholder modal's submission: checked whole (errors inline on their fields, nothing saved until
// all is valid), saved once per view, then the map it came from redrawn.
import { removeStakeholder, saveStakeholder } from "../../../services/stakeholders.ts";
import type { AppDeps } from "../../deps.ts";
import { viewSubmissionHandler } from "../../handler.ts";
import { parseStakeholderForm } from "../../parse/stakeholder-form.ts";
import { renderStakeholderMap } from "../../surfaces/stakeholders.ts";
import { noticeModal } from "../../views/blocks.ts";
import { postToResponseUrl } from "../../web/response-url.ts";

export function stakeholderSubmissionHandler(deps: AppDeps) {
  return viewSubmissionHandler(deps, async ({ view }, caller) => {
    const now = deps.clock();
    const form = parseStakeholderForm(view.state, view.private_metadata, now);
    if (!form.ok) return { reply: { response_action: "errors", errors: form.errors } };
    const target = { accountId: form.accountId, stakeholderId: form.stakeholderId, viewId: view.id };
    const saved = form.remove
      ? await removeStakeholder(
          deps.db,
          caller.user,
          { ...target, stakeholderId: form.stakeholderId as string },
          now,
        )
      : await saveStakeholder(deps.db, caller.user, target, form.fields, now);
    if (!saved.ok)
      return {
        reply: { response_action: "update", view: noticeModal("Not saved", `:warning: ${saved.message}`) },
      };
    const responseUrl = form.responseUrl;
    if (!responseUrl) return {};
    return {
      afterAck: async () => {
        const map = await renderStakeholderMap(deps, form.accountId);
        await postToResponseUrl(responseUrl, { replace_original: true, ...map });
      },
    };
  });
}
