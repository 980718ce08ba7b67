// /stakeholders <account>: the account's map, grouped by role, with its warnings and Edit buttons.
import type { AppDeps } from "../../deps.ts";
import { commandHandler } from "../../handler.ts";
import { replyForAccount } from "../../surfaces/account-reply.ts";
import { renderStakeholderMap } from "../../surfaces/stakeholders.ts";

export const stakeholdersCommand = {
  command: "/stakeholders",
  description:
    "An account's stakeholder map: who matters, how they feel, when you last spoke; add or edit people",
  usage_hint: "<account name or CRM id>",
};

export function stakeholdersCommandHandler(deps: AppDeps) {
  return commandHandler(
    deps,
    ({ command }) =>
      replyForAccount(deps, command.text, (accountId) => renderStakeholderMap(deps, accountId)),
    { need: "read" },
  );
}
