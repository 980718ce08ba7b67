// Opens the touch modal for a caller, from wherever they asked: the account pre-filled when known and
// theirs to write on; a refusal comes back as a message instead of a modal.
import type { WebClient } from "@slack/web-api";
import type { TeamMember } from "../../domain/team.ts";
import { touchAccount, touchRefusal } from "../../services/touches.ts";
import type { AppDeps } from "../deps.ts";
import { errorReply } from "../handler.ts";
import type { MessagePayload } from "../views/blocks.ts";
import { touchModal } from "../views/touch-modal.ts";

export interface OpenTouch {
  triggerId: string;
  accountId: string | null;
  summary?: string;
  permalink?: string | null;
  channelId?: string | null;
}

export async function openTouchModal(
  deps: AppDeps,
  client: WebClient,
  caller: TeamMember,
  open: OpenTouch,
): Promise<MessagePayload | null> {
  const account = open.accountId ? await touchAccount(deps.db.client, open.accountId) : null;
  const refusal = account && touchRefusal(account, caller);
  if (refusal) return errorReply(refusal);
  const view = touchModal({
    account: account && { id: account.id, name: account.name },
    now: deps.clock(),
    ...(open.summary ? { summary: open.summary } : {}),
    ...(open.permalink ? { permalink: open.permalink } : {}),
    ...(open.channelId ? { channelId: open.channelId } : {}),
  });
  await client.views.open({ trigger_id: open.triggerId, view: view as never });
  return null;
}
