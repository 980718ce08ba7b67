// The card's Prep button: the call-prep page, privately, below the card.
import type { AppDeps } from "../../deps.ts";
import { actionHandler } from "../../handler.ts";
import { renderCallPrep } from "../../surfaces/call-prep.ts";
import { prepActionId } from "../../views/call-prep.ts";

export const prepOpenAction = prepActionId;

export function prepOpenHandler(deps: AppDeps) {
  return actionHandler(
    deps,
    async ({ action }) => {
      const accountId = (action as { value?: string }).value;
      return accountId && accountId.length <= 64 ? renderCallPrep(deps, accountId) : null;
    },
    { need: "read" },
  );
}
