// The success plan modal's submission: checked whole (errors inline), saved once per view, audited; the
// modal then says it is saved and how the goals stand.
import { saveSuccessPlan } from "../../../services/success-plans.ts";
import type { AppDeps } from "../../deps.ts";
import { viewSubmissionHandler } from "../../handler.ts";
import { parseSuccessPlanForm } from "../../parse/success-plan-form.ts";
import { noticeModal } from "../../views/blocks.ts";
import { goalsOnTrack } from "../../views/wording.ts";

export function successPlanSubmissionHandler(deps: AppDeps) {
  return viewSubmissionHandler(deps, async ({ view }, caller) => {
    const form = parseSuccessPlanForm(view.state, view.private_metadata);
    if (!form.ok) return { reply: { response_action: "errors", errors: form.errors } };
    const saved = await saveSuccessPlan(
      deps.db,
      caller.user,
      { accountId: form.accountId, viewId: view.id },
      form.plan,
    );
    if (!saved.ok)
      return {
        reply: { response_action: "update", view: noticeModal("Not saved", `:warning: ${saved.message}`) },
      };
    const goals = form.plan.goals;
    return {
      reply: {
        response_action: "update",
        view: noticeModal(
          "Success plan saved",
          `:white_check_mark: Saved: ${goalsOnTrack(goals)}. The card shows it.`,
        ),
      },
    };
  });
}
