// The card's Record QBR button: the QBR modal with the card's account.
import type { AppDeps } from "../../deps.ts";
import { actionHandler } from "../../handler.ts";
import { openReviewModal } from "../../surfaces/review-modal.ts";
import { openReviewActionId } from "../../views/review-modal.ts";

export const reviewOpenAction = openReviewActionId;

export function reviewOpenHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, body, client }, caller) => {
    const accountId = (action as { value?: string }).value;
    if (!accountId || accountId.length > 64) return null;
    return openReviewModal(deps, client, caller.user, { triggerId: body.trigger_id, accountId });
  });
}
