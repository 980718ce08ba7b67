// /qbr <account>: the QBR modal for the account the text settles on; otherwise the answer /account gives.
import type { AppDeps } from "../../deps.ts";
import { modalCommandHandler } from "../../handler.ts";
import { replyForAccount } from "../../surfaces/account-reply.ts";
import { openReviewModal } from "../../surfaces/review-modal.ts";

export const qbrCommand = {
  command: "/qbr",
  description:
    "Record a QBR or EBR: outcomes against the success plan, the expansion question, the next date",
  usage_hint: "<account name or CRM id>",
};

export function qbrCommandHandler(deps: AppDeps) {
  return modalCommandHandler(deps, async ({ command, client }, caller) => {
    return replyForAccount(deps, command.text, (accountId) =>
      openReviewModal(deps, client, caller.user, { triggerId: command.trigger_id, accountId }),
    );
  });
}
