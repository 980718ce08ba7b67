// The card's "Log touch" button: the touch modal with the card's account filled in.
import type { AppDeps } from "../../deps.ts";
import { actionHandler } from "../../handler.ts";
import { openTouchModal } from "../../surfaces/touch-modal.ts";
import { openTouchActionId } from "../../views/touch-modal.ts";

export const touchOpenAction = openTouchActionId;

export function touchOpenHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, body, client }, caller) => {
    const accountId = (action as { value?: string }).value ?? null;
    return openTouchModal(deps, client, caller.user, {
      triggerId: body.trigger_id,
      accountId: accountId && accountId.length <= 64 ? accountId : null,
    });
  });
}
