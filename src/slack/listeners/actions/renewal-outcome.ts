// Record renewal (on the card, a renewal reminder and the App Home) and Record churn (on the card): each
// opens its modal for the account on the button. Clicked on the card, the modal keeps the card's
// response_url so the card is drawn again once the outcome is recorded; a reminder stays as it was sent.
// Picking Renewed or Churned inside Record renewal draws the modal again with that outcome's fields.
import type { AppDeps } from "../../deps.ts";
import { type ActionArgs, actionHandler, UserFacingError } from "../../handler.ts";
import { parseOutcomeMetadata } from "../../parse/renewal-outcome-form.ts";
import {
  type OpenOutcome,
  openChurnModal,
  openRenewalOutcomeModal,
  switchRenewalOutcome,
} from "../../surfaces/renewal-outcome-modal.ts";
import { accountContractBlockId } from "../../views/account-card.ts";
import { churnActionId, outcomeInputs, renewalOutcomeActionId } from "../../views/renewal-outcome-modal.ts";

export const renewalOutcomeOpenAction = new RegExp(`^${renewalOutcomeActionId}(_\\d+)?$`);
export const churnOpenAction = churnActionId;
export const outcomeChoiceAction = outcomeInputs.result;

function opening({ action, body }: ActionArgs): OpenOutcome {
  const { value, block_id: blockId } = action as { value?: string; block_id?: string };
  if (!value || value.length > 64) throw new UserFacingError("That button no longer points at an account.");
  const responseUrl = (body as { response_url?: string }).response_url;
  return {
    triggerId: body.trigger_id,
    accountId: value,
    responseUrl: blockId === accountContractBlockId && responseUrl ? responseUrl : null,
  };
}

export function renewalOutcomeOpenHandler(deps: AppDeps) {
  return actionHandler(deps, async (args, caller) =>
    openRenewalOutcomeModal(deps, args.client, caller.user, opening(args)),
  );
}

export function churnOpenHandler(deps: AppDeps) {
  return actionHandler(deps, async (args, caller) =>
    openChurnModal(deps, args.client, caller.user, opening(args)),
  );
}

export function outcomeChoiceHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, body, client }, caller) => {
    const view = (body as { view?: { id: string; hash?: string; private_metadata?: string } }).view;
    const origin = view && parseOutcomeMetadata(view.private_metadata ?? "");
    if (!view || !origin) return null;
    const picked = (action as { selected_option?: { value?: string } }).selected_option?.value;
    const shown = { viewId: view.id, hash: view.hash, ...origin };
    await switchRenewalOutcome(
      deps,
      client,
      caller.user,
      shown,
      picked === "churned" ? "churned" : "renewed",
    );
    return null;
  });
}
