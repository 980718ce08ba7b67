// /prep <account>: the one-screen page to read in the 90 seconds before a call.
import type { AppDeps } from "../../deps.ts";
import { commandHandler } from "../../handler.ts";
import { replyForAccount } from "../../surfaces/account-reply.ts";
import { renderCallPrep } from "../../surfaces/call-prep.ts";

export const prepCommand = {
  command: "/prep",
  description: "One screen before a call: touches, people, support, plays, renewal, success plan",
  usage_hint: "<account name or CRM id>",
};

export function prepCommandHandler(deps: AppDeps) {
  return commandHandler(
    deps,
    ({ command }) => replyForAccount(deps, command.text, (accountId) => renderCallPrep(deps, accountId)),
    { need: "read" },
  );
}
