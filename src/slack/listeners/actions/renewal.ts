// The buttons of a renewal reminder: record the renewal's commit status, open the account. The reminder
// may be in a shared channel and stays as it was sent; the clicker is answered privately.
import { recordRenewalCommit } from "../../../services/renewal-commit.ts";
import type { AppDeps } from "../../deps.ts";
import { actionHandler, UserFacingError } from "../../handler.ts";
import { playNotice } from "../../views/play-blocks.ts";
import { commitRecordedNotice, renewalActions } from "../../views/renewal-reminder.ts";
import { accountOpenHandler } from "./account-card.ts";

export const renewalCommitAction = new RegExp(`^${renewalActions.commitPrefix}(committed|at_risk|unknown)$`);
export const renewalAccountOpenAction = renewalActions.openAccount;

export function renewalCommitHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action }, caller) => {
    const accountId = (action as { value?: string }).value;
    if (!accountId || accountId.length > 64)
      throw new UserFacingError("That button no longer points at an account.");
    const commit = action.action_id.slice(renewalActions.commitPrefix.length);
    const result = await recordRenewalCommit(deps.db, accountId, commit, caller.user, deps.clock());
    return result.ok ? commitRecordedNotice(result.accountName, result.commit) : playNotice(result.message);
  });
}

export function renewalAccountOpenHandler(deps: AppDeps) {
  return accountOpenHandler(deps, { replaceOriginal: false });
}
