// The Record renewal and Record churn submissions: checked whole (errors on their fields, nothing written
// until all is valid), recorded once (a second submission of the same renewal or churn writes nothing),
// then the modal says what was recorded, and the card it was opened from is drawn again.
import { recordChurn } from "../../../services/churn.ts";
import type { OutcomeRecording } from "../../../services/outcome-account.ts";
import { recordRenewalOutcome } from "../../../services/renewal-outcome.ts";
import type { AppDeps } from "../../deps.ts";
import { type Caller, type ViewSubmissionOutcome, viewSubmissionHandler } from "../../handler.ts";
import { outOfDate } from "../../parse/modal-state.ts";
import {
  type OutcomeOrigin,
  parseChurnForm,
  parseOutcomeMetadata,
  parseRenewalOutcomeForm,
} from "../../parse/renewal-outcome-form.ts";
import { renderPlaySurface } from "../../surfaces/play-surfaces.ts";
import {
  type OutcomeDetail,
  outcomeRecordedModal,
  outcomeRefusedModal,
} from "../../views/renewal-outcome-notices.ts";
import { postToResponseUrl } from "../../web/response-url.ts";

const refused = (message: string): ViewSubmissionOutcome => ({
  reply: { response_action: "update", view: outcomeRefusedModal(message) },
});

export function renewalOutcomeSubmissionHandler(deps: AppDeps) {
  return viewSubmissionHandler(deps, async ({ view }, caller) => {
    const origin = parseOutcomeMetadata(view.private_metadata);
    if (!origin?.renewalDate) return refused(outOfDate);
    const now = deps.clock();
    const form = parseRenewalOutcomeForm(view.state, origin.renewalDate, now);
    if (!form.ok) return { reply: { response_action: "errors", errors: form.errors } };
    const { input } = form;
    const recorded = await recordRenewalOutcome(
      deps.db,
      origin.accountId,
      input,
      caller.user,
      now,
      origin.renewalDate,
    );
    const detail: OutcomeDetail =
      input.kind === "renewed"
        ? { kind: "renewed", nextRenewalDate: input.newRenewalDate }
        : { kind: "churned", voluntary: input.voluntary, reason: input.reason };
    return answer(deps, recorded, detail, origin, caller);
  });
}

export function churnSubmissionHandler(deps: AppDeps) {
  return viewSubmissionHandler(deps, async ({ view }, caller) => {
    const origin = parseOutcomeMetadata(view.private_metadata);
    if (!origin) return refused(outOfDate);
    const form = parseChurnForm(view.state);
    if (!form.ok) return { reply: { response_action: "errors", errors: form.errors } };
    const recorded = await recordChurn(deps.db, origin.accountId, form.input, caller.user, deps.clock());
    return answer(deps, recorded, { kind: "churned", ...form.input }, origin, caller);
  });
}

function answer(
  deps: AppDeps,
  recorded: OutcomeRecording,
  detail: OutcomeDetail,
  origin: OutcomeOrigin,
  caller: Caller,
): ViewSubmissionOutcome {
  if (!recorded.ok) return refused(recorded.message);
  const { responseUrl } = origin;
  return {
    reply: { response_action: "update", view: outcomeRecordedModal(recorded, detail) },
    ...(responseUrl ? { afterAck: () => redrawCard(deps, responseUrl, caller, origin.accountId) } : {}),
  };
}

/** The card the form was opened from, as it is now: the new ARR and renewal date, the plays closed. */
async function redrawCard(deps: AppDeps, responseUrl: string, caller: Caller, accountId: string) {
  const card = await renderPlaySurface(deps, { kind: "account" }, caller.user, accountId);
  if (card) await postToResponseUrl(responseUrl, { replace_original: true, ...card });
}
