// /account <name or CRM id>: the call-prep card, a pick-list, or a helpful miss.
import { lookupAccount } from "../../../services/account-lookup.ts";
import type { AppDeps } from "../../deps.ts";
import { commandHandler } from "../../handler.ts";
import { accountCard } from "../../views/account-card.ts";
import { accountPickList, accountQueryProblem, noAccountFound } from "../../views/account-search-replies.ts";

export const accountCommand = {
  command: "/account",
  description: "Look up an account: owner, ARR, renewal, health, stakeholders, last touches, plays",
  usage_hint: "<account name or CRM id>",
};

export function accountCommandHandler(deps: AppDeps) {
  return commandHandler(
    deps,
    async ({ command }) => {
      const today = deps.clock();
      const found = await lookupAccount(deps.db.client, command.text, today);
      switch (found.kind) {
        case "card":
          return accountCard(found.card, { today });
        case "choices":
          return accountPickList(
            command.text.trim(),
            found.matches.map(({ id, externalId, name, ownerSlackId, arr }) => ({
              id,
              externalId,
              name,
              ownerSlackId,
              arr,
            })),
            found.correctedQuery,
          );
        case "none":
          return noAccountFound(command.text.trim(), found.closest);
        case "problem":
          return accountQueryProblem(found.problem);
      }
    },
    { need: "read" },
  );
}
