// /stakeholders <account>: the account's map, grouped by role, with its warnings and Edit buttons.
import { lookupAccount } from "../../../services/account-lookup.ts";
import type { AppDeps } from "../../deps.ts";
import { readOnlyCommandHandler } from "../../handler.ts";
import { renderStakeholderMap } from "../../surfaces/stakeholders.ts";
import { accountPickList, accountQueryProblem, noAccountFound } from "../../views/account-search-replies.ts";

export const stakeholdersCommand = {
  command: "/stakeholders",
  description:
    "An account's stakeholder map: who matters, how they feel, when you last spoke; add or edit people",
  usage_hint: "<account name or CRM id>",
};

export function stakeholdersCommandHandler(deps: AppDeps) {
  return readOnlyCommandHandler(deps, async ({ command }) => {
    const found = await lookupAccount(deps.db.client, command.text, deps.clock());
    switch (found.kind) {
      case "card":
        return renderStakeholderMap(deps, found.card.account.id);
      case "choices":
        return accountPickList(command.text.trim(), found.matches, found.correctedQuery);
      case "none":
        return noAccountFound(command.text.trim(), found.closest);
      case "problem":
        return accountQueryProblem(found.problem);
    }
  });
}
