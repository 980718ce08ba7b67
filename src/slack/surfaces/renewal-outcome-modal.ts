// Opens Record renewal or Record churn for a caller: the account's figures, the proposed next renewal and
// the plays it would close; a refusal (not theirs to record, already churned, not due yet) comes back as
// a message instead of a modal. Picking Renewed or Churned in Record renewal draws it again for that pick.
import type { WebClient } from "@slack/web-api";
import type { TeamMember } from "../../domain/team.ts";
import { churnStart, renewalOutcomeStart } from "../../services/renewal-outcome-start.ts";
import type { AppDeps } from "../deps.ts";
import { errorReply } from "../handler.ts";
import type { MessagePayload } from "../views/blocks.ts";
import { churnModal, type OutcomeChoice, renewalOutcomeModal } from "../views/renewal-outcome-modal.ts";
import { outcomeRefusedModal } from "../views/renewal-outcome-notices.ts";

export interface OpenOutcome {
  triggerId: string;
  accountId: string;
  /** The card the button was on, to draw again once recorded. */
  responseUrl: string | null;
}

export async function openRenewalOutcomeModal(
  deps: AppDeps,
  client: WebClient,
  caller: TeamMember,
  open: OpenOutcome,
): Promise<MessagePayload | null> {
  const today = deps.clock();
  const start = await renewalOutcomeStart(deps.db, open.accountId, caller, today);
  if (!start.ok) return errorReply(start.message);
  const view = renewalOutcomeModal(start.form, today, { responseUrl: open.responseUrl, choice: "renewed" });
  await client.views.open({ trigger_id: open.triggerId, view: view as never });
  return null;
}

/** The open Record renewal modal, drawn again with the fields of the outcome just picked. */
export async function switchRenewalOutcome(
  deps: AppDeps,
  client: WebClient,
  caller: TeamMember,
  shown: { viewId: string; hash: string | undefined; accountId: string; responseUrl: string | null },
  choice: OutcomeChoice,
): Promise<void> {
  const today = deps.clock();
  const start = await renewalOutcomeStart(deps.db, shown.accountId, caller, today);
  const view = start.ok
    ? renewalOutcomeModal(start.form, today, { responseUrl: shown.responseUrl, choice })
    : outcomeRefusedModal(start.message);
  // The hash makes Slack refuse the update when the modal changed meanwhile (a faster second pick).
  await client.views.update({
    view_id: shown.viewId,
    ...(shown.hash ? { hash: shown.hash } : {}),
    view: view as never,
  });
}

export async function openChurnModal(
  deps: AppDeps,
  client: WebClient,
  caller: TeamMember,
  open: OpenOutcome,
): Promise<MessagePayload | null> {
  const start = await churnStart(deps.db, open.accountId, caller);
  if (!start.ok) return errorReply(start.message);
  const view = churnModal(start.form, deps.clock(), open.responseUrl);
  await client.views.open({ trigger_id: open.triggerId, view: view as never });
  return null;
}
