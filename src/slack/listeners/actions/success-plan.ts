// The card's Success plan button: the plan modal, for those who may change it; a reason for anyone else.
import { accountPlan } from "../../../db/repositories/success-plans.ts";
import { planRefusal } from "../../../services/success-plans.ts";
import type { AppDeps } from "../../deps.ts";
import { actionHandler, errorReply } from "../../handler.ts";
import { editPlanActionId, successPlanModal } from "../../views/success-plan-modal.ts";

export const planEditAction = editPlanActionId;

export function planEditHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, body, client }, caller) => {
    const accountId = (action as { value?: string }).value;
    const account = accountId && accountId.length <= 64 ? await accountPlan(deps.db.client, accountId) : null;
    if (!account) return errorReply("That account no longer exists; an import may have removed it.");
    const refusal = planRefusal(account, caller.user);
    if (refusal) return errorReply(refusal);
    await client.views.open({ trigger_id: body.trigger_id, view: successPlanModal(account) as never });
    return null;
  });
}
