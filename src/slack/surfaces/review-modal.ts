// Opens the QBR modal for a caller: the account's map for the attendees and its plan's goals; a refusal
// comes back as a message instead.
import type { WebClient } from "@slack/web-api";
import { accountPlan } from "../../db/repositories/success-plans.ts";
import { accountForTouch } from "../../db/repositories/touches.ts";
import type { TeamMember } from "../../domain/team.ts";
import { reviewRefusal } from "../../services/reviews.ts";
import type { AppDeps } from "../deps.ts";
import { errorReply } from "../handler.ts";
import type { MessagePayload } from "../views/blocks.ts";
import { reviewModal } from "../views/review-modal.ts";

export async function openReviewModal(
  deps: AppDeps,
  client: WebClient,
  caller: TeamMember,
  open: { triggerId: string; accountId: string },
): Promise<MessagePayload | null> {
  const [account, plan] = await Promise.all([
    accountForTouch(deps.db.client, open.accountId),
    accountPlan(deps.db.client, open.accountId),
  ]);
  if (!account) return errorReply("That account no longer exists; an import may have removed it.");
  const refusal = reviewRefusal(account, caller);
  if (refusal) return errorReply(refusal);
  const view = reviewModal({
    account: { id: account.id, name: account.name },
    people: account.stakeholders,
    goals: plan?.successPlan?.goals ?? [],
    today: deps.clock(),
  });
  await client.views.open({ trigger_id: open.triggerId, view: view as never });
  return null;
}
