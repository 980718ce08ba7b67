// /touch [account]: the touch modal, with the account filled in when the text names one.
import { lookupAccount } from "../../../services/account-lookup.ts";
import type { AppDeps } from "../../deps.ts";
import { modalCommandHandler } from "../../handler.ts";
import { openTouchModal } from "../../surfaces/touch-modal.ts";

export const touchCommand = {
  command: "/touch",
  description: "Log a call, meeting, email or QBR with an account, in under a minute",
  usage_hint: "[account name or CRM id]",
};

export function touchCommandHandler(deps: AppDeps) {
  return modalCommandHandler(deps, async ({ command, client }, caller) => {
    const text = command.text.trim();
    // A name that settles on one account fills it in; anything else leaves the account to pick.
    const found = text ? await lookupAccount(deps.db.client, text, deps.clock()) : null;
    const accountId = found?.kind === "card" ? found.card.account.id : null;
    return openTouchModal(deps, client, caller.user, { triggerId: command.trigger_id, accountId });
  });
}
